import type { ModelTier } from '../core/pricing/types';
import type { PanelState } from './protocol';
import { parsePanelState } from './validate';

/**
 * Everything the panel keeps across being hidden (VS Code's getState/setState):
 * the open tab, every input, the routing draft, and the last state from the
 * host so a restored panel has content before the host answers `ready`.
 */

export const TABS = ['compare', 'routing', 'caching', 'compression'] as const;
export type TabId = (typeof TABS)[number];

export type RoutingMode = 'split' | 'cascade';

export interface RoutingTierDraft {
  /** Model id; '' until one is picked. */
  model: string;
  /** Split: share of traffic; cascade: share escalated to the next step. In percent, as typed. */
  percent: number;
}

/** '' in a model choice means "the call's model". */
export interface UiState {
  tab: TabId;
  followCursor: boolean;
  /** The call typed by hand when the host sends none (`state.call === null`). */
  blank: { inputTokens: number; outputTokens: number; cacheablePrefixTokens: number; callsPerDay: number };
  compare: { provider: string; tier: ModelTier | '' };
  routing: { mode: RoutingMode; tiers: RoutingTierDraft[]; baseline: string; name: string };
  caching: { hitRatePercent: number; ttl: '5m' | '1h'; model: string };
  compression: { removeExamples: boolean };
  host: PanelState | null;
}

export function defaultUiState(): UiState {
  return {
    tab: 'compare',
    followCursor: true,
    blank: { inputTokens: 1000, outputTokens: 500, cacheablePrefixTokens: 0, callsPerDay: 1000 },
    compare: { provider: '', tier: '' },
    routing: { mode: 'split', tiers: [], baseline: '', name: '' },
    caching: { hitRatePercent: 80, ttl: '5m', model: '' },
    compression: { removeExamples: false },
    host: null,
  };
}

/** Saved state may be missing, from an older version or damaged: each field falls back to its default. */
export function restoreUiState(saved: unknown): UiState {
  const defaults = defaultUiState();
  const root = fields(saved);
  const blank = fields(root.blank);
  const compare = fields(root.compare);
  const routing = fields(root.routing);
  const caching = fields(root.caching);
  const compression = fields(root.compression);
  return {
    tab: choice(root.tab, TABS, defaults.tab),
    followCursor: flag(root.followCursor, defaults.followCursor),
    blank: {
      inputTokens: amount(blank.inputTokens, defaults.blank.inputTokens),
      outputTokens: amount(blank.outputTokens, defaults.blank.outputTokens),
      cacheablePrefixTokens: amount(blank.cacheablePrefixTokens, defaults.blank.cacheablePrefixTokens),
      callsPerDay: amount(blank.callsPerDay, defaults.blank.callsPerDay),
    },
    compare: {
      provider: label(compare.provider, defaults.compare.provider),
      tier: choice(compare.tier, ['', 'frontier', 'mid', 'small'] as const, defaults.compare.tier),
    },
    routing: {
      mode: choice(routing.mode, ['split', 'cascade'] as const, defaults.routing.mode),
      tiers: Array.isArray(routing.tiers) ? routing.tiers.map(fields).map((tier) => ({ model: label(tier.model, ''), percent: amount(tier.percent, 0) })) : [],
      baseline: label(routing.baseline, defaults.routing.baseline),
      name: label(routing.name, defaults.routing.name),
    },
    caching: {
      hitRatePercent: Math.min(100, amount(caching.hitRatePercent, defaults.caching.hitRatePercent)),
      ttl: choice(caching.ttl, ['5m', '1h'] as const, defaults.caching.ttl),
      model: label(caching.model, defaults.caching.model),
    },
    compression: { removeExamples: flag(compression.removeExamples, defaults.compression.removeExamples) },
    host: parsePanelState(root.host),
  };
}

function fields(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function choice<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function label(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function amount(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
