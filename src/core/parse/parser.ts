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
 * Loads the tree-sitter runtime once and each grammar the first time a file of
 * its language is parsed, so nothing heavy happens before it is needed.
 */
export class ParserPool {
  private runtime: Promise<void> | undefined;
  private readonly grammars = new Map<SourceLanguage, Promise<TreeSitter.Language>>();
  private readonly parsers = new Map<SourceLanguage, TreeSitter.Parser>();

  constructor(private readonly location: WasmLocation) {}

  /** Prepares the grammar for a language; parsing is synchronous afterwards. */
  async load(language: SourceLanguage): Promise<void> {
    if (this.parsers.has(language)) return;
    this.runtime ??= TreeSitter.Parser.init({
      locateFile: (file: string) => path.join(this.location.runtimeDir, file),
    });
    await this.runtime;
    let grammar = this.grammars.get(language);
    if (!grammar) {
      const file = path.join(this.location.grammarDir, GRAMMAR_FILES[language]);
      grammar = TreeSitter.Language.load(file).catch((error: unknown) => {
        this.grammars.delete(language);
        throw new Error(`Could not load the ${language} grammar from ${file}: ${error instanceof Error ? error.message : String(error)}`);
      });
      this.grammars.set(language, grammar);
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

  /** Parses text; pass the previous tree (already `edit`ed) for an incremental parse. */
  parse(language: SourceLanguage, text: string, previous?: Tree): Tree {
    const parser = this.parsers.get(language);
    if (!parser) throw new Error(`The ${language} grammar is not loaded yet; call load() first.`);
    const tree = parser.parse(text, previous ?? null);
    if (!tree) throw new Error(`tree-sitter returned no tree for a ${language} file.`);
    return tree;
  }
}

