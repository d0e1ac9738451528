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
import { CaseTimer, type CaseDescription, type SlowCase } from './case-timer';
import { checkPipeline, checkProperty, type FuzzSubject, type PropertyName, type RunSettings } from './properties';
import { loadSeeds, seedsFor } from './seeds';

export interface CampaignRequest extends RunSettings {
  language: SourceLanguage;
  properties: PropertyName[];
}

export interface PropertyReport {
  property: PropertyName;
  cases: number;
  /** fast-check's report (counterexample, seed and path) and the error, or null when every case passed. */
  failure: string | null;
  slow: SlowCase[];
}

export type WorkerMessage =
  | { type: 'case'; property: PropertyName; index: number; description: CaseDescription }
  | { type: 'done'; reports: PropertyReport[] };

async function main(request: CampaignRequest): Promise<void> {
  const post = (message: WorkerMessage) => parentPort?.postMessage(message);
  const engine = testEngine();
  const parsers = new ParserPool(wasmLocationInPackages());
  await Promise.all([engine.prepare(request.language), parsers.load(request.language)]);
  const subject: FuzzSubject = { engine, parsers, estimate: testEstimateContext(), language: request.language, seeds: seedsFor(request.language, loadSeeds()) };
  // The unharmed seeds first: they must pass too, and they load the tokenizer before any case is timed.
  for (const seed of subject.seeds) checkPipeline(subject, seed.text);

  const reports = request.properties.map((property): PropertyReport => {
    const timer = new CaseTimer((index, description) => post({ type: 'case', property, index, description }), request.path);
    const failure = checkProperty(property, subject, timer, request);
    const first = timer.firstFailure && `\nFirst failing case, before shrinking: path ${timer.firstFailure.path}, ${JSON.stringify(timer.firstFailure)}`;
    return { property, cases: timer.cases, failure: failure && failure + (first ?? ''), slow: timer.slow };
  });
  post({ type: 'done', reports });
}

void main(workerData as CampaignRequest);
