import { describe } from 'node:test';
import { resolveConfig } from '../../../src/core/config/config';
import { costOverBudget } from '../../../src/core/rules/cost-over-budget';
import { ruleTester } from '../../support/rule-tester';

const perCall = resolveConfig([{ budgets: { perCall: 0.01 } }]);
const monthly = resolveConfig([{ budgets: { monthly: 100 } }]);

describe('cost-over-budget', () => {
  ruleTester(costOverBudget, {
    valid: [
      { name: 'no budget set', language: 'python', code: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-5.5", messages=[], max_completion_tokens=4000)' },
      { name: 'under the per-call budget', language: 'python', config: perCall, code: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o-mini", messages=[], max_completion_tokens=100)' },
      { name: 'unknown cost is never over budget', language: 'typescript', config: perCall, code: "import OpenAI from 'openai';\nnew OpenAI().chat.completions.create({ model: 'mystery-model', messages: [], max_tokens: 100000 });" },
    ],
    invalid: [
      {
        // gpt-5.5 at $5/$30: 6 overhead tokens in, 2,000 expected out (half of 4,000) = $0.06003.
        name: 'over the per-call budget',
        language: 'python',
        config: perCall,
        code: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-5.5", messages=[], max_completion_tokens=4000)',
        errors: [{ line: 2, column: 27, message: /^gpt-5\.5: \$0\.06\/call is over the \$0\.01 per-call budget \(estimate, prices as of \d{4}-\d{2}-\d{2}\)\.$/ }],
      },
      {
        name: 'over the monthly budget at the hinted traffic',
        language: 'typescript',
        config: monthly,
        code: "import Anthropic from '@anthropic-ai/sdk';\n// promptmeter: calls-per-day=10000\nnew Anthropic().messages.create({ model: 'claude-sonnet-4-6', max_tokens: 1000, messages: [] });",
        errors: [{ line: 3, column: 26, message: /^claude-sonnet-4-6: \$2,250\/mo is over the \$100 monthly budget/ }],
      },
    ],
  });
});
