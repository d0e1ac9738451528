import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cascadeCost, splitCost } from '../../../src/core/scenarios';
import { assertUsd, FRONTIER, MID, SMALL } from './fixtures';

const TOKENS = { input: 2_000, output: 500, cacheablePrefix: 0 };
// Per call at 2,000 in / 500 out:
//   SMALL    2,000 × 0.5/1M + 500 × 1.5/1M = 0.001 + 0.00075 = 0.00175
//   MID      2,000 × 2/1M   + 500 × 10/1M  = 0.004 + 0.005   = 0.009
//   FRONTIER 2,000 × 5/1M   + 500 × 30/1M  = 0.010 + 0.015   = 0.025

describe('splitCost', () => {
  it('blends a 70/30 split by share', () => {
    const result = splitCost(TOKENS, [
      { model: SMALL, share: 0.7 },
      { model: FRONTIER, share: 0.3 },
    ]);
    // 0.7 × 0.00175 + 0.3 × 0.025 = 0.001225 + 0.0075 = 0.008725
    assertUsd(result.perCall, 0.008725);
    assert.equal(result.parts.length, 2);
    assert.deepEqual(result.parts.map((part) => [part.model, part.share]), [['small', 0.7], ['frontier', 0.3]]);
    assertUsd(result.parts[0].perCall, 0.00175);
    assertUsd(result.parts[1].perCall, 0.025);
  });

  it('gives the model price for a single tier at share 1', () => {
    assertUsd(splitCost(TOKENS, [{ model: MID, share: 1 }]).perCall, 0.009);
  });

  it('accepts shares that miss 1 only by float rounding', () => {
    // 0.1 + 0.2 + 0.7 = 1.0000000000000002 in floating point
    // 0.1 × 0.00175 + 0.2 × 0.009 + 0.7 × 0.025 = 0.000175 + 0.0018 + 0.0175 = 0.019475
    const result = splitCost(TOKENS, [
      { model: SMALL, share: 0.1 },
      { model: MID, share: 0.2 },
      { model: FRONTIER, share: 0.7 },
    ]);
    assertUsd(result.perCall, 0.019475);
  });

  it('rejects shares that do not add up to 1, shares outside 0..1 and an empty split', () => {
    assert.throws(
      () => splitCost(TOKENS, [{ model: SMALL, share: 0.6 }, { model: FRONTIER, share: 0.3 }]),
      { name: 'RangeError', message: 'split shares must add up to 1, got 0.8999999999999999 (small 0.6 + frontier 0.3)' },
    );
    assert.throws(
      () => splitCost(TOKENS, [{ model: SMALL, share: 70 }, { model: FRONTIER, share: 30 }]),
      { name: 'RangeError', message: 'split share of tier 1 (small) must be between 0 and 1 (a fraction, e.g. 0.8 for 80%), got 70' },
    );
    assert.throws(() => splitCost(TOKENS, [{ model: SMALL, share: -0.2 }, { model: FRONTIER, share: 1.2 }]), /tier 1 \(small\).*got -0\.2/);
    assert.throws(() => splitCost(TOKENS, []), { name: 'RangeError', message: 'a traffic split needs at least one model' });
  });
});

describe('cascadeCost', () => {
  it('charges every step a call reaches: 3 steps, 20% then 10% escalate', () => {
    const result = cascadeCost(TOKENS, [
      { model: SMALL, escalate: 0.2 },
      { model: MID, escalate: 0.1 },
      { model: FRONTIER, escalate: 0 },
    ]);
    // reach: step 1 = 1, step 2 = 1 × 0.2 = 0.2, step 3 = 0.2 × 0.1 = 0.02
    // 1 × 0.00175 + 0.2 × 0.009 + 0.02 × 0.025 = 0.00175 + 0.0018 + 0.0005 = 0.00405
    assertUsd(result.perCall, 0.00405);
    assert.deepEqual(result.parts.map((part) => part.model), ['small', 'mid', 'frontier']);
    assertUsd(result.parts[0].share, 1);
    assertUsd(result.parts[1].share, 0.2);
    assertUsd(result.parts[2].share, 0.02);
    assertUsd(result.parts[0].perCall, 0.00175);
    assertUsd(result.parts[1].perCall, 0.009);
    assertUsd(result.parts[2].perCall, 0.025);
  });

  it('costs more than the top model alone when everything escalates (each failed try is paid)', () => {
    // 1 × 0.00175 + 1 × 0.025 = 0.02675
    const result = cascadeCost(TOKENS, [{ model: SMALL, escalate: 1 }, { model: FRONTIER, escalate: 0 }]);
    assertUsd(result.perCall, 0.02675);
  });

  it('rejects a last step that escalates, escalate shares outside 0..1 and an empty cascade', () => {
    assert.throws(
      () => cascadeCost(TOKENS, [{ model: SMALL, escalate: 0.2 }, { model: FRONTIER, escalate: 0.1 }]),
      { name: 'RangeError', message: 'the last cascade step (frontier) has nowhere to escalate to: its escalate share must be 0, got 0.1' },
    );
    assert.throws(
      () => cascadeCost(TOKENS, [{ model: SMALL, escalate: 1.5 }, { model: FRONTIER, escalate: 0 }]),
      /escalate share of cascade step 1 \(small\) must be between 0 and 1.*got 1\.5/,
    );
    assert.throws(() => cascadeCost(TOKENS, []), { name: 'RangeError', message: 'a cascade needs at least one model' });
  });
});
