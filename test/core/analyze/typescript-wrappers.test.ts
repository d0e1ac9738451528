import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LlmCall, SourceLanguage } from '../../../src/core/model';
import { analyzeSnippet, code, testEngine } from '../../support/engine';

/** Writes `expression` inside one wrapper; `type` is what a type-level wrapper names. */
type Wrap = (expression: string, type: string) => string;

interface Wrapper {
  name: string;
  wrap: Wrap;
  /** Where the syntax exists: `<T>x` is JSX in .tsx files, and only parentheses are JavaScript. */
  languages: SourceLanguage[];
}

const TYPESCRIPT: SourceLanguage[] = ['typescript', 'tsx'];
const NO_WRAPPER: Wrap = (expression) => expression;
const WRAPPERS: Wrapper[] = [
  { name: '`as T`', wrap: (expression, type) => `${expression} as ${type}`, languages: TYPESCRIPT },
  { name: '`satisfies T`', wrap: (expression, type) => `${expression} satisfies ${type}`, languages: TYPESCRIPT },
  { name: '`x!`', wrap: (expression) => `${expression}!`, languages: TYPESCRIPT },
  { name: '`<T>x`', wrap: (expression, type) => `<${type}>${expression}`, languages: ['typescript'] },
  { name: 'parentheses', wrap: (expression) => `(${expression})`, languages: [...TYPESCRIPT, 'javascript'] },
  { name: 'parentheses opening on a comment', wrap: (expression) => `(/* why */ ${expression})`, languages: [...TYPESCRIPT, 'javascript'] },
];

/** What a scenario reads through the wrapper. */
interface Facts {
  provider: string;
  api: string;
  model: string | null;
  limit: [string, number | null] | null;
  /** Each prompt as `role: text`, its dynamic slots as `{name}`. */
  prompts: string[];
  stream: boolean;
  /** Settings may come from arguments the analysis cannot read. */
  open: boolean;
}

function facts(call: LlmCall): Facts {
  return {
    provider: call.provider,
    api: call.api,
    model: call.model,
    limit: call.outputLimit ? [call.outputLimit.param, call.outputLimit.value] : null,
    prompts: call.prompts.map((prompt) => `${prompt.role}: ${prompt.parts.map((part) => (part.kind === 'static' ? part.text : `{${part.name}}`)).join('')}`),
    stream: call.stream,
    open: call.openArguments,
  };
}

interface Scenario {
  name: string;
  code: (w: Wrap) => string;
  expected: Facts;
}

const OPENAI = `import OpenAI from 'openai';\nconst client = new OpenAI();\n`;
const ANTHROPIC = `import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic();\n`;
const VERCEL = `import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\n`;
const GEMINI = `import { GoogleGenerativeAI } from '@google/generative-ai';\nconst gemini = new GoogleGenerativeAI(key).getGenerativeModel({ model: 'gemini-2.5-flash' });\n`;
const SETTLED = { stream: false, open: false };
const CHAT = { provider: 'openai', api: 'chat.completions.create', ...SETTLED };
const MESSAGES = { provider: 'anthropic', api: 'messages.create', ...SETTLED };
const GENERATE = { provider: 'vercel-ai', api: 'generateText', ...SETTLED };

