import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ModelPrice } from '../../../src/core/pricing';
import { cachedBatchCost, cachingCost, type CachingScenario } from '../../../src/core/scenarios';
import { assertUsd, FREE_WRITES, FRONTIER, ONE_WRITE_PRICE, SMALL } from './fixtures';

/** 10,000 input tokens of which 8,000 are a cacheable prefix; 500 output. */
const TOKENS = { input: 10_000, output: 500, cacheablePrefix: 8_000 };
const HIT_80_5M: CachingScenario = { hitRate: 0.8, ttl: '5m' };
const HIT_80_1H: CachingScenario = { hitRate: 0.8, ttl: '1h' };

describe('cachingCost', () => {
  // FRONTIER without caching: 10,000 × 5/1M + 500 × 30/1M = 0.05 + 0.015 = 0.065
  // paid on every call: 2,000 uncached × 5/1M + 0.015 output = 0.01 + 0.015 = 0.025
  // a hit reads the prefix: 8,000 × 0.5/1M = 0.004

  it('80% hits with 5-minute writes', () => {
    const result = cachingCost(TOKENS, FRONTIER, HIT_80_5M);
    // a miss writes it: 8,000 × 6.25/1M = 0.05
    // 0.025 + 0.8 × 0.004 + 0.2 × 0.05 = 0.025 + 0.0032 + 0.01 = 0.0382
    assert.equal(result.applies, true);
    assert.equal(result.reason, undefined);
    assertUsd(result.perCall, 0.0382);
    assertUsd(result.withoutCaching, 0.065);
    // 0.065 − 0.0382 = 0.0268
    assertUsd(result.saving, 0.0268);
  });

  it('80% hits with 1-hour writes', () => {
    const result = cachingCost(TOKENS, FRONTIER, HIT_80_1H);
    // a miss writes it: 8,000 × 10/1M = 0.08
    // 0.025 + 0.0032 + 0.2 × 0.08 = 0.025 + 0.0032 + 0.016 = 0.0442; saving 0.065 − 0.0442 = 0.0208
    assertUsd(result.perCall, 0.0442);
    assertUsd(result.saving, 0.0208);
  });

  it('shows a negative saving when nothing hits and writes cost more than input', () => {
    const result = cachingCost(TOKENS, FRONTIER, { hitRate: 0, ttl: '5m' });
    // 0.025 + 1 × 0.05 = 0.075; saving 0.065 − 0.075 = −0.01
    assertUsd(result.perCall, 0.075);
    assertUsd(result.saving, -0.01);
  });

  it('bills a miss at the input price where writes are free (OpenAI before GPT-5.6), for either TTL', () => {
    // without caching: 10,000 × 2.5/1M + 500 × 10/1M = 0.025 + 0.005 = 0.03
    // every call: 2,000 × 2.5/1M + 0.005 = 0.005 + 0.005 = 0.01
    // hit 8,000 × 1.25/1M = 0.01; miss 8,000 × 2.5/1M = 0.02
    // 0.01 + 0.8 × 0.01 + 0.2 × 0.02 = 0.01 + 0.008 + 0.004 = 0.022; saving 0.008
    for (const scenario of [HIT_80_5M, HIT_80_1H]) {
      const result = cachingCost(TOKENS, FREE_WRITES, scenario);
      assertUsd(result.perCall, 0.022);
      assertUsd(result.withoutCaching, 0.03);
      assertUsd(result.saving, 0.008);
    }
  });

  it('uses the one listed write price for a 1-hour TTL when there is no 1h price (OpenAI GPT-5.6)', () => {
    const result = cachingCost(TOKENS, ONE_WRITE_PRICE, HIT_80_1H);
    // without caching: 10,000 × 2/1M + 500 × 12/1M = 0.02 + 0.006 = 0.026
    // every call: 2,000 × 2/1M + 0.006 = 0.004 + 0.006 = 0.01
    // hit 8,000 × 0.2/1M = 0.0016; miss 8,000 × 2.5/1M = 0.02
    // 0.01 + 0.8 × 0.0016 + 0.2 × 0.02 = 0.01 + 0.00128 + 0.004 = 0.01528; saving 0.026 − 0.01528 = 0.01072
    assertUsd(result.perCall, 0.01528);
    assertUsd(result.saving, 0.01072);
  });

  it('uses long-context read prices and scales the write price above the threshold', () => {
    const tokens = { input: 250_000, output: 1_000, cacheablePrefix: 200_000 };
    // long context (input 10, output 45, read 1); write scales with input: 6.25 × (10 / 5) = 12.5
    // without caching: 250,000 × 10/1M + 1,000 × 45/1M = 2.5 + 0.045 = 2.545
    // every call: 50,000 × 10/1M + 0.045 = 0.5 + 0.045 = 0.545
    // hit 200,000 × 1/1M = 0.2; miss 200,000 × 12.5/1M = 2.5
    // 0.545 + 0.8 × 0.2 + 0.2 × 2.5 = 0.545 + 0.16 + 0.5 = 1.205; saving 2.545 − 1.205 = 1.34
    const result = cachingCost(tokens, FRONTIER, HIT_80_5M);
    assertUsd(result.perCall, 1.205);
    assertUsd(result.withoutCaching, 2.545);
    assertUsd(result.saving, 1.34);
    // without a long-context read price the read scales too: 0.5 × 2 = 1, so the same 1.205
    const { cachedInputPerMTok: _dropped, ...longWithoutRead } = FRONTIER.longContext!;
    const derived: ModelPrice = { ...FRONTIER, longContext: longWithoutRead };
    assertUsd(cachingCost(tokens, derived, HIT_80_5M).perCall, 1.205);
  });

  it('does not apply below the minimum, without cache prices, without a prefix or when caching is unsupported', () => {
    // below minimum: 10,000 × 5/1M + 500 × 30/1M = 0.065, unchanged
    const short = cachingCost({ input: 10_000, output: 500, cacheablePrefix: 800 }, FRONTIER, HIT_80_5M);
    assert.deepEqual(short, {
      perCall: 0.065,
      withoutCaching: 0.065,
      saving: 0,
      applies: false,
      reason: "the 800-token static prefix is below frontier's 1024-token caching minimum",
    });
    // no cache prices: 10,000 × 0.5/1M + 500 × 1.5/1M = 0.005 + 0.00075 = 0.00575
    const uncacheable = cachingCost(TOKENS, SMALL, HIT_80_5M);
    assert.equal(uncacheable.applies, false);
    assert.equal(uncacheable.reason, 'small has no prompt-cache prices in the price list');
    assertUsd(uncacheable.perCall, 0.00575);
    assert.equal(uncacheable.saving, 0);
    const noPrefix = cachingCost({ ...TOKENS, cacheablePrefix: 0 }, FRONTIER, HIT_80_5M);
    assert.equal(noPrefix.applies, false);
    assert.equal(noPrefix.reason, 'the call has no static prefix to cache');
    const unsupported = cachingCost(TOKENS, { ...FRONTIER, supportsPromptCaching: false }, HIT_80_5M);
    assert.equal(unsupported.applies, false);
    assert.equal(unsupported.reason, 'frontier does not support prompt caching');
  });

  it('defaults the minimum to 1,024 tokens when the catalog gives none', () => {
    // FREE_WRITES has no cacheMinTokens: 1,023 does not apply, 1,024 does
    assert.equal(cachingCost({ input: 2_000, output: 0, cacheablePrefix: 1_023 }, FREE_WRITES, HIT_80_5M).applies, false);
    assert.equal(cachingCost({ input: 2_000, output: 0, cacheablePrefix: 1_024 }, FREE_WRITES, HIT_80_5M).applies, true);
  });

  it('rejects a hit rate outside 0..1, an unknown TTL and bad tokens', () => {
    assert.throws(() => cachingCost(TOKENS, FRONTIER, { hitRate: 80, ttl: '5m' }), {
      name: 'RangeError',
      message: 'cache hitRate must be between 0 and 1 (a fraction, e.g. 0.8 for 80%), got 80',
    });
    assert.throws(() => cachingCost(TOKENS, FRONTIER, { hitRate: -0.1, ttl: '5m' }), /cache hitRate must be between 0 and 1/);
    assert.throws(() => cachingCost(TOKENS, FRONTIER, { hitRate: 0.8, ttl: '30m' as '5m' }), {
      name: 'RangeError',
      message: `cache ttl must be '5m' or '1h', got "30m"`,
    });
    assert.throws(() => cachingCost({ ...TOKENS, input: -1 }, FRONTIER, HIT_80_5M), /input tokens must be/);
  });
});

