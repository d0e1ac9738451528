import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeSnippet, summarize } from '../../support/engine';

interface Case {
  name: string;
  code: string;
  expect: Partial<ReturnType<typeof summarize>>[];
}

/** Each case lists every call the engine must report, in order; anything else reported fails the case. */
const CASES: Case[] = [
  {
    name: 'a negative output limit is no known limit (the API rejects it)',
    code: `
      from openai import OpenAI
      OpenAI().chat.completions.create(model="gpt-4o", messages=[], max_tokens=-3)
    `,
    expect: [{ line: 2, maxTokensParam: 'max_tokens', maxTokens: null }],
  },
  {
    name: 'calls through names that are no API name: an import alias, a method kept in a field',
    code: `
      from litellm import completion as ask
      from openai import OpenAI
      ask(model="gpt-4o-mini", messages=[], max_tokens=50)
      class Bot:
          def __init__(self):
              self.send = OpenAI().chat.completions.create
          def run(self):
              return self.send(model="gpt-4o", messages=[])
    `,
    expect: [
      { line: 3, provider: 'litellm', model: 'gpt-4o-mini', maxTokens: 50 },
      { line: 8, provider: 'openai', model: 'gpt-4o', maxTokensParam: null },
    ],
  },
  {
    name: 'OpenAI chat completion with a module constant model',
    code: `
      from openai import OpenAI
      MODEL = "gpt-4o"
      client = OpenAI()
      client.chat.completions.create(model=MODEL, messages=[], max_tokens=512)
    `,
    expect: [{ line: 4, provider: 'openai', api: 'chat.completions.create', kind: 'generate', model: 'gpt-4o', maxTokensParam: 'max_tokens', maxTokens: 512, openArguments: false }],
  },
  {
    name: 'OpenAI parse, stream, Responses and legacy completions',
    code: `
      import openai
      c = openai.OpenAI()
      c.chat.completions.parse(model="gpt-5.6", messages=[], max_completion_tokens=100)
      c.beta.chat.completions.parse(model="gpt-4o", messages=[])
      c.chat.completions.stream(model="gpt-4o", messages=[])
      c.responses.create(model="gpt-5.6", input="hi", max_output_tokens=64)
      c.responses.stream(model="gpt-5.6", input="hi")
      c.completions.create(model="gpt-3.5-turbo-instruct", prompt="x", max_tokens=5)
      c.embeddings.create(model="text-embedding-3-small", input="x")
    `,
    expect: [
      { line: 3, api: 'chat.completions.parse', maxTokensParam: 'max_completion_tokens', maxTokens: 100 },
      { line: 4, api: 'beta.chat.completions.parse', maxTokensParam: null },
      { line: 5, api: 'chat.completions.stream' },
      { line: 6, api: 'responses.create', maxTokensParam: 'max_output_tokens', maxTokens: 64 },
      { line: 7, api: 'responses.stream' },
      { line: 8, api: 'completions.create', maxTokensParam: 'max_tokens', maxTokens: 5 },
      { line: 9, api: 'embeddings.create', kind: 'embeddings' },
    ],
  },
  {
    name: 'async client, alias, await, and a multi-line chain',
    code: `
      from openai import AsyncOpenAI as OAI
      client = OAI()
      async def go():
          return await client.chat.completions \\
              .create(model="gpt-4o-mini", messages=[], max_tokens=5)
    `,
    expect: [{ line: 5, api: 'chat.completions.create', model: 'gpt-4o-mini', maxTokens: 5 }],
  },
  {
    name: 'module-level openai client and the pre-1.0 API',
    code: `
      import openai
      openai.chat.completions.create(model="gpt-4o", messages=[])
      openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[], max_tokens=10)
    `,
    expect: [
      { line: 2, api: 'chat.completions.create', provider: 'openai' },
      { line: 3, api: 'ChatCompletion.create', maxTokens: 10 },
    ],
  },
  {
    name: 'Azure and OpenAI-compatible clients',
    code: `
      from openai import AzureOpenAI, OpenAI
      azure = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")
      azure.chat.completions.create(model="prod-gpt4o", messages=[], max_tokens=100)
      deepseek = OpenAI(base_url="https://api.deepseek.com")
      deepseek.chat.completions.create(model="deepseek-flash", messages=[])
    `,
    expect: [
      { line: 3, provider: 'azure-openai', model: 'prod-gpt4o' },
      { line: 5, provider: 'openai', model: 'deepseek-flash', maxTokensParam: null },
    ],
  },
  {
    name: 'self.client set in __init__, model from a default parameter',
    code: `
      from anthropic import Anthropic
      class Bot:
          def __init__(self):
              self.client = Anthropic()
          def ask(self, question, model="claude-sonnet-4-6"):
              return self.client.messages.create(model=model, max_tokens=1024, messages=[{"role": "user", "content": question}])
    `,
    expect: [{ line: 6, provider: 'anthropic', api: 'messages.create', model: 'claude-sonnet-4-6', maxTokens: 1024 }],
  },
  {
    name: 'client passed as a typed parameter',
    code: `
      from typing import Optional
      import anthropic
      def summarize(client: Optional[anthropic.AsyncAnthropic], text):
          return client.messages.stream(model="claude-haiku-4-5", max_tokens=300, messages=[])
    `,
    expect: [{ line: 4, api: 'messages.stream', model: 'claude-haiku-4-5', maxTokens: 300 }],
  },
  {
    name: 'factory function returning a client, and a with-statement client',
    code: `
      import anthropic
      def make_client():
          return anthropic.Anthropic()
      make_client().messages.count_tokens(model="claude-sonnet-4-6", messages=[])
      with anthropic.Anthropic() as c:
          c.beta.messages.create(model="claude-opus-4-7", max_tokens=64, messages=[])
    `,
    expect: [
      { line: 4, api: 'messages.count_tokens', kind: 'count' },
      { line: 6, api: 'beta.messages.create', maxTokens: 64 },
    ],
  },
  {
    name: 'Anthropic on Bedrock and Vertex',
    code: `
      from anthropic import AnthropicBedrock, AnthropicVertex
      AnthropicBedrock().messages.create(model="anthropic.claude-sonnet-4-6", max_tokens=10, messages=[])
      AnthropicVertex(region="us-east5").messages.create(model="claude-sonnet-4-6", max_tokens=10, messages=[])
    `,
    expect: [
      { line: 2, provider: 'anthropic' },
      { line: 3, provider: 'anthropic' },
    ],
  },
  {
    name: 'kwargs spread makes the arguments open',
    code: `
      from openai import OpenAI
      client = OpenAI()
      def call(**params):
          return client.chat.completions.create(model="gpt-4o", **params)
    `,
    expect: [{ line: 4, maxTokensParam: null, openArguments: true }],
  },
  {
    name: 'google-genai sync and async, config object and dict',
    code: `
      from google import genai
      from google.genai import types
      client = genai.Client()
      client.models.generate_content(model="gemini-2.5-flash", contents="hi", config=types.GenerateContentConfig(max_output_tokens=256))
      client.aio.models.generate_content(model="gemini-3.5-flash", contents="hi", config={"max_output_tokens": 64})
      client.models.generate_content_stream(model="gemini-2.5-flash", contents="hi")
      client.models.embed_content(model="gemini-embedding-001", contents="hi")
    `,
    expect: [
      { line: 4, provider: 'google', api: 'models.generate_content', model: 'gemini-2.5-flash', maxTokensParam: 'config.max_output_tokens', maxTokens: 256 },
      { line: 5, api: 'models.generate_content', model: 'gemini-3.5-flash', maxTokens: 64 },
      { line: 6, api: 'models.generate_content_stream', maxTokensParam: null },
      { line: 7, api: 'models.embed_content', kind: 'embeddings' },
    ],
  },
  {
    name: 'legacy GenerativeModel: model and limit come from the constructor',
    code: `
      import google.generativeai as genai
      model = genai.GenerativeModel("gemini-1.5-flash", generation_config={"max_output_tokens": 200})
      model.generate_content("hi")
      chat = genai.GenerativeModel(model_name="gemini-1.5-pro").start_chat()
      chat.send_message("hello")
    `,
    expect: [
      { line: 3, api: 'generate_content', model: 'gemini-1.5-flash', maxTokensParam: 'generation_config.max_output_tokens', maxTokens: 200 },
      { line: 5, api: 'send_message', model: null, maxTokensParam: null },
    ],
  },
  {
    name: 'LiteLLM functions, module attribute and Router',
    code: `
      import litellm
      from litellm import completion, acompletion
      completion(model="anthropic/claude-haiku-4-5", messages=[], max_tokens=5)
      litellm.completion(model="gpt-4o", messages=[])
      router = litellm.Router(model_list=[])
      router.acompletion(model="fast", messages=[])
    `,
    expect: [
      { line: 3, provider: 'litellm', api: 'completion', model: 'anthropic/claude-haiku-4-5', maxTokens: 5 },
      { line: 4, provider: 'litellm', api: 'completion' },
      { line: 6, provider: 'litellm', api: 'acompletion', model: 'fast' },
    ],
  },
  {
    name: 'boto3 bedrock-runtime: converse and invoke_model with a JSON body; other services ignored',
    code: `
      import boto3, json
      bedrock = boto3.client("bedrock-runtime", region_name="us-east-1")
      s3 = boto3.client("s3")
      bedrock.converse(modelId="anthropic.claude-haiku-4-5", messages=[], inferenceConfig={"maxTokens": 256})
      bedrock.invoke_model(modelId="meta.llama3-70b", body=json.dumps({"prompt": "x", "max_gen_len": 128}))
      s3.converse(modelId="x")
      session = boto3.Session()
      session.client(service_name="bedrock-runtime").converse_stream(modelId="m", messages=[])
    `,
    expect: [
      { line: 4, provider: 'bedrock', api: 'converse', maxTokensParam: 'inferenceConfig.maxTokens', maxTokens: 256 },
      { line: 5, api: 'invoke_model', model: 'meta.llama3-70b', maxTokensParam: 'body.max_gen_len', maxTokens: 128 },
      { line: 8, api: 'converse_stream', maxTokensParam: null },
    ],
  },
  {
    name: 'Mistral, Cohere, Groq and Ollama',
    code: `
      from mistralai import Mistral
      import cohere
      from groq import Groq
      import ollama
      Mistral(api_key="k").chat.complete(model="mistral-small-latest", messages=[], max_tokens=50)
      co = cohere.ClientV2()
      co.chat(model="command-a-03-2025", messages=[])
      Groq().chat.completions.create(model="llama-3.3-70b-versatile", messages=[], max_completion_tokens=9)
      ollama.chat(model="llama3.2", messages=[], options={"num_predict": 64})
    `,
    expect: [
      { line: 5, provider: 'mistral', api: 'chat.complete', maxTokens: 50 },
      { line: 7, provider: 'cohere', api: 'chat', maxTokensParam: null },
      { line: 8, provider: 'groq', api: 'chat.completions.create', maxTokens: 9 },
      { line: 9, provider: 'ollama', api: 'chat', maxTokensParam: 'options.num_predict', maxTokens: 64 },
    ],
  },
  {
    name: 'LangChain chat model constructors',
    code: `
      from langchain_openai import ChatOpenAI
      from langchain_anthropic import ChatAnthropic
      llm = ChatOpenAI(model="gpt-4o-mini", max_tokens=200)
      claude = ChatAnthropic(model_name="claude-sonnet-4-6")
      llm.invoke("hi")
    `,
    expect: [
      { line: 3, provider: 'langchain', api: 'ChatOpenAI', kind: 'constructor', model: 'gpt-4o-mini', maxTokens: 200 },
      { line: 4, api: 'ChatAnthropic', kind: 'constructor', model: 'claude-sonnet-4-6', maxTokensParam: null },
    ],
  },
  {
    name: 'model from os.getenv default and limit from arithmetic on constants',
    code: `
      import os
      from openai import OpenAI
      LIMIT = 4 * 256
      OpenAI().chat.completions.create(model=os.getenv("MODEL", "gpt-4o"), messages=[], max_tokens=LIMIT)
      OpenAI().chat.completions.create(model=os.environ["MODEL"], messages=[], max_tokens=os.getenv("N"))
    `,
    expect: [
      { line: 4, model: 'gpt-4o', maxTokens: 1024 },
      { line: 5, model: null, maxTokensParam: 'max_tokens', maxTokens: null },
    ],
  },
  {
    name: 'unrelated create() calls are not LLM calls',
    code: `
      import stripe
      from django.db import models
      class Completions:
          def create(self, **kw): ...
      class Chat:
          completions = Completions()
      class Fake:
          chat = Chat()
      Fake().chat.completions.create(model="gpt-4o", messages=[])
      stripe.Customer.create(email="a@b.c")
      User.objects.create(name="x")
      client.chat.completions.create(model="gpt-4o")
    `,
    expect: [],
  },
  {
    name: 'a file with a syntax error still yields the intact calls',
    code: `
      from openai import OpenAI
      client = OpenAI()
      client.chat.completions.create(model="gpt-4o", messages=[], max_tokens=1)
      def broken(:
          pass
    `,
    expect: [{ line: 3, model: 'gpt-4o', maxTokens: 1 }],
  },
];

describe('detection in Python', () => {
  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const analysis = await analyzeSnippet(testCase.code, 'python');
      const calls = analysis.calls.map(summarize);
      assert.equal(calls.length, testCase.expect.length, `reported: ${JSON.stringify(calls, null, 1)}`);
      testCase.expect.forEach((expected, index) => {
        const actual = calls[index] ?? {};
        const picked = Object.fromEntries(Object.keys(expected).map((key) => [key, actual[key]]));
        assert.deepEqual(picked, expected, `call ${index + 1}`);
      });
    });
  }

  it('reports where the syntax error is', async () => {
    const analysis = await analyzeSnippet('from openai import OpenAI\ndef broken(:\n    pass\n', 'python');
    assert.ok(analysis.syntaxErrors.length > 0);
    assert.equal(analysis.syntaxErrors[0]?.range.start.line, 1);
  });
});
