import * as path from 'node:path';
import type { Engine } from '../engine/engine';
import { evaluate, type FileEvaluation } from '../engine/evaluate';
import { estimateCall, type EstimateContext } from '../estimate/estimate';
import { namedModels } from '../estimate/model-range';
import type { FileAnalysis, ProviderId, SourceLanguage } from '../model';
import { mayContainLlmCallInBytes } from '../providers/prefilter';
import type { RuleSelection } from '../rules';
import { classifyContent, sniffNotText } from '../workspace/classify';
import { DEFAULT_MAX_FILE_SIZE, discoverFiles, type DiscoverOptions, type DiscoveryEvent, type SkipReason } from '../workspace/discover';
import { promptFilesFor } from '../workspace/prompt-files';
import { scanBoundary, type ReadBoundary, type RefusalReason } from '../workspace/read-boundary';
import type { AnalysisPool } from './analysis-pool';

export interface ScanOptions extends DiscoverOptions {
  estimate: EstimateContext;
  rules?: RuleSelection;
  /** Called after each file; cheap enough to drive a progress bar. */
  onProgress?: (progress: ScanProgress) => void;
  /** Worker threads for parsing and analysis, used once a scan has enough files to make it pay; the caller closes it. */
  pool?: AnalysisPool;
  /**
   * Set: no prompt file is read, and this is why (the editor's Restricted Mode). Else
   * prompt files are read inside the scan's boundary.
   */
  promptFilesRefused?: string;
}

export interface ScanProgress {
  filesSeen: number;
  filesParsed: number;
  currentPath: string;
}

export interface ScannedFile extends FileEvaluation {
  path: string;
  language: SourceLanguage;
}

export interface SkippedFile {
  path: string;
  reason: string;
  detail?: string;
}

export interface ScanResult {
  /** Files with at least one call, finding or syntax error, in walk order. */
  files: ScannedFile[];
  skipped: SkippedFile[];
  /** Roots that do not exist. */
  missingRoots: string[];
  stats: { filesSeen: number; filesParsed: number; filesSkipped: number; ms: number };
}

const SKIP_REASONS: Record<RefusalReason, SkipReason> = {
  'outside-root': 'outside-root',
  'not-a-file': 'unreadable',
  'too-large': 'too-large',
  'not-found': 'unreadable',
  unreadable: 'unreadable',
};

/** Below this many files to parse, starting worker threads costs more than it saves. */
const PARALLEL_AFTER_FILES = 16;
/** Files sent to the workers and not answered yet, at most. */
const MAX_FILES_IN_POOL = 64;

/** A file that passed the checks and the pre-filter: what analysis needs. */
interface Candidate {
  relPath: string;
  language: SourceLanguage;
  text: string;
  directory: string;
}

type Outcome = ScannedFile | SkippedFile | null;
type DiscoveredFile = Extract<DiscoveryEvent, { type: 'file' }>;

/**
 * Walks the roots, reads each source file once, skips what cannot hold an LLM
 * call (binary, minified, no SDK named), and analyses the rest: on this thread,
 * or, given a `pool`, on worker threads while this one walks on.
 */
