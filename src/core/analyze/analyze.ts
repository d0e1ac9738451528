import type { FileAnalysis, LlmCall, SourceLanguage, SyntaxProblem } from '../model';
import { shiftCall } from '../model-shift';
import type { Tree } from '../parse/parser';
import { type EditShift, shiftOffset } from '../parse/incremental';
import { NodeIndex, rangeOf, syntaxErrorNodes } from '../parse/syntax';
import { JAVASCRIPT_CATALOG } from '../providers/javascript';
import { PYTHON_CATALOG } from '../providers/python';
import type { LanguageCatalog } from '../providers/types';
import { BindingTable, nodeAt } from './binding-table';
import { detectCalls, examineCall, type CallSite } from './calls';
import { parseDirectives, type Directives } from './directives';
import { JAVASCRIPT_SYNTAX } from './javascript-syntax';
import { isFromPromptFile, PromptExtractor, type PromptFileReader } from './prompts';
import { PYTHON_SYNTAX } from './python-syntax';
import { Resolver, StaleBindingError } from './resolve';
import type { LanguageSyntax } from './syntax-view';

export interface AnalyzeOptions {
  /** Reads prompt files named by literal paths; omitted on the keystroke path. */
  readPromptFile?: PromptFileReader;
}

/** What analysing a file leaves behind for analysing its next version quickly. */
export interface AnalysisState {
  language: SourceLanguage;
  table: BindingTable;
  sites: CallSite[];
  directives: Directives;
}

export interface AnalysisResult {
  analysis: FileAnalysis;
  state: AnalysisState;
  /** For each call, its index in the previous analysis when it was carried over unchanged (only moved). */
  carriedFrom: (number | null)[];
}

export function languageSupport(language: SourceLanguage): { syntax: LanguageSyntax; catalog: LanguageCatalog } {
  return language === 'python'
    ? { syntax: PYTHON_SYNTAX, catalog: PYTHON_CATALOG }
    : { syntax: JAVASCRIPT_SYNTAX, catalog: JAVASCRIPT_CATALOG };
}

/** Everything the engine finds in one parsed file. Pure: no I/O beyond the optional prompt-file reader. */
export function analyzeTree(tree: Tree, text: string, language: SourceLanguage, options: AnalyzeOptions = {}): FileAnalysis {
  return analyzeWithState(tree, text, language, options).analysis;
}

export function analyzeWithState(tree: Tree, text: string, language: SourceLanguage, options: AnalyzeOptions = {}): AnalysisResult {
  const { syntax, catalog } = languageSupport(language);
  const index = new NodeIndex(tree, syntax.indexedTypes);
  const table = new BindingTable(syntax.bindings(index));
  const resolver = new Resolver(syntax, catalog, table, tree);
  const sites = detectCalls(index.of(syntax.callTypes), text, resolver, new PromptExtractor(resolver, options.readPromptFile));
  const directives = parseDirectives(syntax.comments(index, text));
  for (const site of sites) if (site.call) applyTrafficHint(site.call, directives.callsPerDay);
  const state = { language, table, sites, directives };
  const calls = sites.flatMap((site) => (site.call ? [site.call] : []));
  return { analysis: fileAnalysis(state, calls, tree), state, carriedFrom: calls.map(() => null) };
}

/**
 * After an edit inside one literal that left the tree's structure as it was
 * (`literalShift`): only the call expressions that read that literal, directly or
 * through a binding, are examined again; every other result just moves. Null when
 * the edit may change more than that, and the file must be analysed afresh.
 */
export function reanalyzeAfterLiteralEdit(
  previous: AnalysisState,
  tree: Tree,
  text: string,
  shift: EditShift,
  options: AnalyzeOptions = {},
): AnalysisResult | null {
  const { syntax, catalog } = languageSupport(previous.language);
  const literal = tree.rootNode.descendantForIndex(shift.start, shiftOffset(shift.oldEnd, shift));
  if (!literal || syntax.literalNamesBinding(literal)) return null;
  const touched = previous.sites.map((site) => reads(site, shift));
  previous.table.shift(shift);
  const resolver = new Resolver(syntax, catalog, previous.table, tree);
  const prompts = new PromptExtractor(resolver, options.readPromptFile);
  const sites: CallSite[] = [];
  const carriedFrom: (number | null)[] = [];
  let previousCall = 0;
  try {
    for (const [index, site] of previous.sites.entries()) {
      const node = { ...site.node, start: shiftOffset(site.node.start, shift), end: shiftOffset(site.node.end, shift) };
      if (!touched[index]) {
        sites.push({ node, call: site.call && shiftCall(site.call, shift), dependencies: site.dependencies });
        if (site.call) carriedFrom.push(previousCall);
      } else {
        const found = nodeAt(tree, node);
        if (!found) return null;
        const examined = examineCall(found, text, resolver, prompts);
        if (examined.call) applyTrafficHint(examined.call, previous.directives.callsPerDay);
        sites.push(examined);
        if (examined.call) carriedFrom.push(null);
      }
      if (site.call) previousCall++;
    }
  } catch (error) {
    if (error instanceof StaleBindingError) return null;
    throw error;
  }
  const state = { ...previous, sites };
  const calls = sites.flatMap((site) => (site.call ? [site.call] : []));
  return { analysis: fileAnalysis(state, calls, tree), state, carriedFrom };
}

/**
 * Whether the call expression or any binding its answer read holds the edited
 * text, or anything else its findings are made from: the loop around it (does it
 * exit early?), the whole lines of its prompt parts (a fix moves a line), a prompt
 * file (it may have changed on disk).
 */
function reads(site: CallSite, shift: EditShift): boolean {
  const touches = (start: number, end: number): boolean => start <= shift.oldEnd && end >= shift.start;
  if (touches(site.node.start, site.node.end) || site.dependencies.some((record) => touches(record.span.start, record.span.end))) return true;
  const { call } = site;
  if (!call) return false;
  if (call.loop && touches(call.loop.range.startOffset, call.loop.range.endOffset)) return true;
  return call.prompts.some((prompt) =>
    prompt.parts.some((part) => isFromPromptFile(part) || (part.range.start.line <= shift.row && part.range.end.line >= shift.row)),
  );
}

function fileAnalysis(state: AnalysisState, calls: LlmCall[], tree: Tree): FileAnalysis {
  return { language: state.language, calls, suppressions: state.directives.suppressions, syntaxErrors: syntaxProblems(tree) };
}

function applyTrafficHint(call: LlmCall, hints: Map<number, number>): void {
  call.callsPerDay = hints.get(call.range.start.line) ?? hints.get(call.nameRange.start.line) ?? null;
}

/**
 * Where tree-sitter could not parse. The code may well be valid (a grammar lags the
 * language: `importOriginal<typeof import('ai')>()`), and the editor's own language
 * service reports real syntax errors, so this says what Promptmeter could not read,
 * not that the user made a mistake.
 */
function syntaxProblems(tree: Tree): SyntaxProblem[] {
  return syntaxErrorNodes(tree).map(({ node, missing }) => {
    const range = rangeOf(node);
    const from = range.start.line + 1;
    const to = range.end.line + 1;
    const lines = from === to ? `line ${from}` : `lines ${from}–${to}`;
    return { message: missing ? `could not analyse ${lines}: the parser expected ${node.type} there` : `could not analyse ${lines}`, range };
  });
}
