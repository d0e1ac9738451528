import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { AnalysisPool } from '../../../src/core/scan/analysis-pool';
import { scan, type ScanResult } from '../../../src/core/scan/scan';
import { testEngine, testEstimateContext } from '../../support/engine';

// The bundled worker: `npm test` builds dist/ first.
const DIST = path.join(__dirname, '..', '..', '..', 'dist');
const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'eval');

function withoutTiming(result: ScanResult): ScanResult {
  return { ...result, stats: { ...result.stats, ms: 0 } };
}

async function scanFixtures(pool?: AnalysisPool): Promise<ScanResult> {
  try {
    return withoutTiming(await scan(testEngine(), { roots: [FIXTURES], cwd: FIXTURES, estimate: testEstimateContext(), pool }));
  } finally {
    await pool?.close();
  }
}

function spyOnJobs(pool: AnalysisPool): { count: number } {
  const sent = { count: 0 };
  const analyze = pool.analyze.bind(pool);
  pool.analyze = (job) => {
    sent.count++;
    return analyze(job);
  };
  return sent;
}

describe('scanning with worker threads', () => {
  it('gives the same result, in the same order, as one thread', async () => {
    const pool = new AnalysisPool(path.join(DIST, 'scan-worker.js'), 2, DIST);
    const sent = spyOnJobs(pool);
    const pooled = await scanFixtures(pool);
    assert.ok(sent.count > 20, `the fixtures have enough files to use the pool (${sent.count} sent)`);
    assert.ok(pooled.files.length > 30);
    assert.deepEqual(pooled, await scanFixtures());
  });

  it('analyses the files itself when the workers die', async () => {
    const pooled = await scanFixtures(new AnalysisPool(path.join(DIST, 'no-such-worker.js'), 2, DIST));
    assert.deepEqual(pooled, await scanFixtures());
  });
});
