import type { Confidence, EncodingName } from './types';

/** What a model's text is counted with, and how far that count can be trusted. */
export interface ModelProfile {
  family: string;
  encoding: EncodingName;
  confidence: Confidence;
  /** Multiplier on the encoding's count: 1 where the encoding is the model's own. */
  factor: number;
  /** How the count is made, e.g. 'o200k_base×1.20 (claude)'. */
  method: string;
  /** openai-cookbook documents the chat-format overhead for this model. */
  chatOverheadDocumented: boolean;
}

interface OpenAiEncoding {
  pattern: RegExp;
  encoding: EncodingName;
  chatOverheadDocumented: boolean;
}

/**
 * tiktoken 0.14 model → encoding (providers.md §5), as prefixes of the model name.
 * The chat overhead is documented by openai-cookbook for gpt-3.5-turbo, gpt-4 and gpt-4o only.
 */
const OPENAI_ENCODINGS: readonly OpenAiEncoding[] = [
  { pattern: /^(?:gpt-4o|chatgpt-4o)(?![a-z0-9])/, encoding: 'o200k_base', chatOverheadDocumented: true },
  { pattern: /^(?:gpt-5|gpt-4\.5|gpt-4\.1|o1|o3|o4-mini)(?![a-z0-9])/, encoding: 'o200k_base', chatOverheadDocumented: false },
  { pattern: /^(?:gpt-4|gpt-3\.5|gpt-35-turbo)(?![a-z0-9.])/, encoding: 'cl100k_base', chatOverheadDocumented: true },
  { pattern: /^(?:text-embedding-3-|text-embedding-ada-002|davinci-002|babbage-002)/, encoding: 'cl100k_base', chatOverheadDocumented: false },
];

/** o200k_harmony is o200k_base's ranks and regex plus special tokens, so plain text counts the same. */
const GPT_OSS = /^gpt-oss(?![a-z0-9])/;
/** No published encoding yet; o200k_base is the likely family, so the count is not called exact. */
const GPT_6 = /^gpt-6(?![0-9])/;

interface CalibratedFamily {
  family: string;
  matches: (name: string) => boolean;
  encoding: EncodingName;
  factor: number;
}

/**
 * Models without a public tokenizer: round(encoding count × factor). Sources, spread and
 * uncertainty of each factor are in docs/tokenizers.md; where the data are anecdotal the
 * factor leans high, because the estimate feeds a cost warning.
 * "corpus" = our 211 English prose, markdown, prompt, Python, TypeScript and JSON samples.
 */
const CALIBRATED_FAMILIES: readonly CalibratedFamily[] = [
  // Claude 4.7+ tokenizer: 1.0–1.35× Claude 4.6 per Anthropic, 1.13–1.47× measured with
  // count_tokens by third parties (English prose most); 1.20 × ~1.35 ≈ 1.62, rounded up.
  { family: 'claude 4.7+', matches: usesNewClaudeTokenizer, encoding: 'o200k_base', factor: 1.65 },
  // Claude 3.x–4.6: +16% English, +21% math, +30% Python against GPT-4o (Claude 3.5 Sonnet
  // study); +7–8% on English novels, +13% French (Claude 3.7 count_tokens vs cl100k).
  { family: 'claude', matches: (name) => claudeVersion(name) !== null, encoding: 'o200k_base', factor: 1.2 },
  // Gemma 3 tokenizer (Gemini's, per Google) on the corpus: pooled 1.13, p90 1.20.
  { family: 'gemini', matches: (name) => /gemini|gemma/.test(name), encoding: 'o200k_base', factor: 1.15 },
  // Llama 3 shares cl100k's first 100k merges: Llama 3.1 / cl100k = 1.00 on the corpus
  // (0.78–0.87 on Russian, Japanese, Chinese, so cl100k errs high there).
  { family: 'llama', matches: (name) => /llama-?[34]/.test(name), encoding: 'cl100k_base', factor: 1 },
  // SentencePiece Mistral models (7B, Mixtral, API models dated 2023 to mid-2024): corpus pooled 1.23, p90 1.31.
  { family: 'mistral legacy', matches: isSentencePieceMistral, encoding: 'o200k_base', factor: 1.25 },
  // Tekken tokenizer (Mistral Nemo and the current models): corpus pooled 1.05, p90 1.08.
  { family: 'mistral', matches: (name) => /mistral|codestral|ministral|magistral|devstral|pixtral|voxtral/.test(name), encoding: 'o200k_base', factor: 1.1 },
  // DeepSeek V3 tokenizer: corpus pooled 1.05, p90 1.07; V4's tokenizer is not public.
  { family: 'deepseek', matches: (name) => name.includes('deepseek'), encoding: 'o200k_base', factor: 1.1 },
  // No Command R/A tokenizer is available offline: unmeasured, hence high.
  { family: 'cohere', matches: (name) => /(?:^|[^a-z])(?:command|aya)(?:-|$)/.test(name), encoding: 'o200k_base', factor: 1.2 },
];

