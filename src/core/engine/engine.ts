import { analyzeTree, type AnalyzeOptions } from '../analyze/analyze';
import type { FileAnalysis, SourceLanguage } from '../model';
import { coveringEdit } from '../parse/incremental';
import { ParserPool, type Tree, type WasmLocation } from '../parse/parser';
import { mayContainLlmCall } from '../providers/prefilter';

/** How many documents keep their last tree for incremental re-parsing. */
const KEPT_TREES = 20;

interface KeptTree {
  text: string;
  language: SourceLanguage;
  tree: Tree;
}

/** Parses and analyses source files; grammars load on first use of each language. */
export class Engine {
  private readonly parsers: ParserPool;
  private readonly kept = new Map<string, KeptTree>();

  constructor(location: WasmLocation) {
    this.parsers = new ParserPool(location);
  }

  /** Loads what analysing this language needs; afterwards `analyzeLoaded` is synchronous. */
  prepare(language: SourceLanguage): Promise<void> {
    return this.parsers.load(language);
  }

  async analyze(text: string, language: SourceLanguage, options: AnalyzeOptions = {}): Promise<FileAnalysis> {
    if (!mayContainLlmCall(text, language)) return emptyAnalysis(language);
    await this.parsers.load(language);
    return this.analyzeLoaded(text, language, options);
  }

  /**
   * Like `analyzeLoaded`, but keeps the tree under `key` (a document URI) and
   * re-parses the next text for that key incrementally: tree-sitter reuses every
   * subtree the edit did not touch.
   */
  analyzeKept(key: string, text: string, language: SourceLanguage, options: AnalyzeOptions = {}): FileAnalysis {
    const previous = this.kept.get(key);
    let tree: Tree;
    if (previous && previous.language === language) {
      const edit = coveringEdit(previous.text, text);
      if (edit) previous.tree.edit(edit);
      tree = edit ? this.parsers.parse(language, text, previous.tree) : previous.tree;
      if (edit) previous.tree.delete();
    } else {
      previous?.tree.delete();
      tree = this.parsers.parse(language, text);
    }
    this.kept.delete(key);
    this.kept.set(key, { text, language, tree });
    this.evictOldTrees();
    return analyzeTree(tree, text, language, options);
  }

  /** Drops the tree kept for a closed document. */
  forget(key: string): void {
    this.kept.get(key)?.tree.delete();
    this.kept.delete(key);
  }

  private evictOldTrees(): void {
    for (const [key, entry] of this.kept) {
      if (this.kept.size <= KEPT_TREES) return;
      entry.tree.delete();
      this.kept.delete(key);
    }
  }

  analyzeLoaded(text: string, language: SourceLanguage, options: AnalyzeOptions = {}): FileAnalysis {
    const tree = this.parsers.parse(language, text);
    try {
      return analyzeTree(tree, text, language, options);
    } finally {
      tree.delete();
    }
  }
}

export function emptyAnalysis(language: SourceLanguage): FileAnalysis {
  return { language, calls: [], suppressions: [], syntaxErrors: [] };
}
