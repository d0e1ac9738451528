import { perMonth, type CallEstimate } from '../estimate/estimate';
import { replaceStringContent } from '../fix/replace';
import type { Fix, LlmCall } from '../model';
import type { ModelPrice, PriceBook } from '../pricing';
import { formatTokens, formatUsd } from '../report/format';
import type { Rule } from './rule';

/** Longest static prompt (tokens) that still reads as a simple task: an instruction and a label list, not pages of policy. */
const MAX_STATIC_TOKENS = 500;
/** Largest output limit of a simple task: a label, a yes/no or a few extracted fields fit in 100 tokens. */
const MAX_OUTPUT_TOKENS = 100;
const PER_MILLION = 1_000_000;

/** Words in the static prompt that mark a task small models do well. */
const SIMPLE_TASKS: readonly { task: string; pattern: RegExp }[] = [
  { task: 'classification', pattern: /\b(?:classify|classification|categori[sz]e|label(?: it| the| each| this)|which of the following|one of the following)\b/i },
  { task: 'extraction', pattern: /\bextract\b/i },
  { task: 'sentiment', pattern: /\bsentiment\b/i },
  { task: 'yes/no', pattern: /\b(?:yes or no|yes\/no|true or false|true\/false)\b/i },
  { task: 'one-word answer', pattern: /\b(?:one|single)[ -]word\b/i },
];

export const expensiveModelForSimpleTask: Rule = {
  meta: {
    id: 'expensive-model-for-simple-task',
    summary: 'Frontier model used for a short classification or extraction task',
    defaultSeverity: 'info',
    fixable: true,
    docs: {
      whatItDoes: [
        `Flags a generation call to a frontier-tier model (output price of $20 per 1M tokens or more in the price catalog) when everything about it says the task is simple: the static prompt is at most ${MAX_STATIC_TOKENS} tokens, the output limit is at most ${MAX_OUTPUT_TOKENS} tokens, and the static prompt asks for ${SIMPLE_TASKS.map((entry) => entry.task).join(', ')} (words such as classify, categorize, label the…, which of the following, extract, sentiment, yes or no, true or false, one word).`,
        'The message names the cheapest current small or mid-tier chat model of the same provider, priced for this call\'s tokens, and the saving per month. Silent when the model or the output limit is not known from the code, when the call passes tools (an agent step) or `**kwargs` / a spread, or when the provider has no cheaper model in the catalog.',
      ].join('\n\n'),
      whyItCostsMoney:
        'Frontier models cost 10–100× more per token than the small models of the same provider, and labelling a ticket, pulling a date out of an email or answering yes or no is the work small models are built for. At thousands of calls a day the difference is most of the bill.',
      example:
        'client.chat.completions.create(\n    model="gpt-6-astra",\n    messages=[\n        {"role": "system", "content": "Classify the ticket as billing, bug or other. Reply with one word."},\n        {"role": "user", "content": ticket},\n    ],\n    max_completion_tokens=5,\n)',
      useInstead:
        'client.chat.completions.create(\n    model="gpt-5-nano",\n    messages=[\n        {"role": "system", "content": "Classify the ticket as billing, bug or other. Reply with one word."},\n        {"role": "user", "content": ticket},\n    ],\n    max_completion_tokens=5,\n)',
      fixSafety:
        'The fix replaces the model name in the literal with the suggested one (keeping a provider prefix such as `openai/`). A smaller model answers differently, and may not accept every parameter the larger one did (temperature on reasoning models, for example), so the fix is offered but never applied by `scan --fix`: check its answers on real inputs first.',
      references: ['Price tiers: `src/core/pricing/tier.ts` (frontier ≥ $20, small ≤ $5 per 1M output tokens)'],
    },
  },
  check({ analysis, estimates, prices, text }) {
    return analysis.calls.flatMap((call, index) => {
      const estimate = estimates[index];
      const lookup = estimate?.price;
      if (!estimate || !lookup?.found || lookup.price.tier !== 'frontier' || !looksSimple(call, estimate)) return [];
      const task = simpleTask(call);
      const perCall = estimate.cost.perCall;
      const cheaper = cheapestAlternative(prices, lookup.price, estimate);
      if (!task || perCall === null || !cheaper || cheaper.perCall >= perCall) return [];
      const monthly = perMonth(perCall - cheaper.perCall, estimate.traffic);
      const limit = call.outputLimit?.value ?? 0;
      return [
        {
          message: `Frontier model ${call.model} for a short ${task} task (≤${formatTokens(limit)} output tokens): ${cheaper.model.id} would cost ${formatUsd(cheaper.perCall)}/call instead of ${formatUsd(perCall)}, ${formatUsd(monthly)}/mo less.`,
          range: call.modelRange ?? call.nameRange,
          call,
          saving: { perCall: perCall - cheaper.perCall, monthly },
          fix: modelFix(call, lookup.price.id, cheaper.model.id, text),
        },
      ];
    });
  },
};

/** Short, small output, nothing that widens the task (tools, arguments we cannot see). */
function looksSimple(call: LlmCall, estimate: CallEstimate): boolean {
  const limit = call.outputLimit?.value ?? null;
  return (
    call.kind === 'generate' &&
    !call.openArguments &&
    call.tools === null &&
    limit !== null &&
    limit <= MAX_OUTPUT_TOKENS &&
    estimate.input.static > 0 &&
    estimate.input.static <= MAX_STATIC_TOKENS
  );
}

function simpleTask(call: LlmCall): string | undefined {
  const staticText = call.prompts.flatMap((prompt) => prompt.parts.map((part) => (part.kind === 'static' ? part.text : ' '))).join('');
  return SIMPLE_TASKS.find((entry) => entry.pattern.test(staticText))?.task;
}

/** The provider's cheapest small or mid-tier chat model that is not being retired, priced for this call's tokens. */
function cheapestAlternative(prices: PriceBook, current: ModelPrice, estimate: CallEstimate): { model: ModelPrice; perCall: number } | null {
  const costOf = (model: ModelPrice): number =>
    (estimate.input.total * model.inputPerMTok + estimate.output.expected * model.outputPerMTok) / PER_MILLION;
  let best: { model: ModelPrice; perCall: number } | null = null;
  for (const model of prices.list()) {
    if (model.provider !== current.provider || model.mode !== 'chat' || model.tier === 'frontier' || model.deprecated) continue;
    const perCall = costOf(model);
    if (!best || perCall < best.perCall) best = { model, perCall };
  }
  return best;
}

/** Swaps the name in a literal model argument, keeping a routing prefix (`openai/gpt-…`). */
function modelFix(call: LlmCall, currentId: string, suggestedId: string, text: string): Fix | undefined {
  const written = call.model ?? '';
  const prefix = written === currentId ? '' : written.endsWith(`/${currentId}`) ? written.slice(0, -currentId.length) : null;
  const edit = prefix !== null && call.modelRange ? replaceStringContent(text, call.modelRange, prefix + suggestedId) : null;
  return edit ? { title: `Use ${prefix}${suggestedId}`, edits: [edit], safe: false } : undefined;
}
