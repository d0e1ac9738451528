import { describe } from 'node:test';
import { compressiblePrompt } from '../../../src/core/rules/compressible-prompt';
import { ruleTester } from '../../support/rule-tester';

/** About 400 tokens of distinct, tight instructions: one filler word in it is far below 15%. */
const TIGHT_CHECKLIST = Array.from({ length: 40 }, (_, i) => `Check ${i + 1} covers invoice field number ${i + 1} exactly.`).join('\\n');

describe('compressible-prompt', () => {
  ruleTester(compressiblePrompt, {
    valid: [
      {
        name: 'a tight prompt (Python)',
        language: 'python',
        code: `
          from openai import OpenAI
          OpenAI().chat.completions.create(model="gpt-4o", max_tokens=50, messages=[
              {"role": "system", "content": "Classify the ticket as billing, bug or other."},
              {"role": "user", "content": ticket},
          ])
        `,
      },
      {
        name: 'a wasteful but short prompt saves under 50 tokens (Python)',
        language: 'python',
        code: `
          import anthropic
          anthropic.Anthropic().messages.create(model="claude-haiku-4-5", max_tokens=100, messages=msgs,
              system="""
                  Please be brief.   Please be brief.
              """)
        `,
      },
      {
        name: 'one filler word in a long prompt is under 15% (Python)',
        language: 'python',
        code: `
          from openai import OpenAI
          RULES = "Please follow the checklist.\\n${TIGHT_CHECKLIST}"
          OpenAI().chat.completions.create(model="gpt-4o", max_tokens=50, messages=[{"role": "system", "content": RULES}])
        `,
      },
      {
        name: 'spacing inside a fenced code block is not waste (Python)',
        language: 'python',
        code: `
          from openai import OpenAI
          PROMPT = """Fix the code.
          \`\`\`python
          def   f( a ,   b ):
              # Please  please  please  please  please  please  please  please  please  please  please  please
              # Please  please  please  please  please  please  please  please  please  please  please  please
              return   a  +   b
          \`\`\`"""
          OpenAI().chat.completions.create(model="gpt-4o", max_tokens=50, messages=[{"role": "user", "content": PROMPT}])
        `,
      },
      {
        name: 'embedding inputs are not prompts',
        language: 'python',
        code: `
          import openai
          openai.OpenAI().embeddings.create(model="text-embedding-3-small", input="""
                  Please embed this.      Please embed this.      Please embed this.      Please embed this.
                  Please embed this.      Please embed this.      Please embed this.      Please embed this.
          """)
        `,
      },
      {
        name: 'a tight prompt (TypeScript)',
        language: 'typescript',
        code: "import { generateText } from 'ai';\ngenerateText({ model: 'openai/gpt-4o', maxOutputTokens: 50, system: 'Answer in one sentence.', prompt: question });",
      },
      {
        name: 'a wasteful but short prompt (TypeScript)',
        language: 'typescript',
        code: "import OpenAI from 'openai';\nnew OpenAI().chat.completions.create({ model: 'gpt-4o', max_tokens: 50, messages: [{ role: 'system', content: 'Please   be  brief.\\n\\n\\n\\nPlease be brief.' }] });",
      },
      {
        name: 'suppressed on the call (TypeScript)',
        language: 'typescript',
        code: `
          import OpenAI from 'openai';
          const SYSTEM = \`
                  Please answer the question politely and accurately and with care.
                  Please answer the question politely and accurately and with care.
                  Please answer the question politely and accurately and with care.
                  Please answer the question politely and accurately and with care.
                  Please answer the question politely and accurately and with care.
          \`;
          // promptmeter-ignore-next-line compressible-prompt
          new OpenAI().chat.completions.create({ model: 'gpt-4o', max_tokens: 50, messages: [{ role: 'system', content: SYSTEM }] });
        `,
      },
    ],
    invalid: [
      {
        name: 'an indented triple-quoted constant with filler and repeats: the fix rewrites its definition',
        language: 'python',
        code: `
          from openai import OpenAI

          client = OpenAI()
          SYSTEM = """
                  You are a customer support assistant for ACME Corporation.
                  Please answer the customer's question politely and accurately.
                  It is important that you never share internal notes with the customer.
                  Make sure to answer in the same language as the customer.



                  I would like you to keep every answer under one hundred words.
                  Please answer the customer's question politely and accurately.
                  You should always end with a short summary of the next steps.
                  It is important that you never share internal notes with the customer.
                  Make sure to answer in the same language as the customer.
                  Please make sure to check the order status before you promise a refund.
                  You should always end with a short summary of the next steps.
          """

          def reply(question):
              return client.chat.completions.create(
                  model="gpt-4o",
                  messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}],
                  max_tokens=300,
              )
        `,
        errors: [
          {
            line: 24,
            column: 19,
            message: /^System prompt compresses by 51% \(filler phrases, repeated sentences, whitespace\): ≈73 fewer tokens, \$0\.000182\/call, \$5\.47\/mo\.$/,
          },
        ],
        output: `
          from openai import OpenAI

          client = OpenAI()
          SYSTEM = """You are a customer support assistant for ACME Corporation.
          Answer the customer's question politely and accurately.
          Never share internal notes with the customer.
          Answer in the same language as the customer.

          Keep every answer under one hundred words.
          Always end with a short summary of the next steps.
          Check the order status before you promise a refund."""

          def reply(question):
              return client.chat.completions.create(
                  model="gpt-4o",
                  messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}],
                  max_tokens=300,
              )
        `,
      },
      {
        name: 'a one-line string keeps its quotes and \\n escapes',
        language: 'python',
        code: `
          import anthropic
          anthropic.Anthropic().messages.create(model="claude-sonnet-4-6", max_tokens=400, messages=msgs, system='Please summarize the meeting notes for the team.\\n\\n\\n\\nIt is important that you keep every decision and its owner.\\nPlease summarize the meeting notes for the team.\\nIt is important that you keep every decision and its owner.\\nMake sure to list open questions at the end of the summary.\\nMake sure to list open questions at the end of the summary.')
        `,
        errors: [{ line: 2, column: 104, message: /^System prompt compresses by \d\d% \(filler phrases, repeated sentences, whitespace\): ≈\d+ fewer tokens, \$0\.000\d+\/call, \$\d\.\d\d\/mo\.$/ }],
        output: `
          import anthropic
          anthropic.Anthropic().messages.create(model="claude-sonnet-4-6", max_tokens=400, messages=msgs, system='Summarize the meeting notes for the team.\\n\\nKeep every decision and its owner.\\nList open questions at the end of the summary.')
        `,
      },
      {
        name: 'a dedented prompt is reported without a fix (its source cannot be mapped back)',
        language: 'python',
        code: `
          from textwrap import dedent
          from openai import OpenAI
          PROMPT = dedent("""
              Please translate the text into French and keep the formatting as it is.
              Please translate the text into French and keep the formatting as it is.
              It is important that you keep product names in English in every sentence.
              It is important that you keep product names in English in every sentence.
              Make sure to keep every number and unit exactly as written in the source.
              Make sure to keep every number and unit exactly as written in the source.
          """)
          OpenAI().chat.completions.create(model="gpt-4o", max_tokens=500, messages=[{"role": "system", "content": PROMPT}])
        `,
        errors: [{ line: 11, column: 76, message: /^System prompt compresses by 61% \(filler phrases, repeated sentences, whitespace\): ≈53 fewer tokens/ }],
        output: null,
      },
      {
        name: 'waste next to an f-string slot is reported without a fix',
        language: 'python',
        code: `
          from openai import OpenAI
          OpenAI().chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "user", "content": f"""
                  Please answer the question from {customer} politely and accurately and kindly.
                  Please answer the question from the customer politely and accurately and kindly.
                  It is important that you never share internal notes or prices with the customer.
                  It is important that you never share internal notes or prices with the customer.
                  Make sure to answer in the same language as the customer wrote the question in.
                  Make sure to answer in the same language as the customer wrote the question in.
                  You should always thank the customer for their patience before you close the reply.
                  You should always thank the customer for their patience before you close the reply.
          """}])
        `,
        errors: [{ line: 2, column: 76, message: /^User prompt compresses by \d\d%/ }],
        output: null,
      },
      {
        name: 'a template literal constant keeps real newlines (TypeScript)',
        language: 'typescript',
        code: `
          import Anthropic from '@anthropic-ai/sdk';

          const anthropic = new Anthropic();
          const SYSTEM = \`
              You are a code reviewer for a TypeScript monorepo.
              Please point out bugs, risky patterns and missing tests.
              It is important that you never rewrite the whole file.
              Make sure to quote the line you are talking about.


              Please point out bugs, risky patterns and missing tests.
              You should always rank findings from most to least severe.
              Make sure to quote the line you are talking about.
              It is important that you never rewrite the whole file.
              Please keep each finding to two sentences at most.
          \`;

          export async function review(diff: string) {
            return anthropic.messages.create({
              model: 'claude-sonnet-4-6',
              max_tokens: 800,
              system: SYSTEM,
              messages: [{ role: 'user', content: diff }],
            });
          }
        `,
        errors: [{ line: 22, column: 13, message: /^System prompt compresses by 47% \(filler phrases, repeated sentences, whitespace\): ≈62 fewer tokens, \$0\.000186\/call, \$5\.58\/mo\.$/ }],
        output: `
          import Anthropic from '@anthropic-ai/sdk';

          const anthropic = new Anthropic();
          const SYSTEM = \`You are a code reviewer for a TypeScript monorepo.
          Point out bugs, risky patterns and missing tests.
          Never rewrite the whole file.
          Quote the line you are talking about.

          Always rank findings from most to least severe.
          Keep each finding to two sentences at most.\`;

          export async function review(diff: string) {
            return anthropic.messages.create({
              model: 'claude-sonnet-4-6',
              max_tokens: 800,
              system: SYSTEM,
              messages: [{ role: 'user', content: diff }],
            });
          }
        `,
      },
      {
        name: 'concatenated literals are each rewritten, keeping the space between them (TypeScript)',
        language: 'typescript',
        code: `
          import OpenAI from 'openai';

          const openai = new OpenAI();

          export const summarize = (text: string) =>
            openai.chat.completions.create({
              model: 'gpt-4o',
              max_tokens: 200,
              messages: [
                {
                  role: 'system',
                  content:
                    'Please summarize the document for a busy executive reader.  Please summarize the document for a busy executive reader.  ' +
                    'It is important that you keep the summary under five bullet points.  Make sure to keep numbers exactly as written.  ' +
                    'It is important that you keep the summary under five bullet points.  Make sure to keep numbers exactly as written.  ' +
                    'I would like you to mention open risks and decisions at the end.  I would like you to mention open risks and decisions at the end.',
                },
                { role: 'user', content: text },
              ],
            });
        `,
        errors: [{ line: 10, column: 7, message: /^System prompt compresses by 51% .*≈50 fewer tokens, \$0\.000125\/call, \$3\.75\/mo\.$/ }],
        output: `
          import OpenAI from 'openai';

          const openai = new OpenAI();

          export const summarize = (text: string) =>
            openai.chat.completions.create({
              model: 'gpt-4o',
              max_tokens: 200,
              messages: [
                {
                  role: 'system',
                  content:
                    'Summarize the document for a busy executive reader. ' +
                    'Keep the summary under five bullet points. Keep numbers exactly as written. ' +
                    'Keep the summary under five bullet points. Keep numbers exactly as written. ' +
                    'Mention open risks and decisions at the end.',
                },
                { role: 'user', content: text },
              ],
            });
        `,
      },
      {
        name: 'a literal spelled with unicode escapes is reported without a fix (TypeScript)',
        language: 'typescript',
        code: `
          import { generateText } from 'ai';
          generateText({
            model: 'openai/gpt-4o',
            maxOutputTokens: 100,
            system: 'Caf\\u00e9 menu assistant.\\n\\n\\n\\nPlease answer questions about the caf\\u00e9 menu politely.\\nPlease answer questions about the caf\\u00e9 menu politely.\\nIt is important that you mention allergens for every dish you name.\\nIt is important that you mention allergens for every dish you name.\\nMake sure to quote prices in euros with two decimals every time.\\nMake sure to quote prices in euros with two decimals every time.\\nYou should always suggest one dessert that fits the order of the guest.\\nYou should always suggest one dessert that fits the order of the guest.',
            prompt: question,
          });
        `,
        errors: [{ line: 5, column: 11, message: /^System prompt compresses by \d\d%/ }],
        output: null,
      },
    ],
  });
});
