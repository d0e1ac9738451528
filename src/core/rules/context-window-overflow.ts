import { formatTokens } from '../report/format';
import type { Rule } from './rule';

export const contextWindowOverflow: Rule = {
  meta: {
    id: 'context-window-overflow',
    summary: "Prompt plus output limit larger than the model's context window",
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      whatItDoes:
        "Flags a call whose prompt, counted from the text known in the code, plus its output limit is larger than the model's context window. Assumed sizes of dynamic slots are not counted, so a report means the known text alone does not fit.",
      whyItCostsMoney:
        'The request fails (or the provider truncates the prompt), after the tokens of every retry were billed. Long prompts near the window also pay long-context prices on models that have them.',
      example: 'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": WHOLE_HANDBOOK}], max_tokens=16_000)',
      useInstead: 'chunks = retrieve(question, k=5)  # send what the question needs\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": build_prompt(chunks)}], max_tokens=1_000)',
      references: ["The model's context window in the provider's model list (see docs/pricing.md)"],
    },
  },
  check({ analysis, estimates }) {
    return analysis.calls.flatMap((call, index) => {
      const estimate = estimates[index];
      const lookup = estimate?.price;
      const window = lookup?.found ? lookup.price.contextWindow : undefined;
      if (!estimate || window === undefined || call.kind === 'embeddings' || call.kind === 'count') return [];
      // Only what is certain: known text and overhead, plus the limit written in the code.
      const known = estimate.input.static + estimate.input.overhead;
      const needed = known + (call.outputLimit?.value ?? 0);
      if (needed <= window) return [];
      const limit = call.outputLimit?.value ? ` + ${formatTokens(call.outputLimit.value)} output limit` : '';
      return [
        {
          message: `${formatTokens(known)} prompt tokens${limit} exceed ${call.model}'s ${formatTokens(window)}-token context window.`,
          range: call.nameRange,
          call,
        },
      ];
    });
  },
};
