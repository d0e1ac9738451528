import { replaceStringContent } from '../fix/replace';
import type { Rule } from './rule';

export const unknownModel: Rule = {
  meta: {
    id: 'unknown-model',
    summary: 'Model not in the price catalog, so its cost is unknown',
    defaultSeverity: 'info',
    fixable: true,
    docs: {
      whatItDoes:
        "Flags a call whose model name is known from the code but is not in Promptmeter's price catalog (after dates, provider prefixes and Bedrock or Vertex ids are normalised). Its cost is shown as unknown, never as $0. Silent when the model cannot be resolved from the code at all, and for a call to a local server (Ollama, or a `base_url` on this machine or network), whose API cost is $0. On Azure the model is a deployment name; the message says to map it in `azureDeployments`.",
      whyItCostsMoney:
        'A typo in a model name fails at run time; a deployment or fine-tune name hides what you pay. Either way the call drops out of every cost total until it is mapped to a price.',
      example: 'client.chat.completions.create(model="gpt-4o-mnii", messages=messages, max_tokens=300)',
      useInstead:
        'client.chat.completions.create(model="gpt-4o-mini", messages=messages, max_tokens=300)\n# or, for a deployment name, in .promptmeter.json:\n# { "pricing": { "aliases": { "prod-chat": "gpt-4o-mini" } } }',
      fixSafety: 'The fix replaces the name with the closest known model. It changes which model runs, so it is offered but never applied by `scan --fix`.',
    },
  },
  check({ analysis, estimates, text }) {
    return analysis.calls.flatMap((call, index) => {
      const estimate = estimates[index];
      const lookup = estimate?.price;
      // A local server has no price per token to know: its cost is $0, not unknown.
      if (!lookup || lookup.found || call.model === null || estimate.cost.localServer) return [];
      const [closest] = lookup.closest;
      const alias = `or map it in .promptmeter.json "pricing.aliases"`;
      const hint =
        call.provider === 'azure-openai'
          ? ` On Azure the model is a deployment name: map it to the model it runs in .promptmeter.json "azureDeployments".`
          : closest
            ? ` Did you mean ${closest}? (${alias})`
            : ` Add it to .promptmeter.json "pricing.models", ${alias}.`;
      const edit = closest && call.modelRange && call.provider !== 'azure-openai' ? replaceStringContent(text, call.modelRange, closest) : null;
      return [
        {
          message: `Unknown model "${call.model}": its cost cannot be estimated.${hint}`,
          range: call.modelRange ?? call.nameRange,
          call,
          fix: edit && closest ? { title: `Use ${closest}`, edits: [edit], safe: false } : undefined,
        },
      ];
    });
  },
};
