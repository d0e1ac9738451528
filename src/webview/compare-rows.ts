import type { ModelPrice, ModelTier } from '../core/pricing/types';
import { batchCost, cachingCost, costPerCall, monthly, type CachingScenario } from '../core/scenarios';
import { modelsOfCallKind, priceDate, type CallView } from './call-view';

/** One model priced for the call, as the comparison table shows it. */
export interface CompareRow {
  model: ModelPrice;
  isCurrent: boolean;
  /** Counted with the call's model's tokenizer: an estimate for every other model. */
  approximate: boolean;
  perCall: number;
  perMonth: number;
  /** Per call with the prompt cache; null with a reason where caching does not apply. */
  withCache: number | null;
  cacheNote?: string;
  withBatch: number | null;
  batchNote?: string;
  /** Share of the context window the call uses, or null when the window is unknown. */
  contextUse: number | null;
  pricesAsOf: string;
}

export interface CompareFilters {
  provider: string;
  tier: ModelTier | '';
}

export interface Comparison {
  rows: CompareRow[];
  /** Models of the call's kind left out because the call does not fit them. */
  tooSmall: number;
}

/** Does the call fit the model: input plus output limit in the window, output limit within the model's maximum. */
export function fitsModel(model: ModelPrice, view: CallView): boolean {
  const needed = view.tokens.input + view.outputMax;
  if (model.contextWindow !== undefined && model.contextWindow < needed) return false;
  if (model.maxOutputTokens !== undefined && model.maxOutputTokens < view.outputMax) return false;
  return true;
}

export function compareModels(view: CallView, filters: CompareFilters, caching: CachingScenario): Comparison {
  const candidates = modelsOfCallKind(view).filter(
    (model) => (!filters.provider || model.provider === filters.provider) && (!filters.tier || model.tier === filters.tier),
  );
  const fitting = candidates.filter((model) => fitsModel(model, view));
  const rows = fitting.map((model) => priceRow(model, view, caching));
  rows.sort((a, b) => a.perCall - b.perCall || a.model.id.localeCompare(b.model.id));
  return { rows, tooSmall: candidates.length - fitting.length };
}

function priceRow(model: ModelPrice, view: CallView, caching: CachingScenario): CompareRow {
  const perCall = costPerCall(view.tokens, model);
  const cached = cachingCost(view.tokens, model, caching);
  const batch = batchCost(view.tokens, model);
  const isCurrent = model === view.currentModel;
  return {
    model,
    isCurrent,
    approximate: !isCurrent || view.inputConfidence !== 'exact',
    perCall,
    perMonth: monthly(perCall, view.callsPerDay),
    withCache: cached.applies ? cached.perCall : null,
    cacheNote: cached.reason,
    withBatch: batch.perCall,
    batchNote: batch.reason,
    contextUse: model.contextWindow ? (view.tokens.input + view.outputMax) / model.contextWindow : null,
    pricesAsOf: priceDate(model, view.host.pricingAsOf),
  };
}
