import type { CallEstimate } from '../estimate/estimate';
import { addParameter } from '../fix/add-parameter';
import { ephemeralCacheControl, wrapAsCachedTextBlock } from '../fix/cache-block';
import { preferredQuote } from '../fix/style';
import type { Fix, LlmCall, Prompt, SourceLanguage, SourceRange } from '../model';
import { formatTokens, formatUsd } from '../report/format';
import { clearlyCacheable, priceOfTokens, promptCaching, staticTokensOf, usesAnthropicBreakpoints, type PromptCaching } from './prompt-cache';
import type { Rule } from './rule';

/**
 * Arguments that set or may carry a breakpoint: Anthropic's top-level automatic
 * `cache_control`, LiteLLM's `cache_control_injection_points`, and `extra_body`,
 * which we cannot read.
 */
const BREAKPOINT_ARGUMENTS = ['cache_control', 'cache_control_injection_points', 'extra_body'];

/** A first-party Claude id; Bedrock (`anthropic.claude-…`) and Vertex (`claude-…@date`) ids do not match. */
const FIRST_PARTY_CLAUDE = /^claude-[\w.-]+$/;

export const missingCacheControl: Rule = {
  meta: {
    id: 'missing-cache-control',
    summary: 'Anthropic call with a cacheable static prefix but no cache_control breakpoint',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      whatItDoes:
        "Flags an Anthropic Messages call (the Anthropic SDKs, also through Bedrock and Vertex, and LiteLLM with an `anthropic/claude-…` model) whose static prefix (the system prompt and messages up to the first dynamic value) reaches the model's minimum cacheable length, but that sets no `cache_control` breakpoint: none on a block, none at the top level. Silent when the model is unknown, when `**kwargs`, a spread or `extra_body` could carry a breakpoint, and when the tools are a variable (a breakpoint on the last tool is common).",
      whyItCostsMoney:
        'Anthropic caches nothing without a breakpoint. With one, the prefix is read from the cache at 10% of the input price; writing it costs 25% more than input (5-minute cache) and a read refreshes the cache for free, so any prefix reused more than once every few minutes pays for itself.',
      example:
        'client.messages.create(\n    model="claude-sonnet-4-5",\n    max_tokens=1024,\n    system=SUPPORT_POLICY,  # 3,000 tokens\n    messages=[{"role": "user", "content": question}],\n)',
      useInstead:
        'client.messages.create(\n    model="claude-sonnet-4-5",\n    max_tokens=1024,\n    system=[{"type": "text", "text": SUPPORT_POLICY, "cache_control": {"type": "ephemeral"}}],\n    messages=[{"role": "user", "content": question}],\n)',
      fixSafety:
        "The breakpoint must sit on the last block that is the same on every call; on a block that changes you pay a write on every request and never get a read. So the fix turns a static `system` string written in the call into a one-element list of text blocks carrying `cache_control`, keeping the string as written; this needs the system prompt alone to reach the minimum, and works with every SDK version and on Bedrock and Vertex. Top-level `cache_control` (automatic caching) puts the breakpoint on the last block of the request, which is the user's input in most calls, so it is offered only when the system prompt cannot take the breakpoint, every visible prompt is static and the model id is Anthropic's own; it needs an SDK version that accepts the argument, so that fix is never applied by `scan --fix`. No fix for LiteLLM calls and for system prompts given as block lists or variables holding lists: add `cache_control` to the last static block by hand.",
      references: [
        'Anthropic prompt caching: `cache_control` breakpoints, automatic caching, minimum cacheable length, pricing',
        'LiteLLM prompt caching: `cache_control` on message content blocks',
      ],
    },
  },
  check({ analysis, estimates, text }) {
    return analysis.calls.flatMap((call, index) => {
      const estimate = estimates[index];
      if (!estimate || !usesAnthropicBreakpoints(call, estimate) || call.openArguments || mayHaveBreakpoint(call, text)) return [];
      const caching = promptCaching(estimate);
      const prefix = estimate.cacheablePrefixTokens;
      if (!caching || !clearlyCacheable(prefix, caching, estimate)) return [];
      const end = prefixEnd(call.prompts);
      const saving = priceOfTokens(prefix, caching.price.inputPerMTok - caching.cachedInputPerMTok, estimate);
      return [
        {
          message: `${formatTokens(prefix)} static prefix tokens sent without cache_control: reading them from the cache saves ${formatUsd(saving.perCall)}/call (${formatUsd(saving.perMonth)}/mo)${writePremium(caching)}.`,
          range: call.nameRange,
          call,
          saving: { perCall: saving.perCall, monthly: saving.perMonth },
          fix: breakpointFix(call, estimate, caching, analysis.language, text),
          related: end ? [{ message: 'the static prefix ends here: the breakpoint belongs on this block', range: end.range }] : undefined,
        },
      ];
    });
  },
};

