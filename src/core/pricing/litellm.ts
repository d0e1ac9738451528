/**
 * Reads a price file in LiteLLM's `model_prices_and_context_window.json`
 * format (USD per token) into our catalog (USD per 1M tokens), validating as
 * it goes: upstream entries lag and sometimes carry errors.
 */
import { isRecord } from './record';
import { tierFor } from './tier';
import type { LongContextPrice, ModelMode, ModelPrice, PriceCatalog } from './types';

export interface Conversion {
  catalog: PriceCatalog;
  /** One line per skipped or suspicious entry, starting with its key. */
  warnings: string[];
}

const MODES: Record<string, ModelMode> = { chat: 'chat', responses: 'chat', completion: 'completion', embedding: 'embedding' };

/** LiteLLM provider names that read better under another name. */
const PROVIDER_NAMES: Record<string, string> = {
  gemini: 'google',
  'vertex_ai-language-models': 'google',
  'text-completion-openai': 'openai',
  fireworks_ai: 'fireworks',
  together_ai: 'together',
  bedrock_converse: 'bedrock',
};

/** Prefixes that route to first-party APIs; converted ids drop them (`gemini/gemini-2.5-flash` → `gemini-2.5-flash`). */
const FIRST_PARTY_ROUTES = new Set(['openai', 'anthropic', 'gemini', 'deepseek', 'mistral', 'xai', 'cohere']);

/** The LiteLLM file documents its own schema under this key. */
const SCHEMA_KEY = 'sample_spec';

/** An Anthropic 1-hour write is 2× input; far above that is a data error (LiteLLM's claude-3-haiku lists 24×). */
const MAX_1H_WRITE_TO_INPUT = 4;

const LONG_CONTEXT_INPUT = /^input_cost_per_token_above_(\d+)k_tokens$/;

export function perTokenToPerMTok(perToken: number): number {
  // Rounded to 1e-9 per 1M so that 0.0000025 per token reads 2.5, not 2.4999999999999996.
  return Math.round(perToken * 1e15) / 1e9;
}

export function convertLiteLLM(source: unknown, asOf: string): Conversion {
  if (!isRecord(source)) throw new Error('expected a JSON object keyed by model name');
  const warnings: string[] = [];
  const kept = new Map<string, { key: string; price: ModelPrice }>();
  for (const key of Object.keys(source).sort()) {
    if (key === SCHEMA_KEY) continue;
    const entry = convertEntry(key, source[key]);
    warnings.push(...entry.warnings.map((warning) => `${key}: ${warning}`));
    if (!entry.price) continue;
    const existing = kept.get(entry.price.id);
    if (!existing) {
      kept.set(entry.price.id, { key, price: entry.price });
      continue;
    }
    // Several routes can name one model (`gemini-2.5-flash`, `gemini/gemini-2.5-flash`): the unprefixed key wins, else the first.
    const winner = key === entry.price.id ? { key, price: entry.price } : existing;
    const loser = winner === existing ? key : existing.key;
    kept.set(entry.price.id, winner);
    warnings.push(`${loser}: same model id as ${winner.key}; kept ${winner.key}`);
  }
  const models = [...kept.values()].map((entry) => entry.price).sort((a, b) => (a.id < b.id ? -1 : 1));
  return { catalog: { asOf, models }, warnings };
}

