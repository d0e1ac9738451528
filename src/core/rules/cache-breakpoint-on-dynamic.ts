import type { CallEstimate } from '../estimate/estimate';
import type { DynamicPart, LlmCall, Prompt, PromptPart, SourceRange } from '../model';
import { formatUsd } from '../report/format';
import { looksConstant, priceOfTokens, slotLabel, staticTokensOf, usesAnthropicBreakpoints } from './prompt-cache';
import type { Rule, RuleReport } from './rule';

/** Anthropic rejects a request with more blocks marked `cache_control`; top-level automatic caching takes a slot. */
const ANTHROPIC_MAX_BREAKPOINTS = 4;

const GUIDANCE = 'Move the breakpoint to the last block that stays identical.';

export const cacheBreakpointOnDynamic: Rule = {
  meta: {
    id: 'cache-breakpoint-on-dynamic',
    summary: 'Cache breakpoint on content that changes per call, or more breakpoints than Anthropic allows',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      whatItDoes:
        "Flags a cache breakpoint (`cache_control`, Bedrock's `cachePoint`, OpenAI's `prompt_cache_breakpoint`) on a block that holds a value changing on every call (a timestamp, a uuid, a request id), or on the last block of a single-turn request when that block holds per-call input such as the user's question. Also flags an Anthropic call with more than 4 breakpoints, counting top-level `cache_control`. Silent for the latest turn of a conversation (messages built from history, where marking the newest message is how the conversation gets cached), for a block holding per-call values that may repeat (a document asked about several times is worth caching), and when it cannot tell which block of a message carries the breakpoint.",
      whyItCostsMoney:
        'A breakpoint writes everything up to its block to the cache, at 25% over the input price (100% for the 1-hour cache). Anthropic: "Common mistake: Breakpoint on content that changes every request … You pay for a fresh cache write on every request and never get a read." With more than 4 breakpoints the Anthropic API rejects the request.',
      example:
        'client.messages.create(\n    model="claude-sonnet-4-5",\n    max_tokens=1024,\n    system=[\n        {"type": "text", "text": SUPPORT_POLICY},\n        {"type": "text", "text": f"Current time: {datetime.now()}", "cache_control": {"type": "ephemeral"}},\n    ],\n    messages=[{"role": "user", "content": question}],\n)',
      useInstead:
        'client.messages.create(\n    model="claude-sonnet-4-5",\n    max_tokens=1024,\n    system=[\n        {"type": "text", "text": SUPPORT_POLICY, "cache_control": {"type": "ephemeral"}},\n        {"type": "text", "text": f"Current time: {datetime.now()}"},\n    ],\n    messages=[{"role": "user", "content": question}],\n)',
      fixSafety:
        'No fix: the right place for the breakpoint is the last block that stays identical across calls, which is a judgement about your traffic, and removing the breakpoint may leave nothing cached. A timestamp in a module-level constant is computed once per process and is in fact cacheable; Promptmeter cannot tell it from one computed per call yet.',
      references: [
        'Anthropic prompt caching: "Put the breakpoint on the last block that stays identical"; at most 4 breakpoints per request',
        'Amazon Bedrock prompt caching: `cachePoint` blocks',
      ],
    },
  },
  check({ analysis, estimates, text }) {
    return analysis.calls.flatMap((call, index) => {
      if (call.kind !== 'generate') return [];
      const estimate = estimates[index];
      const onDynamic = call.prompts.flatMap((prompt, position) => (prompt.cacheBreakpoint ? breakpointOnDynamic(call, position, estimate) : []));
      return [...tooManyBreakpoints(call, estimate, text), ...onDynamic];
    });
  },
};

