import { formatUsd } from '../report/format';
import type { Rule } from './rule';

export const costOverBudget: Rule = {
  meta: {
    id: 'cost-over-budget',
    summary: 'Estimated cost per call or per month above the budget',
    defaultSeverity: 'warning',
    fixable: false,
    docs: {
      whatItDoes:
        'Flags a call whose estimated cost per call, or per month at its traffic, is above the budget set in `.promptmeter.json` (`"budgets": { "perCall": 0.05, "monthly": 500 }`) or the `promptmeter.budgets` setting. Silent when no budget is set or the cost is unknown.',
      whyItCostsMoney:
        'A budget turns "this feels expensive" into a check: a call that crosses it gets a second look (a smaller model, a shorter prompt, caching, batching) before it ships, not after the invoice.',
      example: '# .promptmeter.json: { "budgets": { "perCall": 0.01 } }\nclient.chat.completions.create(model="gpt-5.5", messages=long_history, max_completion_tokens=4000)',
      useInstead: 'client.chat.completions.create(model="gpt-5.6-luna", messages=recent(long_history), max_completion_tokens=800)',
    },
  },
  check({ analysis, estimates, config }) {
    const { perCall: perCallBudget, monthly: monthlyBudget } = config.budgets;
    if (perCallBudget === undefined && monthlyBudget === undefined) return [];
    return analysis.calls.flatMap((call, index) => {
      const cost = estimates[index]?.cost;
      if (!cost) return [];
      const over: string[] = [];
      if (perCallBudget !== undefined && cost.perCall !== null && cost.perCall > perCallBudget) {
        over.push(`${formatUsd(cost.perCall)}/call is over the ${formatUsd(perCallBudget)} per-call budget`);
      }
      if (monthlyBudget !== undefined && cost.monthly !== null && cost.monthly > monthlyBudget) {
        over.push(`${formatUsd(cost.monthly)}/mo is over the ${formatUsd(monthlyBudget)} monthly budget`);
      }
      if (over.length === 0) return [];
      return [{ message: `${call.model}: ${over.join('; ')} (estimate, prices as of ${cost.pricingAsOf}).`, range: call.nameRange, call }];
    });
  },
};
