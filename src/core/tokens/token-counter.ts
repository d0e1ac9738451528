import * as path from 'node:path';
import type { TiktokenBPE } from 'js-tiktoken/lite';
import { EncodingRegistry } from './encodings';
import type { RawCount } from './long-runs';
import { LruCache, type CacheStats } from './lru-cache';
import { resolveModel } from './model-families';
import { weakerConfidence, type Confidence, type EncodingName, type TokenCount, type TokenizerOptions } from './types';

const DEFAULT_CACHE_ENTRIES = 5_000;
const DEFAULT_CACHE_CHARS = 4_000_000;

/** openai-cookbook "How to count tokens with tiktoken" (gpt-3.5-turbo-0613+, gpt-4, gpt-4o). */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_NAME = 1;
const REPLY_PRIMING_TOKENS = 3;

export interface TokenCounterStats extends CacheStats {
  encodingsLoaded: EncodingName[];
}

export interface ChatOverhead {
  tokens: number;
  documented: boolean;
  /** Where the number comes from, or why there is none. */
  method: string;
}

/**
 * Token counts per model family, with how far each can be trusted. Rank files are loaded
 * from `ranksDir` the first time a model needing them is counted, never at construction.
 * Counts are cached per (encoding, text), so re-analysing an edited file re-tokenizes only
 * the strings that changed.
 */
export class TokenCounter {
  private readonly encodings: EncodingRegistry;
  private readonly cache: LruCache<RawCount>;

  constructor(options: TokenizerOptions) {
    // A plain run-time require: the bundler copies the rank files beside the bundle instead of inlining them.
    this.encodings = new EncodingRegistry((name) => require(path.join(options.ranksDir, `${name}.cjs`)) as TiktokenBPE);
    this.cache = new LruCache(options.cacheEntries ?? DEFAULT_CACHE_ENTRIES, options.cacheChars ?? DEFAULT_CACHE_CHARS);
  }

  /** Builds an encoding now rather than at its first count (it takes about a second and 150 MB of short-lived memory). */
  prepare(encoding: EncodingName): void {
    this.encodings.get(encoding);
  }

  /** Count for the model family of `model` (null/unknown model → o200k_base count marked 'heuristic'). Synchronous. */
  count(text: string, model: string | null): TokenCount {
    const profile = resolveModel(model);
    const raw = this.countEncoding(profile.encoding, text);
    if (raw === null) {
      return { tokens: Math.ceil(text.length / 4), confidence: 'heuristic', method: `chars/4 (${profile.encoding} ranks not loaded)` };
    }
    let confidence: Confidence = profile.confidence;
    let method = profile.method;
    if (raw.estimatedRuns > 0) {
      confidence = weakerConfidence(confidence, 'calibrated');
      method += `; ${raw.estimatedRuns} long run${raw.estimatedRuns === 1 ? '' : 's'} estimated from length`;
    }
    const tokens = profile.factor === 1 ? raw.tokens : Math.round(raw.tokens * profile.factor);
    return { tokens, confidence, method };
  }

  /**
   * OpenAI chat-format overhead for a list of messages (openai-cookbook: 3 per message,
   * +1 per `name`, +3 reply priming), only for models where it is documented; 0 otherwise.
   */
  chatOverhead(messageCount: number, model: string | null, namedMessages = 0): ChatOverhead {
    const profile = resolveModel(model);
    if (!profile.chatOverheadDocumented) {
      return { tokens: 0, documented: false, method: `not documented for ${model ?? 'an unknown model'}` };
    }
    if (messageCount <= 0) return { tokens: 0, documented: true, method: 'no messages' };
    return {
      tokens: messageCount * TOKENS_PER_MESSAGE + namedMessages * TOKENS_PER_NAME + REPLY_PRIMING_TOKENS,
      documented: true,
      method: `openai-cookbook: ${TOKENS_PER_MESSAGE}/message, ${TOKENS_PER_NAME}/name, ${REPLY_PRIMING_TOKENS} reply priming`,
    };
  }

  /** Which family/encoding a model maps to, for display. */
  describe(model: string | null): { family: string; encoding: EncodingName; confidence: Confidence } {
    const { family, encoding, confidence } = resolveModel(model);
    return { family, encoding, confidence };
  }

  /** Cache hits and misses and the encodings loaded so far, for the benchmark. */
  stats(): TokenCounterStats {
    return { ...this.cache.stats(), encodingsLoaded: this.encodings.loaded() };
  }

  /** The encoding's count, from the cache when possible; null when its ranks cannot be loaded. */
  private countEncoding(name: EncodingName, text: string): RawCount | null {
    if (text === '') return { tokens: 0, estimatedRuns: 0 };
    const key = `${name}:${text}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const encoding = this.encodings.get(name);
    if (encoding === null) return null;
    const counted = encoding.count(text);
    this.cache.set(key, counted);
    return counted;
  }
}

