/**
 * Model prices as the engine uses them. Our catalog stores USD per 1M tokens
 * (readable); LiteLLM-format sources are per token and are converted on import.
 */

export type ModelMode = 'chat' | 'embedding' | 'completion';

/** Price band, from the output price (see `tier.ts`). */
export type ModelTier = 'frontier' | 'mid' | 'small';

/** Prices that apply once the input is longer than `aboveInputTokens`. */
export interface LongContextPrice {
  aboveInputTokens: number;
  inputPerMTok: number;
  outputPerMTok: number;
  cachedInputPerMTok?: number;
}

/**
 * How a catalog entry recognises the names people write, as data (the rules of
 * Pydantic's genai-prices): tested against the lowercased name, after its route prefix.
 */
export type MatchRule =
  | { equals: string }
  | { starts_with: string }
  | { ends_with: string }
  | { contains: string }
  | { regex: string }
  | { or: MatchRule[] }
  | { and: MatchRule[] };

export interface ModelPrice {
  /** Canonical id: `claude-sonnet-4-6`, `gpt-4o`; hosted open models keep their host (`groq/llama-3.3-70b-versatile`). */
  id: string;
  /** `openai`, `anthropic`, `google`, `deepseek`, `mistral`, or the host (`groq`, `fireworks`, …). */
  provider: string;
  mode: ModelMode;
  inputPerMTok: number;
  outputPerMTok: number;
  cachedInputPerMTok?: number;
  /** The default cache write: Anthropic's 5-minute write, OpenAI's GPT-5.6+ write. */
  cacheWrite5mPerMTok?: number;
  cacheWrite1hPerMTok?: number;
  batchInputPerMTok?: number;
  batchOutputPerMTok?: number;
  longContext?: LongContextPrice;
  /** Maximum input tokens, as the source lists them. */
  contextWindow?: number;
  maxOutputTokens?: number;
  /** Shortest prompt prefix the provider caches. */
  cacheMinTokens?: number;
  supportsPromptCaching?: boolean;
  tier: ModelTier;
  /** Where the price was read, e.g. `B-OAI 2026-09-23`. */
  source?: string;
  /** Deprecation date, YYYY-MM-DD. */
  deprecated?: string;
  /**
   * The date the provider stopped serving the model, YYYY-MM-DD: a call to it fails. The
   * entry keeps the last price it had, so that old code still gets a number.
   */
  retired?: string;
  /** The catalog id the provider names as the model to move to, where it names one. */
  successor?: string;
  /** Names beyond the id that this entry prices; without it, only the id (and its dated forms). */
  match?: MatchRule;
  /** The date this price took effect or was read, where the source gives one (YYYY-MM-DD). */
  asOf?: string;
}

export interface PriceCatalog {
  /** The date the prices were read, YYYY-MM-DD. */
  asOf: string;
  /** In match order: within a provider, the first entry whose rule matches a name prices it. */
  models: ModelPrice[];
  /** Provider → the providers whose list prices it charges for models it does not list (Azure → OpenAI…). */
  fallbacks?: Record<string, string[]>;
}

export type PriceLookup =
  | {
      found: true;
      price: ModelPrice;
      /** The form of the name that matched: the name itself, an alias, or its normalised form. */
      matchedAs: string;
      /** `override` when the matched entry was added or changed by overrides. */
      via: 'exact' | 'alias' | 'normalized' | 'override';
    }
  | {
      found: false;
      model: string;
      /** Known ids to suggest: likely typos of the name, or every host that serves the model. */
      closest: string[];
      /** Why there is no price, where it is not simply a name the catalog lacks. */
      reason?: string;
    };

export type ModelPriceOverride = Partial<ModelPrice> & { inputPerMTok?: number; outputPerMTok?: number };

/** User settings (`.promptmeter.json`, editor settings) layered over the catalog. */
export interface PriceOverrides {
  /** By model id: a partial entry merges into a catalog model; a new id needs input and output prices. */
  models?: Record<string, ModelPriceOverride>;
  /** Deployment name (Azure and similar) → catalog id. */
  aliases?: Record<string, string>;
}
