import { describe } from 'node:test';
import { unknownModel } from '../../../src/core/rules/unknown-model';
import { ruleTester } from '../../support/rule-tester';

describe('unknown-model', () => {
  ruleTester(unknownModel, {
    valid: [
      { name: 'known model with a date suffix', language: 'python', code: 'import anthropic\nanthropic.Anthropic().messages.create(model="claude-sonnet-4-5-20250929", max_tokens=5, messages=[])' },
      { name: 'model not resolvable from the code', language: 'python', code: 'import os\nfrom openai import OpenAI\nOpenAI().chat.completions.create(model=os.environ["MODEL"], messages=[])' },
      { name: 'Bedrock id of a known model', language: 'typescript', code: "import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nnew ConverseCommand({ modelId: 'us.anthropic.claude-haiku-4-5-20251001-v1:0', messages: [] });" },
    ],
    invalid: [
      {
        name: 'a typo gets the closest name, as an unsafe fix',
        language: 'python',
        code: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o-mnii", messages=[])',
        errors: [{ line: 2, column: 40, message: /^Unknown model "gpt-4o-mnii": its cost cannot be estimated\. Did you mean gpt-4o-mini\?/ }],
        output: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o-mini", messages=[])',
      },
      {
        name: 'keeps single quotes in TypeScript',
        language: 'typescript',
        code: "import Anthropic from '@anthropic-ai/sdk';\nnew Anthropic().messages.create({ model: 'claude-sonet-4-6', max_tokens: 5, messages: [] });",
        errors: [{ line: 2, column: 42, message: /Did you mean claude-sonnet-4-6\?/ }],
        output: "import Anthropic from '@anthropic-ai/sdk';\nnew Anthropic().messages.create({ model: 'claude-sonnet-4-6', max_tokens: 5, messages: [] });",
      },
      {
        name: 'a model from a constant is reported at the call, without a fix',
        language: 'python',
        code: 'from openai import OpenAI\nMODEL = "gpt-4o-mnii"\nOpenAI().chat.completions.create(model=MODEL, messages=[])',
        errors: [{ line: 3, column: 40, message: /Unknown model "gpt-4o-mnii"/ }],
        output: null,
      },
    ],
  });
});
