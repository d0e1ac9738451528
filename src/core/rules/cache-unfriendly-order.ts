import type { CallEstimate } from '../estimate/estimate';
import { moveLineToEnd } from '../fix/move-line';
import type { DynamicPart, Fix, LlmCall, Prompt, PromptPart } from '../model';
import { formatTokens, formatUsd } from '../report/format';
import { clearlyCacheable, looksConstant, priceOfTokens, promptCaching, slotLabel, staticTokensOf, type PromptCaching } from './prompt-cache';
import type { Rule } from './rule';

/** A prompt part with the prompt it belongs to, in the order the provider reads them. */
interface PlacedPart {
  prompt: Prompt;
  index: number;
  part: PromptPart;
}

type PlacedSlot = PlacedPart & { part: DynamicPart };

/** Per-call values in front of a static block, and the block: what caching loses. */
interface BlockedBlock {
  culprits: PlacedSlot[];
  /** Static tokens from the first culprit to the end of the block. */
  blockedTokens: number;
  /** Prefix tokens once the culprits move after the block. */
  cacheable: number;
}

export const cacheUnfriendlyOrder: Rule = {
  meta: {
    id: 'cache-unfriendly-order',
    summary: 'Dynamic prompt content placed before a cacheable static block',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      whatItDoes:
        "Flags a call whose dynamic values (interpolations, variables, timestamps, ids, retrieved documents) come before static prompt text long enough to be cached on its own: at least the model's minimum cacheable prefix (1,024 tokens for OpenAI, 512 to 4,096 for Claude, 2,048 to 4,096 for Gemini; near the minimum, estimated counts need a 10% margin). The system prompt, instructions and messages are read in the order the provider caches them. Silent when the model, its cache price or its minimum is unknown, when the prompts are not visible, and when spread conversation history comes first.",
      whyItCostsMoney:
        'Prompt caches match the request from its first token up to the first difference. A value that changes per call in front of the static instructions makes everything after it a miss, so the instructions are billed at the full input price on every call instead of the cached price (10% of input on current Claude, GPT-5 and Gemini models, 25–50% on older OpenAI models). OpenAI: "place static content like instructions and examples at the beginning of your prompt, and put variable content, such as user-specific information, at the end." A timestamp or request id in the system prompt kills every hit after it.',
      example:
        'client.chat.completions.create(\n    model="gpt-4o",\n    messages=[\n        {"role": "system", "content": f"""Today is {date.today()}.\nYou are the support assistant for Acme.\n... 1,500 tokens of policies ...\n"""},\n        {"role": "user", "content": question},\n    ],\n)',
      useInstead:
        'client.chat.completions.create(\n    model="gpt-4o",\n    messages=[\n        {"role": "system", "content": f"""You are the support assistant for Acme.\n... 1,500 tokens of policies ...\nToday is {date.today()}.\n"""},\n        {"role": "user", "content": question},\n    ],\n)',
      fixSafety:
        'The fix moves the line of the f-string or template literal that holds the dynamic values to the end of that same string, characters unchanged. The model then reads the same text in another order, which can change its answers, so the fix is offered but never applied by `scan --fix`. No fix when the values are on the last line of their string (the static text is in a later message or argument), spread over several lines or strings, in a string whose escapes or line continuations make its lines uncertain, or when a value is a whole message or variable: moving messages or arguments changes the conversation. On Anthropic models the saving also needs a `cache_control` breakpoint after the static text (see `missing-cache-control`). Tool definitions are not inspected. An interpolated constant written in capitals (`{SYSTEM_PROMPT}`) is taken for static text.',
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
      const caching = promptCaching(estimate);
      if (call.kind !== 'generate' || !estimate || !caching) return [];
      const found = blockedBlock(call, estimate, caching);
      if (!found) return [];
      const before = estimate.cacheablePrefixTokens;
      const cachedNow = before >= caching.minTokens ? before : 0;
      const saving = priceOfTokens(found.cacheable - cachedNow, caching.price.inputPerMTok - caching.cachedInputPerMTok, estimate);
      // Anthropic reads the cache only up to an explicit breakpoint.
      const needsBreakpoint = caching.price.provider === 'anthropic' && !call.prompts.some((prompt) => prompt.cacheBreakpoint);
      const culprits = found.culprits.map(({ part }) => part);
      const single = culprits.length === 1;
      const subject = `Dynamic ${listed(culprits.map(slotLabel))} ${single ? 'comes' : 'come'}`;
      const pronoun = single ? 'it' : 'them';
      return [
        {
          message: `${subject} before ${formatTokens(found.blockedTokens)} static tokens: nothing after ${pronoun} can be cached. Moving ${pronoun} after that text${needsBreakpoint ? ' (with a cache_control breakpoint)' : ''} saves ${formatUsd(saving.perCall)}/call (${formatUsd(saving.perMonth)}/mo).`,
          range: call.nameRange,
          call,
          saving: { perCall: saving.perCall, monthly: saving.perMonth },
          fix: moveCulpritLine(found.culprits, text),
          related: culprits.map((part) => ({
            message: `${slotLabel(part)} ${part.volatile ? 'changes on every call' : 'differs between calls'} and ends the cacheable prefix`,
            range: part.range,
          })),
        },
      ];
    });
  },
};

