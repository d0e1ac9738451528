import { analyzeTree, type AnalyzeOptions } from '../analyze/analyze';
import type { FileAnalysis, SourceLanguage } from '../model';
import { ParserPool, type WasmLocation } from '../parse/parser';
import { mayContainLlmCall } from '../providers/prefilter';

/** Parses and analyses source files; grammars load on first use of each language. */
export class Engine {
  private readonly parsers: ParserPool;

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
