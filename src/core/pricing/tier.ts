import type { ModelTier } from './types';

/** Output price (USD per 1M tokens) from which a model counts as frontier. */
export const FRONTIER_MIN_OUTPUT_PER_MTOK = 20;
/** Output price (USD per 1M tokens) up to which a model counts as small. */
export const SMALL_MAX_OUTPUT_PER_MTOK = 5;

/**
 * Tiers follow the output price: it dominates the bill of generating calls and
 * separates the bands cleanly (frontier ≥ $20, small ≤ $5; embeddings are small).
 */
export function tierFor(outputPerMTok: number): ModelTier {
  if (outputPerMTok >= FRONTIER_MIN_OUTPUT_PER_MTOK) return 'frontier';
  if (outputPerMTok <= SMALL_MAX_OUTPUT_PER_MTOK) return 'small';
  return 'mid';
}
