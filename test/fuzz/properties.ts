import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeTree } from '../../src/core/analyze/analyze';
import { decodeEscape } from '../../src/core/analyze/strings';
import { DocumentEvaluator } from '../../src/core/engine/document-evaluator';
import type { Engine } from '../../src/core/engine/engine';
import { evaluate } from '../../src/core/engine/evaluate';
import { EvaluationReplica } from '../../src/core/engine/evaluation-update';
import { fixText } from '../../src/core/engine/fix-file';
import type { EstimateContext } from '../../src/core/estimate/estimate';
import type { SourceLanguage } from '../../src/core/model';
import { ParseTimeLimitError, type ParserPool } from '../../src/core/parse/parser';
import { mayContainLlmCall } from '../../src/core/providers/prefilter';
import type { CaseTimer } from './case-timer';
import { IncrementalTrees } from './incremental-trees';
import { assertInsideText, assertSaneAmounts, LineIndex } from './invariants';
import { applyMutations, grossDamage, mutations, smallEdit, type Mutation } from './mutations';
import type { Seed } from './seeds';

export interface FuzzSubject {
  engine: Engine;
  /** For the incremental trees the editing property compares with. */
  parsers: ParserPool;
  estimate: EstimateContext;
  language: SourceLanguage;
  seeds: Seed[];
}

export type PropertyName = 'pipeline' | 'editing';

/** How many cases, from which random seed; `path` replays one case of an earlier run. */
export interface RunSettings {
  numRuns: number;
  seed: number;
  path?: string;
}

/** Runs one property's cases: null when all pass, else fast-check's report (counterexample, seed, path) and the error. */
export function checkProperty(name: PropertyName, subject: FuzzSubject, timer: CaseTimer, settings: RunSettings): string | null {
  const parameters = { numRuns: settings.numRuns, seed: settings.seed, path: settings.path };
  if (name === 'pipeline') return failureReport(fc.check(pipelineProperty(subject, timer), parameters));
  return failureReport(fc.check(editingProperty(subject, timer), parameters));
}