/** Each puts one thing a call is read for behind the wrapper. */
const SCENARIOS: Scenario[] = [
  {
    name: 'model name',
    code: (w) => `${OPENAI}client.chat.completions.create({ model: ${w(`'gpt-4o'`, 'string')}, max_tokens: 64, messages: [] });`,
    expected: { ...CHAT, model: 'gpt-4o', limit: ['max_tokens', 64], prompts: [] },
  },
  {
    name: 'output limit',
    code: (w) => `${OPENAI}client.chat.completions.create({ model: 'gpt-4o', max_tokens: ${w('1024', 'number')}, messages: [] });`,
    expected: { ...CHAT, model: 'gpt-4o', limit: ['max_tokens', 1024], prompts: [] },
  },
  {
    name: 'system prompt constant',
    code: (w) =>
      `${ANTHROPIC}const SYSTEM = 'Answer in one line.';\n` +
      `client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, system: ${w('SYSTEM', 'string')}, messages: [{ role: 'user', content: 'Hi' }] });`,
    expected: { ...MESSAGES, model: 'claude-sonnet-4-6', limit: ['max_tokens', 10], prompts: ['system: Answer in one line.', 'user: Hi'] },
  },
  {
    name: 'messages array',
    code: (w) =>
      `${ANTHROPIC}client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, messages: ${w(`[{ role: 'user', content: 'Hello there' }]`, 'const')} });`,
    expected: { ...MESSAGES, model: 'claude-sonnet-4-6', limit: ['max_tokens', 10], prompts: ['user: Hello there'] },
  },
  {
    name: 'messages bound to a constant',
    code: (w) =>
      `${ANTHROPIC}const history = ${w(`[{ role: 'user', content: 'Hello there' }]`, 'const')};\n` +
      `client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, messages: history });`,
    expected: { ...MESSAGES, model: 'claude-sonnet-4-6', limit: ['max_tokens', 10], prompts: ['user: Hello there'] },
  },
  {
    name: 'content blocks',
    code: (w) =>
      `${ANTHROPIC}client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, messages: [{ role: 'user', content: ${w(`[{ type: 'text', text: 'Summarise' }]`, 'const')} }] });`,
    expected: { ...MESSAGES, model: 'claude-sonnet-4-6', limit: ['max_tokens', 10], prompts: ['user: Summarise'] },
  },
  {
    name: 'system prompt joined from lines',
    code: (w) =>
      `${ANTHROPIC}client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, system: (${w(`['Be brief.', 'Cite sources.']`, 'string[]')}).join(' '), messages: [] });`,
    expected: { ...MESSAGES, model: 'claude-sonnet-4-6', limit: ['max_tokens', 10], prompts: ['system: Be brief. Cite sources.'] },
  },
  {
    name: 'prompt as the only argument',
    code: (w) => `${GEMINI}gemini.generateContent(${w(`'Hello'`, 'string')});`,
    expected: { provider: 'google', api: 'generateContent', ...SETTLED, model: 'gemini-2.5-flash', limit: null, prompts: ['user: Hello'] },
  },
  {
    name: 'stream flag',
    code: (w) => `${OPENAI}client.chat.completions.create({ model: 'gpt-4o', max_tokens: 64, messages: [], stream: ${w('true', 'const')} });`,
    expected: { ...CHAT, stream: true, model: 'gpt-4o', limit: ['max_tokens', 64], prompts: [] },
  },
  {
    name: 'client receiver',
    code: (w) => `${OPENAI}(${w('client', 'OpenAI')}).chat.completions.create({ model: 'gpt-4o', messages: [] });`,
    expected: { ...CHAT, model: 'gpt-4o', limit: null, prompts: [] },
  },
  {
    name: 'options object',
    code: (w) => `${OPENAI}client.chat.completions.create(${w(`{ model: 'gpt-4o', max_tokens: 5, messages: [] }`, 'Params')});`,
    expected: { ...CHAT, model: 'gpt-4o', limit: ['max_tokens', 5], prompts: [] },
  },
  {
    name: 'Vercel model factory',
    code: (w) => `${VERCEL}await generateText({ model: ${w(`openai('gpt-4o')`, 'LanguageModel')}, maxOutputTokens: ${w('1024', 'number')}, prompt: 'Hi' });`,
    expected: { ...GENERATE, model: 'gpt-4o', limit: ['maxOutputTokens', 1024], prompts: ['user: Hi'] },
  },
  {
    name: 'Vercel model bound to a constant',
    code: (w) => `${VERCEL}const model = ${w(`openai('gpt-4o')`, 'LanguageModel')};\nawait generateText({ model, prompt: 'Hi' });`,
    expected: { ...GENERATE, model: 'gpt-4o', limit: null, prompts: ['user: Hi'] },
  },
  {
    name: 'Vercel provider made by a factory',
    code: (w) =>
      `import { generateText } from 'ai';\nimport { createOpenAI } from '@ai-sdk/openai';\n` +
      `const relay = ${w(`createOpenAI({ baseURL: 'https://gateway.example/v1' })`, 'OpenAIProvider')};\n` +
      `await generateText({ model: relay('gpt-4o'), prompt: 'Hi' });`,
    expected: { ...GENERATE, model: 'gpt-4o', limit: null, prompts: ['user: Hi'] },
  },
];

