import { analyzeTree, analyzeWithState, languageSupport, reanalyzeAfterLiteralEdit, type AnalysisResult, type AnalyzeOptions } from '../analyze/analyze';
import { isFromPromptFile } from '../analyze/prompts';
import type { FileAnalysis, SourceLanguage } from '../model';
import { coveringEdit, editedLiteral, literalShift, type EditShift } from '../parse/incremental';
import { ParserPool, type Tree, type WasmLocation } from '../parse/parser';
import { mayContainLlmCall } from '../providers/prefilter';

/** The same text again: nothing moves. */
const NO_SHIFT: EditShift = { start: 0, oldEnd: 0, delta: 0, row: -1, oldEndColumn: 0, movesAtEnd: false };

/** How many documents keep their last tree for incremental re-parsing. */
const KEPT_TREES = 20;

interface KeptTree {
  text: string;
  language: SourceLanguage;
  tree: Tree;
  result: AnalysisResult;
}

/** A kept document's analysis, and how it relates to the one before. */
export interface KeptAnalysis extends AnalysisResult {
  /** Set when the edit only changed one literal: results not re-examined moved by this much. */
  shift: EditShift | null;
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
   * subtree the edit did not touch. When the edit only changed the text of one
   * string or number, only the calls that read it are analysed again.
   */
  analyzeKept(key: string, text: string, language: SourceLanguage, options: AnalyzeOptions = {}): FileAnalysis {
    return this.analyzeKeptIncrementally(key, text, language, options).analysis;
  }

  analyzeKeptIncrementally(key: string, text: string, language: SourceLanguage, options: AnalyzeOptions = {}): KeptAnalysis {
    const previous = this.kept.get(key);
    this.kept.delete(key);
    // The same text again gives the same analysis, unless a prompt file it read has changed since.
    if (previous && previous.language === language && previous.text === text && !readsPromptFiles(previous.result.analysis)) {
      this.kept.set(key, previous);
      return { ...previous.result, carriedFrom: previous.result.analysis.calls.map((_, index) => index), shift: NO_SHIFT };
    }
    if (previous?.language !== language) previous?.tree.delete();
    const { tree, shift } = previous?.language === language ? this.reparse(previous, text) : { tree: this.parsers.parse(language, text), shift: null };
    let result: KeptAnalysis;
    try {
      const carried = previous && shift ? reanalyzeAfterLiteralEdit(previous.result.state, tree, text, shift, options) : null;
      result = carried ? { ...carried, shift } : { ...analyzeWithState(tree, text, language, options), shift: null };
    } catch (error) {
      // Not kept, so nothing else would free it.
      tree.delete();
      throw error;
    }
    this.kept.set(key, { text, language, tree, result });
    this.evictOldTrees();
    return result;
  }

  private reparse(previous: KeptTree, text: string): { tree: Tree; shift: EditShift | null } {
    const edit = coveringEdit(previous.text, text);
    if (!edit) return { tree: previous.tree, shift: NO_SHIFT };
    const literal = editedLiteral(previous.tree, edit, languageSupport(previous.language).syntax.literalTypes);
    previous.tree.edit(edit);
    try {
      const tree = this.parsers.parse(previous.language, text, previous.tree);
      return { tree, shift: literal && literalShift(literal, previous.tree, tree, edit) };
    } finally {
      // No longer kept: should parsing stop (ParseTimeLimitError), nothing else would free it.
      previous.tree.delete();
    }
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

function readsPromptFiles(analysis: FileAnalysis): boolean {
  return analysis.calls.some((call) => call.prompts.some((prompt) => prompt.parts.some(isFromPromptFile)));
}

export function emptyAnalysis(language: SourceLanguage): FileAnalysis {
  return { language, calls: [], suppressions: [], syntaxErrors: [] };
}