function failureReport<Ts>(details: fc.RunDetails<Ts>): string | null {
  if (!details.failed) return null;
  const error = details.errorInstance;
  return `${fc.defaultReportMessage(details) ?? 'failed'}\nGot error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

/**
 * Analysis, estimates, rules and fixes on a damaged file: nothing throws, every
 * range is inside the file, every amount is a real number, the pre-filter keeps
 * every file with calls, and fixes never add syntax errors.
 */
function pipelineProperty(subject: FuzzSubject, timer: CaseTimer): fc.IProperty<[string, Mutation[]]> {
  return fc.property(seedPath(subject), mutations, (path, damage) => {
    const text = applyMutations(textOf(subject, path), damage);
    timer.time({ seed: path, mutations: damage, size: text.length }, () => checkPipeline(subject, text));
  });
}

/**
 * The one way analysis may stop: text that tree-sitter cannot parse in time
 * (a file is then skipped with that reason). Anything else thrown is a bug.
 */
function unlessParseTimesOut(work: () => void): void {
  try {
    work();
  } catch (error) {
    if (!(error instanceof ParseTimeLimitError)) throw error;
  }
}

export function checkPipeline(subject: FuzzSubject, text: string): void {
  unlessParseTimesOut(() => checkPipelineSteps(subject, text));
}

function checkPipelineSteps({ engine, estimate, language }: FuzzSubject, text: string): void {
  const lines = new LineIndex(text);
  const analysis = engine.analyzeLoaded(text, language);
  assertInsideText(analysis, lines, 'analysis');
  // A known gap, kept for the pre-filter's speed: a module name spelt with escapes (`'open\x61i'`) is not seen.
  if (analysis.calls.length > 0) assert.ok(mayContainLlmCall(text, language) || mayContainLlmCall(withEscapesDecoded(text), language), 'the pre-filter skips a file in which analysis finds calls');

  const { estimates, findings } = evaluate(analysis, text, estimate);
  assertInsideText(estimates, lines, 'estimates');
  assertInsideText(findings, lines, 'findings');
  assertSaneAmounts(estimates, 'estimates');
  assertSaneAmounts(findings.map((finding) => finding.saving ?? 0), 'savings');

  const fixed = fixText(engine, text, language, estimate, {}, { unsafe: true });
  if (fixed.output === text) return;
  const errorsAfter = engine.analyzeLoaded(fixed.output, language).syntaxErrors.length;
  assert.ok(errorsAfter <= analysis.syntaxErrors.length, `fixes raised the syntax errors from ${analysis.syntaxErrors.length} to ${errorsAfter}`);
}

/** The text with every escape sequence decoded, as string literals (module names among them) are read. */
function withEscapesDecoded(text: string): string {
  return text.replace(/\\(?:x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|[\s\S])/g, decodeEscape);
}

/**
 * The editor's path: a document analysed after each of a series of edits, from
 * the tree and results kept from the version before, gives exactly what
 * analysing that version's incrementally parsed tree afresh gives, and, where
 * the version parses without errors, what a fresh parse gives (with errors,
 * tree-sitter's recovery may shape the two trees differently). So does the
 * update the worker sends, replayed on the other side.
 */
function editingProperty(subject: FuzzSubject, timer: CaseTimer): fc.IProperty<[string, Mutation[], Mutation[]]> {
  // Long lines stay out: they test nothing here that the pipeline property does not, at many parses a case.
  const edits = fc.array(fc.oneof({ arbitrary: smallEdit, weight: 9 }, { arbitrary: grossDamage, weight: 1 }), { minLength: 1, maxLength: 3 });
  const documents = new DocumentEvaluator(subject.engine);
  return fc.property(seedPath(subject), fc.array(grossDamage, { maxLength: 1 }), edits, (path, damage, typing) => {
    const versions = typing.reduce((texts, edit) => [...texts, applyMutations(texts[texts.length - 1], [edit])], [applyMutations(textOf(subject, path), damage)]);
    timer.time({ seed: path, mutations: [...damage, ...typing], size: Math.max(...versions.map((text) => text.length)) }, () => {
      const trees = new IncrementalTrees(subject.parsers, subject.language);
      try {
        unlessParseTimesOut(() => checkVersions(subject, documents, trees, versions));
      } finally {
        documents.forget('document');
        trees.dispose();
      }
    });
  });
}

function checkVersions(subject: FuzzSubject, documents: DocumentEvaluator, trees: IncrementalTrees, versions: string[]): void {
  const { estimate, language } = subject;
  const replica = new EvaluationReplica();
  for (const [step, text] of versions.entries()) {
    const { evaluation, update } = documents.evaluate('document', text, language, estimate);
    const reparsed = evaluate(analyzeTree(trees.next(text), text, language), text, estimate);
    assert.deepStrictEqual(evaluation, reparsed, `after edit ${step}, the kept analysis differs from a fresh analysis of the same tree`);
    assert.deepStrictEqual(replica.apply(update), reparsed, `after edit ${step}, the replayed update differs from a fresh evaluation`);
    const freshTree = subject.parsers.parse(language, text);
    try {
      if (!freshTree.rootNode.hasError) {
        const fresh = evaluate(analyzeTree(freshTree, text, language), text, estimate);
        assert.deepStrictEqual(evaluation, fresh, `after edit ${step}, the kept analysis of a text without syntax errors differs from a fresh parse's`);
      }
    } finally {
      freshTree.delete();
    }
  }
}

function seedPath(subject: FuzzSubject): fc.Arbitrary<string> {
  return fc.constantFrom(...subject.seeds.map((seed) => seed.path));
}

function textOf(subject: FuzzSubject, path: string): string {
  const seed = subject.seeds.find((candidate) => candidate.path === path);
  if (!seed) throw new Error(`no seed ${path}`);
  return seed.text;
}
