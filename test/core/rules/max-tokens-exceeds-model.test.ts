import { describe } from 'node:test';
import { maxTokensExceedsModel } from '../../../src/core/rules/max-tokens-exceeds-model';
import { ruleTester } from '../../support/rule-tester';

describe('max-tokens-exceeds-model', () => {
  ruleTester(maxTokensExceedsModel, {
    valid: [
      { name: 'within the maximum', language: 'python', code: 'import anthropic\nanthropic.Anthropic().messages.create(model="claude-haiku-4-5", max_tokens=64000, messages=[])' },
      { name: 'unknown model: cannot know the maximum', language: 'python', code: 'import litellm\nlitellm.completion(model="my-own-model", messages=[], max_tokens=10_000_000)' },
      { name: 'limit not known from the code', language: 'typescript', code: "import OpenAI from 'openai';\nexport const f = (n: number) => new OpenAI().chat.completions.create({ model: 'gpt-4o', messages: [], max_tokens: n });" },
    ],
    invalid: [
      {
        name: 'literal above the Claude Haiku 4.5 maximum',
        language: 'python',
        code: 'import anthropic\nanthropic.Anthropic().messages.create(model="claude-haiku-4-5", max_tokens=200_000, messages=[])',
        errors: [{ line: 2, column: 76, message: /^max_tokens=200,000 is above claude-haiku-4-5's maximum output of 64,000 tokens/ }],
        output: 'import anthropic\nanthropic.Anthropic().messages.create(model="claude-haiku-4-5", max_tokens=64000, messages=[])',
      },
      {
        name: 'limit from a constant is reported without a fix',
        language: 'python',
        code: 'from openai import OpenAI\nLIMIT = 100_000\nOpenAI().chat.completions.create(model="gpt-4o", messages=[], max_tokens=LIMIT)',
        errors: [{ line: 3, column: 74, message: /max_tokens=100,000 is above gpt-4o's maximum output of 16,384/ }],
        output: null,
      },
      {
        name: 'TypeScript options object',
        language: 'typescript',
        code: "import { generateText } from 'ai';\ngenerateText({ model: 'openai/gpt-4o-mini', prompt: 'x', maxOutputTokens: 50000 });",
        errors: [{ line: 2, column: 75, message: /maxOutputTokens=50,000 is above openai\/gpt-4o-mini's maximum output of 16,384/ }],
        output: "import { generateText } from 'ai';\ngenerateText({ model: 'openai/gpt-4o-mini', prompt: 'x', maxOutputTokens: 16384 });",
      },
    ],
  });
});