describe('cachedBatchCost', () => {
  it('stacks the batch discount on cache reads and writes (80% hits, 5m)', () => {
    // batch halves every input-side price (2.5 / 5 = 0.5): input 2.5, read 0.25, 5m write 3.125; output 15
    // every call: 2,000 × 2.5/1M + 500 × 15/1M = 0.005 + 0.0075 = 0.0125
    // hit 8,000 × 0.25/1M = 0.002; miss 8,000 × 3.125/1M = 0.025
    // 0.0125 + 0.8 × 0.002 + 0.2 × 0.025 = 0.0125 + 0.0016 + 0.005 = 0.0191 (half of 0.0382)
    assertUsd(cachedBatchCost(TOKENS, FRONTIER, HIT_80_5M), 0.0191);
  });

  it('stacks with 1-hour writes too', () => {
    // 1h write 10 × 0.5 = 5: miss 8,000 × 5/1M = 0.04
    // 0.0125 + 0.0016 + 0.2 × 0.04 = 0.0125 + 0.0016 + 0.008 = 0.0221 (half of 0.0442)
    assertUsd(cachedBatchCost(TOKENS, FRONTIER, HIT_80_1H), 0.0221);
  });

  it('is the plain batch cost where caching does not apply', () => {
    // prefix 800 < 1,024: 10,000 × 2.5/1M + 500 × 15/1M = 0.025 + 0.0075 = 0.0325
    assertUsd(cachedBatchCost({ input: 10_000, output: 500, cacheablePrefix: 800 }, FRONTIER, HIT_80_5M), 0.0325);
  });

  it('is null without batch prices', () => {
    assert.equal(cachedBatchCost(TOKENS, ONE_WRITE_PRICE, HIT_80_5M), null);
    assert.equal(cachedBatchCost(TOKENS, SMALL, HIT_80_5M), null);
  });

  it('still validates the scenario', () => {
    assert.throws(() => cachedBatchCost(TOKENS, SMALL, { hitRate: 2, ttl: '5m' }), /cache hitRate must be between 0 and 1/);
  });
});
