import type { PromptmeterConfig } from '../config/config';
import type { LlmCall, ProviderId } from '../model';
import { lookupPrice } from './priced-name';
import type { ModelPrice, PriceBook } from '../pricing';
import { CURRENT_LINEUP } from '../pricing/lineup';
import { costPerCall, monthly, type CallTokens } from '../scenarios';

/**
 * A call whose model the code does not name (it comes from the environment, a
 * database, another service) still gets a number: the range of what it costs with
 * each model the workspace names for calls of the same provider, or, where the
 * workspace names none, with each model of that provider's current lineup (lineup.ts);
 * or, when `defaultModel` is set, what it costs with that one model.
 */
export interface CostRange {
  low: number;
  high: number;
  monthlyLow: number;
  monthlyHigh: number;
  basis: 'default-model' | 'named-models' | 'provider-models';
  /** The models the range spans, cheapest first. */
  models: string[];
  /** Their providers in the catalog (`anthropic`, `openai`), in name order. */
  providers: string[];
}

/** Catalog ids of the priced models that calls name, by the provider of the call. */
export type NamedModels = Readonly<Partial<Record<ProviderId, readonly string[]>>>;

/** The vendors (lineup.ts) whose models a call of this provider can run, for the fallback. */
const CATALOG_PROVIDERS: Partial<Record<ProviderId, readonly string[]>> = {
  openai: ['openai'],
  'azure-openai': ['openai'],
  anthropic: ['anthropic'],
  google: ['google'],
  mistral: ['mistral'],
  cohere: ['cohere'],
  groq: ['groq'],
  // Frameworks that reach any vendor: the three most code names.
  'vercel-ai': ['openai', 'anthropic', 'google'],
  litellm: ['openai', 'anthropic', 'google'],
};

/** A LangChain chat model class names its vendor. */
const LANGCHAIN_VENDORS: Readonly<Record<string, readonly string[]>> = {
  ChatOpenAI: ['openai'],
  AzureChatOpenAI: ['openai'],
  ChatAnthropic: ['anthropic'],
  ChatGoogleGenerativeAI: ['google'],
  ChatVertexAI: ['google'],
  ChatMistralAI: ['mistral'],
  ChatCohere: ['cohere'],
  ChatGroq: ['groq'],
  ChatDeepSeek: ['deepseek'],
};

function catalogProviders(call: LlmCall): readonly string[] {
  if (call.provider === 'langchain') return Object.hasOwn(LANGCHAIN_VENDORS, call.api) ? LANGCHAIN_VENDORS[call.api] : [];
  return CATALOG_PROVIDERS[call.provider] ?? [];
}

/** The models the calls name, with a price, by provider: what a range over "the workspace's models" spans. */
export function namedModels(calls: readonly LlmCall[], prices: PriceBook, config: PromptmeterConfig, into: Partial<Record<ProviderId, Set<string>>> = {}): Partial<Record<ProviderId, Set<string>>> {
  for (const call of calls) {
    const lookup = lookupPrice(call, prices, config);
    if (!lookup?.found) continue;
    (into[call.provider] ??= new Set()).add(lookup.price.id);
  }
  return into;
}

export function costRange(
  call: LlmCall,
  tokens: CallTokens,
  callsPerDay: number,
  context: { prices: PriceBook; config: PromptmeterConfig; namedModels?: NamedModels },
): CostRange | null {
  const { prices, config } = context;
  const fallback = config.defaultModel === null ? null : prices.lookup(config.defaultModel);
  if (fallback?.found) return rangeOver([fallback.price], tokens, callsPerDay, 'default-model');
  const named = (context.namedModels?.[call.provider] ?? []).flatMap((id) => {
    const lookup = prices.lookup(id);
    return lookup.found ? [lookup.price] : [];
  });
  if (named.length > 0) return rangeOver(named, tokens, callsPerDay, 'named-models');
  const kind = call.kind === 'embeddings' ? 'embedding' : 'chat';
  const current = catalogProviders(call).flatMap((vendor) => CURRENT_LINEUP[vendor]?.[kind] ?? []).flatMap((id) => {
    const lookup = prices.lookup(id);
    return lookup.found ? [lookup.price] : [];
  });
  return current.length > 0 ? rangeOver(current, tokens, callsPerDay, 'provider-models') : null;
}

function rangeOver(models: readonly ModelPrice[], tokens: CallTokens, callsPerDay: number, basis: CostRange['basis']): CostRange {
  const priced = models.map((price) => ({ id: price.id, perCall: costPerCall(tokens, price) })).sort((a, b) => a.perCall - b.perCall || (a.id < b.id ? -1 : 1));
  const low = priced[0].perCall;
  const high = priced[priced.length - 1].perCall;
  const providers = [...new Set(models.map((price) => price.provider))].sort();
  return { low, high, monthlyLow: monthly(low, callsPerDay), monthlyHigh: monthly(high, callsPerDay), basis, models: priced.map((entry) => entry.id), providers };
}
