import { describe } from 'node:test';
import { missingCacheControl } from '../../../src/core/rules/missing-cache-control';
import { supportPolicy } from '../../support/prompts';
import { ruleTester } from '../../support/rule-tester';


const POLICY = supportPolicy(60);

describe('missing-cache-control', () => {
  ruleTester(missingCacheControl, {
    valid: [
      {
        name: 'the system block carries a breakpoint (Python)',
        language: 'python',
        code: `
          import anthropic
          client = anthropic.Anthropic()
          def reply(question):
              return client.messages.create(
                  model="claude-sonnet-4-5",
                  max_tokens=1024,
                  system=[{"type": "text", "text": """${POLICY}""", "cache_control": {"type": "ephemeral"}}],
                  messages=[{"role": "user", "content": question}],
              )
        `,
      },
      {
        name: 'top-level automatic caching (Python)',
        language: 'python',
        code: `
          import anthropic
          client = anthropic.Anthropic()
          def reply(history):
              return client.messages.create(
                  model="claude-sonnet-4-5",
                  max_tokens=1024,
                  cache_control={"type": "ephemeral"},
                  system="""${POLICY}""",
                  messages=history,
              )
        `,
      },
      {
        name: 'below the model minimum: Haiku 4.5 caches from 4,096 tokens (Python)',
        language: 'python',
        code: `
          import anthropic
          client = anthropic.Anthropic()
          def reply(question):
              return client.messages.create(
                  model="claude-haiku-4-5",
                  max_tokens=1024,
                  system="""${POLICY}""",
                  messages=[{"role": "user", "content": question}],
              )
        `,
      },
      {
        name: 'unknown model (Python)',
        language: 'python',
        code: `
          import anthropic
          client = anthropic.Anthropic()
          def reply(model, question):
              return client.messages.create(
                  model=model,
                  max_tokens=1024,
                  system="""${POLICY}""",
                  messages=[{"role": "user", "content": question}],
              )
        `,
      },
      {
        name: 'kwargs could carry the breakpoint (Python)',
        language: 'python',
        code: `
          import anthropic
          client = anthropic.Anthropic()
          def reply(question, **options):
              return client.messages.create(
                  model="claude-sonnet-4-5",
                  max_tokens=1024,
                  system="""${POLICY}""",
                  messages=[{"role": "user", "content": question}],
                  **options,
              )
        `,
      },
      {
        name: 'OpenAI caches by itself (Python)',
        language: 'python',
        code: `
          from openai import OpenAI
          def reply(question):
              return OpenAI().chat.completions.create(
                  model="gpt-4o",
                  messages=[{"role": "system", "content": """${POLICY}"""}, {"role": "user", "content": question}],
              )
        `,
      },
      {
        name: 'tools held in a variable may carry the breakpoint (TypeScript)',
        language: 'typescript',
        code: `
          import Anthropic from '@anthropic-ai/sdk';
          import { TOOLS } from './tools';
          const anthropic = new Anthropic();
          export const reply = (question: string) =>
            anthropic.messages.create({
              model: 'claude-sonnet-4-5',
              max_tokens: 1024,
              tools: TOOLS,
              system: \`${POLICY}\`,
              messages: [{ role: 'user', content: question }],
            });
        `,
      },
      {
        name: 'a breakpoint on the last tool (TypeScript)',
        language: 'typescript',
        code: `
          import Anthropic from '@anthropic-ai/sdk';
          const anthropic = new Anthropic();
          export const reply = (question: string) =>
            anthropic.messages.create({
              model: 'claude-sonnet-4-5',
              max_tokens: 1024,
              tools: [{ name: 'lookup_order', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral' } }],
              system: \`${POLICY}\`,
              messages: [{ role: 'user', content: question }],
            });
        `,
      },
      {
        name: 'the prefix stops early: the first line is dynamic (TypeScript)',
        language: 'typescript',
        code: `
          import Anthropic from '@anthropic-ai/sdk';
          const anthropic = new Anthropic();
          export const reply = (name: string, question: string) =>
            anthropic.messages.create({
              model: 'claude-sonnet-4-5',
              max_tokens: 1024,
              system: \`Customer: \${name}
          ${POLICY}\`,
              messages: [{ role: 'user', content: question }],
            });
        `,
      },
    ],
    invalid: [
      {
        name: 'static system string: becomes a cached text block',
        language: 'python',
        code: `
          import anthropic
          client = anthropic.Anthropic()
          def reply(question):
              return client.messages.create(
                  model="claude-sonnet-4-5",
                  max_tokens=1024,
                  system="""${POLICY}""",
                  messages=[{"role": "user", "content": question}],
              )
        `,
        errors: [
          {
            line: 4,
            column: 28,
            message: /^1,3\d\d static prefix tokens sent without cache_control: reading them from the cache saves \$0\.003\d*\/call \(\$1\d\d\.\d\d\/mo\); the first call after 5 idle minutes writes the cache at 25% over input\.$/,
          },
        ],
        output: `
          import anthropic
          client = anthropic.Anthropic()
          def reply(question):
              return client.messages.create(
                  model="claude-sonnet-4-5",
                  max_tokens=1024,
                  system=[{"type": "text", "text": """${POLICY}""", "cache_control": {"type": "ephemeral"}}],
                  messages=[{"role": "user", "content": question}],
              )
        `,
      },
      {
        name: 'a constant in single quotes keeps the quote style, through the Bedrock client',
        language: 'python',
        code: `
          from anthropic import AnthropicBedrock
          POLICY = '''${POLICY}'''
          client = AnthropicBedrock()
          def reply(question):
              return client.messages.create(model='us.anthropic.claude-sonnet-4-5-20250929-v1:0', max_tokens=1024, system=POLICY, messages=[{'role': 'user', 'content': question}])
        `,
        errors: [{ line: 64, column: 28, message: /^1,3\d\d static prefix tokens sent without cache_control/ }],
        output: `
          from anthropic import AnthropicBedrock
          POLICY = '''${POLICY}'''
          client = AnthropicBedrock()
          def reply(question):
              return client.messages.create(model='us.anthropic.claude-sonnet-4-5-20250929-v1:0', max_tokens=1024, system=[{'type': 'text', 'text': POLICY, 'cache_control': {'type': 'ephemeral'}}], messages=[{'role': 'user', 'content': question}])
        `,
      },
      {
        name: 'LiteLLM with an anthropic/ model: reported, no fix',
        language: 'python',
        code: `
          import litellm
          def reply(question):
              return litellm.completion(
                  model="anthropic/claude-sonnet-4-5",
                  max_tokens=500,
                  messages=[{"role": "system", "content": """${POLICY}"""}, {"role": "user", "content": question}],
              )
        `,
        errors: [{ line: 3, column: 20, message: /^1,3\d\d static prefix tokens sent without cache_control/ }],
        output: null,
      },
      {
        name: 'a system block list without breakpoint: reported, no fix',
        language: 'python',
        code: `
          import anthropic
          def reply(question):
              return anthropic.Anthropic().messages.create(
                  model="claude-sonnet-4-5",
                  max_tokens=1024,
                  system=[{"type": "text", "text": """${POLICY}"""}],
                  messages=[{"role": "user", "content": question}],
              )
        `,
        errors: [{ line: 3, column: 43, message: /static prefix tokens sent without cache_control/ }],
        output: null,
      },
      {
        name: 'a system constant in TypeScript',
        language: 'typescript',
        code: `
          import Anthropic from '@anthropic-ai/sdk';
          const SYSTEM = \`${POLICY}\`;
          const anthropic = new Anthropic();
          export const reply = (question: string) =>
            anthropic.messages.create({
              model: 'claude-sonnet-4-5',
              max_tokens: 1024,
              system: SYSTEM,
              messages: [{ role: 'user', content: question }],
            });
        `,
        errors: [{ line: 64, column: 22, message: /^1,3\d\d static prefix tokens sent without cache_control: reading them from the cache saves/ }],
        output: `
          import Anthropic from '@anthropic-ai/sdk';
          const SYSTEM = \`${POLICY}\`;
          const anthropic = new Anthropic();
          export const reply = (question: string) =>
            anthropic.messages.create({
              model: 'claude-sonnet-4-5',
              max_tokens: 1024,
              system: [{ type: 'text', text: SYSTEM, cache_control: { type: 'ephemeral' } }],
              messages: [{ role: 'user', content: question }],
            });
        `,
      },
      {
        name: 'a fully static request gets top-level automatic caching',
        language: 'typescript',
        code: `
          import Anthropic from '@anthropic-ai/sdk';
          const anthropic = new Anthropic();
          export const weeklyDigest = () =>
            anthropic.messages.create({
              model: 'claude-sonnet-4-5',
              max_tokens: 1024,
              messages: [{ role: 'user', content: \`Summarize these rules for the support team:
          ${POLICY}\` }],
            });
        `,
        errors: [{ line: 4, column: 22, message: /^1,3\d\d static prefix tokens sent without cache_control/ }],
        output: `
          import Anthropic from '@anthropic-ai/sdk';
          const anthropic = new Anthropic();
          export const weeklyDigest = () =>
            anthropic.messages.create({
              model: 'claude-sonnet-4-5',
              max_tokens: 1024,
              messages: [{ role: 'user', content: \`Summarize these rules for the support team:
          ${POLICY}\` }],
              cache_control: { type: 'ephemeral' },
            });
        `,
      },
    ],
  });
});
