import { describe } from 'node:test';
import { cacheBreakpointOnDynamic } from '../../../src/core/rules/cache-breakpoint-on-dynamic';
import { supportPolicy } from '../../support/prompts';
import { ruleTester } from '../../support/rule-tester';


const POLICY = supportPolicy(60);

describe('cache-breakpoint-on-dynamic', () => {
  ruleTester(cacheBreakpointOnDynamic, {
    valid: [
      {
        name: 'breakpoint on the static policy, the time after it (Python)',
        language: 'python',
        code: `
          import anthropic
          from datetime import datetime
          client = anthropic.Anthropic()
          def reply(question):
              return client.messages.create(
                  model="claude-sonnet-4-5",
                  max_tokens=1024,
                  system=[
                      {"type": "text", "text": """${POLICY}""", "cache_control": {"type": "ephemeral"}},
                      {"type": "text", "text": f"Current time: {datetime.now()}"},
                  ],
                  messages=[{"role": "user", "content": question}],
              )
        `,
      },
      {
        name: 'a document cached for several questions: the message holds two blocks (Python)',
        language: 'python',
        code: `
          import anthropic
          client = anthropic.Anthropic()
          def ask(document, question):
              return client.messages.create(
                  model="claude-sonnet-4-5",
                  max_tokens=1024,
                  messages=[
                      {
                          "role": "user",
                          "content": [
                              {"type": "text", "text": document, "cache_control": {"type": "ephemeral"}},
                              {"type": "text", "text": question},
                          ],
                      }
                  ],
              )
        `,
      },
      {
        name: 'the newest turn of a conversation: next call, it is cached history (Python)',
        language: 'python',
        code: `
          import anthropic
          from datetime import datetime
          client = anthropic.Anthropic()
          def chat(history, text):
              return client.messages.create(
                  model="claude-sonnet-4-5",
                  max_tokens=1024,
                  messages=[
                      *history,
                      {"role": "user", "content": [{"type": "text", "text": f"{text} (sent {datetime.now():%H:%M})", "cache_control": {"type": "ephemeral"}}]},
                  ],
              )
        `,
      },
      {
        name: 'four breakpoints with top-level caching is the limit, not over it (Python)',
        language: 'python',
        code: `
          import anthropic
          client = anthropic.Anthropic()
          def reply(history):
              return client.messages.create(
                  model="claude-sonnet-4-5",
                  max_tokens=1024,
                  cache_control={"type": "ephemeral"},
                  system=[
                      {"type": "text", "text": "Part one.", "cache_control": {"type": "ephemeral"}},
                      {"type": "text", "text": "Part two.", "cache_control": {"type": "ephemeral"}},
                      {"type": "text", "text": "Part three.", "cache_control": {"type": "ephemeral"}},
                  ],
                  messages=history,
              )
        `,
      },
      {
        name: 'Bedrock cachePoint after the static block (Python)',
        language: 'python',
        code: `
          import boto3
          from datetime import date
          bedrock = boto3.client("bedrock-runtime")
          def reply(question):
              return bedrock.converse(
                  modelId="anthropic.claude-sonnet-4-5-20250929-v1:0",
                  system=[{"text": """${POLICY}"""}, {"cachePoint": {"type": "default"}}, {"text": f"Today: {date.today()}"}],
                  messages=[{"role": "user", "content": [{"text": question}]}],
                  inferenceConfig={"maxTokens": 512},
              )
        `,
      },
      {
        name: 'breakpoint on the static system block (TypeScript)',
        language: 'typescript',
        code: `
          import Anthropic from '@anthropic-ai/sdk';
          const anthropic = new Anthropic();
          export const reply = (question: string) =>
            anthropic.messages.create({
              model: 'claude-sonnet-4-5',
              max_tokens: 1024,
              system: [
                { type: 'text', text: \`${POLICY}\`, cache_control: { type: 'ephemeral' } },
                { type: 'text', text: \`Now: \${new Date().toISOString()}\` },
              ],
              messages: [{ role: 'user', content: question }],
            });
        `,
      },
      {
        name: 'conversation history spread in front of the marked turn (TypeScript)',
        language: 'typescript',
        code: `
          import Anthropic from '@anthropic-ai/sdk';
          import type { MessageParam } from '@anthropic-ai/sdk/resources';
          const anthropic = new Anthropic();
          export const chat = (history: MessageParam[], text: string) =>
            anthropic.messages.create({
              model: 'claude-sonnet-4-5',
              max_tokens: 1024,
              messages: [...history, { role: 'user', content: [{ type: 'text', text, cache_control: { type: 'ephemeral' } }] }],
            });
        `,
      },
      {
        name: 'an interpolated constant in the marked block (TypeScript)',
        language: 'typescript',
        code: `
          import Anthropic from '@anthropic-ai/sdk';
          import { POLICY_TEXT } from './policy';
          const anthropic = new Anthropic();
          export const digest = () =>
            anthropic.messages.create({
              model: 'claude-sonnet-4-5',
              max_tokens: 1024,
              messages: [{ role: 'user', content: [{ type: 'text', text: \`\${POLICY_TEXT}\`, cache_control: { type: 'ephemeral' } }] }],
            });
        `,
      },
    ],
    invalid: [
      {
        name: 'breakpoint on the block with the current time',
        language: 'python',
        code: `
          import anthropic
          from datetime import datetime
          client = anthropic.Anthropic()
          def reply(question):
              return client.messages.create(
                  model="claude-sonnet-4-5",
                  max_tokens=1024,
                  system=[
                      {"type": "text", "text": """${POLICY}"""},
                      {"type": "text", "text": f"Current time: {datetime.now()}", "cache_control": {"type": "ephemeral"}},
                  ],
                  messages=[{"role": "user", "content": question}],
              )
        `,
        errors: [
          {
            line: 69,
            column: 13,
            message:
              /^Cache breakpoint on a block holding \{datetime\.now\(\)\}, which changes on every call: every request pays a fresh cache write \(\+\$0\.001\d*\/call, \+\$\d\d\.\d\d\/mo\) and never gets a read\. Move the breakpoint to the last block that stays identical\.$/,
          },
        ],
        output: null,
      },
      {
        name: 'Bedrock cachePoint right after the date block',
        language: 'python',
        code: `
          import boto3
          from datetime import date
          bedrock = boto3.client("bedrock-runtime")
          def reply(question):
              return bedrock.converse(
                  modelId="anthropic.claude-sonnet-4-5-20250929-v1:0",
                  system=[{"text": "You are the Acme support assistant."}, {"text": f"Today: {date.today()}"}, {"cachePoint": {"type": "default"}}],
                  messages=[{"role": "user", "content": [{"text": question}]}],
                  inferenceConfig={"maxTokens": 512},
              )
        `,
        errors: [{ line: 7, column: 102, message: /^Cache breakpoint on a block holding \{date\.today\(\)\}, which changes on every call/ }],
      },
      {
        name: 'the question of a single-turn request marked for caching',
        language: 'python',
        code: `
          import anthropic
          client = anthropic.Anthropic()
          def reply(question):
              return client.messages.create(
                  model="claude-sonnet-4-5",
                  max_tokens=1024,
                  system="You are the Acme support assistant.",
                  messages=[{"role": "user", "content": [{"type": "text", "text": question, "cache_control": {"type": "ephemeral"}}]}],
              )
        `,
        errors: [
          {
            line: 8,
            column: 19,
            message: /^Cache breakpoint on the last block, which holds \{question\}: only an identical request can read it, so each call pays a fresh cache write \(\+\$0\.000\d+\/call, \+\$\d+\.\d\d\/mo\)\. Move the breakpoint/,
          },
        ],
      },
      {
        name: 'five breakpoints counting top-level caching',
        language: 'python',
        code: `
          import anthropic
          client = anthropic.Anthropic()
          def reply(history):
              return client.messages.create(
                  model="claude-sonnet-4-5",
                  max_tokens=1024,
                  cache_control={"type": "ephemeral"},
                  system=[
                      {"type": "text", "text": "Part one.", "cache_control": {"type": "ephemeral"}},
                      {"type": "text", "text": "Part two.", "cache_control": {"type": "ephemeral"}},
                      {"type": "text", "text": "Part three.", "cache_control": {"type": "ephemeral"}},
                      {"type": "text", "text": "Part four.", "cache_control": {"type": "ephemeral"}},
                  ],
                  messages=history,
              )
        `,
        errors: [{ line: 4, column: 28, message: /^5 cache breakpoints \(top-level cache_control takes one\): Anthropic allows 4 and rejects the request\./ }],
        output: null,
      },
      {
        name: 'unknown model: the mistake is still certain, the price is left out',
        language: 'python',
        code: `
          import anthropic, uuid
          def reply(model, question):
              return anthropic.Anthropic().messages.create(
                  model=model,
                  max_tokens=1024,
                  system=[{"type": "text", "text": f"Trace {uuid.uuid4()}", "cache_control": {"type": "ephemeral"}}],
                  messages=[{"role": "user", "content": question}],
              )
        `,
        errors: [{ line: 6, column: 17, message: /^Cache breakpoint on a block holding \{uuid\.uuid4\(\)\}, which changes on every call: every request pays a fresh cache write and never gets a read\./ }],
      },
      {
        name: 'breakpoint on a timestamp block (TypeScript)',
        language: 'typescript',
        code: `
          import Anthropic from '@anthropic-ai/sdk';
          const anthropic = new Anthropic();
          export const reply = (question: string) =>
            anthropic.messages.create({
              model: 'claude-sonnet-4-5',
              max_tokens: 1024,
              system: [
                { type: 'text', text: \`${POLICY}\` },
                { type: 'text', text: \`Now: \${new Date().toISOString()}\`, cache_control: { type: 'ephemeral' } },
              ],
              messages: [{ role: 'user', content: question }],
            });
        `,
        errors: [{ line: 68, column: 7, message: /^Cache breakpoint on a block holding \{new Date\(\)\.toISOString\(\)\}, which changes on every call: every request pays a fresh cache write \(\+\$0\.001\d*\/call/ }],
        output: null,
      },
      {
        name: 'an OpenAI explicit breakpoint on a request id (TypeScript)',
        language: 'typescript',
        code: `
          import OpenAI from 'openai';
          const client = new OpenAI();
          export const reply = (question: string, requestId: string) =>
            client.responses.create({
              model: 'gpt-5.6',
              max_output_tokens: 400,
              input: [
                { role: 'user', content: [{ type: 'input_text', text: \`[\${requestId}] \${question}\`, prompt_cache_breakpoint: { mode: 'explicit' } }] },
              ],
            });
        `,
        errors: [{ line: 8, column: 7, message: /^Cache breakpoint on a block holding \{requestId\}, which changes on every call: every request pays a fresh cache write \(\+\$0\.0002\d*\/call/ }],
      },
      {
        name: 'five marked system blocks (TypeScript)',
        language: 'typescript',
        code: `
          import Anthropic from '@anthropic-ai/sdk';
          const anthropic = new Anthropic();
          const cached = { type: 'ephemeral' } as const;
          export const reply = (question: string) =>
            anthropic.messages.create({
              model: 'claude-opus-4-8',
              max_tokens: 1024,
              system: [
                { type: 'text', text: 'Tone.', cache_control: cached },
                { type: 'text', text: 'Products.', cache_control: cached },
                { type: 'text', text: 'Refunds.', cache_control: cached },
                { type: 'text', text: 'Shipping.', cache_control: cached },
                { type: 'text', text: 'Escalation.', cache_control: cached },
              ],
              messages: [{ role: 'user', content: question }],
            });
        `,
        errors: [{ line: 5, column: 22, message: /^5 cache breakpoints: Anthropic allows 4 and rejects the request\./ }],
      },
    ],
  });
});
