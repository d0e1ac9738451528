/**
 * What-if cost scenarios for one call: list price, monthly traffic, traffic
 * splits, cascades, prompt caching and Batch API. Pure functions over prices in
 * USD per 1M tokens; no node or editor APIs, because the comparison webview
 * bundles this module too.
 */
export { batchCost } from './batch';
export { cachedBatchCost, cachingCost } from './caching';
export { costPerCall, DAYS_PER_MONTH, monthly } from './call-cost';
export { cascadeCost, splitCost } from './mix';
export type {
  BatchResult, CachingResult, CachingScenario, CallTokens, CascadeStep, CostBreakdown, SplitTier,
} from './types';
