import type { ModelPrice } from '../pricing';
import { ratesFor, usd } from './rates';
import type { CallTokens } from './types';
import { requireFinite, requireNonNegative, validateTokens } from './validate';

/** Monthly projections use 30 days, the same as `perMonth` in estimate.ts (which takes a whole Traffic record). */
export const DAYS_PER_MONTH = 30;

/** Expected cost of one call at list prices (long-context prices when input passes the model's threshold). */
export function costPerCall(tokens: CallTokens, model: ModelPrice): number {
  validateTokens(tokens);
  return listCost(tokens, model);
}

/** costPerCall without re-validating, for callers that already checked the tokens. */
export function listCost(tokens: CallTokens, model: ModelPrice): number {
  const rates = ratesFor(model, tokens.input);
  return usd(tokens.input, rates.input) + usd(tokens.output, rates.output);
}

/** A per-call amount over a month: × callsPerDay × 30. perCall may be negative (a monthly saving can be). */
export function monthly(perCall: number, callsPerDay: number): number {
  requireFinite(perCall, 'perCall');
  requireNonNegative(callsPerDay, 'callsPerDay');
  return perCall * callsPerDay * DAYS_PER_MONTH;
}
