/**
 * Turns the price data bundled in @pydantic/genai-prices (providers, models, match rules,
 * dated and time-of-day prices, tiers) into catalog entries: USD per 1M tokens, one entry
 * per model, with the source's match rule kept as data for the lookup.
 */
import type { ConditionalPrice, ModelInfo, ModelPrice as SourcePrice, Provider } from '@pydantic/genai-prices';
import { matchesRule } from '../../src/core/pricing/match';
import { tierFor } from '../../src/core/pricing/tier';
import type { LongContextPrice, MatchRule, ModelPrice } from '../../src/core/pricing/types';

export interface ProviderConfig {
  /** genai-prices provider id → our provider name, in catalog order; providers left out are not kept. */
  providers: Record<string, string>;
  /** Our providers that make the models they list: their ids stay bare (`gpt-4o`), others get `provider/`. */
  firstParty: string[];
  /** Batch price as a share of list, where the provider states one rule for every model. */
  batchDiscount: Record<string, number>;
  /** Ids of legacy completion (not chat) models. */
  completionModels: string;
  /** Per genai-prices provider: model ids its API does not serve. */
  exclude: Record<string, string[]>;
}

export interface SourceInfo {
  /** `genai-prices 0.1.8`: written into every entry's `source`. */
  label: string;
  /** Prices in effect on this day are the ones kept. */
  asOf: string;
}

type Tiered = { base: number; tiers: { start: number; price: number }[] };

export function convertGenaiPrices(providers: readonly Provider[], config: ProviderConfig, source: SourceInfo): { models: ModelPrice[]; fallbacks: Record<string, string[]>; warnings: string[] } {
  const warnings: string[] = [];
  const models: ModelPrice[] = [];
  const byId = new Map(providers.map((provider) => [provider.id, provider]));
  const completion = new RegExp(config.completionModels);
  // Each maker's own rule for its names (`contains: claude`): a first-party list's entry for another maker's model is a resale.
  const makers = Object.entries(config.providers)
    .filter(([sourceId, name]) => config.firstParty.includes(name) && byId.get(sourceId)?.model_match)
    .map(([sourceId, name]) => ({ name, rule: byId.get(sourceId)?.model_match as MatchRule }));
  for (const [sourceId, name] of Object.entries(config.providers)) {
    const provider = byId.get(sourceId);
    if (!provider) {
      warnings.push(`${sourceId}: not in genai-prices`);
      continue;
    }
    const excluded = new Set(config.exclude[sourceId] ?? []);
    for (const info of provider.models) {
      if (excluded.has(info.id)) continue;
      const entry = convertModel(info, name, source, completion, config.batchDiscount[name]);
      if (!entry) continue;
      const resold = makers.some((maker) => maker.name !== name && matchesRule(maker.rule, info.id.toLowerCase()));
      // Hosts, clouds and resold models (Vertex's `claude-…`) keep their provider in the id.
      entry.id = config.firstParty.includes(name) && !resold ? info.id : `${name}/${info.id}`;
      models.push(entry);
    }
  }
  const fallbacks = Object.fromEntries(
    providers
      .filter((provider) => config.providers[provider.id] && provider.fallback_model_providers?.length)
      .map((provider) => [config.providers[provider.id], (provider.fallback_model_providers ?? []).flatMap((id) => config.providers[id] ?? [])]),
  );
  return { models, fallbacks, warnings };
}

function convertModel(info: ModelInfo, provider: string, source: SourceInfo, completion: RegExp, batch: number | undefined): ModelPrice | undefined {
  const { prices, since } = pricesAt(info.prices, source.asOf);
  const input = base(prices.input_mtok);
  // Audio-, image- and request-priced models have no token price the engine could use.
  if (input === undefined) return undefined;
  const output = base(prices.output_mtok);
  const mode = output === undefined ? 'embedding' : completion.test(info.id) ? 'completion' : 'chat';
  const outputPerMTok = output ?? 0;
  const longContext = tier(prices);
  return {
    id: info.id,
    provider,
    mode,
    inputPerMTok: input,
    outputPerMTok,
    ...optional('cachedInputPerMTok', base(prices.cache_read_mtok)),
    ...optional('cacheWrite5mPerMTok', base(prices.cache_write_mtok)),
    ...optional('cacheWrite1hPerMTok', base(prices.cache_write_1h_mtok)),
    ...(batch !== undefined && { batchInputPerMTok: round(input * batch), batchOutputPerMTok: round(outputPerMTok * batch) }),
    ...(longContext && { longContext }),
    ...(info.context_window !== undefined && { contextWindow: info.context_window }),
    tier: tierFor(outputPerMTok),
    source: source.label,
    // The source flags a deprecation without its date: deprecated by the source's date at the latest.
    ...(info.deprecated && { deprecated: source.asOf }),
    ...(!isOwnIdOnly(info.match, info.id) && { match: info.match as MatchRule }),
    ...(since !== undefined && { asOf: since }),
  };
}

/**
 * The price in effect on `asOf`: the latest dated one that has started. Where prices
 * depend on the time of day (DeepSeek's peak windows), the highest applies: the
 * estimate is an upper bound, not a guess of when the call runs.
 */
function pricesAt(prices: ConditionalPrice[] | SourcePrice, asOf: string): { prices: SourcePrice; since?: string } {
  if (!Array.isArray(prices)) return { prices };
  let current: { prices: SourcePrice; since?: string } = { prices: prices[0].prices };
  const windows: SourcePrice[] = [];
  for (const entry of prices) {
    const constraint = entry.constraint;
    if (constraint === undefined) current = { prices: entry.prices };
    else if (constraint.type === 'start_date' && constraint.start_date <= asOf) current = { prices: entry.prices, since: constraint.start_date };
    else if (constraint.type === 'time_of_date') windows.push(entry.prices);
  }
  const peak = windows.reduce<SourcePrice | undefined>((high, candidate) => ((base(candidate.input_mtok) ?? 0) > (base(high?.input_mtok) ?? 0) ? candidate : high), undefined);
  return peak && (base(peak.input_mtok) ?? 0) > (base(current.prices.input_mtok) ?? 0) ? { prices: peak, since: current.since } : current;
}

function base(value: SourcePrice[string]): number | undefined {
  if (typeof value === 'number') return value;
  return value === undefined ? undefined : (value as Tiered).base;
}

/** The first tier of the input price, with the output and cache-read tiers that start there. */
function tier(prices: SourcePrice): LongContextPrice | undefined {
  const input = prices.input_mtok as Tiered | number | undefined;
  if (typeof input !== 'object' || input.tiers.length === 0) return undefined;
  const start = input.tiers[0].start;
  const at = (value: SourcePrice[string]): number | undefined =>
    typeof value === 'object' ? (value as Tiered).tiers.find((step) => step.start === start)?.price : undefined;
  const output = at(prices.output_mtok) ?? base(prices.output_mtok) ?? 0;
  const cached = at(prices.cache_read_mtok);
  // genai-prices writes "above 272K" as start 271999 for some models and 272000 for others.
  const above = Math.abs(start - Math.round(start / 1000) * 1000) <= 1 ? Math.round(start / 1000) * 1000 : start;
  return { aboveInputTokens: above, inputPerMTok: input.tiers[0].price, outputPerMTok: output, ...optional('cachedInputPerMTok', cached) };
}

function isOwnIdOnly(rule: ModelInfo['match'], id: string): boolean {
  return 'equals' in rule && rule.equals === id;
}

function optional<K extends string>(field: K, value: number | undefined): { [P in K]?: number } {
  return value === undefined ? {} : ({ [field]: value } as { [P in K]: number });
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
