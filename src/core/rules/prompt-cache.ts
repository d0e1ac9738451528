import { perMonth, type CallEstimate } from '../estimate/estimate';
import type { DynamicPart, LlmCall, PromptPart } from '../model';
import type { ModelPrice } from '../pricing';

/** What the prompt-caching rules share: the caching facts of a call's model, and prices of token counts. */

const PER_MILLION = 1_000_000;

/**
 * Shortest cacheable prefix per provider, for a catalog entry that lists none
 * (providers.md §2). Where models differ, the largest documented value: a guess
 * must never raise a false alarm. Providers without a documented minimum are absent.
 */
const DEFAULT_CACHE_MIN_TOKENS: Readonly<Record<string, number>> = { openai: 1024, anthropic: 4096, google: 4096 };

/** Calibrated and heuristic counts can be a few percent off: near the minimum, only a clear margin counts. */
const ESTIMATE_MARGIN = 1.1;

/** Prompt caching as it applies to a call's model; null when the model, its cache price or its minimum is unknown. */
export interface PromptCaching {
  price: ModelPrice;
  minTokens: number;
  cachedInputPerMTok: number;
}

export function promptCaching(estimate: CallEstimate | undefined): PromptCaching | null {
  const lookup = estimate?.price;
  if (!lookup?.found) return null;
  const { price } = lookup;
  const minTokens = price.cacheMinTokens ?? DEFAULT_CACHE_MIN_TOKENS[price.provider];
  if (price.supportsPromptCaching === false || price.cachedInputPerMTok === undefined || minTokens === undefined) return null;
  return { price, minTokens, cachedInputPerMTok: price.cachedInputPerMTok };
}

/** The prefix reaches the provider's minimum, with a margin when the count is an estimate. */
export function clearlyCacheable(tokens: number, caching: PromptCaching, estimate: CallEstimate): boolean {
  const margin = estimate.input.confidence === 'exact' ? 1 : ESTIMATE_MARGIN;
  return tokens >= caching.minTokens * margin;
}

/** What `tokens` cost at a per-million price (or price difference), per call and per month of the call's traffic. */
export function priceOfTokens(tokens: number, perMTok: number, estimate: CallEstimate): { perCall: number; perMonth: number } {
  const perCall = (tokens * perMTok) / PER_MILLION;
  return { perCall, perMonth: perMonth(perCall, estimate.traffic) };
}

/**
 * Tokens of some of a call's static text, as its share of the call's counted
 * static tokens by length: rules get counts, not a tokenizer.
 */
export function staticTokensOf(parts: readonly PromptPart[], call: LlmCall, estimate: CallEstimate): number {
  const length = (list: readonly PromptPart[]): number => list.reduce((sum, part) => sum + (part.kind === 'static' ? part.text.length : 0), 0);
  const total = length(call.prompts.flatMap((prompt) => prompt.parts));
  return total === 0 ? 0 : Math.round((estimate.input.static * length(parts)) / total);
}

/**
 * `{SYSTEM_PROMPT}` in an f-string or template is most likely a constant the
 * analysis does not follow into interpolations: not evidence of per-call content.
 */
export function looksConstant(part: DynamicPart): boolean {
  return !part.volatile && /^[A-Z][A-Z0-9_]*$/.test(part.name) && (part.expression === part.name || part.expression.endsWith(`.${part.name}`));
}

/** How a slot is shown in a message: the expression when it is short, else its name. */
export function slotLabel(part: DynamicPart): string {
  const expression = part.expression.length <= 40 && !part.expression.includes('\n') ? part.expression : part.name;
  return `{${expression}}`;
}

/**
 * The call sends Anthropic Messages requests, where caching needs explicit
 * `cache_control` breakpoints: the Anthropic SDKs (also through Bedrock and
 * Vertex), and LiteLLM with a Claude model routed to Anthropic, which passes
 * `cache_control` through.
 */
export function usesAnthropicBreakpoints(call: LlmCall, estimate: CallEstimate | undefined): boolean {
  if (call.kind !== 'generate') return false;
  if (call.provider === 'anthropic') return call.api.includes('messages');
  const lookup = estimate?.price;
  return call.provider === 'litellm' && /^(anthropic\/)?claude-/i.test(call.model ?? '') && lookup?.found === true && lookup.price.provider === 'anthropic';
}
