import { describe } from 'node:test';
import { contextWindowOverflow } from '../../../src/core/rules/context-window-overflow';
import { ruleTester } from '../../support/rule-tester';

// "word " is one o200k token: a prompt of N words is N tokens for gpt-4o (exact).
const words = (count: number): string => 'word '.repeat(count).trim();

describe('context-window-overflow', () => {
  ruleTester(contextWindowOverflow, {
    valid: [
      { name: 'fits', language: 'python', code: `from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "${words(100)}"}], max_tokens=1000)` },
      { name: 'assumed slot sizes alone never trigger it', language: 'python', code: 'from openai import OpenAI\ndef f(doc):\n    OpenAI().chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": doc}], max_tokens=1000)' },
      { name: 'unknown model', language: 'typescript', code: `import OpenAI from 'openai';\nnew OpenAI().chat.completions.create({ model: 'local-llm', messages: [{ role: 'user', content: '${words(200)}' }], max_tokens: 10000000 });` },
    ],
    invalid: [
      {
        name: 'a known prompt plus the limit exceed the window',
        language: 'python',
        code: `from openai import OpenAI\nBIG = "${words(120_000)}"\nOpenAI().chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": BIG}], max_tokens=16000)`,
        errors: [{ line: 3, column: 27, message: /^120,00\d prompt tokens \+ 16,000 output limit exceed gpt-4o's 128,000-token context window\.$/ }],
        output: null,
      },
      {
        name: 'TypeScript Responses call',
        language: 'typescript',
        code: `import OpenAI from 'openai';\nconst doc = \`${words(130_000)}\`;\nawait new OpenAI().responses.create({ model: 'gpt-4o', input: doc });`,
        errors: [{ line: 3, column: 30, message: /^130,00\d prompt tokens exceed gpt-4o's 128,000-token context window\.$/ }],
      },
    ],
  });
});
