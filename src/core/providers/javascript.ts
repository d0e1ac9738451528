import type { ProviderId } from '../model';
import type { ApiSpec, ClientConstructor, LanguageCatalog } from './types';
import { ANTHROPIC_METHODS, BEDROCK_INVOKE, OLLAMA_CHAT, apiNamed, chatModel, openAiCompatibleClient, withLookupTables } from './shared';

/** JavaScript SDKs take one options object; names follow each SDK's casing. */

const GOOGLE_GENERATE: Omit<ApiSpec, 'api'> = {
  kind: 'generate',
  model: ['model'],
  outputLimit: ['config.maxOutputTokens'],
  prompts: [
    { path: 'config.systemInstruction', role: 'system' },
    { path: 'contents', role: 'user' },
  ],
  tools: ['config.tools'],
};

const LEGACY_GEMINI_GENERATE: ApiSpec = {
  api: 'generateContent',
  kind: 'generate',
  outputLimit: ['generationConfig.maxOutputTokens'],
  prompts: [
    { path: 'contents', role: 'user' },
    { path: '$0', role: 'user' },
  ],
  tools: ['tools'],
};

const VERCEL_GENERATE = {
  kind: 'generate',
  provider: 'vercel-ai',
  model: ['model'],
  // AI SDK 5 renamed maxTokens to maxOutputTokens.
  outputLimit: ['maxOutputTokens', 'maxTokens'],
  prompts: [
    // AI SDK 7 names the system prompt `instructions`, as its agents always have.
    { path: 'instructions', role: 'system' },
    { path: 'system', role: 'system' },
    { path: 'prompt', role: 'user' },
    { path: 'messages', role: 'user' },
  ],
  tools: ['tools'],
} satisfies Omit<ApiSpec, 'api'>;

/** What an agent's `generate`/`stream` is asked; model, instructions, limit and tools were given to its constructor. */
const VERCEL_AGENT_RUN: Omit<ApiSpec, 'api'> = {
  kind: 'generate',
  prompts: [
    { path: 'prompt', role: 'user' },
    { path: 'messages', role: 'user' },
  ],
};

const BEDROCK_CONVERSE = {
  kind: 'generate',
  provider: 'bedrock',
  model: ['modelId'],
  outputLimit: ['inferenceConfig.maxTokens'],
  prompts: [
    { path: 'system', role: 'system' },
    { path: 'messages', role: 'user' },
  ],
  tools: ['toolConfig'],
} satisfies Omit<ApiSpec, 'api'>;

const MISTRAL_CHAT: Omit<ApiSpec, 'api'> = {
  kind: 'generate',
  model: ['model'],
  outputLimit: ['maxTokens'],
  prompts: [{ path: 'messages', role: 'user' }],
  tools: ['tools'],
};

const COHERE_CHAT: Omit<ApiSpec, 'api'> = {
  kind: 'generate',
  model: ['model'],
  outputLimit: ['maxTokens'],
  prompts: [
    { path: 'preamble', role: 'system' },
    { path: 'messages', role: 'user' },
    { path: 'message', role: 'user' },
  ],
  tools: ['tools'],
};

/** `import X from 'm'`, `import { X } from 'm'` and CommonJS `require('m')` all name the same class. */
function exported(module: string, names: string[], type: string, commonJsDefault = false): Record<string, ClientConstructor> {
  const entries: [string, ClientConstructor][] = names.map((name) => [`${module}#${name}`, { type }]);
  if (commonJsDefault) entries.push([module, { type }]);
  return Object.fromEntries(entries);
}

function langchain(module: string, api: string, model: string[], outputLimit: string[]): Record<string, ClientConstructor> {
  return { [`${module}#${api}`]: { type: 'langchain-chat-model', report: chatModel(api, 'langchain', model, outputLimit) } };
}

function vercel(names: string[], spec: Omit<ApiSpec, 'api'>, extra: Partial<ApiSpec> = {}): Record<string, ApiSpec & { provider: ProviderId }> {
  return Object.fromEntries(names.map((name) => [`ai#${name}`, { ...apiNamed(name, spec, extra), provider: 'vercel-ai' as const }]));
}

function bedrockCommands(): Record<string, ApiSpec & { provider: ProviderId }> {
  const module = '@aws-sdk/client-bedrock-runtime';
  return {
    [`${module}#ConverseCommand`]: apiNamed('ConverseCommand', BEDROCK_CONVERSE),
    [`${module}#ConverseStreamCommand`]: apiNamed('ConverseStreamCommand', BEDROCK_CONVERSE, { streams: true }),
    [`${module}#InvokeModelCommand`]: apiNamed('InvokeModelCommand', BEDROCK_INVOKE),
    [`${module}#InvokeModelWithResponseStreamCommand`]: apiNamed('InvokeModelWithResponseStreamCommand', BEDROCK_INVOKE, {
      streams: true,
    }),
  };
}

