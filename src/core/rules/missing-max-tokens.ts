import type { Rule } from './rule';

/** Kinds of call that generate output and so need a ceiling on it. */
const GENERATING_KINDS = new Set(['generate', 'constructor']);

export const missingMaxTokens: Rule = {
  meta: {
    id: 'missing-max-tokens',
    summary: 'LLM call without an output-token limit',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      whatItDoes: 'Flags a generation call or chat-model constructor that sets no limit on output tokens (`max_tokens`, `max_completion_tokens`, `max_output_tokens`, `maxOutputTokens`, `inferenceConfig.maxTokens`…, whichever the provider uses).',
      whyItCostsMoney:
        'Output tokens are the expensive ones (often 4–8× the input price), and without a limit one reply may run to the model\'s maximum output: tens of thousands of tokens on current models, reasoning tokens included. A runaway reply in a loop or under load is where surprise bills come from. The Anthropic API rejects a call without `max_tokens`; LangChain and LiteLLM fill in a model default instead, usually the maximum.',
      example: 'client.chat.completions.create(\n    model="gpt-4o",\n    messages=[{"role": "user", "content": question}],\n)',
      useInstead: 'client.chat.completions.create(\n    model="gpt-4o",\n    messages=[{"role": "user", "content": question}],\n    max_completion_tokens=1024,\n)',
      fixSafety:
        'Not reported when the call passes `**kwargs` or a spread, which may already carry a limit. A limit that is too low truncates replies, so choose it from the longest answer the feature needs.',
      references: [
        'OpenAI: `max_completion_tokens` (chat) and `max_output_tokens` (Responses)',
        'Anthropic Messages API: `max_tokens` is required',
        'Google Gemini: `GenerateContentConfig.max_output_tokens`',
      ],
    },
  },
  check({ analysis }) {
    return analysis.calls
      .filter((call) => GENERATING_KINDS.has(call.kind) && !call.outputLimit && !call.openArguments && call.outputLimitParams.length > 0)
      .map((call) => {
        const suggested = call.outputLimitParams[0] ?? 'max_tokens';
        const subject = call.model ? `${call.api} (${call.model})` : call.api;
        return {
          message: `No output limit on ${subject}: a reply can run to the model's maximum output. Set ${suggested}.`,
          range: call.nameRange,
          call,
        };
      });
  },
};
