import { CatalogIndex } from './catalog-index';
import { parseModelName } from './normalize';
import { isRecord } from './record';
import { tierFor } from './tier';
import type { ModelPrice, PriceCatalog, PriceLookup, PriceOverrides } from './types';

const PRICE_FIELDS = [
  'inputPerMTok', 'outputPerMTok', 'cachedInputPerMTok', 'cacheWrite5mPerMTok',
  'cacheWrite1hPerMTok', 'batchInputPerMTok', 'batchOutputPerMTok',
] as const;

/** Fields an override may set; `id` and anything unknown are ignored. */
const OVERRIDABLE_FIELDS = [
  ...PRICE_FIELDS, 'provider', 'mode', 'longContext', 'contextWindow', 'maxOutputTokens',
  'cacheMinTokens', 'supportsPromptCaching', 'tier', 'source', 'deprecated', 'retired', 'successor',
] as const;

const MODES = new Set(['chat', 'embedding', 'completion']);
const TIERS = new Set(['frontier', 'mid', 'small']);

/**
 * Below this, a price per 1M tokens is almost surely a price per token (gpt-4o's
 * $2.50 is 0.0000025 per token); the cheapest listed price is about $0.005.
 */
const PER_TOKEN_SUSPECT = 0.0001;
const MAX_REMEMBERED_LOOKUPS = 10_000;

/** An override that was ignored: which entry, and why. */
export interface OverrideProblem {
  section: 'models' | 'aliases';
  name: string;
  message: string;
}

/** Prices for model names as written in code, over a catalog plus the user's overrides. */
export class PriceBook {
  /** Overrides that were ignored, and why (for settings diagnostics). */
  readonly overrideProblems: readonly OverrideProblem[];
  private readonly catalogAsOf: string;
  private readonly models: ModelPrice[];
  private readonly byId = new Map<string, ModelPrice>();
  private readonly index: CatalogIndex;
  private readonly overridden = new Set<ModelPrice>();
  private readonly aliases = new Map<string, ModelPrice>();
  private readonly lookups = new Map<string, PriceLookup>();

  constructor(catalog: PriceCatalog, overrides: PriceOverrides = {}) {
    this.catalogAsOf = catalog.asOf;
    const problems: OverrideProblem[] = [];
    const entries = new Map(catalog.models.map((model) => [model.id.toLowerCase(), model]));
    for (const [id, override] of Object.entries(overrides.models ?? {})) {
      const result = applyOverride(entries, id, override);
      if (typeof result === 'string') problems.push({ section: 'models', name: id, message: result });
      else this.overridden.add(result);
    }
    // Entries keep the catalog's match order (an added model goes last); list() sorts its copy.
    this.models = [...entries.values()];
    for (const model of this.models) this.byId.set(model.id, model);
    this.index = new CatalogIndex(this.models, catalog.fallbacks ?? {});
    for (const [name, target] of Object.entries(overrides.aliases ?? {})) {
      const resolved = typeof target === 'string' ? this.resolve(target) : undefined;
      if (resolved?.found) this.aliases.set(name.trim().toLowerCase(), resolved.price);
      else problems.push({ section: 'aliases', name, message: unknownTarget(target, resolved?.closest ?? []) });
    }
    this.overrideProblems = problems;
  }

  get asOf(): string {
    return this.catalogAsOf;
  }

  /** Every model, in id order. */
  list(): ModelPrice[] {
    return [...this.models].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  lookup(model: string): PriceLookup {
    // A workspace names few models, many times; suggestions for an unknown one cost an edit-distance pass.
    let result = this.lookups.get(model);
    if (!result) {
      if (this.lookups.size >= MAX_REMEMBERED_LOOKUPS) this.lookups.clear();
      result = this.lookupUncached(model);
      this.lookups.set(model, result);
    }
    return result;
  }

  private lookupUncached(model: string): PriceLookup {
    for (const form of parseModelName(model).forms) {
      const price = this.aliases.get(form);
      if (price) return { found: true, price, matchedAs: form, via: 'alias' };
    }
    return this.resolve(model);
  }

  /** Exact id, else the catalog's match rules for the name's price list. */
  private resolve(model: string): PriceLookup {
    const name = model.trim();
    const exact = this.byId.get(name);
    if (exact) return this.found(exact, name, 'exact');
    const resolution = this.index.resolve(name);
    if (resolution.found) return this.found(resolution.price, resolution.matchedAs, 'normalized');
    return { found: false, model, closest: resolution.closest, ...(resolution.reason !== undefined && { reason: resolution.reason }) };
  }

  private found(price: ModelPrice, matchedAs: string, via: 'exact' | 'normalized'): PriceLookup {
    return { found: true, price, matchedAs, via: this.overridden.has(price) ? 'override' : via };
  }
}

/** Merges into an existing entry or adds a new one; returns the entry, or why the override was ignored. */
function applyOverride(entries: Map<string, ModelPrice>, id: string, override: unknown): ModelPrice | string {
  if (!isRecord(override)) return 'expected an object';
  const problem = invalidOverride(override);
  if (problem) return problem;
  const fields = Object.fromEntries(
    OVERRIDABLE_FIELDS.filter((field) => override[field] !== undefined).map((field) => [field, override[field]]),
  ) as Partial<ModelPrice>;
  const key = id.trim().toLowerCase();
  const existing = entries.get(key);
  if (!existing && (fields.inputPerMTok === undefined || fields.outputPerMTok === undefined)) {
    return 'is not in the catalog, so it needs both inputPerMTok and outputPerMTok';
  }
  const base = existing ?? { id: id.trim(), provider: 'custom', mode: 'chat' };
  const merged = { ...base, ...fields, id: base.id } as ModelPrice;
  merged.tier = fields.tier ?? tierFor(merged.outputPerMTok);
  entries.set(key, merged);
  return merged;
}

function invalidOverride(override: Record<string, unknown>): string | undefined {
  for (const field of PRICE_FIELDS) {
    const value = override[field];
    if (value === undefined) continue;
    if (!isPrice(value)) return `${field} must be a non-negative number`;
    if (value > 0 && value < PER_TOKEN_SUSPECT) {
      return `${field} ${value} looks like a price per token; prices here are USD per 1M tokens (${formatPerMTok(value * 1e6)})`;
    }
  }
  if (override.mode !== undefined && !MODES.has(override.mode as string)) return 'mode must be chat, embedding or completion';
  if (override.tier !== undefined && !TIERS.has(override.tier as string)) return 'tier must be frontier, mid or small';
  const long = override.longContext;
  if (long !== undefined) {
    const valid = isRecord(long) && isPrice(long.aboveInputTokens) && isPrice(long.inputPerMTok) && isPrice(long.outputPerMTok)
      && (long.cachedInputPerMTok === undefined || isPrice(long.cachedInputPerMTok));
    if (!valid) return 'longContext needs aboveInputTokens, inputPerMTok and outputPerMTok as non-negative numbers';
  }
  return undefined;
}

function unknownTarget(target: unknown, closest: readonly string[]): string {
  if (typeof target !== 'string') return `must name a model, not ${JSON.stringify(target)}`;
  const suggestion = closest.length > 0 ? `; did you mean ${closest.map((id) => `"${id}"`).join(' or ')}?` : '';
  return `points to "${target}", which is not a known model${suggestion}`;
}

function formatPerMTok(value: number): string {
  return String(Number(value.toPrecision(6)));
}

function isPrice(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
