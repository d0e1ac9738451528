import assert from 'node:assert/strict';
import type { ModelPrice } from '../../../src/core/pricing';

/**
 * Hand-made models with round prices (USD per 1M tokens), so expected costs can
 * be worked out by hand in each test. Not read from the catalog: its prices move.
 */

/** Anthropic-style: 5m and 1h cache writes, batch at half price, long context above 200K. */
export const FRONTIER: ModelPrice = {
  id: 'frontier',
  provider: 'anthropic',
  mode: 'chat',
  inputPerMTok: 5,
  outputPerMTok: 30,
  cachedInputPerMTok: 0.5,
  cacheWrite5mPerMTok: 6.25,
  cacheWrite1hPerMTok: 10,
  batchInputPerMTok: 2.5,
  batchOutputPerMTok: 15,
  longContext: { aboveInputTokens: 200_000, inputPerMTok: 10, outputPerMTok: 45, cachedInputPerMTok: 1 },
  cacheMinTokens: 1024,
  tier: 'frontier',
};

export const MID: ModelPrice = { id: 'mid', provider: 'test', mode: 'chat', inputPerMTok: 2, outputPerMTok: 10, tier: 'mid' };

/** No cache and no batch prices. */
export const SMALL: ModelPrice = { id: 'small', provider: 'test', mode: 'chat', inputPerMTok: 0.5, outputPerMTok: 1.5, tier: 'small' };

/** OpenAI before GPT-5.6 (gpt-4o prices): cached reads, free writes (no write price). */
export const FREE_WRITES: ModelPrice = {
  id: 'free-writes',
  provider: 'openai',
  mode: 'chat',
  inputPerMTok: 2.5,
  outputPerMTok: 10,
  cachedInputPerMTok: 1.25,
  tier: 'mid',
};

/** OpenAI GPT-5.6 (Terra prices): one write price (1.25× input), no 1h price. */
export const ONE_WRITE_PRICE: ModelPrice = {
  id: 'one-write-price',
  provider: 'openai',
  mode: 'chat',
  inputPerMTok: 2,
  outputPerMTok: 12,
  cachedInputPerMTok: 0.2,
  cacheWrite5mPerMTok: 2.5,
  tier: 'mid',
};

/** Float sums like 0.7 × a + 0.3 × b are off in the last bits; 1e-12 USD is far below anything shown. */
export function assertUsd(actual: number | null, expected: number): void {
  assert.ok(actual !== null, `expected ${expected}, got null`);
  assert.ok(Math.abs(actual - expected) < 1e-12, `expected ${expected}, got ${actual}`);
}