function convertEntry(key: string, entry: unknown): { price?: ModelPrice; warnings: string[] } {
  if (!isRecord(entry)) return { warnings: ['is not an object'] };
  const mode = typeof entry.mode === 'string' ? MODES[entry.mode] : undefined;
  if (!mode) {
    const shown = entry.mode === undefined ? 'is missing' : `${JSON.stringify(entry.mode)} is not chat, completion, responses or embedding`;
    return { warnings: [`mode ${shown}`] };
  }

  const problems: string[] = [];
  const read = (field: string, required = false): number | undefined => {
    const value = entry[field];
    if (value === undefined) {
      if (required) problems.push(`${field} is missing`);
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`${field} is not a number (${JSON.stringify(value)})`);
    else if (value < 0) problems.push(`${field} is negative (${value})`);
    else return value;
    return undefined;
  };
  const input = read('input_cost_per_token', true);
  // Embeddings produce no billed output; LiteLLM sometimes leaves the field out.
  const output = mode === 'embedding' ? (read('output_cost_per_token') ?? 0) : read('output_cost_per_token', true);
  const cacheRead = read('cache_read_input_token_cost') ?? read('input_cost_per_token_cache_hit');
  // Upstream writes 0 to mean "no separate write charge" (DeepSeek): no write price, not a free write.
  const cacheWrite = read('cache_creation_input_token_cost') || undefined;
  const cacheWrite1h = read('cache_creation_input_token_cost_above_1hr');
  const batchInput = read('input_cost_per_token_batches');
  const batchOutput = read('output_cost_per_token_batches');
  const longContext = readLongContext(entry, read);
  if (problems.length > 0 || input === undefined || output === undefined) return { warnings: problems };

  if (cacheWrite !== undefined && cacheRead !== undefined && cacheWrite < cacheRead) {
    return { warnings: [`cache write price (${cacheWrite}) is below the cache read price (${cacheRead})`] };
  }
  const warnings: string[] = [];
  if (cacheWrite1h !== undefined && cacheWrite1h > MAX_1H_WRITE_TO_INPUT * input) {
    warnings.push(`1-hour cache write (${cacheWrite1h}) is above ${MAX_1H_WRITE_TO_INPUT}× the input price (${input}); kept, check it`);
  }

  const litellmProvider = typeof entry.litellm_provider === 'string' ? entry.litellm_provider : 'unknown';
  const outputPerMTok = perTokenToPerMTok(output);
  const price: ModelPrice = {
    id: canonicalId(key, litellmProvider),
    provider: PROVIDER_NAMES[litellmProvider] ?? litellmProvider,
    mode,
    inputPerMTok: perTokenToPerMTok(input),
    outputPerMTok,
    ...optionalPrice('cachedInputPerMTok', cacheRead),
    ...optionalPrice('cacheWrite5mPerMTok', cacheWrite),
    ...optionalPrice('cacheWrite1hPerMTok', cacheWrite1h),
    ...optionalPrice('batchInputPerMTok', batchInput),
    ...optionalPrice('batchOutputPerMTok', batchOutput),
    ...(longContext && { longContext }),
    ...optionalCount('contextWindow', entry.max_input_tokens),
    ...optionalCount('maxOutputTokens', entry.max_output_tokens),
    ...optionalCount('cacheMinTokens', entry.prompt_cache_min_tokens),
    ...(typeof entry.supports_prompt_caching === 'boolean' && { supportsPromptCaching: entry.supports_prompt_caching }),
    tier: tierFor(outputPerMTok),
    ...(typeof entry.source === 'string' && { source: entry.source }),
    ...(typeof entry.deprecation_date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(entry.deprecation_date) && { deprecated: entry.deprecation_date }),
  };
  return { price, warnings };
}

/** The lowest `*_above_<N>k_tokens` tier that has both an input and an output price. */
function readLongContext(entry: Record<string, unknown>, read: (field: string) => number | undefined): LongContextPrice | undefined {
  const thresholds = Object.keys(entry)
    .map((field) => LONG_CONTEXT_INPUT.exec(field)?.[1])
    .filter((thousands): thousands is string => thousands !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  for (const thousands of thresholds) {
    const input = read(`input_cost_per_token_above_${thousands}k_tokens`);
    const output = read(`output_cost_per_token_above_${thousands}k_tokens`);
    const cached = read(`cache_read_input_token_cost_above_${thousands}k_tokens`);
    if (input === undefined || output === undefined) continue;
    return {
      aboveInputTokens: thousands * 1000,
      inputPerMTok: perTokenToPerMTok(input),
      outputPerMTok: perTokenToPerMTok(output),
      ...optionalPrice('cachedInputPerMTok', cached),
    };
  }
  return undefined;
}

/** `gemini/gemini-2.5-flash` → `gemini-2.5-flash`; hosts and clouds keep their prefix (`groq/…`, `azure/…`). */
function canonicalId(key: string, litellmProvider: string): string {
  const prefix = `${litellmProvider}/`;
  return FIRST_PARTY_ROUTES.has(litellmProvider) && key.startsWith(prefix) ? key.slice(prefix.length) : key;
}

function optionalPrice<K extends string>(field: K, perToken: number | undefined): { [P in K]?: number } {
  return perToken === undefined ? {} : ({ [field]: perTokenToPerMTok(perToken) } as { [P in K]: number });
}

function optionalCount<K extends string>(field: K, value: unknown): { [P in K]?: number } {
  return Number.isInteger(value) && (value as number) > 0 ? ({ [field]: value } as { [P in K]: number }) : {};
}
