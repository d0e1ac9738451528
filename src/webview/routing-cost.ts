import type { ModelPrice } from '../core/pricing/types';
import { cascadeCost, costPerCall, monthly, splitCost, type CostBreakdown } from '../core/scenarios';
import { findModel, modelsOfCallKind, resolveModel, type CallView } from './call-view';
import { fitsModel } from './compare-rows';
import type { RoutingScenario } from './protocol';
import type { RoutingTierDraft, UiState } from './ui-state';

export type RoutingOutcome =
  | {
      ok: true;
      blended: CostBreakdown;
      blendedMonthly: number;
      baseline: { model: ModelPrice; perCall: number; monthly: number };
      /** Baseline minus blended, per month; negative when routing costs more. */
      monthlySaving: number;
    }
  | { ok: false; problem: string };

/** Percentages typed as 70 and 30 add to 100 up to rounding. */
const PERCENT_TOLERANCE = 1e-6;

export function routingOutcome(view: CallView, routing: Readonly<UiState['routing']>): RoutingOutcome {
  const baselineModel = resolveModel(view, routing.baseline);
  if (!baselineModel) return { ok: false, problem: 'There are no models to compare with.' };
  if (routing.tiers.length === 0) return { ok: false, problem: 'Add a tier to route traffic to.' };
  const models: ModelPrice[] = [];
  for (const [index, tier] of routing.tiers.entries()) {
    const model = findModel(view.host.models, tier.model);
    if (!model) return { ok: false, problem: `Pick a model for tier ${index + 1}.` };
    if (tier.percent > 100) return { ok: false, problem: `Tier ${index + 1}: a share cannot be over 100%.` };
    models.push(model);
  }
  if (routing.mode === 'split') {
    const total = routing.tiers.reduce((sum, tier) => sum + tier.percent, 0);
    if (Math.abs(total - 100) > PERCENT_TOLERANCE) {
      return { ok: false, problem: `The shares add up to ${round(total)}%; a split needs them to add up to 100%.` };
    }
  }
  const blended = blendedCost(view, routing, models);
  const baselinePerCall = costPerCall(view.tokens, baselineModel);
  const blendedMonthly = monthly(blended.perCall, view.callsPerDay);
  const baselineMonthly = monthly(baselinePerCall, view.callsPerDay);
  return {
    ok: true,
    blended,
    blendedMonthly,
    baseline: { model: baselineModel, perCall: baselinePerCall, monthly: baselineMonthly },
    monthlySaving: baselineMonthly - blendedMonthly,
  };
}

function blendedCost(view: CallView, routing: Readonly<UiState['routing']>, models: ModelPrice[]): CostBreakdown {
  if (routing.mode === 'split') {
    return splitCost(view.tokens, models.map((model, index) => ({ model, share: routing.tiers[index].percent / 100 })));
  }
  const last = models.length - 1;
  // Nothing escalates from the last step, whatever its (hidden) field holds.
  return cascadeCost(view.tokens, models.map((model, index) => ({ model, escalate: index === last ? 0 : routing.tiers[index].percent / 100 })));
}

/** A first split to edit: the cheapest model that fits takes most calls, the call's model (or the dearest that fits) the rest. */
export function defaultTiers(view: CallView): RoutingTierDraft[] {
  const fitting = modelsOfCallKind(view)
    .filter((model) => fitsModel(model, view))
    .sort((a, b) => costPerCall(view.tokens, a) - costPerCall(view.tokens, b));
  const cheapest = fitting[0];
  if (!cheapest) return [];
  const strongest = view.currentModel ?? fitting[fitting.length - 1];
  if (strongest === cheapest) return [{ model: cheapest.id, percent: 100 }];
  return [
    { model: cheapest.id, percent: 70 },
    { model: strongest.id, percent: 30 },
  ];
}

/** The draft as the protocol stores it: shares as fractions, the last cascade step escalating nothing. */
export function draftToScenario(routing: Readonly<UiState['routing']>): RoutingScenario {
  const last = routing.tiers.length - 1;
  return {
    name: routing.name.trim(),
    mode: routing.mode,
    tiers: routing.tiers.map((tier, index) => ({
      model: tier.model,
      share: routing.mode === 'cascade' && index === last ? 0 : tier.percent / 100,
    })),
  };
}

/** A saved scenario as an editable draft; the baseline stays the user's choice. */
export function scenarioToDraft(scenario: RoutingScenario): Omit<UiState['routing'], 'baseline'> {
  return {
    mode: scenario.mode,
    name: scenario.name,
    tiers: scenario.tiers.map((tier) => ({ model: tier.model, percent: round(tier.share * 100) })),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