/**
 * Walks on from the first dynamic part until the static text after it is long
 * enough to be cached on its own; the per-call values passed on the way are what
 * keeps it out of the cache. A small gain behind a prefix that is cached already
 * is not worth a warning. A whole
 * message of unknown role (spread conversation history) in front is left alone:
 * moving history after instructions is not a fix anyone wants.
 */
function blockedBlock(call: LlmCall, estimate: CallEstimate, caching: PromptCaching): BlockedBlock | null {
  const parts: PlacedPart[] = call.prompts.flatMap((prompt) => prompt.parts.map((part, index) => ({ prompt, index, part })));
  const start = parts.findIndex(({ part }) => part.kind === 'dynamic');
  if (start < 0) return null;
  const culprits: PlacedSlot[] = [];
  const blocked: PromptPart[] = [];
  for (let position = start; position < parts.length; position++) {
    const placed = parts[position];
    const { part, prompt } = placed;
    if (part.kind === 'dynamic') {
      if (prompt.role === 'unknown' && prompt.parts.length === 1) return null;
      if (!looksConstant(part)) culprits.push({ ...placed, part });
      continue;
    }
    blocked.push(part);
    const runEnds = parts[position + 1]?.part.kind !== 'static';
    if (!runEnds || culprits.length === 0) continue;
    const blockedTokens = staticTokensOf(blocked, call, estimate);
    if (clearlyCacheable(blockedTokens, caching, estimate)) return { culprits, blockedTokens, cacheable: estimate.cacheablePrefixTokens + blockedTokens };
  }
  return null;
}

/** `a`, `a and b`, `a, b and c`; longer lists end with `and N more`. */
function listed(items: string[]): string {
  const shown = items.length > 3 ? [...items.slice(0, 2), `${items.length - 2} more`] : items;
  return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * Moves the line holding every culprit to the end of its string literal, when they
 * all sit on one line of one f-string or template literal with static lines after it.
 */
function moveCulpritLine(culprits: readonly PlacedSlot[], text: string): Fix | undefined {
  const first = culprits[0];
  const last = culprits[culprits.length - 1];
  const literal = literalAround(first.prompt.parts, first.index);
  if (!culprits.every(({ part }) => literal.includes(part))) return undefined;
  const pieces = literal.map((part) => ({ start: part.range.startOffset, end: part.range.endOffset, value: part.kind === 'static' ? part.text : null }));
  const edits = moveLineToEnd(text, pieces, { start: first.part.range.startOffset, end: last.part.range.endOffset });
  const labels = listed(culprits.map(({ part }) => slotLabel(part)));
  return edits ? { title: `Move the line with ${labels} to the end of the string`, edits, safe: false } : undefined;
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