/** Any breakpoint we can see, or a place we cannot read that could hold one. */
function mayHaveBreakpoint(call: LlmCall, text: string): boolean {
  if (call.prompts.some((prompt) => prompt.cacheBreakpoint)) return true;
  if (call.argumentNames.some((name) => BREAKPOINT_ARGUMENTS.includes(name))) return true;
  if (!call.tools) return false;
  // The analysis keeps only where the tools are; a list written in the call can be read, a variable cannot.
  const tools = sourceOf(text, call.tools);
  return !tools.trimStart().startsWith('[') || /\bcache_?[cC]ontrol\b/.test(tools);
}

function writePremium(caching: PromptCaching): string {
  const { cacheWrite5mPerMTok: write, inputPerMTok: input } = caching.price;
  if (write === undefined || input === 0) return '';
  return `; the first call after 5 idle minutes writes the cache at ${Math.round((write / input - 1) * 100)}% over input`;
}

/** The prompt holding the last static text before the first dynamic part. */
function prefixEnd(prompts: readonly Prompt[]): Prompt | undefined {
  let end: Prompt | undefined;
  for (const prompt of prompts) {
    for (const part of prompt.parts) {
      if (part.kind === 'dynamic') return end;
      end = prompt;
    }
  }
  return end;
}

/**
 * Where the breakpoint can go without landing on content that changes per call:
 * the end of a static system string long enough to cache on its own (works with
 * every SDK version and on Bedrock and Vertex); else the top level, whose automatic
 * breakpoint marks the last block, when the whole request is static.
 */
function breakpointFix(call: LlmCall, estimate: CallEstimate, caching: PromptCaching, language: SourceLanguage, text: string): Fix | undefined {
  if (call.provider !== 'anthropic') return undefined;
  const quote = preferredQuote(text);
  const system = cacheableSystemString(call, estimate, caching, text);
  if (system) {
    return { title: 'Cache the system prompt: make it a text block with cache_control', edits: wrapAsCachedTextBlock(system.range, language, quote), safe: true };
  }
  const allStatic = call.prompts.every((prompt) => prompt.parts.every((part) => part.kind === 'static'));
  if (!allStatic || !FIRST_PARTY_CLAUDE.test(call.model ?? '')) return undefined;
  const value = ephemeralCacheControl(language, quote);
  const edits = addParameter(call, 'cache_control', value, language, text);
  const written = language === 'python' ? `cache_control=${value}` : `cache_control: ${value}`;
  return edits ? { title: `Add ${written} (automatic caching)`, edits, safe: false } : undefined;
}

/** The `system` argument, when it opens the request, is written in the call, is all static and reaches the minimum alone. */
function cacheableSystemString(call: LlmCall, estimate: CallEstimate, caching: PromptCaching, text: string): Prompt | null {
  const [system] = call.prompts;
  if (!system || call.prompts.filter((prompt) => prompt.argument === 'system').length !== 1 || system.argument !== 'system') return null;
  if (system.parts.length === 0 || !system.parts.every((part) => part.kind === 'static')) return null;
  if (!isArgumentValue(call, system.range, text)) return null;
  return clearlyCacheable(staticTokensOf(system.parts, call, estimate), caching, estimate) ? system : null;
}

/**
 * The prompt's range is the argument's whole value, written in the call (`system="…"`,
 * `system: SYSTEM`), not a block of a list or a shorthand property: the character
 * before it is the `=` or `:` of the argument, or the `(` of parentheses around it.
 */
function isArgumentValue(call: LlmCall, range: SourceRange, text: string): boolean {
  if (range.startOffset < call.argumentsRange.startOffset || range.endOffset > call.argumentsRange.endOffset) return false;
  const before = text.slice(call.argumentsRange.startOffset, range.startOffset).trimEnd();
  return /[=:(]$/.test(before);
}

function sourceOf(text: string, range: SourceRange): string {
  return text.slice(range.startOffset, range.endOffset);
}
