import * as path from 'node:path';
import TreeSitter = require('web-tree-sitter');
import type { SourceLanguage } from '../model';

export type Tree = TreeSitter.Tree;
export type SyntaxNode = TreeSitter.Node;

const GRAMMAR_FILES: Record<SourceLanguage, string> = {
  python: 'tree-sitter-python.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  javascript: 'tree-sitter-javascript.wasm',
};

/** Where the runtime (`web-tree-sitter.wasm`) and grammar `.wasm` files live. */
export interface WasmLocation {
  runtimeDir: string;
  grammarDir: string;
}

/** Bundles copy every `.wasm` file beside the script. */
export function wasmLocationBeside(dir: string): WasmLocation {
  return { runtimeDir: dir, grammarDir: dir };
}

/**
 * The tree-sitter runtime and the grammars loaded into it. web-tree-sitter has
 * one runtime per thread, whatever the number of pools, and loading a grammar
 * into it a second time corrupted its memory (a test creating a hundred engines
 * crashed one run in two): each is loaded once per thread and shared.
 */
let runtime: Promise<void> | undefined;
const grammars = new Map<string, Promise<TreeSitter.Language>>();

/**
 * Loads the tree-sitter runtime once and each grammar the first time a file of
 * its language is parsed, so nothing heavy happens before it is needed.
 */
export class ParserPool {
  private readonly parsers = new Map<SourceLanguage, TreeSitter.Parser>();

  constructor(private readonly location: WasmLocation) {}

  /** Prepares the grammar for a language; parsing is synchronous afterwards. */
  async load(language: SourceLanguage): Promise<void> {
    if (this.parsers.has(language)) return;
    runtime ??= TreeSitter.Parser.init({
      locateFile: (file: string) => path.join(this.location.runtimeDir, file),
    });
    await runtime;
    const file = path.join(this.location.grammarDir, GRAMMAR_FILES[language]);
    let grammar = grammars.get(file);
    if (!grammar) {
      grammar = TreeSitter.Language.load(file).catch((error: unknown) => {
        grammars.delete(file);
        throw new Error(`Could not load the ${language} grammar from ${file}: ${error instanceof Error ? error.message : String(error)}`);
      });
      grammars.set(file, grammar);
    }
    const loaded = await grammar;
    if (!this.parsers.has(language)) {
      const parser = new TreeSitter.Parser();
      parser.setLanguage(loaded);
      this.parsers.set(language, parser);
    }
  }

  isLoaded(language: SourceLanguage): boolean {
    return this.parsers.has(language);
  }

  /**
   * Parses text; pass the previous tree (already `edit`ed) for an incremental parse.
   * Throws a ParseTimeLimitError when parsing takes longer than `parseTimeLimitMs`.
   */
  parse(language: SourceLanguage, text: string, previous?: Tree): Tree {
    const parser = this.parsers.get(language);
    if (!parser) throw new Error(`The ${language} grammar is not loaded yet; call load() first.`);
    if (runtimeCrash) throw new ParserCrashError(`tree-sitter crashed earlier in this thread ${runtimeCrash}; it parses nothing more here`);
    const limitMs = parseTimeLimitMs(text.length);
    const deadline = performance.now() + limitMs;
    let tree: Tree | null;
    try {
      tree = parser.parse(text, previous ?? null, { progressCallback: () => performance.now() > deadline });
    } catch (error) {
      runtimeCrash = `on a ${text.length}-character ${language} text (${error instanceof Error ? error.message : String(error)})`;
      throw new ParserCrashError(`tree-sitter crashed ${runtimeCrash}`);
    }
    if (!tree) {
      // A cancelled parse would otherwise resume on the next call, whatever its text.
      parser.reset();
      throw new ParseTimeLimitError(language, text.length, limitMs);
    }
    return tree;
  }
}

/**
 * Set once tree-sitter has crashed in this thread. Its WebAssembly build has a
 * 64 KB C stack, which its error recovery overflows on some malformed code (in
 * Python, a few KB of `*` `/` pairs after a deleted bracket), corrupting the
 * runtime's memory: later parses would fail at random or return wrong trees.
 * The runtime is loaded once per thread and cannot be loaded again.
 */
let runtimeCrash: string | undefined;

/**
 * Tree-sitter parses about 5 MB/s, but its error recovery can take time quadratic
 * in a long run of malformed tokens: a 150 KB line of `*` `/` pairs inside an
 * object literal takes 15 s. So parsing may take a second, plus 1 ms per 1,000
 * characters (five times the normal time), and then stops.
 */
export function parseTimeLimitMs(length: number): number {
  return 1000 + length / 1000;
}

export class ParseTimeLimitError extends Error {
  constructor(language: SourceLanguage, length: number, limitMs: number) {
    super(`parsing stopped after ${Math.round(limitMs)} ms: tree-sitter's error recovery is too slow on this ${length}-character ${language} text`);
    this.name = 'ParseTimeLimitError';
  }
}

export class ParserCrashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParserCrashError';
  }
}