export async function scan(engine: Engine, options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const result: ScanResult = { files: [], skipped: [], missingRoots: [], stats: { filesSeen: 0, filesParsed: 0, filesSkipped: 0, ms: 0 } };
  // Outcomes in walk order, whichever thread produced them, so the result does not depend on timing.
  const outcomes: (Outcome | Promise<Outcome>)[] = [];
  const inPool: Promise<Outcome>[] = [];
  const boundary = options.boundary ?? scanBoundary(options.cwd, options.roots);
  const reading = { ...options, boundary };
  // Following links lets each target into the boundary as the walk meets it: walking first means
  // every file's prompt files see all of them, whatever the order.
  const events = options.followSymlinks ? await walkedFirst(discoverFiles(reading)) : discoverFiles(reading);
  for await (const event of events) {
    if (event.type === 'skip') {
      if (event.reason === 'not-found') result.missingRoots.push(event.relPath);
      else outcomes.push({ path: event.relPath, reason: event.reason, detail: event.detail });
      continue;
    }
    result.stats.filesSeen++;
    const candidate = readCandidate(boundary, event, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    if (candidate && 'text' in candidate) {
      result.stats.filesParsed++;
      const pool = result.stats.filesParsed > PARALLEL_AFTER_FILES ? options.pool : undefined;
      if (pool) {
        const outcome = analyzeInPool(pool, engine, candidate, reading);
        outcomes.push(outcome);
        inPool.push(outcome);
        // The walk never yields to the workers' answers by itself: wait for the oldest before texts pile up in memory.
        if (inPool.length >= MAX_FILES_IN_POOL) await inPool.shift();
      } else {
        outcomes.push(await analyzeHere(engine, candidate, reading));
      }
    } else if (candidate) {
      outcomes.push(candidate);
    }
    options.onProgress?.({ filesSeen: result.stats.filesSeen, filesParsed: result.stats.filesParsed, currentPath: event.relPath });
  }
  for (const outcome of await Promise.all(outcomes)) {
    if (!outcome) continue;
    if ('reason' in outcome) result.skipped.push(outcome);
    else if (outcome.analysis.calls.length > 0 || outcome.findings.length > 0 || outcome.analysis.syntaxErrors.length > 0) result.files.push(outcome);
  }
  rangeOverWorkspace(result.files, options.estimate);
  result.stats.filesSkipped = result.skipped.length;
  result.stats.ms = Math.round(performance.now() - started);
  return result;
}

async function walkedFirst(events: AsyncIterable<DiscoveryEvent>): Promise<DiscoveryEvent[]> {
  const all: DiscoveryEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

/**
 * A call whose model the code does not name ranges over the models the whole scan
 * names for its provider: known only once every file is read, so those calls are
 * estimated again here (their findings do not depend on the range).
 */
export function rangeOverWorkspace(files: readonly ScannedFile[], context: EstimateContext): void {
  const named: Partial<Record<ProviderId, Set<string>>> = {};
  for (const file of files) namedModels(file.analysis.calls, context.prices, context.config, named);
  const withNamed: EstimateContext = { ...context, namedModels: Object.fromEntries(Object.entries(named).map(([provider, ids]) => [provider, [...ids].sort()])) };
  for (const file of files) {
    file.analysis.calls.forEach((call, index) => {
      if (file.estimates[index]?.cost.range) file.estimates[index] = estimateCall(call, withNamed);
    });
  }
}

/** The file's text if it may hold a call; why it was skipped; or null when it names no SDK. */
function readCandidate(boundary: ReadBoundary, file: DiscoveredFile, maxFileSize: number): Candidate | SkippedFile | null {
  const { absPath, relPath, language } = file;
  // Synchronous for the same reason as in discover.ts: promise-based reads cost ~0.2 ms a file.
  const read = boundary.read(absPath, maxFileSize, file);
  // Deleted, swapped or grown between the walk and the read.
  // An error code as the detail, as the walk gives for the files it cannot look at.
  if (!read.ok) return { path: relPath, reason: SKIP_REASONS[read.reason], detail: read.code ?? read.detail };
  const bytes = read.bytes;
  const notText = sniffNotText(bytes);
  if (notText) return { path: relPath, reason: notText.reason, detail: notText.detail };
  // A file naming no SDK holds no call, whatever else it is (minified, not UTF-8): nothing to report.
  if (!mayContainLlmCallInBytes(bytes, language)) return null;
  const verdict = classifyContent(bytes);
  if (!verdict.ok) return { path: relPath, reason: verdict.reason, detail: verdict.detail };
  return { relPath, language, text: verdict.text, directory: path.dirname(absPath) };
}

async function analyzeHere(engine: Engine, candidate: Candidate, options: ScanOptions & { boundary: ReadBoundary }): Promise<Outcome> {
  await engine.prepare(candidate.language);
  const readPromptFile = promptFilesFor(candidate.directory, options.boundary, options.promptFilesRefused);
  try {
    return evaluated(candidate, engine.analyzeLoaded(candidate.text, candidate.language, { readPromptFile }), options);
  } catch (error) {
    return analysisFailed(candidate, error);
  }
}

/** On a worker; should the worker die, here. */
async function analyzeInPool(pool: AnalysisPool, engine: Engine, candidate: Candidate, options: ScanOptions & { boundary: ReadBoundary }): Promise<Outcome> {
  let answer: Awaited<ReturnType<AnalysisPool['analyze']>>;
  try {
    answer = await pool.analyze({ ...candidate, boundary: options.boundary.roots, promptFilesRefused: options.promptFilesRefused });
  } catch {
    return analyzeHere(engine, candidate, options);
  }
  if ('error' in answer) return analysisFailed(candidate, answer.error);
  try {
    return evaluated(candidate, answer, options);
  } catch (error) {
    return analysisFailed(candidate, error);
  }
}

function evaluated(candidate: Candidate, analysis: FileAnalysis, options: ScanOptions): ScannedFile {
  return { path: candidate.relPath, language: candidate.language, ...evaluate(analysis, candidate.text, options.estimate, options.rules) };
}

function analysisFailed(candidate: Candidate, error: unknown): SkippedFile {
  return { path: candidate.relPath, reason: 'analysis-failed', detail: error instanceof Error ? error.message : String(error) };
}
