import { describe } from 'node:test';
import { expensiveModelForSimpleTask } from '../../../src/core/rules/expensive-model-for-simple-task';
import { ruleTester } from '../../support/rule-tester';

describe('expensive-model-for-simple-task', () => {
  ruleTester(expensiveModelForSimpleTask, {
    valid: [
      {
        name: 'a small model already',
        language: 'python',
        code: `
          from openai import OpenAI
          OpenAI().chat.completions.create(model="gpt-5-nano", max_completion_tokens=5, messages=[{"role": "system", "content": "Classify the ticket as billing, bug or other."}])
        `,
      },
      {
        name: 'a frontier model writing a long answer',
        language: 'python',
        code: `
          from openai import OpenAI
          OpenAI().chat.completions.create(model="gpt-6-astra", max_completion_tokens=2000, messages=[{"role": "system", "content": "Classify the risks in this contract and explain each one."}])
        `,
      },
      {
        name: 'no output limit: the output size is unknown',
        language: 'python',
        code: `
          import anthropic
          anthropic.Anthropic().messages.create(model="claude-opus-4-7", system="Extract the invoice date.", messages=msgs)
        `,
      },
      {
        name: 'not a simple task by its words',
        language: 'python',
        code: `
          import anthropic
          anthropic.Anthropic().messages.create(model="claude-opus-4-7", max_tokens=80, system="Write a haiku about the sea.", messages=msgs)
        `,
      },
      {
        name: 'tools make it an agent step',
        language: 'python',
        code: `
          from openai import OpenAI
          OpenAI().chat.completions.create(model="gpt-6-astra", max_completion_tokens=50, tools=TOOLS, messages=[{"role": "system", "content": "Classify the request, then call a tool."}])
        `,
      },
      {
        name: 'the model is not known from the code (TypeScript)',
        language: 'typescript',
        code: "import OpenAI from 'openai';\nexport const f = (model: string) => new OpenAI().chat.completions.create({ model, max_tokens: 5, messages: [{ role: 'system', content: 'Answer yes or no.' }] });",
      },
      {
        name: 'a mid-tier model (TypeScript)',
        language: 'typescript',
        code: "import { generateText } from 'ai';\ngenerateText({ model: 'openai/gpt-4o', maxOutputTokens: 10, system: 'What is the sentiment of the review? One word.', prompt: review });",
      },
      {
        name: 'a long static prompt is more than a simple task (TypeScript)',
        language: 'typescript',
        code: `import Anthropic from '@anthropic-ai/sdk';\nnew Anthropic().messages.create({ model: 'claude-opus-4-7', max_tokens: 20, system: 'Classify the claim. ${'Policy clause text that must be weighed carefully. '.repeat(60)}', messages });`,
      },
      {
        name: 'options spread in may carry tools (TypeScript)',
        language: 'typescript',
        code: "import OpenAI from 'openai';\nexport const f = (o: object) => new OpenAI().chat.completions.create({ model: 'gpt-6-astra', max_tokens: 5, messages: [{ role: 'system', content: 'Answer yes or no.' }], ...o });",
      },
    ],
    invalid: [
      {
        name: 'a one-word classification on gpt-6-astra',
        language: 'python',
        code: `
          from openai import OpenAI
          client = OpenAI()
          client.chat.completions.create(
              model="gpt-6-astra",
              max_completion_tokens=5,
              messages=[
                  {"role": "system", "content": "Classify the ticket as billing, bug or other. Reply with one word."},
                  {"role": "user", "content": ticket},
              ],
          )
        `,
        errors: [
          {
            line: 4,
            column: 11,
            message: /^Frontier model gpt-6-astra for a short classification task \(≤5 output tokens\): gpt-5-nano would cost \$0\.000012\/call instead of \$0\.00231, \$68\.94\/mo less\.$/,
          },
        ],
        output: `
          from openai import OpenAI
          client = OpenAI()
          client.chat.completions.create(
              model="gpt-5-nano",
              max_completion_tokens=5,
              messages=[
                  {"role": "system", "content": "Classify the ticket as billing, bug or other. Reply with one word."},
                  {"role": "user", "content": ticket},
              ],
          )
        `,
      },
      {
        name: 'extraction on Claude Opus',
        language: 'python',
        code: `
          import anthropic
          anthropic.Anthropic().messages.create(model="claude-opus-4-7", max_tokens=20, system="Extract the invoice date as YYYY-MM-DD.", messages=[{"role": "user", "content": email}])
        `,
        errors: [{ line: 2, column: 45, message: /^Frontier model claude-opus-4-7 for a short extraction task \(≤20 output tokens\): claude-3-haiku would cost \$0\.0000662\/call instead of \$0\.00133, \$37\.76\/mo less\.$/ }],
        output: `
          import anthropic
          anthropic.Anthropic().messages.create(model="claude-3-haiku", max_tokens=20, system="Extract the invoice date as YYYY-MM-DD.", messages=[{"role": "user", "content": email}])
        `,
      },
      {
        name: 'a model held in a constant is reported without a fix',
        language: 'python',
        code: `
          from openai import OpenAI
          MODEL = "gpt-5.5"
          OpenAI().chat.completions.create(model=MODEL, max_completion_tokens=3, messages=[{"role": "user", "content": f"Answer yes or no: is this spam? {text}"}])
        `,
        errors: [{ line: 3, column: 40, message: /^Frontier model gpt-5\.5 for a short yes\/no task \(≤3 output tokens\): gpt-5-nano would cost/ }],
        output: null,
      },
      {
        name: 'sentiment with the Vercel AI SDK keeps the provider prefix (TypeScript)',
        language: 'typescript',
        code: "import { generateText } from 'ai';\nawait generateText({ model: 'openai/gpt-5.6-sol', maxOutputTokens: 10, system: 'Give the sentiment of the review: positive, negative or neutral.', prompt: review });",
        errors: [{ line: 2, column: 29, message: /^Frontier model openai\/gpt-5\.6-sol for a short sentiment task \(≤10 output tokens\): gpt-5-nano would cost \$0\.\d+\/call instead of \$0\.\d+, \$[\d.]+\/mo less\.$/ }],
        output: "import { generateText } from 'ai';\nawait generateText({ model: 'openai/gpt-5-nano', maxOutputTokens: 10, system: 'Give the sentiment of the review: positive, negative or neutral.', prompt: review });",
      },
      {
        name: 'which of the following, on Anthropic (TypeScript)',
        language: 'typescript',
        code: `
          import Anthropic from '@anthropic-ai/sdk';
          const anthropic = new Anthropic();
          await anthropic.messages.create({
            model: 'claude-opus-5',
            max_tokens: 50,
            messages: [{ role: 'user', content: \`Which of the following teams should own this ticket: \${teams}?\\n\\n\${ticket}\` }],
          });
        `,
        errors: [{ line: 4, column: 10, message: /^Frontier model claude-opus-5 for a short classification task \(≤50 output tokens\): claude-3-haiku would cost/ }],
        output: `
          import Anthropic from '@anthropic-ai/sdk';
          const anthropic = new Anthropic();
          await anthropic.messages.create({
            model: 'claude-3-haiku',
            max_tokens: 50,
            messages: [{ role: 'user', content: \`Which of the following teams should own this ticket: \${teams}?\\n\\n\${ticket}\` }],
          });
        `,
      },
      {
        name: 'a spam label in a template prompt (TypeScript)',
        language: 'typescript',
        code: `
          import { generateText } from 'ai';
          await generateText({ model: 'openai/gpt-6-astra', maxOutputTokens: 4, prompt: \`Label this email as spam or ham, one word: \${email}\` });
        `,
        errors: [{ line: 2, column: 29, message: /^Frontier model openai\/gpt-6-astra for a short classification task \(≤4 output tokens\)/ }],
        output: `
          import { generateText } from 'ai';
          await generateText({ model: 'openai/gpt-5-nano', maxOutputTokens: 4, prompt: \`Label this email as spam or ham, one word: \${email}\` });
        `,
      },
    ],
  });
});
