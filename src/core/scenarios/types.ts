import type { ModelPrice } from '../pricing';

export interface CallTokens {
  input: number;
  output: number;
  /** static prefix tokens that a prompt cache can serve */
  cacheablePrefix: number;
}

/** shares must sum to 1 (±1e-9), each 0..1 */
export interface SplitTier {
  model: ModelPrice;
  share: number;
}

export interface CostBreakdown {
  perCall: number;
  parts: { model: string; share: number; perCall: number }[];
}

export interface CascadeStep {
  model: ModelPrice;
  /** share of the calls reaching this step that escalate to the next one (the last step's must be 0) */
  escalate: number;
}

export interface CachingScenario {
  hitRate: number /* 0..1 */;
  ttl: '5m' | '1h';
}

export interface CachingResult {
  perCall: number;
  withoutCaching: number;
  /** withoutCaching − perCall; negative when cache writes cost more than the hits save. */
  saving: number;
  /** false when the model has no cache prices or the prefix is below its minimum */
  applies: boolean;
  reason?: string;
}

export interface BatchResult {
  perCall: number | null;
  saving: number | null;
  reason?: string;
}