function breakpointOnDynamic(call: LlmCall, position: number, estimate: CallEstimate | undefined): RuleReport[] {
  const marker = call.prompts[position];
  // Bedrock's `{cachePoint}` is a block of its own that marks the block before it.
  const block = marker?.parts.length === 0 ? call.prompts[position - 1] : marker;
  if (!marker || !block || !isOneString(block.parts) || isConversationTurn(call, block)) return [];
  const changing = block.parts.find((part): part is DynamicPart => part.kind === 'dynamic' && part.volatile);
  if (changing) {
    return [
      report(call, marker, changing, `Cache breakpoint on a block holding ${slotLabel(changing)}, which changes on every call: every request pays a fresh cache write${premium(call, block, estimate)} and never gets a read.`),
    ];
  }
  const isLastBlock = call.prompts.slice(call.prompts.indexOf(block) + 1).every((prompt) => prompt.parts.length === 0);
  const input = block.parts.find((part): part is DynamicPart => part.kind === 'dynamic' && !looksConstant(part));
  if (!isLastBlock || !input || isSystemRole(block)) return [];
  return [
    report(call, marker, input, `Cache breakpoint on the last block, which holds ${slotLabel(input)}: only an identical request can read it, so each call pays a fresh cache write${premium(call, block, estimate)}.`),
  ];
}

function report(call: LlmCall, marker: Prompt, slot: DynamicPart, message: string): RuleReport {
  return {
    message: `${message} ${GUIDANCE}`,
    range: marker.range,
    call,
    related: [{ message: `${slotLabel(slot)} ${slot.volatile ? 'changes on every call' : 'differs between calls'}`, range: slot.range }],
  };
}

/**
 * The parts are pieces of one string, so the block is known: a message's
 * content list with several blocks carries one breakpoint flag for all of them.
 */
function isOneString(parts: readonly PromptPart[]): boolean {
  return parts.every((part, index) => index === 0 || parts[index - 1]?.range.endOffset === part.range.startOffset);
}

function isSystemRole(prompt: Prompt): boolean {
  return prompt.role === 'system' || prompt.role === 'developer';
}

/**
 * A turn of a conversation: next call, this message is history and the cache
 * written at it is read. Only a message list written out in the call, with no
 * spread history or message of unknown role, is known to be a single turn.
 */
function isConversationTurn(call: LlmCall, block: Prompt): boolean {
  if (isSystemRole(block)) return false;
  return call.prompts
    .filter((prompt) => prompt.argument === block.argument)
    .some((prompt) => prompt.role === 'unknown' || !within(prompt.range, call.argumentsRange));
}

/** ` (+$0.0011/call, +$33.00/mo)`: the write premium on everything up to the block, when the prices are known. */
function premium(call: LlmCall, block: Prompt, estimate: CallEstimate | undefined): string {
  const lookup = estimate?.price;
  if (!estimate || !lookup?.found || lookup.price.cacheWrite5mPerMTok === undefined) return '';
  const upTo = call.prompts.slice(0, call.prompts.indexOf(block) + 1).flatMap((prompt) => prompt.parts);
  const slotCount = upTo.filter((part) => part.kind === 'dynamic').length;
  const slotTokens = estimate.input.dynamicSlots.slice(0, slotCount).reduce((sum, slot) => sum + slot.tokens, 0);
  const tokens = staticTokensOf(upTo, call, estimate) + slotTokens;
  const cost = priceOfTokens(tokens, lookup.price.cacheWrite5mPerMTok - lookup.price.inputPerMTok, estimate);
  return ` (+${formatUsd(cost.perCall)}/call, +${formatUsd(cost.perMonth)}/mo)`;
}

function tooManyBreakpoints(call: LlmCall, estimate: CallEstimate | undefined, text: string): RuleReport[] {
  if (!usesAnthropicBreakpoints(call, estimate)) return [];
  const topLevel = call.argumentNames.includes('cache_control');
  const tools = call.tools && /\bcache_control\b/.test(text.slice(call.tools.startOffset, call.tools.endOffset)) ? 1 : 0;
  // A lower bound: a message with several marked blocks counts once.
  const count = call.prompts.filter((prompt) => prompt.cacheBreakpoint).length + (topLevel ? 1 : 0) + tools;
  if (count <= ANTHROPIC_MAX_BREAKPOINTS) return [];
  return [
    {
      message: `${count} cache breakpoints${topLevel ? ' (top-level cache_control takes one)' : ''}: Anthropic allows ${ANTHROPIC_MAX_BREAKPOINTS} and rejects the request. Keep the breakpoints on the last block of each part that stays identical.`,
      range: call.nameRange,
      call,
    },
  ];
}

function within(inner: SourceRange, outer: SourceRange): boolean {
  return inner.startOffset >= outer.startOffset && inner.endOffset <= outer.endOffset;
}
