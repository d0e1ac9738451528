import { describe } from 'node:test';
import { missingMaxTokens } from '../../../src/core/rules/missing-max-tokens';
import { ruleTester } from '../../support/rule-tester';

describe('missing-max-tokens', () => {
  ruleTester(missingMaxTokens, {
    valid: [
      { name: 'limit set (Python)', language: 'python', code: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[], max_completion_tokens=100)' },
      { name: 'limit inside Gemini config', language: 'python', code: 'from google import genai\ngenai.Client().models.generate_content(model="m", contents="x", config={"max_output_tokens": 9})' },
      { name: 'kwargs may carry the limit', language: 'python', code: 'from openai import OpenAI\ndef f(**kw):\n    OpenAI().chat.completions.create(model="gpt-4o", **kw)' },
      { name: 'count and embeddings produce no output', language: 'python', code: 'import anthropic, openai\nanthropic.Anthropic().messages.count_tokens(model="m", messages=[])\nopenai.OpenAI().embeddings.create(model="m", input="x")' },
      { name: 'limit set (TypeScript)', language: 'typescript', code: "import { generateText } from 'ai';\ngenerateText({ model: 'openai/gpt-4o', prompt: 'x', maxOutputTokens: 50 });" },
      { name: 'spread options (TypeScript)', language: 'typescript', code: "import OpenAI from 'openai';\nexport const f = (o) => new OpenAI().chat.completions.create({ model: 'gpt-4o', ...o });" },
      { name: 'suppressed on the line', language: 'python', code: 'import litellm\nlitellm.completion(model="gpt-4o", messages=[])  # promptmeter: ignore[missing-max-tokens]' },
      { name: 'suppressed for the file', language: 'typescript', code: "// promptmeter-ignore-file missing-max-tokens\nimport { streamText } from 'ai';\nstreamText({ model: 'openai/gpt-4o', prompt: 'x' });" },
    ],
    invalid: [
      {
        name: 'OpenAI chat without a limit',
        language: 'python',
        code: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[])',
        errors: [{ line: 2, column: 27, message: /^No max_completion_tokens on gpt-4o: worst case \$0\.16\d*\/call \(16,384 output tokens\)\. Add max_completion_tokens=1024\?$/ }],
        output: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[], max_completion_tokens=1024)',
      },
      {
        name: 'multi-line call keeps its layout, trailing comma and comments',
        language: 'python',
        code: `
          import anthropic
          client = anthropic.Anthropic()
          def go(q):
              return client.messages.create(
                  model="claude-haiku-4-5",
                  messages=[{"role": "user", "content": q}],  # the question
              )
        `,
        errors: [{ line: 4, column: 28, message: /^No max_tokens on claude-haiku-4-5: worst case \$0\.32\d*\/call \(64,000 output tokens\)/ }],
        output: `
          import anthropic
          client = anthropic.Anthropic()
          def go(q):
              return client.messages.create(
                  model="claude-haiku-4-5",
                  messages=[{"role": "user", "content": q}],  # the question
                  max_tokens=1024,
              )
        `,
      },
      {
        name: 'nested limit added as a config object when there is none',
        language: 'python',
        code: "from google import genai\ngenai.Client().models.generate_content(model='gemini-2.5-flash', contents='hi')",
        errors: [{ line: 2, column: 23, message: /^No config\.max_output_tokens on gemini-2\.5-flash/ }],
        output: "from google import genai\ngenai.Client().models.generate_content(model='gemini-2.5-flash', contents='hi', config={'max_output_tokens': 1024})",
      },
      {
        name: 'no fix when the config object exists already (merging is not guessed)',
        language: 'python',
        code: 'from google import genai\nfrom google.genai import types\ngenai.Client().models.generate_content(model="gemini-2.5-flash", contents="hi", config=types.GenerateContentConfig(temperature=0))',
        errors: [{ line: 3, column: 23, message: /No config\.max_output_tokens/ }],
        output: null,
      },
      {
        name: 'LangChain constructor without a limit',
        language: 'python',
        code: 'from langchain_anthropic import ChatAnthropic\nllm = ChatAnthropic(model="claude-sonnet-4-6")',
        errors: [{ line: 2, column: 7, message: /^No max_tokens on claude-sonnet-4-6: worst case/ }],
        output: 'from langchain_anthropic import ChatAnthropic\nllm = ChatAnthropic(model="claude-sonnet-4-6", max_tokens=1024)',
      },
      {
        name: 'multi-line Anthropic call; suppression for another rule does not hide it',
        language: 'typescript',
        code: "import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic();\na.messages\n  .create({ model: 'claude-haiku-4-5', messages: [] }); // promptmeter: ignore[unknown-model]",
        errors: [{ line: 4, column: 4, message: /No max_tokens on claude-haiku-4-5/ }],
        output: "import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic();\na.messages\n  .create({ model: 'claude-haiku-4-5', messages: [], max_tokens: 1024 }); // promptmeter: ignore[unknown-model]",
      },
      {
        name: 'Vercel streamText suggests maxOutputTokens',
        language: 'typescript',
        code: "import { streamText } from 'ai';\nstreamText({ model: 'openai/gpt-4o', prompt: 'x' });",
        errors: [{ line: 2, column: 1, message: /Add maxOutputTokens=1024\?$/ }],
        output: "import { streamText } from 'ai';\nstreamText({ model: 'openai/gpt-4o', prompt: 'x', maxOutputTokens: 1024 });",
      },
      {
        name: 'a multi-line options object gets a line of its own',
        language: 'typescript',
        code: `
          import OpenAI from 'openai';
          const openai = new OpenAI();
          await openai.responses.create({
            model: 'gpt-5.6',
            input: 'hello',
          });
        `,
        errors: [{ line: 3, column: 24, message: /No max_output_tokens on gpt-5\.6/ }],
        output: `
          import OpenAI from 'openai';
          const openai = new OpenAI();
          await openai.responses.create({
            model: 'gpt-5.6',
            input: 'hello',
            max_output_tokens: 1024,
          });
        `,
      },
    ],
  });
});
