import { describe } from 'node:test';
import { cacheUnfriendlyOrder } from '../../../src/core/rules/cache-unfriendly-order';
import { supportPolicy } from '../../support/prompts';
import { ruleTester } from '../../support/rule-tester';


const POLICY = supportPolicy(60);
const SHORT_POLICY = supportPolicy(10);

describe('cache-unfriendly-order', () => {
  ruleTester(cacheUnfriendlyOrder, {
    valid: [
      {
        name: 'static instructions first, the question last (Python)',
        language: 'python',
        code: `
          from openai import OpenAI
          client = OpenAI()
          def answer(question):
              return client.chat.completions.create(
                  model="gpt-4o",
                  messages=[
                      {"role": "system", "content": """${POLICY}"""},
                      {"role": "user", "content": f"Question: {question}"},
                  ],
                  max_completion_tokens=300,
              )
        `,
      },
      {
        name: 'static text after the timestamp is below the minimum (Python)',
        language: 'python',
        code: `
          from datetime import datetime
          from openai import OpenAI
          client = OpenAI()
          def answer(question):
              return client.chat.completions.create(
                  model="gpt-4o",
                  messages=[
                      {"role": "system", "content": f"""Now: {datetime.now()}
          ${SHORT_POLICY}
          """},
                      {"role": "user", "content": question},
                  ],
              )
        `,
      },
      {
        name: 'unknown model: the minimum is not known (Python)',
        language: 'python',
        code: `
          from datetime import datetime
          from openai import OpenAI
          client = OpenAI()
          def answer(model, question):
              return client.chat.completions.create(
                  model=model,
                  messages=[
                      {"role": "system", "content": f"""Now: {datetime.now()}
          ${POLICY}
          """},
                      {"role": "user", "content": question},
                  ],
              )
        `,
      },
      {
        name: 'prompts not visible (Python)',
        language: 'python',
        code: `
          from openai import OpenAI
          def answer(messages):
              return OpenAI().chat.completions.create(model="gpt-4o", messages=messages)
        `,
      },
      {
        name: 'an interpolated constant is taken for static text (Python)',
        language: 'python',
        code: `
          from openai import OpenAI
          HEADER = "Acme support."
          def answer(question):
              return OpenAI().chat.completions.create(
                  model="gpt-4o",
                  messages=[
                      {"role": "system", "content": f"""{HEADER}
          ${POLICY}
          """},
                      {"role": "user", "content": question},
                  ],
              )
        `,
      },
      {
        name: 'a model with no prompt cache (Groq) (Python)',
        language: 'python',
        code: `
          from datetime import datetime
          from groq import Groq
          def answer(question):
              return Groq().chat.completions.create(
                  model="llama-3.3-70b-versatile",
                  messages=[
                      {"role": "system", "content": f"""Now: {datetime.now()}
          ${POLICY}
          """},
                      {"role": "user", "content": question},
                  ],
              )
        `,
      },
      {
        name: 'static system prompt first (Vercel AI SDK)',
        language: 'typescript',
        code: `
          import { generateText } from 'ai';
          import { openai } from '@ai-sdk/openai';
          export const reply = (question: string) =>
            generateText({
              model: openai('gpt-4o'),
              system: \`${POLICY}\`,
              prompt: \`Question: \${question}\`,
            });
        `,
      },
      {
        name: 'unresolved model (TypeScript)',
        language: 'typescript',
        code: `
          import OpenAI from 'openai';
          const client = new OpenAI();
          export const reply = (model: string, question: string) =>
            client.responses.create({
              model,
              instructions: \`Now: \${Date.now()}
          ${POLICY}\`,
              input: question,
            });
        `,
      },
      {
        name: 'below the minimum (TypeScript)',
        language: 'typescript',
        code: `
          import OpenAI from 'openai';
          const client = new OpenAI();
          export const reply = (question: string) =>
            client.responses.create({
              model: 'gpt-5.6',
              instructions: \`Now: \${Date.now()}
          ${SHORT_POLICY}\`,
              input: question,
            });
        `,
      },
    ],
    invalid: [
      {
        name: 'timestamp on the first line of an OpenAI system f-string',
        language: 'python',
        code: `
          from datetime import datetime
          from openai import OpenAI
          client = OpenAI()
          def answer(question):
              return client.chat.completions.create(
                  model="gpt-4o",
                  messages=[
                      {"role": "system", "content": f"""Today is {datetime.now():%Y-%m-%d}.
          ${POLICY}
          """},
                      {"role": "user", "content": question},
                  ],
                  max_completion_tokens=300,
              )
        `,
        errors: [
          {
            line: 5,
            column: 36,
            message: /^Dynamic \{datetime\.now\(\)\} comes before 1,14\d static tokens: nothing after it can be cached\. Moving it after that text saves \$0\.0014\d*\/call \(\$4\d\.\d\d\/mo\)\.$/,
          },
        ],
        output: `
          from datetime import datetime
          from openai import OpenAI
          client = OpenAI()
          def answer(question):
              return client.chat.completions.create(
                  model="gpt-4o",
                  messages=[
                      {"role": "system", "content": f"""${POLICY}
          Today is {datetime.now():%Y-%m-%d}.
          """},
                      {"role": "user", "content": question},
                  ],
                  max_completion_tokens=300,
              )
        `,
      },
      {
        name: 'names on an Anthropic system line; the saving needs a breakpoint too',
        language: 'python',
        code: `
          import anthropic
          client = anthropic.Anthropic()
          def reply(user, question):
              return client.messages.create(
                  model="claude-sonnet-4-5",
                  max_tokens=1024,
                  system=f"""Customer: {user.name} ({user.plan} plan)
          ${POLICY}""",
                  messages=[{"role": "user", "content": question}],
              )
        `,
        errors: [
          {
            line: 4,
            column: 28,
            message: /^Dynamic \{user\.name\} and \{user\.plan\} come before 1,3\d\d static tokens: nothing after them can be cached\. Moving them after that text \(with a cache_control breakpoint\) saves \$0\.00\d+\/call/,
          },
        ],
        output: `
          import anthropic
          client = anthropic.Anthropic()
          def reply(user, question):
              return client.messages.create(
                  model="claude-sonnet-4-5",
                  max_tokens=1024,
                  system=f"""${POLICY}
          Customer: {user.name} ({user.plan} plan)""",
                  messages=[{"role": "user", "content": question}],
              )
        `,
      },
      {
        name: 'slots spread over concatenated strings: reported, no fix',
        language: 'python',
        code: `
          from datetime import datetime
          from openai import OpenAI
          client = OpenAI()
          def draft(ticket, agent_name):
              system_prompt = (
                  f"Current time: {datetime.now():%H:%M}. "
                  f"You write for {agent_name}.\\n\\n"
                  + """${POLICY}"""
              )
              return client.chat.completions.create(
                  model="gpt-4.1-mini",
                  messages=[{"role": "system", "content": system_prompt}, {"role": "user", "content": ticket}],
              )
        `,
        errors: [{ line: 69, column: 36, message: /^Dynamic \{datetime\.now\(\)\} and \{agent_name\} come before 1,1\d\d static tokens/ }],
        output: null,
      },
      {
        name: 'request id and time on the first line of Responses instructions',
        language: 'typescript',
        code: `
          import OpenAI from 'openai';
          const client = new OpenAI();
          export async function reply(question: string, requestId: string) {
            return client.responses.create({
              model: 'gpt-5.6',
              max_output_tokens: 500,
              instructions: \`Request \${requestId} at \${new Date().toISOString()}.
          ${POLICY}
          \`,
              input: question,
            });
          }
        `,
        errors: [
          {
            line: 4,
            column: 27,
            message: /^Dynamic \{requestId\} and \{new Date\(\)\.toISOString\(\)\} come before 1,14\d static tokens: nothing after them can be cached\. Moving them after that text saves \$0\.002\d*\/call \(\$6\d\.\d\d\/mo\)\.$/,
          },
        ],
        output: `
          import OpenAI from 'openai';
          const client = new OpenAI();
          export async function reply(question: string, requestId: string) {
            return client.responses.create({
              model: 'gpt-5.6',
              max_output_tokens: 500,
              instructions: \`${POLICY}
          Request \${requestId} at \${new Date().toISOString()}.
          \`,
              input: question,
            });
          }
        `,
      },
      {
        name: 'the question before long answer rules in the same user message (Anthropic TypeScript)',
        language: 'typescript',
        code: `
          import Anthropic from '@anthropic-ai/sdk';
          const anthropic = new Anthropic();
          export const ask = (question: string) =>
            anthropic.messages.create({
              model: 'claude-opus-4-8',
              max_tokens: 800,
              messages: [{ role: 'user', content: \`Question: \${question}\\nAnswer by these rules:\\n${POLICY.replaceAll(`\n${' '.repeat(10)}`, '\\n')}\` }],
            });
        `,
        errors: [{ line: 4, column: 22, message: /^Dynamic \{question\} comes before 1,\d{3} static tokens: .* \(with a cache_control breakpoint\) saves \$0\.00\d+\/call/ }],
        output: `
          import Anthropic from '@anthropic-ai/sdk';
          const anthropic = new Anthropic();
          export const ask = (question: string) =>
            anthropic.messages.create({
              model: 'claude-opus-4-8',
              max_tokens: 800,
              messages: [{ role: 'user', content: \`Answer by these rules:\\n${POLICY.replaceAll(`\n${' '.repeat(10)}`, '\\n')}\\nQuestion: \${question}\` }],
            });
        `,
      },
      {
        name: 'a date in a Vercel AI SDK system prompt',
        language: 'typescript',
        code: `
          import { generateText } from 'ai';
          import { openai } from '@ai-sdk/openai';
          export const reply = (question: string) =>
            generateText({
              model: openai('gpt-4.1'),
              system: \`
                Today is \${new Date().toDateString()}.
          ${POLICY}
              \`,
              prompt: question,
            });
        `,
        errors: [{ line: 4, column: 3, message: /^Dynamic \{new Date\(\)\.toDateString\(\)\} comes before 1,14\d static tokens: nothing after it can be cached\. Moving it after that text saves/ }],
        output: `
          import { generateText } from 'ai';
          import { openai } from '@ai-sdk/openai';
          export const reply = (question: string) =>
            generateText({
              model: openai('gpt-4.1'),
              system: \`
          ${POLICY}
                Today is \${new Date().toDateString()}.
              \`,
              prompt: question,
            });
        `,
      },
    ],
  });
});
