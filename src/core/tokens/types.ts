/** How far a count can be trusted: the model's own tokenizer, a measured ratio to one, or a guess. */
export type Confidence = 'exact' | 'calibrated' | 'heuristic';

export interface TokenCount {
  tokens: number;
  confidence: Confidence;
  /** e.g. 'o200k_base', 'o200k_base×1.20 (claude)', 'chars/4' */
  method: string;
}

export interface TokenizerOptions {
  /** folder holding js-tiktoken's rank files `o200k_base.cjs`, `cl100k_base.cjs` */
  ranksDir: string;
  /** Most texts kept in the count cache (default 5,000). */
  cacheEntries?: number;
  /** Most UTF-16 characters of text kept in the count cache (default 4,000,000). */
  cacheChars?: number;
}

export type EncodingName = 'o200k_base' | 'cl100k_base';

const CONFIDENCE_ORDER: readonly Confidence[] = ['exact', 'calibrated', 'heuristic'];

export function weakerConfidence(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCE_ORDER.indexOf(a) >= CONFIDENCE_ORDER.indexOf(b) ? a : b;
}
