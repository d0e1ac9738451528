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
        errors: [{ line: 2, column: 27, message: /No output limit on chat\.completions\.create \(gpt-4o\).*max_completion_tokens/ }],
      },
      {
        name: 'LangChain constructor without a limit',
        language: 'python',
        code: 'from langchain_anthropic import ChatAnthropic\nllm = ChatAnthropic(model="claude-sonnet-4-6")',
        errors: [{ line: 2, column: 7, message: /ChatAnthropic \(claude-sonnet-4-6\).*max_tokens/ }],
      },
      {
        name: 'multi-line Anthropic call; suppression for another rule does not hide it',
        language: 'typescript',
        code: "import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic();\na.messages\n  .create({ model: 'claude-haiku-4-5', messages: [] }); // promptmeter: ignore[unknown-model]",
        errors: [{ line: 4, column: 4, message: /messages\.create.*Set max_tokens/ }],
      },
      {
        name: 'Vercel streamText suggests maxOutputTokens',
        language: 'typescript',
        code: "import { streamText } from 'ai';\nstreamText({ model: 'openai/gpt-4o', prompt: 'x' });",
        errors: [{ line: 2, column: 1, message: /Set maxOutputTokens/ }],
      },
    ],
  });
});
