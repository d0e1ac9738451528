import type { Prompt } from '../model';

/**
 * Tokens of the static text at the start of the request, up to the first dynamic
 * slot: the part that can be served from a prompt cache. Prompts arrive in the
 * order providers build the cache key (system or instructions, then messages).
 */
export function cacheablePrefix(prompts: readonly Prompt[], count: (text: string) => number): number {
  let text = '';
  for (const prompt of prompts) {
    for (const part of prompt.parts) {
      if (part.kind === 'dynamic') return text ? count(text) : 0;
      text += part.text;
    }
  }
  return text ? count(text) : 0;
}