async function onlyCall(text: string, language: SourceLanguage): Promise<LlmCall> {
  const { calls } = await analyzeSnippet(text, language);
  assert.equal(calls.length, 1, `one call expected in:\n${text}`);
  return calls[0];
}

describe('TypeScript wrappers are transparent to what a call is read for', () => {
  for (const wrapper of WRAPPERS) {
    for (const language of wrapper.languages) {
      it(`${wrapper.name} in ${language}: the same model, limit, prompts and API as without it`, async () => {
        // Keyed by scenario, so a failure shows every scenario the wrapper hides something in.
        const expected = Object.fromEntries(SCENARIOS.map((scenario) => [scenario.name, scenario.expected]));
        const read = async (wrap: Wrap): Promise<Record<string, Facts>> => {
          const byScenario: Record<string, Facts> = {};
          for (const scenario of SCENARIOS) byScenario[scenario.name] = facts(await onlyCall(scenario.code(wrap), language));
          return byScenario;
        };
        assert.deepEqual(await read(NO_WRAPPER), expected, 'without the wrapper');
        assert.deepEqual(await read(wrapper.wrap), expected, `through ${wrapper.name}`);
      });
    }
  }

  it('reads the Vercel model through `as LanguageModel`, as the issue found it', async () => {
    const call = await onlyCall(
      code(`
        import { generateText, type LanguageModel } from 'ai';
        import { openai } from '@ai-sdk/openai';
        export async function answer(question: string) {
          return generateText({ model: openai('gpt-4o') as LanguageModel, prompt: question });
        }
      `),
      'typescript',
    );
    assert.equal(call.model, 'gpt-4o');
    assert.equal(call.modelRange?.start.line, 3);
  });

  it('offers the missing limit inside an options object that `satisfies` its type', async () => {
    const text = code(`
      import OpenAI from 'openai';
      const client = new OpenAI();
      client.chat.completions.create({ model: 'gpt-4o', messages: [] } satisfies OpenAI.ChatCompletionCreateParams);
    `);
    const call = await onlyCall(text, 'typescript');
    assert.ok(call.insertion, 'an insertion point for the limit');
    assert.equal(text.slice(0, call.insertion.lastEnd).endsWith(`messages: []`), true, 'after the last property, inside the object');
  });

  it('follows a keystroke in a model wrapped by `as` on the fast path', async () => {
    const engine = testEngine();
    await engine.prepare('typescript');
    const before = code(`
      import { generateText } from 'ai';
      import { openai } from '@ai-sdk/openai';
      const model = openai('gpt-4o') as LanguageModel;
      await generateText({ model, prompt: 'Hi' });
    `);
    const key = 'memory://typescript-wrappers/keystroke.ts';
    try {
      assert.equal(engine.analyzeKeptIncrementally(key, before, 'typescript').analysis.calls[0]?.model, 'gpt-4o');
      const after = engine.analyzeKeptIncrementally(key, before.replace(`'gpt-4o'`, `'gpt-4.1'`), 'typescript');
      assert.notEqual(after.shift, null, 'an edit inside the literal takes the fast path');
      assert.equal(after.analysis.calls[0]?.model, 'gpt-4.1');
    } finally {
      engine.forget(key);
    }
  });

  it('makes no call of a wrapped call that is not an SDK call', async () => {
    const { calls } = await analyzeSnippet(
      code(`
        import { complete } from './local-llm';
        const client = makeClient() as Client;
        const reply = (complete({ model: 'gpt-4o', max_tokens: 64 }) as Reply)!;
        (client as Client).chat.completions.create({ model: 'gpt-4o', messages: [] });
        <Reply>(client satisfies Client).messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, messages: [] });
      `),
      'typescript',
    );
    assert.deepEqual(calls, []);
  });
});