export const JAVASCRIPT_CATALOG: LanguageCatalog = withLookupTables({
  constructors: {
    ...exported('openai', ['default', 'OpenAI'], 'openai', true),
    ...exported('openai', ['AzureOpenAI'], 'azure-openai'),
    ...exported('@anthropic-ai/sdk', ['default', 'Anthropic'], 'anthropic', true),
    ...exported('@anthropic-ai/bedrock-sdk', ['default', 'AnthropicBedrock'], 'anthropic', true),
    ...exported('@anthropic-ai/vertex-sdk', ['default', 'AnthropicVertex'], 'anthropic', true),
    ...exported('@google/genai', ['GoogleGenAI'], 'google-genai'),
    ...exported('@google/generative-ai', ['GoogleGenerativeAI'], 'google-legacy'),
    ...exported('@mistralai/mistralai', ['Mistral', 'default'], 'mistral'),
    ...exported('cohere-ai', ['CohereClientV2', 'CohereClient'], 'cohere'),
    ...exported('groq-sdk', ['default', 'Groq'], 'groq', true),
    ...exported('ollama', ['Ollama'], 'ollama'),
    // AI SDK 5 exported the agent as Experimental_Agent, AI SDK 6 and later as ToolLoopAgent.
    ...exported('ai', ['ToolLoopAgent', 'Experimental_Agent', 'Agent'], 'vercel-agent'),
    ...langchain('@langchain/openai', 'ChatOpenAI', ['model', 'modelName'], ['maxTokens', 'maxCompletionTokens']),
    ...langchain('@langchain/openai', 'AzureChatOpenAI', ['azureOpenAIApiDeploymentName', 'model'], ['maxTokens']),
    ...langchain('@langchain/anthropic', 'ChatAnthropic', ['model', 'modelName'], ['maxTokens']),
    ...langchain('@langchain/google-genai', 'ChatGoogleGenerativeAI', ['model', 'modelName'], ['maxOutputTokens']),
    ...langchain('@langchain/google-vertexai', 'ChatVertexAI', ['model'], ['maxOutputTokens']),
    ...langchain('@langchain/aws', 'ChatBedrockConverse', ['model'], ['maxTokens']),
    ...langchain('@langchain/mistralai', 'ChatMistralAI', ['model'], ['maxTokens']),
    ...langchain('@langchain/groq', 'ChatGroq', ['model'], ['maxTokens']),
    ...langchain('@langchain/ollama', 'ChatOllama', ['model'], ['numPredict']),
  },
  functions: {
    ...vercel(['generateText', 'generateObject'], VERCEL_GENERATE),
    ...vercel(['streamText', 'streamObject'], VERCEL_GENERATE, { streams: true }),
    ...vercel(['embed'], { kind: 'embeddings', model: ['model'], prompts: [{ path: 'value', role: 'user' }] }),
    ...vercel(['embedMany'], { kind: 'embeddings', model: ['model'], prompts: [{ path: 'values', role: 'user' }] }),
    ...bedrockCommands(),
  },
  moduleClients: {
    'ollama#default': 'ollama',
    ollama: 'ollama',
  },
  clientTypes: {
    openai: openAiCompatibleClient('openai', 'openai', ['baseURL']),
    'azure-openai': openAiCompatibleClient('azure-openai', 'azure-openai', ['baseURL', 'endpoint']),
    groq: openAiCompatibleClient('groq', 'groq', ['baseURL']),
    anthropic: { id: 'anthropic', provider: 'anthropic', methods: ANTHROPIC_METHODS },
    'google-genai': {
      id: 'google-genai',
      provider: 'google',
      methods: {
        'models.generateContent': apiNamed('models.generateContent', GOOGLE_GENERATE),
        'models.generateContentStream': apiNamed('models.generateContentStream', GOOGLE_GENERATE, { streams: true }),
        'models.countTokens': { api: 'models.countTokens', kind: 'count', model: ['model'], prompts: [{ path: 'contents', role: 'user' }] },
        'models.embedContent': { api: 'models.embedContent', kind: 'embeddings', model: ['model'], prompts: [{ path: 'contents', role: 'user' }] },
        'chats.create': { api: 'chats.create', kind: 'generate', returns: 'google-genai-chat' },
      },
    },
    'google-genai-chat': {
      id: 'google-genai-chat',
      provider: 'google',
      methods: {
        sendMessage: { api: 'chats.sendMessage', kind: 'generate', outputLimit: ['config.maxOutputTokens'], prompts: [{ path: 'message', role: 'user' }] },
        sendMessageStream: {
          api: 'chats.sendMessageStream',
          kind: 'generate',
          streams: true,
          outputLimit: ['config.maxOutputTokens'],
          prompts: [{ path: 'message', role: 'user' }],
        },
      },
      inherits: GOOGLE_GENERATE,
    },
    'google-legacy': {
      id: 'google-legacy',
      provider: 'google',
      methods: { getGenerativeModel: { api: 'getGenerativeModel', kind: 'generate', returns: 'google-legacy-model' } },
    },
    'google-legacy-model': {
      id: 'google-legacy-model',
      provider: 'google',
      methods: {
        generateContent: LEGACY_GEMINI_GENERATE,
        generateContentStream: { ...LEGACY_GEMINI_GENERATE, api: 'generateContentStream', streams: true },
        countTokens: { api: 'countTokens', kind: 'count', prompts: [{ path: '$0', role: 'user' }] },
        embedContent: { api: 'embedContent', kind: 'embeddings', prompts: [{ path: '$0', role: 'user' }] },
        startChat: { api: 'startChat', kind: 'generate', returns: 'google-legacy-chat' },
      },
      inherits: {
        model: ['model'],
        outputLimit: ['generationConfig.maxOutputTokens'],
        prompts: [{ path: 'systemInstruction', role: 'system' }],
        tools: ['tools'],
      },
    },
    'google-legacy-chat': {
      id: 'google-legacy-chat',
      provider: 'google',
      methods: {
        sendMessage: { ...LEGACY_GEMINI_GENERATE, api: 'sendMessage' },
        sendMessageStream: { ...LEGACY_GEMINI_GENERATE, api: 'sendMessageStream', streams: true },
      },
    },
    mistral: {
      id: 'mistral',
      provider: 'mistral',
      methods: {
        'chat.complete': apiNamed('chat.complete', MISTRAL_CHAT),
        'chat.stream': apiNamed('chat.stream', MISTRAL_CHAT, { streams: true }),
        'chat.parse': apiNamed('chat.parse', MISTRAL_CHAT),
        'embeddings.create': { api: 'embeddings.create', kind: 'embeddings', model: ['model'], prompts: [{ path: 'inputs', role: 'user' }] },
      },
    },
    cohere: {
      id: 'cohere',
      provider: 'cohere',
      methods: {
        chat: apiNamed('chat', COHERE_CHAT),
        chatStream: apiNamed('chatStream', COHERE_CHAT, { streams: true }),
        embed: { api: 'embed', kind: 'embeddings', model: ['model'], prompts: [{ path: 'texts', role: 'user' }] },
      },
    },
    ollama: {
      id: 'ollama',
      provider: 'ollama',
      methods: {
        chat: apiNamed('chat', OLLAMA_CHAT),
        generate: apiNamed('generate', OLLAMA_CHAT),
      },
    },
    'vercel-agent': {
      id: 'vercel-agent',
      provider: 'vercel-ai',
      methods: {
        generate: apiNamed('agent.generate', VERCEL_AGENT_RUN),
        stream: apiNamed('agent.stream', VERCEL_AGENT_RUN, { streams: true }),
      },
      inherits: {
        model: VERCEL_GENERATE.model,
        outputLimit: VERCEL_GENERATE.outputLimit,
        prompts: VERCEL_GENERATE.prompts.filter((prompt) => prompt.role === 'system'),
        tools: VERCEL_GENERATE.tools,
      },
    },
    // `configuration.baseURL` points a LangChain chat model at an OpenAI-compatible server (Ollama, vLLM).
    'langchain-chat-model': { id: 'langchain-chat-model', provider: 'langchain', methods: {}, baseUrl: ['baseUrl', 'configuration.baseURL'] },
  },
});

/**
 * The Vercel AI SDK's provider functions (`@ai-sdk/openai` exports `openai`, …): `openai('gpt-4o')`
 * and `openai.chat('gpt-4o')` name the model in their first argument. A provider made with
 * `createOpenAI(…)` and the like counts too; any other function's argument is not a model name.
 */
export const VERCEL_MODEL_FACTORIES: ReadonlySet<string> = new Set([
  'openai', 'anthropic', 'google', 'vertex', 'azure', 'bedrock', 'mistral', 'groq', 'xai', 'deepseek',
  'cohere', 'perplexity', 'togetherai', 'fireworks', 'cerebras', 'deepinfra', 'openrouter', 'ollama', 'gateway',
]);
