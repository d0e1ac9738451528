/**
 * Runs the properties' cases for one language in a worker thread, so that the
 * test can stop a case that never ends (a synchronous loop would block its own
 * thread for good).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceLanguage } from '../../src/core/model';
import { ParserPool } from '../../src/core/parse/parser';
import { testEngine, testEstimateContext } from '../support/engine';
import { wasmLocationInPackages } from '../support/wasm';
import { CaseTimer, type CaseDescription, type CrashedCase, type SlowCase } from './case-timer';
import { checkPipeline, checkProperty, type FuzzSubject, type PropertyName, type RunSettings } from './properties';
import { loadSeeds, seedsFor } from './seeds';

/** One property's cases, from one seed; `path` replays one case of an earlier run first. */
export interface Job extends RunSettings {
  property: PropertyName;
}

export interface CampaignRequest {
  language: SourceLanguage;
  jobs: Job[];
}

export interface JobReport {
  job: Job;
  /** Cases run, up to and including a case on which tree-sitter crashed. */
  cases: number;
  /** fast-check's report (counterexample, seed and path) and the error, or null when every case passed. */
  failure: string | null;
  slow: SlowCase[];
  crash: CrashedCase | null;
}

export type WorkerMessage =
  | { type: 'case'; property: PropertyName; index: number; description: CaseDescription }
  | { type: 'done'; reports: JobReport[] };

async function main(request: CampaignRequest): Promise<void> {
  const post = (message: WorkerMessage) => parentPort?.postMessage(message);
  const engine = testEngine();
  const parsers = new ParserPool(wasmLocationInPackages());
  await Promise.all([engine.prepare(request.language), parsers.load(request.language)]);
  const subject: FuzzSubject = { engine, parsers, estimate: testEstimateContext(), language: request.language, seeds: seedsFor(request.language, loadSeeds()) };
  // The unharmed seeds first: they must pass too, and they load the tokenizer before any case is timed.
  for (const seed of subject.seeds) checkPipeline(subject, seed.text);

  // After a crash of tree-sitter nothing parses in this thread: the jobs stop there, for the caller to resume elsewhere.
  const reports: JobReport[] = [];
  for (const job of request.jobs) {
    const timer = new CaseTimer((index, description) => post({ type: 'case', property: job.property, index, description }), job.path);
    const failure = checkProperty(job.property, subject, timer, job);
    const first = timer.firstFailure && `\nFirst failing case, before shrinking: path ${timer.firstFailure.path}, ${JSON.stringify(timer.firstFailure)}`;
    reports.push({ job, cases: timer.cases, failure: failure && failure + (first ?? ''), slow: timer.slow, crash: timer.crash ?? null });
    if (timer.crash) break;
  }
  post({ type: 'done', reports });
}

void main(workerData as CampaignRequest);
