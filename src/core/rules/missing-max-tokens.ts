import { addParameter } from '../fix/add-parameter';
import { formatTokens, formatUsd } from '../report/format';
import type { CallEstimate } from '../estimate/estimate';
import type { Rule } from './rule';

/** Kinds of call that generate output and so need a ceiling on it. */
const GENERATING_KINDS = new Set(['generate', 'constructor']);

export const missingMaxTokens: Rule = {
  meta: {
    id: 'missing-max-tokens',
    summary: 'LLM call without an output-token limit',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      whatItDoes: 'Flags a generation call or chat-model constructor that sets no limit on output tokens (`max_tokens`, `max_completion_tokens`, `max_output_tokens`, `maxOutputTokens`, `inferenceConfig.maxTokens`…, whichever the provider uses).',
      whyItCostsMoney:
        'Output tokens are the expensive ones (often 4–8× the input price), and without a limit one reply may run to the model\'s maximum output: tens of thousands of tokens on current models, reasoning tokens included. A runaway reply in a loop or under load is where surprise bills come from. The Anthropic API rejects a call without `max_tokens`; LangChain and LiteLLM fill in a model default instead, usually the maximum.',
      example: 'client.chat.completions.create(\n    model="gpt-4o",\n    messages=[{"role": "user", "content": question}],\n)',
      useInstead: 'client.chat.completions.create(\n    model="gpt-4o",\n    messages=[{"role": "user", "content": question}],\n    max_completion_tokens=1024,\n)',
      fixSafety:
        'The fix adds the provider\'s parameter with `defaultOutputLimit` (1,024 unless set), capped at the model\'s maximum output. A limit that is too low truncates replies, so check it against the longest answer the feature needs. Not reported when the call passes `**kwargs` or a spread, which may already carry a limit; no fix when the options are not a literal or the option object holding the limit (`config`, `inferenceConfig`) exists already.',
      references: [
        'OpenAI: `max_completion_tokens` (chat) and `max_output_tokens` (Responses)',
        'Anthropic Messages API: `max_tokens` is required',
        'Google Gemini: `GenerateContentConfig.max_output_tokens`',
      ],
    },
  },
  check(context) {
    return context.analysis.calls.flatMap((call, index) => {
      if (!GENERATING_KINDS.has(call.kind) || call.outputLimit || call.openArguments) return [];
      const param = call.outputLimitParams[0];
      if (!param) return [];
      const estimate = context.estimates[index];
      const value = suggestedLimit(estimate, context.config.defaultOutputLimit);
      const edits = addParameter(call, param, String(value), context.analysis.language, context.text);
      return [
        {
          message: `No ${param} on ${call.model ?? call.api}: worst case ${worstCase(estimate)}. Add ${param}=${value}?`,
          range: call.nameRange,
          call,
          fix: edits ? { title: `Add ${param}=${value}`, edits, safe: true } : undefined,
        },
      ];
    });
  },
};

/** The configured limit, but never above what the model can produce. */
function suggestedLimit(estimate: CallEstimate | undefined, configured: number): number {
  const modelMaximum = estimate?.output.maxSource === 'model-maximum' ? estimate.output.max : null;
  return modelMaximum !== null ? Math.min(configured, modelMaximum) : configured;
}

function worstCase(estimate: CallEstimate | undefined): string {
  const max = estimate?.output.max ?? null;
  if (!estimate || max === null) return 'unbounded output at an unknown price';
  const cost = estimate.cost.perCallMax;
  return cost === null ? `${formatTokens(max)} output tokens per call (price unknown)` : `${formatUsd(cost)}/call (${formatTokens(max)} output tokens)`;
}

