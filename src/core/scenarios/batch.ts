import type { ModelPrice } from '../pricing';
import { listCost } from './call-cost';
import { ratesFor, usd } from './rates';
import type { BatchResult, CallTokens } from './types';
import { validateTokens } from './validate';

/** Through the provider's Batch API (batch prices); null with a reason where the model has none. */
export function batchCost(tokens: CallTokens, model: ModelPrice): BatchResult {
  validateTokens(tokens);
  const rates = ratesFor(model, tokens.input);
  if (rates.batchInput === undefined || rates.batchOutput === undefined) {
    return { perCall: null, saving: null, reason: noBatchReason(model) };
  }
  const perCall = usd(tokens.input, rates.batchInput) + usd(tokens.output, rates.batchOutput);
  return { perCall, saving: listCost(tokens, model) - perCall };
}

function noBatchReason(model: ModelPrice): string {
  return `${model.id} has no Batch API prices in the price list`;
}
