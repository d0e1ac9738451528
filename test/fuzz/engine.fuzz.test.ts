import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import type { SourceLanguage } from '../../src/core/model';
import { runCampaign } from './campaign';
import { caseBudgetMs, type SlowCase } from './case-timer';
import type { PropertyName } from './properties';

/**
 * Mutated fixtures through the whole engine: both properties of properties.ts
 * for each language, in a worker per language. `npm test` runs a few thousand
 * cases; `npm run fuzz` many more. FUZZ_RUNS sets the cases per property and
 * language; FUZZ_SEED and FUZZ_PATH replay a failure (fast-check prints both).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const PATH = process.env.FUZZ_PATH || undefined;
/** No case ended for this long: the worker is stopped and the case named. */
const HANG_MS = 30_000;

const LANGUAGES: SourceLanguage[] = ['python', 'typescript', 'tsx', 'javascript'];
const PROPERTIES: PropertyName[] = ['pipeline', 'editing'];

describe(`fuzzing the engine (fast-check seed ${SEED}, ${RUNS} cases per property and language)`, { concurrency: availableParallelism() }, () => {
  for (const language of LANGUAGES) {
    it(language, async (t) => {
      const reports = await runCampaign(language, PROPERTIES.map((property) => ({ property, numRuns: RUNS, seed: SEED, path: PATH })), HANG_MS);
      for (const { job, cases, failure, slow, crash } of reports) {
        const replay = `replay: FUZZ_SEED=${job.seed} FUZZ_PATH=<path> node --import tsx --test --test-name-pattern=${language} test/fuzz/engine.fuzz.test.ts`;
        t.diagnostic(`${job.property}: ${cases} cases from seed ${job.seed}`);
        // A known defect of tree-sitter's WebAssembly build (test/robustness/parser-crash.test.ts): reported, not failed.
        if (crash) t.diagnostic(`${job.property}: tree-sitter crashed on path ${crash.path} of seed ${job.seed}: ${crash.message}; ${JSON.stringify(crash)}`);
        assert.equal(failure, null, `${job.property}: ${failure}\n${replay}`);
        assert.deepEqual(slow.map(describeSlowCase), [], `${job.property}: cases over the hang guard; ${replay}`);
      }
      for (const property of PROPERTIES) {
        const cases = reports.filter((report) => report.job.property === property).reduce((sum, report) => sum + report.cases, 0);
        assert.ok(cases >= (PATH ? 1 : RUNS), `${property}: ${cases} cases run`);
      }
    });
  }
});

function describeSlowCase(slow: SlowCase): string {
  return `path ${slow.path}: ${slow.ms} ms (guard ${caseBudgetMs(slow.size)} ms) on ${slow.size} characters from ${slow.seed} ${JSON.stringify(slow.mutations)}`;
}
