import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { costPerCall, monthly } from '../../../src/core/scenarios';
import { assertUsd, FRONTIER, SMALL } from './fixtures';

describe('costPerCall', () => {
  it('prices input and output at list prices', () => {
    // 2,000 × $5/1M = 0.010; 500 × $30/1M = 0.015; total 0.025
    assertUsd(costPerCall({ input: 2_000, output: 500, cacheablePrefix: 0 }, FRONTIER), 0.025);
    // 2,000 × $0.5/1M = 0.001; 500 × $1.5/1M = 0.00075; total 0.00175
    assertUsd(costPerCall({ input: 2_000, output: 500, cacheablePrefix: 0 }, SMALL), 0.00175);
  });

  it('ignores the cacheable prefix (list price, no caching)', () => {
    // same as above: 0.010 + 0.015
    assertUsd(costPerCall({ input: 2_000, output: 500, cacheablePrefix: 1_500 }, FRONTIER), 0.025);
  });

  it('switches the whole call to long-context prices above the threshold', () => {
    // 250,000 > 200,000: 250,000 × $10/1M = 2.5; 1,000 × $45/1M = 0.045; total 2.545
    assertUsd(costPerCall({ input: 250_000, output: 1_000, cacheablePrefix: 0 }, FRONTIER), 2.545);
    // exactly 200,000 is not above it: 200,000 × $5/1M = 1.0; 1,000 × $30/1M = 0.03; total 1.03
    assertUsd(costPerCall({ input: 200_000, output: 1_000, cacheablePrefix: 0 }, FRONTIER), 1.03);
  });

  it('costs nothing for zero tokens', () => {
    assert.equal(costPerCall({ input: 0, output: 0, cacheablePrefix: 0 }, FRONTIER), 0);
  });

  it('rejects negative, non-finite and inconsistent token counts', () => {
    assert.throws(() => costPerCall({ input: -1, output: 500, cacheablePrefix: 0 }, FRONTIER), {
      name: 'RangeError',
      message: 'input tokens must be a finite number of 0 or more, got -1',
    });
    assert.throws(() => costPerCall({ input: 10, output: Number.NaN, cacheablePrefix: 0 }, FRONTIER), /output tokens must be a finite number of 0 or more, got NaN/);
    assert.throws(() => costPerCall({ input: 10, output: 5, cacheablePrefix: -3 }, FRONTIER), /cacheablePrefix tokens must be/);
    assert.throws(() => costPerCall({ input: 2_000, output: 5, cacheablePrefix: 3_000 }, FRONTIER), {
      name: 'RangeError',
      message: 'cacheablePrefix tokens (3000) cannot exceed input tokens (2000): the prefix is part of the input',
    });
  });
});

describe('monthly', () => {
  it('multiplies by calls per day and 30 days', () => {
    // 0.025 × 1,000 calls/day × 30 days = 750
    assertUsd(monthly(0.025, 1_000), 750);
    // 0.00175 × 40 × 30 = 2.1
    assertUsd(monthly(0.00175, 40), 2.1);
    assert.equal(monthly(0.025, 0), 0);
  });

  it('accepts a negative per-call amount (a saving that turns into an extra cost)', () => {
    // −0.01 × 100 × 30 = −30
    assertUsd(monthly(-0.01, 100), -30);
  });

  it('rejects bad traffic and amounts', () => {
    assert.throws(() => monthly(0.025, -5), { name: 'RangeError', message: 'callsPerDay must be a finite number of 0 or more, got -5' });
    assert.throws(() => monthly(Number.POSITIVE_INFINITY, 5), /perCall must be a finite number, got Infinity/);
  });
});
