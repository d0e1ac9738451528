import type { CallEstimate } from '../estimate/estimate';
import { moveLineToEnd } from '../fix/move-line';
import type { DynamicPart, Fix, LlmCall, Prompt, PromptPart } from '../model';
import type { ModelPrice } from '../pricing';
import { formatTokens, formatUsd } from '../report/format';
import type { Rule } from './rule';

const PER_MILLION = 1_000_000;
/** As in the estimate: monthly = per day × 30. */
const DAYS_PER_MONTH = 30;

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

/** `$0.0027/call ($81.00/mo)`: `tokens` priced at a difference of two per-million prices. */
export function perCallAndMonth(tokens: number, perMTok: number, estimate: CallEstimate): string {
  const perCall = (tokens * perMTok) / PER_MILLION;
  return `${formatUsd(perCall)}/call (${formatUsd(perCall * estimate.traffic.callsPerDay * DAYS_PER_MONTH)}/mo)`;
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

interface SlotPosition {
  prompt: Prompt;
  index: number;
  part: DynamicPart;
}

export const cacheUnfriendlyOrder: Rule = {
  meta: {
    id: 'cache-unfriendly-order',
    summary: 'Dynamic prompt content placed before a cacheable static block',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      whatItDoes:
        "Flags a call whose first dynamic value (an interpolation, a variable, a timestamp, an id, a retrieved document) comes before a run of static prompt text long enough to be cached: at least the model's minimum cacheable prefix (1,024 tokens for OpenAI, 512 to 4,096 for Claude, 2,048 to 4,096 for Gemini), counted with the static text before the slot. Silent when the model, its cache price or its minimum is unknown, and when the prompts are not visible.",
      whyItCostsMoney:
        'Prompt caches match the request from its first token up to the first difference. A value that changes per call in front of the static instructions makes everything after it a miss, so the instructions are billed at the full input price on every call instead of the cached price (10% of input on current Claude, GPT-5 and Gemini models, 25–50% on older OpenAI models). OpenAI: "place static content like instructions and examples at the beginning of your prompt, and put variable content, such as user-specific information, at the end." A timestamp or request id in the system prompt kills every hit after it.',
      example:
        'client.chat.completions.create(\n    model="gpt-4o",\n    messages=[\n        {"role": "system", "content": f"""Today is {date.today()}.\nYou are the support assistant for Acme.\n... 1,500 tokens of policies ...\n"""},\n        {"role": "user", "content": question},\n    ],\n)',
      useInstead:
        'client.chat.completions.create(\n    model="gpt-4o",\n    messages=[\n        {"role": "system", "content": f"""You are the support assistant for Acme.\n... 1,500 tokens of policies ...\nToday is {date.today()}.\n"""},\n        {"role": "user", "content": question},\n    ],\n)',
      fixSafety:
        'The fix moves the line of the f-string or template literal that holds the slot to the end of that same string, characters unchanged. The model then reads the same text in another order, which can change its answers, so the fix is offered but never applied by `scan --fix`. No fix when the slot is on the last line of its string (the static text is in a later message or argument), when the string has escapes or line continuations that make its lines uncertain, or when the slot is a whole message or variable: moving messages or arguments changes the conversation. On Anthropic models the saving also needs a `cache_control` breakpoint after the static text (see `missing-cache-control`). Tool definitions are not inspected. An interpolated constant written in capitals (`{SYSTEM_PROMPT}`) is taken for static text.',
      references: [
        'OpenAI prompt caching: static content first, variable content last',
        'Anthropic prompt caching: prefix order tools → system → messages; a change invalidates everything after it',
        'Gemini context caching: put large and common contents at the beginning of the prompt',
      ],
    },
  },
  check({ analysis, estimates, text }) {
    return analysis.calls.flatMap((call, index) => {
      const estimate = estimates[index];
      if (call.kind !== 'generate' || !estimate) return [];
      const caching = promptCaching(estimate);
      const slot = firstSlot(call.prompts);
      if (!caching || !slot || looksConstant(slot.part)) return [];
      const blockedTokens = staticTokensOf(staticRunAfter(call.prompts, slot), call, estimate);
      const before = estimate.cacheablePrefixTokens;
      const cacheableAfterMove = before + blockedTokens;
      if (blockedTokens === 0 || !clearlyCacheable(cacheableAfterMove, caching, estimate)) return [];
      const cachedNow = before >= caching.minTokens ? before : 0;
      const saving = perCallAndMonth(cacheableAfterMove - cachedNow, caching.price.inputPerMTok - caching.cachedInputPerMTok, estimate);
      // Anthropic reads the cache only up to an explicit breakpoint.
      const needsBreakpoint = caching.price.provider === 'anthropic' && !call.prompts.some((prompt) => prompt.cacheBreakpoint);
      const label = slotLabel(slot.part);
      return [
        {
          message: `Dynamic ${label} comes before ${formatTokens(blockedTokens)} static tokens: nothing after it can be cached. Moving it after them${needsBreakpoint ? ' (with a cache_control breakpoint)' : ''} saves ${saving}.`,
          range: call.nameRange,
          call,
          fix: moveSlotLine(slot, text),
          related: [{ message: `${label} ${slot.part.volatile ? 'changes on every call' : 'differs between calls'} and ends the cacheable prefix`, range: slot.part.range }],
        },
      ];
    });
  },
};

/** The first dynamic part in the order the provider reads the prompt: where the cacheable prefix stops. */
function firstSlot(prompts: readonly Prompt[]): SlotPosition | null {
  for (const prompt of prompts) {
    const index = prompt.parts.findIndex((part) => part.kind === 'dynamic');
    const part = prompt.parts[index];
    if (part?.kind === 'dynamic') return { prompt, index, part };
  }
  return null;
}

/** The static parts right after the slot, up to the next dynamic part: what moving the slot would make cacheable. */
function staticRunAfter(prompts: readonly Prompt[], slot: SlotPosition): PromptPart[] {
  const following = [...slot.prompt.parts.slice(slot.index + 1), ...prompts.slice(prompts.indexOf(slot.prompt) + 1).flatMap((prompt) => prompt.parts)];
  const end = following.findIndex((part) => part.kind === 'dynamic');
  return end < 0 ? following : following.slice(0, end);
}

/** Moves the slot's line to the end of its string literal, when the slot sits in one with static lines after it. */
function moveSlotLine(slot: SlotPosition, text: string): Fix | undefined {
  const pieces = literalAround(slot.prompt.parts, slot.index).map((part) => ({
    start: part.range.startOffset,
    end: part.range.endOffset,
    value: part.kind === 'static' ? part.text : null,
  }));
  const edits = moveLineToEnd(text, pieces, slot.part.range.startOffset);
  return edits ? { title: `Move the line with ${slotLabel(slot.part)} to the end of the string`, edits, safe: false } : undefined;
}

/**
 * The parts written as one string literal with the part at `index`: pieces of an
 * f-string or template literal follow one another with no gap in the source.
 * Text read from a prompt file is never part of a literal.
 */
function literalAround(parts: readonly PromptPart[], index: number): PromptPart[] {
  const adjacent = (left: PromptPart | undefined, right: PromptPart | undefined): boolean =>
    left !== undefined && right !== undefined && !isFileText(left) && !isFileText(right) && left.range.endOffset === right.range.startOffset;
  let first = index;
  while (adjacent(parts[first - 1], parts[first])) first--;
  let last = index;
  while (adjacent(parts[last], parts[last + 1])) last++;
  return parts.slice(first, last + 1);
}

function isFileText(part: PromptPart): boolean {
  return part.kind === 'static' && part.file !== undefined;
}
