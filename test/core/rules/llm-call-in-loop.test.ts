import { describe } from 'node:test';
import { llmCallInLoop } from '../../../src/core/rules/llm-call-in-loop';
import { ruleTester } from '../../support/rule-tester';

describe('llm-call-in-loop', () => {
  ruleTester(llmCallInLoop, {
    valid: [
      {
        name: 'an agent loop waits on each reply (while not done)',
        language: 'python',
        code: `
          from openai import OpenAI
          client = OpenAI()
          while not done:
              reply = client.chat.completions.create(model="gpt-4o", max_tokens=200, messages=history)
              done = handle(reply)
        `,
      },
      {
        name: 'a retry loop counts attempts',
        language: 'python',
        code: `
          from openai import OpenAI
          client = OpenAI()
          for attempt in range(MAX_RETRIES):
              reply = client.chat.completions.create(model="gpt-4o", max_tokens=200, messages=messages)
        `,
      },
      {
        name: 'a fallback loop returns the first good answer',
        language: 'python',
        code: `
          from openai import OpenAI
          client = OpenAI()
          def ask(messages):
              for model in ["gpt-4o", "gpt-4o-mini"]:
                  reply = client.chat.completions.create(model=model, max_tokens=200, messages=messages)
                  if reply.choices:
                      return reply
        `,
      },
      {
        name: 'a streaming call feeds someone watching',
        language: 'python',
        code: `
          from openai import OpenAI
          client = OpenAI()
          for question in questions:
              for chunk in client.chat.completions.create(model="gpt-4o", max_tokens=200, messages=[], stream=True):
                  print(chunk)
        `,
      },
      {
        name: 'embeddings in a loop are not generation',
        language: 'python',
        code: `
          from openai import OpenAI
          client = OpenAI()
          vectors = [client.embeddings.create(model="text-embedding-3-small", input=doc) for doc in docs]
        `,
      },
      {
        name: 'a chat REPL (TypeScript while (true))',
        language: 'typescript',
        code: `
          import OpenAI from 'openai';
          const openai = new OpenAI();
          while (true) {
            const line = await readLine();
            await openai.chat.completions.create({ model: 'gpt-4o', max_tokens: 200, messages: [{ role: 'user', content: line }] });
          }
        `,
      },
      {
        name: 'a retry loop with maxRetries (TypeScript)',
        language: 'typescript',
        code: `
          import Anthropic from '@anthropic-ai/sdk';
          const anthropic = new Anthropic();
          for (let attempt = 0; attempt < maxRetries; attempt++) {
            await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 100, messages });
          }
        `,
      },
      {
        name: 'an unknown model cannot be priced (TypeScript)',
        language: 'typescript',
        code: `
          import OpenAI from 'openai';
          const openai = new OpenAI();
          for (const row of rows) {
            await openai.chat.completions.create({ model: 'my-finetune', max_tokens: 100, messages: [{ role: 'user', content: row }] });
          }
        `,
      },
      {
        name: 'a call outside any loop (TypeScript)',
        language: 'typescript',
        code: "import { generateText } from 'ai';\nawait generateText({ model: 'openai/gpt-4o', maxOutputTokens: 100, prompt: 'x' });",
      },
    ],
    invalid: [
      {
        name: 'a for loop over tickets: the Batch API halves the cost',
        language: 'python',
        code: `
          from openai import OpenAI
          client = OpenAI()
          for ticket in tickets:
              client.chat.completions.create(model="gpt-4o", max_tokens=200, messages=[{"role": "user", "content": ticket.body}])
        `,
        errors: [
          {
            line: 4,
            column: 29,
            message: /^gpt-4o is called once per loop item \(10,000 calls\/day assumed\): the Batch API would save \$0\.000758\/call, \$227\.25\/mo, with results within 24 h\.$/,
          },
        ],
        output: null,
      },
      {
        name: 'a list comprehension',
        language: 'python',
        code: `
          import anthropic
          client = anthropic.Anthropic()
          summaries = [client.messages.create(model="claude-sonnet-4-6", max_tokens=300, messages=[{"role": "user", "content": d}]) for d in docs]
        `,
        errors: [{ line: 3, column: 30, message: /^claude-sonnet-4-6 is called once per loop item \(10,000 calls\/day assumed\): the Batch API would save \$0\.\d+\/call, \$[\d,.]+\/mo/ }],
      },
      {
        name: 'a traffic hint replaces the loop assumption',
        language: 'python',
        code: `
          from openai import OpenAI
          client = OpenAI()
          for doc in docs:
              # promptmeter: calls-per-day=200
              client.chat.completions.create(model="gpt-4o", max_tokens=200, messages=[{"role": "user", "content": doc}])
        `,
        errors: [{ line: 5, column: 29, message: /^gpt-4o is called once per loop item \(200 calls\/day\): the Batch API would save \$0\.000758\/call, \$4\.54\/mo/ }],
      },
      {
        name: 'no Batch API price: caching and concurrency instead',
        language: 'python',
        code: `
          import litellm
          for row in rows:
              litellm.completion(model="groq/llama-3.3-70b-versatile", max_tokens=100, messages=[{"role": "user", "content": row}])
        `,
        errors: [
          {
            line: 3,
            column: 13,
            message: /^groq\/llama-3\.3-70b-versatile is called once per loop item \(10,000 calls\/day assumed, \$47\.25\/mo\) and has no Batch API price: skip repeated inputs, cache the shared prompt prefix and cap concurrency\.$/,
          },
        ],
      },
      {
        name: 'Promise.all over items.map (TypeScript)',
        language: 'typescript',
        code: `
          import OpenAI from 'openai';
          const openai = new OpenAI();
          export const classify = (items: string[]) =>
            Promise.all(items.map((item) => openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 20, messages: [{ role: 'user', content: item }] })));
        `,
        errors: [{ line: 4, column: 59, message: /^gpt-4o-mini is called once per loop item \(10,000 calls\/day assumed\): the Batch API would save \$0\.\d+\/call/ }],
        output: null,
      },
      {
        name: 'for…of over rows (TypeScript)',
        language: 'typescript',
        code: `
          import Anthropic from '@anthropic-ai/sdk';
          const anthropic = new Anthropic();
          for (const review of reviews) {
            await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 50, messages: [{ role: 'user', content: review }] });
          }
        `,
        errors: [{ line: 4, column: 28, message: /^claude-haiku-4-5 is called once per loop item \(10,000 calls\/day assumed\): the Batch API would save \$0\.\d+\/call, \$[\d,.]+\/mo, with results within 24 h\.$/ }],
      },
      {
        name: 'a counting for loop over an array (TypeScript)',
        language: 'typescript',
        code: `
          import { generateText } from 'ai';
          for (let i = 0; i < docs.length; i++) {
            await generateText({ model: 'openai/gpt-4o', maxOutputTokens: 100, prompt: docs[i] });
          }
        `,
        errors: [{ line: 3, column: 9, message: /^openai\/gpt-4o is called once per loop item/ }],
      },
    ],
  });
});
