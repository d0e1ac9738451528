import type { ModelPrice } from '../pricing';
import { listCost } from './call-cost';
import { ratesFor, usd, type CallRates } from './rates';
import type { CachingResult, CachingScenario, CallTokens } from './types';
import { requireFraction, validateTokens } from './validate';

/** Used when the catalog gives no minimum: the most common one (providers.md §2), as in estimate.ts. */
const DEFAULT_CACHE_MIN_TOKENS = 1024;

/** The prices one cached call is billed at, USD per 1M tokens. */
interface CachedPrices {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

/**
 * Steady state: a hit reads the prefix at the cache-read price; a miss writes it
 * at the TTL's write price (5m: cacheWrite5mPerMTok, 1h: cacheWrite1hPerMTok,
 * falling back to the input price where the provider does not charge writes,
 * e.g. OpenAI before GPT-5.6).
 */
export function cachingCost(tokens: CallTokens, model: ModelPrice, scenario: CachingScenario): CachingResult {
  validateTokens(tokens);
  validateScenario(scenario);
  const withoutCaching = listCost(tokens, model);
  const rates = ratesFor(model, tokens.input);
  const blocked = cachingBlocker(tokens, model, rates);
  if (blocked !== null) return { perCall: withoutCaching, withoutCaching, saving: 0, applies: false, reason: blocked };
  const perCall = steadyStateCost(tokens, cachedPrices(rates, scenario.ttl), scenario.hitRate);
  return { perCall, withoutCaching, saving: withoutCaching - perCall, applies: true };
}

/**
 * Cost with caching AND batch together, null if no batch prices. Anthropic
 * documents that the discounts stack (providers.md §2): the batch discount
 * applies to every input-side price, cache reads and writes included. Where
 * caching cannot apply this is the plain batch cost.
 */
export function cachedBatchCost(tokens: CallTokens, model: ModelPrice, scenario: CachingScenario): number | null {
  validateTokens(tokens);
  validateScenario(scenario);
  const rates = ratesFor(model, tokens.input);
  if (rates.batchInput === undefined || rates.batchOutput === undefined) return null;
  if (cachingBlocker(tokens, model, rates) !== null) return usd(tokens.input, rates.batchInput) + usd(tokens.output, rates.batchOutput);
  const listed = cachedPrices(rates, scenario.ttl);
  const batchInputFactor = rates.input > 0 ? rates.batchInput / rates.input : 1;
  const prices: CachedPrices = {
    input: rates.batchInput,
    output: rates.batchOutput,
    cacheRead: listed.cacheRead * batchInputFactor,
    cacheWrite: listed.cacheWrite * batchInputFactor,
  };
  return steadyStateCost(tokens, prices, scenario.hitRate);
}

/** Average over hits and misses; the part of the input after the prefix and the output are paid in full either way. */
function steadyStateCost(tokens: CallTokens, prices: CachedPrices, hitRate: number): number {
  const uncached = usd(tokens.input - tokens.cacheablePrefix, prices.input) + usd(tokens.output, prices.output);
  const hit = usd(tokens.cacheablePrefix, prices.cacheRead);
  const miss = usd(tokens.cacheablePrefix, prices.cacheWrite);
  return uncached + hitRate * hit + (1 - hitRate) * miss;
}

/** Only called once cachingBlocker has confirmed a cache-read price. */
function cachedPrices(rates: CallRates, ttl: CachingScenario['ttl']): CachedPrices {
  return { input: rates.input, output: rates.output, cacheRead: rates.cacheRead ?? rates.input, cacheWrite: writePrice(rates, ttl) };
}

function writePrice(rates: CallRates, ttl: CachingScenario['ttl']): number {
  // OpenAI GPT-5.6+ lists one write price whatever the TTL, so a missing 1h price falls back to the 5m one.
  const charged = ttl === '1h' ? (rates.cacheWrite1h ?? rates.cacheWrite5m) : rates.cacheWrite5m;
  // No write price: the provider does not charge writes, and a miss is billed as ordinary input.
  return charged ?? rates.input;
}

/** Why the prefix cannot be cached, or null when it can. */
function cachingBlocker(tokens: CallTokens, model: ModelPrice, rates: CallRates): string | null {
  if (model.supportsPromptCaching === false) return `${model.id} does not support prompt caching`;
  if (rates.cacheRead === undefined) return `${model.id} has no prompt-cache prices in the price list`;
  if (tokens.cacheablePrefix === 0) return 'the call has no static prefix to cache';
  const minimum = model.cacheMinTokens ?? DEFAULT_CACHE_MIN_TOKENS;
  // Providers process a too-short prefix without caching, at the full input price.
  if (tokens.cacheablePrefix < minimum) {
    return `the ${tokens.cacheablePrefix}-token static prefix is below ${model.id}'s ${minimum}-token caching minimum`;
  }
  return null;
}

function validateScenario(scenario: CachingScenario): void {
  requireFraction(scenario.hitRate, 'cache hitRate');
  if (scenario.ttl !== '5m' && scenario.ttl !== '1h') {
    throw new RangeError(`cache ttl must be '5m' or '1h', got ${JSON.stringify(scenario.ttl)}`);
  }
}
