import type { FileAnalysis, LlmCall, SourceLanguage, SyntaxProblem } from '../model';
import type { Tree } from '../parse/parser';
import { NodeIndex, rangeOf, syntaxErrorNodes } from '../parse/syntax';
import { JAVASCRIPT_CATALOG } from '../providers/javascript';
import { PYTHON_CATALOG } from '../providers/python';
import type { LanguageCatalog } from '../providers/types';
import { detectCalls } from './calls';
import { parseDirectives } from './directives';
import { JAVASCRIPT_SYNTAX } from './javascript-syntax';
import { PromptExtractor, type PromptFileReader } from './prompts';
import { PYTHON_SYNTAX } from './python-syntax';
import { Resolver } from './resolve';
import type { LanguageSyntax } from './syntax-view';

export interface AnalyzeOptions {
  /** Reads prompt files named by literal paths; omitted on the keystroke path. */
  readPromptFile?: PromptFileReader;
}

export function languageSupport(language: SourceLanguage): { syntax: LanguageSyntax; catalog: LanguageCatalog } {
  return language === 'python'
    ? { syntax: PYTHON_SYNTAX, catalog: PYTHON_CATALOG }
    : { syntax: JAVASCRIPT_SYNTAX, catalog: JAVASCRIPT_CATALOG };
}

/** Everything the engine finds in one parsed file. Pure: no I/O beyond the optional prompt-file reader. */
export function analyzeTree(tree: Tree, text: string, language: SourceLanguage, options: AnalyzeOptions = {}): FileAnalysis {
  const { syntax, catalog } = languageSupport(language);
  const index = new NodeIndex(tree, syntax.indexedTypes);
  const resolver = new Resolver(syntax, catalog, index);
  const calls = detectCalls(index, text, resolver, new PromptExtractor(resolver, options.readPromptFile));
  const directives = parseDirectives(syntax.comments(index, text));
  for (const call of calls) applyTrafficHint(call, directives.callsPerDay);
  return { language, calls, suppressions: directives.suppressions, syntaxErrors: syntaxProblems(tree) };
}

function applyTrafficHint(call: LlmCall, hints: Map<number, number>): void {
  call.callsPerDay = hints.get(call.range.start.line) ?? hints.get(call.nameRange.start.line) ?? null;
}

function syntaxProblems(tree: Tree): SyntaxProblem[] {
  return syntaxErrorNodes(tree).map(({ node, missing }) => ({
    message: missing ? `Syntax error: missing ${node.type}` : 'Syntax error',
    range: rangeOf(node),
  }));
}
