/**
 * Each provider's current general-purpose models: what a call ranges over when the
 * code names no model and the workspace names none for its provider. Not the whole
 * catalog, which also holds snapshots, fine-tunes, legacy, audio, image and realtime
 * models that a chat call of unknown model is not running. Read from the providers'
 * price pages as collected in shared/providers.md §4 (readings 2026-09 to 2026-11);
 * ids go through the price book, so a name it does not know is left out.
 */
export const CURRENT_LINEUP: Readonly<Record<string, { chat: readonly string[]; embedding: readonly string[] }>> = {
  openai: {
    chat: ['gpt-6-astra', 'gpt-6-sol', 'gpt-6-luna', 'gpt-5.6-terra', 'gpt-5.6-luna', 'gpt-5.5', 'gpt-5.4', 'gpt-5', 'gpt-4o'],
    embedding: ['text-embedding-3-small', 'text-embedding-3-large'],
  },
  anthropic: {
    chat: ['claude-opus-5-5', 'claude-fable-5-1', 'claude-opus-5', 'claude-sonnet-5', 'claude-haiku-4-5', 'claude-opus-4-8', 'claude-opus-4-7', 'claude-sonnet-4-6'],
    embedding: [],
  },
  google: { chat: ['gemini-3.8-flash', 'gemini-3.5-flash', 'gemini-3.5-flash-lite', 'gemini-3.1-pro-preview'], embedding: [] },
  mistral: { chat: ['mistral-large-latest', 'mistral-medium-latest', 'mistral-small-latest'], embedding: [] },
  deepseek: { chat: ['deepseek-v4-flash', 'deepseek-v4-pro'], embedding: [] },
  groq: { chat: ['groq/llama-3.3-70b-versatile', 'groq/meta-llama/llama-4-scout-17b-16e-instruct'], embedding: [] },
  cohere: { chat: ['command-a', 'command-r-plus'], embedding: [] },
};
