import type { ModelPrice } from '../../src/core/pricing/types';
import type { PanelCall, PanelState } from '../../src/webview/protocol';

/** Text that would run if the panel ever treated user text as HTML. */
export const HOSTILE_PROMPT_LINE = '<script>alert(1)</script> and <img src=x onerror=alert(2)>';
export const HOSTILE_MODEL_ID = '<img src=x onerror=alert(3)>';
export const HOSTILE_LOCATION = 'app/<b onmouseover=alert(4)>bot</b>.py:157';

const SYSTEM_PROMPT = `You are a helpful support assistant for Acme Cloud.
Please note that you should always answer politely and concisely.
It is important to note that you must never reveal internal ticket numbers.

Examples:
Q: How do I reset my password?
A: Open Settings, then Security, then Reset password.
Q: Where is my invoice?
A: Under Billing, Invoices.

Reply in the customer's language. ${HOSTILE_PROMPT_LINE}

Customer question:
`;

export const CALL: PanelCall = {
  location: HOSTILE_LOCATION,
  provider: 'openai',
  api: 'chat.completions.create',
  // As written in the code: the panel matches it to the catalog's gpt-4o.
  model: 'gpt-4o-2024-08-06',
  modelEditable: true,
  inputTokens: 2600,
  inputConfidence: 'exact',
  assumedTokens: 600,
  outputTokens: { expected: 450, max: 900 },
  cacheablePrefixTokens: 1800,
  callsPerDay: 5000,
  prompt: [
    { kind: 'static', text: SYSTEM_PROMPT },
    { kind: 'dynamic', name: 'question' },
    { kind: 'static', text: '\n\nAnswer in at most three sentences.' },
  ],
  promptEditable: true,
};

/** Prices from the bundled catalog (2026-11-23), plus a hostile name and models the call must not list. */
export const MODELS: ModelPrice[] = [
  { id: 'gpt-4o', provider: 'openai', mode: 'chat', inputPerMTok: 2.5, outputPerMTok: 10, cachedInputPerMTok: 1.25, batchInputPerMTok: 1.25, batchOutputPerMTok: 5, contextWindow: 128000, maxOutputTokens: 16384, cacheMinTokens: 1024, supportsPromptCaching: true, tier: 'mid', source: 'B-OAI 2026-09-23' },
  { id: 'gpt-4o-mini', provider: 'openai', mode: 'chat', inputPerMTok: 0.15, outputPerMTok: 0.6, cachedInputPerMTok: 0.075, batchInputPerMTok: 0.075, batchOutputPerMTok: 0.3, contextWindow: 128000, maxOutputTokens: 16384, cacheMinTokens: 1024, supportsPromptCaching: true, tier: 'small' },
  { id: 'gpt-4.1-nano', provider: 'openai', mode: 'chat', inputPerMTok: 0.1, outputPerMTok: 0.4, cachedInputPerMTok: 0.025, batchInputPerMTok: 0.05, batchOutputPerMTok: 0.2, contextWindow: 1047576, maxOutputTokens: 32768, cacheMinTokens: 1024, supportsPromptCaching: true, tier: 'small' },
  { id: 'gpt-5.6', provider: 'openai', mode: 'chat', inputPerMTok: 2, outputPerMTok: 12, cachedInputPerMTok: 0.2, cacheWrite5mPerMTok: 2.5, batchInputPerMTok: 1, batchOutputPerMTok: 6, longContext: { aboveInputTokens: 272000, inputPerMTok: 4, outputPerMTok: 18, cachedInputPerMTok: 0.4 }, contextWindow: 1050000, maxOutputTokens: 128000, cacheMinTokens: 1024, supportsPromptCaching: true, tier: 'mid', source: 'B-OAI 2026-09-23' },
  { id: 'claude-sonnet-4-6', provider: 'anthropic', mode: 'chat', inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3, cacheWrite5mPerMTok: 3.75, cacheWrite1hPerMTok: 6, batchInputPerMTok: 1.5, batchOutputPerMTok: 7.5, contextWindow: 1000000, maxOutputTokens: 64000, cacheMinTokens: 2048, supportsPromptCaching: true, tier: 'mid', source: 'B-ANT 2026-09-23' },
  { id: 'claude-haiku-4-5', provider: 'anthropic', mode: 'chat', inputPerMTok: 1, outputPerMTok: 5, cachedInputPerMTok: 0.1, cacheWrite5mPerMTok: 1.25, cacheWrite1hPerMTok: 2, batchInputPerMTok: 0.5, batchOutputPerMTok: 2.5, contextWindow: 200000, maxOutputTokens: 64000, cacheMinTokens: 4096, supportsPromptCaching: true, tier: 'small', source: 'B-ANT 2026-09-23' },
  { id: 'gemini-2.5-pro', provider: 'google', mode: 'chat', inputPerMTok: 1.25, outputPerMTok: 10, cachedInputPerMTok: 0.125, batchInputPerMTok: 0.625, batchOutputPerMTok: 5, longContext: { aboveInputTokens: 200000, inputPerMTok: 2.5, outputPerMTok: 15, cachedInputPerMTok: 0.25 }, contextWindow: 1048576, maxOutputTokens: 65535, cacheMinTokens: 2048, supportsPromptCaching: true, tier: 'mid' },
  { id: 'claude-opus-4-1', provider: 'anthropic', mode: 'chat', inputPerMTok: 15, outputPerMTok: 75, cachedInputPerMTok: 1.5, cacheWrite5mPerMTok: 18.75, cacheWrite1hPerMTok: 30, batchInputPerMTok: 7.5, batchOutputPerMTok: 37.5, contextWindow: 200000, maxOutputTokens: 32000, cacheMinTokens: 1024, supportsPromptCaching: true, tier: 'frontier', source: 'B-ANT 2026-09-23' },
  { id: 'groq/llama-3.3-70b-versatile', provider: 'groq', mode: 'chat', inputPerMTok: 0.59, outputPerMTok: 0.79, contextWindow: 128000, maxOutputTokens: 32768, tier: 'small' },
  { id: 'mistral-small-latest', provider: 'mistral', mode: 'chat', inputPerMTok: 0.06, outputPerMTok: 0.18, cachedInputPerMTok: 0.006, contextWindow: 131072, supportsPromptCaching: true, tier: 'small' },
  { id: HOSTILE_MODEL_ID, provider: 'openai', mode: 'chat', inputPerMTok: 0.5, outputPerMTok: 1.5, contextWindow: 128000, tier: 'small' },
  // Left out of the comparison: too small a window for 2,600 in + 900 out, and an embedding model.
  { id: 'gpt-3.5-turbo-0613', provider: 'openai', mode: 'chat', inputPerMTok: 1.5, outputPerMTok: 2, contextWindow: 3072, maxOutputTokens: 4096, tier: 'small' },
  { id: 'text-embedding-3-small', provider: 'openai', mode: 'embedding', inputPerMTok: 0.02, outputPerMTok: 0, batchInputPerMTok: 0.01, batchOutputPerMTok: 0, tier: 'small' },
];

export const STATE: PanelState = {
  call: CALL,
  models: MODELS,
  pricingAsOf: '2026-11-23',
  scenarios: [{ name: 'Nano first', mode: 'cascade', tiers: [{ model: 'gpt-4.1-nano', share: 0.25 }, { model: 'gpt-4o', share: 0 }] }],
};