/**
 * Vercel AI SDK `provider:model` ids (`openai:gpt-4o`): the provider names whose model it is.
 * Other colons are Ollama tags (`mistral:7b`, `mistral:latest`: no dash after a letter) or fine-tune marks (`ft:`), kept.
 */
const COLON_PROVIDER = /^(?:openai|anthropic|google|vertex|mistral|groq|deepseek|azure|bedrock|amazon-bedrock|xai|cohere|togetherai|fireworks|cerebras|deepinfra|perplexity):(?=[a-z][^:]*-)/;

/**
 * Lower-cased, without routing prefixes (`openai/`, `openrouter/openai/`, `models/`, `openai:`)
 * and fine-tune marks (`ft:`); Bedrock's `us.anthropic.` stays, family patterns look inside.
 */
function normalizeModelName(model: string): string {
  const name = model.trim().toLowerCase().replace(COLON_PROVIDER, '');
  return name.slice(name.lastIndexOf('/') + 1).replace(/^ft:/, '');
}

export function resolveModel(model: string | null): ModelProfile {
  if (model === null || model.trim() === '') return unknownProfile('no model');
  const name = normalizeModelName(model);
  // Bedrock names OpenAI's open models `openai.gpt-oss-120b-1:0`.
  const openAiName = name.replace(/^openai\./, '');
  for (const entry of OPENAI_ENCODINGS) {
    if (entry.pattern.test(openAiName)) {
      return { family: 'openai', encoding: entry.encoding, confidence: 'exact', factor: 1, method: entry.encoding, chatOverheadDocumented: entry.chatOverheadDocumented };
    }
  }
  if (GPT_OSS.test(openAiName)) {
    return { family: 'gpt-oss', encoding: 'o200k_base', confidence: 'exact', factor: 1, method: 'o200k_base (o200k_harmony text)', chatOverheadDocumented: false };
  }
  if (GPT_6.test(openAiName)) {
    return { family: 'gpt-6', encoding: 'o200k_base', confidence: 'calibrated', factor: 1, method: 'o200k_base×1.00 (gpt-6: no published encoding)', chatOverheadDocumented: false };
  }
  const calibrated = CALIBRATED_FAMILIES.find((entry) => entry.matches(name));
  if (calibrated) {
    return {
      family: calibrated.family,
      encoding: calibrated.encoding,
      confidence: 'calibrated',
      factor: calibrated.factor,
      method: `${calibrated.encoding}×${calibrated.factor.toFixed(2)} (${calibrated.family})`,
      chatOverheadDocumented: false,
    };
  }
  return unknownProfile('unknown model');
}

function unknownProfile(reason: string): ModelProfile {
  return { family: 'unknown', encoding: 'o200k_base', confidence: 'heuristic', factor: 1, method: `o200k_base (${reason})`, chatOverheadDocumented: false };
}

interface ClaudeVersion {
  major: number;
  minor: number;
}

/**
 * `claude-3-5-sonnet-20241022`, `claude-opus-4-1-20250805`, `claude-sonnet-4-6@20250929`,
 * `us.anthropic.claude-opus-4-7-v1:0`, `claude-2.1`: the first number after `claude-` and
 * its one- or two-digit minor (an eight-digit date is not a minor). A Claude name without
 * a version is still Claude, taken to be current.
 */
function claudeVersion(name: string): ClaudeVersion | null {
  const claude = /(?:^|[^a-z])claude(?:-|$)/.exec(name);
  if (!claude) return null;
  const version = /claude-(?:[a-z]+-)*?(\d+)(?:[.-](\d{1,2})(?!\d))?/.exec(name);
  if (!version) return { major: Number.POSITIVE_INFINITY, minor: 0 };
  return { major: Number(version[1]), minor: Number(version[2] ?? 0) };
}

function usesNewClaudeTokenizer(name: string): boolean {
  const version = claudeVersion(name);
  if (version === null) return false;
  return version.major > 4 || (version.major === 4 && version.minor >= 7);
}

/** Mistral's models before the tekken tokenizer; Ollama's bare `mistral` is Mistral 7B. */
function isSentencePieceMistral(name: string): boolean {
  return /^mistral(?::|$)|mistral-7b|mixtral|mistral-tiny|codestral-mamba|codestral-2405|(?:small|medium|large)-(?:2312|2402|2407)/.test(name);
}
