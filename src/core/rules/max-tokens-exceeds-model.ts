import { replaceNumber } from '../fix/replace';
import { formatTokens } from '../report/format';
import type { Rule } from './rule';

export const maxTokensExceedsModel: Rule = {
  meta: {
    id: 'max-tokens-exceeds-model',
    summary: "Output limit above the model's maximum output",
    defaultSeverity: 'error',
    fixable: true,
    docs: {
      whatItDoes: "Flags an output limit (`max_tokens`, `max_completion_tokens`, `maxOutputTokens`…) set higher than the most the model can produce, according to the price catalog.",
      whyItCostsMoney:
        'Providers reject such a request (OpenAI and Anthropic answer 400), so every call fails after you have already paid for the retries and the debugging; some SDKs and proxies silently clamp it instead, which hides that the limit protects nothing. Either way the number in the code is not the budget it looks like.',
      example: 'client.messages.create(model="claude-haiku-4-5", max_tokens=200_000, messages=messages)',
      useInstead: 'client.messages.create(model="claude-haiku-4-5", max_tokens=64_000, messages=messages)',
      fixSafety: "The fix lowers a literal limit to the model's maximum output. No fix when the limit comes from a constant or an expression.",
      references: ["The model's maximum output in the provider's model list (see docs/pricing.md for the catalog's sources)"],
    },
  },
  check({ analysis, estimates, text }) {
    return analysis.calls.flatMap((call, index) => {
      const limit = call.outputLimit;
      const lookup = estimates[index]?.price;
      const maximum = lookup?.found ? lookup.price.maxOutputTokens : undefined;
      if (!limit || limit.value === null || maximum === undefined || limit.value <= maximum) return [];
      const edit = replaceNumber(text, limit.range, maximum);
      return [
        {
          message: `${limit.param}=${formatTokens(limit.value)} is above ${call.model}'s maximum output of ${formatTokens(maximum)} tokens: the API rejects or clamps it.`,
          range: limit.range,
          call,
          fix: edit ? { title: `Lower ${limit.param} to ${maximum}`, edits: [edit], safe: true } : undefined,
        },
      ];
    });
  },
};
