import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchCost } from '../../../src/core/scenarios';
import { assertUsd, FRONTIER, MID } from './fixtures';

describe('batchCost', () => {
  it('prices the call at batch prices', () => {
    const result = batchCost({ input: 2_000, output: 500, cacheablePrefix: 0 }, FRONTIER);
    // 2,000 × 2.5/1M + 500 × 15/1M = 0.005 + 0.0075 = 0.0125; list 0.025, saving 0.0125
    assertUsd(result.perCall, 0.0125);
    assertUsd(result.saving, 0.0125);
    assert.equal(result.reason, undefined);
  });

  it('scales batch prices by the long-context factors above the threshold', () => {
    const result = batchCost({ input: 250_000, output: 1_000, cacheablePrefix: 0 }, FRONTIER);
    // input 2.5 × (10 / 5) = 5, output 15 × (45 / 30) = 22.5
    // 250,000 × 5/1M + 1,000 × 22.5/1M = 1.25 + 0.0225 = 1.2725; list 2.545, saving 1.2725
    assertUsd(result.perCall, 1.2725);
    assertUsd(result.saving, 1.2725);
  });

  it('is null with a reason where the model has no batch prices', () => {
    assert.deepEqual(batchCost({ input: 2_000, output: 500, cacheablePrefix: 0 }, MID), {
      perCall: null,
      saving: null,
      reason: 'mid has no Batch API prices in the price list',
    });
    // half a batch price is no batch price
    const halfPriced = { ...MID, batchInputPerMTok: 1 };
    assert.equal(batchCost({ input: 2_000, output: 500, cacheablePrefix: 0 }, halfPriced).perCall, null);
  });

  it('rejects bad tokens', () => {
    assert.throws(() => batchCost({ input: 2_000, output: -500, cacheablePrefix: 0 }, FRONTIER), {
      name: 'RangeError',
      message: 'output tokens must be a finite number of 0 or more, got -500',
    });
  });
});
