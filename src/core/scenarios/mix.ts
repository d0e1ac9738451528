import { listCost } from './call-cost';
import type { CallTokens, CascadeStep, CostBreakdown, SplitTier } from './types';
import { requireFraction, requireNonEmpty, validateTokens } from './validate';

/** Shares typed as 0.7 and 0.3 do not always add to exactly 1 in floating point. */
const SHARE_TOLERANCE = 1e-9;

/** Traffic split between models: blended cost per call. Throws RangeError with a clear message on bad shares. */
export function splitCost(tokens: CallTokens, tiers: SplitTier[]): CostBreakdown {
  validateTokens(tokens);
  validateSplit(tiers);
  const parts = tiers.map((tier) => ({ model: tier.model.id, share: tier.share, perCall: listCost(tokens, tier.model) }));
  return { perCall: weightedSum(parts), parts };
}

/**
 * Cheap first, escalate a share to the next tier; every escalated call also paid
 * for its failed try. parts[i].share = share of all calls that reach step i.
 */
export function cascadeCost(tokens: CallTokens, steps: CascadeStep[]): CostBreakdown {
  validateTokens(tokens);
  validateCascade(steps);
  let reaching = 1;
  const parts = steps.map((step) => {
    const part = { model: step.model.id, share: reaching, perCall: listCost(tokens, step.model) };
    reaching *= step.escalate;
    return part;
  });
  // Every call that reaches a step pays for it, whether or not it escalates afterwards.
  return { perCall: weightedSum(parts), parts };
}

function weightedSum(parts: { share: number; perCall: number }[]): number {
  return parts.reduce((sum, part) => sum + part.share * part.perCall, 0);
}

function validateSplit(tiers: SplitTier[]): void {
  requireNonEmpty(tiers, 'a traffic split');
  tiers.forEach((tier, index) => requireFraction(tier.share, `split share of tier ${index + 1} (${tier.model.id})`));
  const total = tiers.reduce((sum, tier) => sum + tier.share, 0);
  if (Math.abs(total - 1) > SHARE_TOLERANCE) {
    const listed = tiers.map((tier) => `${tier.model.id} ${tier.share}`).join(' + ');
    throw new RangeError(`split shares must add up to 1, got ${total} (${listed})`);
  }
}

function validateCascade(steps: CascadeStep[]): void {
  requireNonEmpty(steps, 'a cascade');
  steps.forEach((step, index) => requireFraction(step.escalate, `escalate share of cascade step ${index + 1} (${step.model.id})`));
  const last = steps[steps.length - 1];
  // Nothing follows the last step, so a share escalating from it would vanish from the cost.
  if (last.escalate !== 0) {
    throw new RangeError(`the last cascade step (${last.model.id}) has nowhere to escalate to: its escalate share must be 0, got ${last.escalate}`);
  }
}
