import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SourceLanguage } from '../../../src/core/model';
import { analyzeSnippet, summarize } from '../../support/engine';

interface Case {
  name: string;
  language?: SourceLanguage;
  code: string;
  expect: Partial<ReturnType<typeof summarize>>[];
}

const CASES: Case[] = [
  {
    name: 'OpenAI default import, chat and Responses APIs',
    code: `
      import OpenAI from 'openai';
      const openai = new OpenAI();
      await openai.chat.completions.create({ model: 'gpt-4o', messages: [], max_tokens: 256 });
      await openai.responses.create({ model: 'gpt-5.6', input: 'hi', max_output_tokens: 64 });
      await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
    `,
    expect: [
      { line: 3, provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o', maxTokensParam: 'max_tokens', maxTokens: 256, openArguments: false },
      { line: 4, api: 'responses.create', maxTokensParam: 'max_output_tokens', maxTokens: 64 },
      { line: 5, api: 'embeddings.create', kind: 'embeddings' },
    ],
  },
  {
    name: 'CommonJS require, destructuring and an OpenAI-compatible base URL',
    language: 'javascript',
    code: `
      const OpenAI = require('openai');
      const { AzureOpenAI } = require('openai');
      const together = new OpenAI({ baseURL: 'https://api.together.xyz/v1' });
      together.chat.completions.create({ model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', messages: [] });
      new AzureOpenAI({ endpoint: 'e' }).chat.completions.create({ model: 'deploy', messages: [], max_completion_tokens: 10 });
    `,
    expect: [
      { line: 4, provider: 'openai', maxTokensParam: null },
      { line: 5, provider: 'azure-openai', model: 'deploy', maxTokens: 10 },
    ],
  },
  {
    name: 'class field, constructor parameter property, and a typed parameter',
    code: `
      import Anthropic from '@anthropic-ai/sdk';
      class A {
        private client = new Anthropic();
        constructor(private readonly other: Anthropic) {}
        run() { return this.client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 1024, messages: [] }); }
        count() { return this.other.messages.countTokens({ model: 'claude-sonnet-4-6', messages: [] }); }
      }
      function stream(client: Anthropic) {
        return client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 100, messages: [] });
      }
    `,
    expect: [
      { line: 5, provider: 'anthropic', api: 'messages.create', maxTokens: 1024 },
      { line: 6, api: 'messages.countTokens', kind: 'count' },
      { line: 9, api: 'messages.stream', model: 'claude-haiku-4-5', maxTokens: 100 },
    ],
  },
  {
    name: 'spread options are open; an options variable is followed',
    code: `
      import OpenAI from 'openai';
      const client = new OpenAI();
      export function run(opts) {
        return client.chat.completions.create({ model: 'gpt-4o', ...opts });
      }
      const params = { model: 'gpt-4o-mini', messages: [], max_tokens: 32 };
      client.chat.completions.create(params);
      export function passThrough(request) { return client.chat.completions.create(request); }
    `,
    expect: [
      { line: 4, model: 'gpt-4o', openArguments: true, maxTokensParam: null },
      { line: 7, model: 'gpt-4o-mini', maxTokens: 32, openArguments: false },
      { line: 8, model: null, openArguments: true },
    ],
  },
  {
    name: '@google/genai and the legacy @google/generative-ai',
    code: `
      import { GoogleGenAI } from '@google/genai';
      import { GoogleGenerativeAI } from '@google/generative-ai';
      const ai = new GoogleGenAI({});
      await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi', config: { maxOutputTokens: 300 } });
      const model = new GoogleGenerativeAI(key).getGenerativeModel({ model: 'gemini-1.5-pro', generationConfig: { maxOutputTokens: 50 } });
      await model.generateContent('hello');
    `,
    expect: [
      { line: 4, provider: 'google', api: 'models.generateContent', maxTokensParam: 'config.maxOutputTokens', maxTokens: 300 },
      { line: 6, api: 'generateContent', model: 'gemini-1.5-pro', maxTokensParam: 'generationConfig.maxOutputTokens', maxTokens: 50, openArguments: false },
    ],
  },
  {
    name: 'Vercel AI SDK with provider functions and string ids',
    code: `
      import { generateText, streamObject } from 'ai';
      import * as ai from 'ai';
      import { openai } from '@ai-sdk/openai';
      const fast = openai('gpt-4o-mini');
      await generateText({ model: fast, prompt: 'x', maxOutputTokens: 24 });
      streamObject({ model: 'anthropic/claude-haiku-4-5', schema, prompt: 'x' });
      await ai.generateText({ model: openai.chat('gpt-4o'), prompt: 'x', maxTokens: 5 });
    `,
    expect: [
      { line: 5, provider: 'vercel-ai', api: 'generateText', model: 'gpt-4o-mini', maxTokens: 24 },
      { line: 6, api: 'streamObject', model: 'anthropic/claude-haiku-4-5', maxTokensParam: null },
      { line: 7, api: 'generateText', model: 'gpt-4o', maxTokensParam: 'maxTokens', maxTokens: 5 },
    ],
  },
  {
    name: 'Bedrock commands from @aws-sdk/client-bedrock-runtime',
    code: `
      import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
      const client = new BedrockRuntimeClient({});
      await client.send(new ConverseCommand({ modelId: 'anthropic.claude-haiku-4-5', messages: [], inferenceConfig: { maxTokens: 512 } }));
      await client.send(new InvokeModelCommand({ modelId: 'm', body: JSON.stringify({ max_tokens: 64, messages: [] }) }));
    `,
    expect: [
      { line: 3, provider: 'bedrock', api: 'ConverseCommand', kind: 'generate', maxTokensParam: 'inferenceConfig.maxTokens', maxTokens: 512 },
      { line: 4, api: 'InvokeModelCommand', maxTokensParam: 'body.max_tokens', maxTokens: 64 },
    ],
  },
  {
    name: 'Mistral, Cohere, Groq and LangChain JS',
    code: `
      import { Mistral } from '@mistralai/mistralai';
      import { CohereClientV2 } from 'cohere-ai';
      import Groq from 'groq-sdk';
      import { ChatOpenAI } from '@langchain/openai';
      new Mistral({}).chat.complete({ model: 'mistral-large-latest', messages: [], maxTokens: 100 });
      new CohereClientV2({}).chat({ model: 'command-a-03-2025', messages: [] });
      new Groq().chat.completions.create({ model: 'llama-3.3-70b-versatile', messages: [] });
      const llm = new ChatOpenAI({ model: 'gpt-4o', maxTokens: 300 });
    `,
    expect: [
      { line: 5, provider: 'mistral', api: 'chat.complete', maxTokensParam: 'maxTokens', maxTokens: 100 },
      { line: 6, provider: 'cohere', api: 'chat', maxTokensParam: null },
      { line: 7, provider: 'groq' },
      { line: 8, provider: 'langchain', api: 'ChatOpenAI', kind: 'constructor', model: 'gpt-4o', maxTokens: 300 },
    ],
  },
  {
    name: 'model from process.env fallback and a function default',
    code: `
      import OpenAI from 'openai';
      const client = new OpenAI();
      const MODEL = process.env.MODEL ?? 'gpt-4o-mini';
      async function ask(q: string, model = 'gpt-5.6', max_tokens = 200) {
        return client.chat.completions.create({ model, max_tokens, messages: [{ role: 'user', content: q }] });
      }
      client.chat.completions.create({ model: MODEL, messages: [] });
    `,
    expect: [
      { line: 5, model: 'gpt-5.6', maxTokensParam: 'max_tokens', maxTokens: 200 },
      { line: 7, model: 'gpt-4o-mini' },
    ],
  },
  {
    name: 'TSX component calling an SDK',
    language: 'tsx',
    code: `
      import Anthropic from '@anthropic-ai/sdk';
      const anthropic = new Anthropic();
      export default async function Page() {
        const reply = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 300, messages: [] });
        return <div>{reply.id}</div>;
      }
    `,
    expect: [{ line: 4, provider: 'anthropic', maxTokens: 300 }],
  },
  {
    name: 'unrelated create() calls are not LLM calls',
    code: `
      import { PrismaClient } from '@prisma/client';
      import Stripe from 'stripe';
      const db = new PrismaClient();
      await db.user.create({ data: {} });
      await new Stripe(key).customers.create({});
      const fake = { chat: { completions: { create: (x) => x } } };
      fake.chat.completions.create({ model: 'gpt-4o' });
      // const openai = new OpenAI(); openai.chat.completions.create({})
    `,
    expect: [],
  },
];

describe('detection in TypeScript and JavaScript', () => {
  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const analysis = await analyzeSnippet(testCase.code, testCase.language ?? 'typescript');
      const calls = analysis.calls.map(summarize);
      assert.equal(calls.length, testCase.expect.length, `reported: ${JSON.stringify(calls, null, 1)}`);
      testCase.expect.forEach((expected, index) => {
        const actual = calls[index] ?? {};
        const picked = Object.fromEntries(Object.keys(expected).map((key) => [key, actual[key]]));
        assert.deepEqual(picked, expected, `call ${index + 1}`);
      });
    });
  }
});
