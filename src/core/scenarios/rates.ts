import type { ModelPrice } from '../pricing';

/** USD per 1M tokens that apply to one call, after the long-context switch. */
export interface CallRates {
  input: number;
  output: number;
  cacheRead?: number;
  cacheWrite5m?: number;
  cacheWrite1h?: number;
  batchInput?: number;
  batchOutput?: number;
}

const PER_MILLION = 1_000_000;

/** Cost in USD of `tokens` at `perMTok` USD per 1M tokens. */
export function usd(tokens: number, perMTok: number): number {
  return (tokens * perMTok) / PER_MILLION;
}

/**
 * Prices for a call with `inputTokens` of input. Above the model's long-context
 * threshold the higher prices apply to the whole request (as in estimate.ts).
 * The catalog lists long-context input, output and cache-read prices only; the
 * other input-side prices (cache writes, batch input) scale by the same factor
 * as input, and batch output by the output factor: providers price them as
 * multiples of the list price (e.g. gpt-6-astra: write 12.50 → 25 as input 10 → 20).
 */
export function ratesFor(model: ModelPrice, inputTokens: number): CallRates {
  const base: CallRates = {
    input: model.inputPerMTok,
    output: model.outputPerMTok,
    cacheRead: model.cachedInputPerMTok,
    cacheWrite5m: model.cacheWrite5mPerMTok,
    cacheWrite1h: model.cacheWrite1hPerMTok,
    batchInput: model.batchInputPerMTok,
    batchOutput: model.batchOutputPerMTok,
  };
  const long = model.longContext;
  if (!long || inputTokens <= long.aboveInputTokens) return base;
  const inputFactor = ratio(long.inputPerMTok, model.inputPerMTok);
  const outputFactor = ratio(long.outputPerMTok, model.outputPerMTok);
  return {
    input: long.inputPerMTok,
    output: long.outputPerMTok,
    cacheRead: long.cachedInputPerMTok ?? scale(base.cacheRead, inputFactor),
    cacheWrite5m: scale(base.cacheWrite5m, inputFactor),
    cacheWrite1h: scale(base.cacheWrite1h, inputFactor),
    batchInput: scale(base.batchInput, inputFactor),
    batchOutput: scale(base.batchOutput, outputFactor),
  };
}

/** A free base price has no meaningful multiple; keep derived prices as listed then. */
function ratio(longPrice: number, basePrice: number): number {
  return basePrice > 0 ? longPrice / basePrice : 1;
}

function scale(price: number | undefined, factor: number): number | undefined {
  return price === undefined ? undefined : price * factor;
}
