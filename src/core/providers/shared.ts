import type { ApiSpec, ClientType, LanguageCatalog } from './types';
import type { ProviderId } from '../model';

/**
 * API shapes that the Python and JavaScript SDKs of a provider share (the
 * OpenAI and Anthropic SDKs use the same snake_case names in both languages).
 */

const OPENAI_CHAT: Omit<ApiSpec, 'api'> = {
  kind: 'generate',
  model: ['model'],
  // max_tokens is deprecated and rejected by reasoning models: a fix adds max_completion_tokens.
  outputLimit: ['max_completion_tokens', 'max_tokens'],
  prompts: [{ path: 'messages', role: 'user' }],
  tools: ['tools', 'functions'],
  stream: 'stream',
};

const OPENAI_RESPONSES: Omit<ApiSpec, 'api'> = {
  kind: 'generate',
  model: ['model'],
  outputLimit: ['max_output_tokens'],
  prompts: [
    { path: 'instructions', role: 'system' },
    { path: 'input', role: 'user' },
  ],
  tools: ['tools'],
  stream: 'stream',
};

const OPENAI_LEGACY_COMPLETIONS: Omit<ApiSpec, 'api'> = {
  kind: 'generate',
  model: ['model'],
  outputLimit: ['max_tokens'],
  prompts: [{ path: 'prompt', role: 'user' }],
  stream: 'stream',
};

function named<Spec extends Omit<ApiSpec, 'api'>>(api: string, spec: Spec, extra: Partial<ApiSpec> = {}): Spec & { api: string } {
  return { ...spec, ...extra, api };
}

export const OPENAI_METHODS: Record<string, ApiSpec> = {
  'chat.completions.create': named('chat.completions.create', OPENAI_CHAT),
  'chat.completions.parse': named('chat.completions.parse', OPENAI_CHAT),
  'chat.completions.stream': named('chat.completions.stream', OPENAI_CHAT, { streams: true }),
  'beta.chat.completions.parse': named('beta.chat.completions.parse', OPENAI_CHAT),
  'beta.chat.completions.stream': named('beta.chat.completions.stream', OPENAI_CHAT, { streams: true }),
  'chat.completions.runTools': named('chat.completions.runTools', OPENAI_CHAT),
  'beta.chat.completions.runTools': named('beta.chat.completions.runTools', OPENAI_CHAT),
  'responses.create': named('responses.create', OPENAI_RESPONSES),
  'responses.parse': named('responses.parse', OPENAI_RESPONSES),
  'responses.stream': named('responses.stream', OPENAI_RESPONSES, { streams: true }),
  'completions.create': named('completions.create', OPENAI_LEGACY_COMPLETIONS),
  'embeddings.create': { api: 'embeddings.create', kind: 'embeddings', model: ['model'], prompts: [{ path: 'input', role: 'user' }] },
  'responses.input_tokens.count': {
    api: 'responses.input_tokens.count',
    kind: 'count',
    model: ['model'],
    prompts: OPENAI_RESPONSES.prompts,
  },
  'responses.inputTokens.count': {
    api: 'responses.inputTokens.count',
    kind: 'count',
    model: ['model'],
    prompts: OPENAI_RESPONSES.prompts,
  },
};

/** The pre-1.0 Python module API (`openai.ChatCompletion.create`), still in old code. */
export const OPENAI_LEGACY_MODULE_METHODS: Record<string, ApiSpec> = {
  'ChatCompletion.create': named('ChatCompletion.create', OPENAI_CHAT),
  'ChatCompletion.acreate': named('ChatCompletion.acreate', OPENAI_CHAT),
  'Completion.create': named('Completion.create', OPENAI_LEGACY_COMPLETIONS),
  'Embedding.create': { api: 'Embedding.create', kind: 'embeddings', model: ['model'], prompts: [{ path: 'input', role: 'user' }] },
};

export function openAiCompatibleClient(id: string, provider: ProviderId, baseUrl: string[]): ClientType {
  return { id, provider, methods: OPENAI_METHODS, baseUrl };
}

const ANTHROPIC_MESSAGES: Omit<ApiSpec, 'api'> = {
  kind: 'generate',
  model: ['model'],
  outputLimit: ['max_tokens'],
  prompts: [
    { path: 'system', role: 'system' },
    { path: 'messages', role: 'user' },
  ],
  tools: ['tools'],
  stream: 'stream',
};

const ANTHROPIC_COUNT: Omit<ApiSpec, 'api'> = {
  kind: 'count',
  model: ['model'],
  prompts: ANTHROPIC_MESSAGES.prompts,
  tools: ['tools'],
};

export const ANTHROPIC_METHODS: Record<string, ApiSpec> = {
  'messages.create': named('messages.create', ANTHROPIC_MESSAGES),
  'messages.parse': named('messages.parse', ANTHROPIC_MESSAGES),
  'messages.stream': named('messages.stream', ANTHROPIC_MESSAGES, { streams: true }),
  'beta.messages.create': named('beta.messages.create', ANTHROPIC_MESSAGES),
  'beta.messages.parse': named('beta.messages.parse', ANTHROPIC_MESSAGES),
  'beta.messages.stream': named('beta.messages.stream', ANTHROPIC_MESSAGES, { streams: true }),
  'beta.messages.tool_runner': named('beta.messages.tool_runner', ANTHROPIC_MESSAGES),
  'beta.messages.toolRunner': named('beta.messages.toolRunner', ANTHROPIC_MESSAGES),
  'messages.count_tokens': named('messages.count_tokens', ANTHROPIC_COUNT),
  'messages.countTokens': named('messages.countTokens', ANTHROPIC_COUNT),
  'beta.messages.count_tokens': named('beta.messages.count_tokens', ANTHROPIC_COUNT),
  'beta.messages.countTokens': named('beta.messages.countTokens', ANTHROPIC_COUNT),
  'completions.create': {
    api: 'completions.create',
    kind: 'generate',
    model: ['model'],
    outputLimit: ['max_tokens_to_sample'],
    prompts: [{ path: 'prompt', role: 'user' }],
    stream: 'stream',
  },
};

export function chatModel(
  api: string,
  provider: ProviderId,
  model: string[],
  outputLimit: string[],
): ApiSpec & { provider: ProviderId } {
  return { api, kind: 'constructor', provider, model, outputLimit, reportConstruction: true };
}

/** Ollama's `options` dict holds the output limit as `num_predict`. */
export const OLLAMA_CHAT = {
  kind: 'generate',
  provider: 'ollama',
  model: ['model'],
  outputLimit: ['options.num_predict'],
  prompts: [
    { path: 'system', role: 'system' },
    { path: 'messages', role: 'user' },
    { path: 'prompt', role: 'user' },
  ],
  tools: ['tools'],
  stream: 'stream',
} satisfies Omit<ApiSpec, 'api'>;

/** InvokeModel takes the provider-native body as JSON; each model family names the limit its own way. */
export const BEDROCK_INVOKE = {
  kind: 'generate',
  provider: 'bedrock',
  model: ['modelId'],
  outputLimit: [
    'body.max_tokens',
    'body.max_gen_len',
    'body.maxTokenCount',
    'body.textGenerationConfig.maxTokenCount',
    'body.inferenceConfig.max_new_tokens',
    'body.max_completion_tokens',
  ],
  prompts: [
    { path: 'body.system', role: 'system' },
    { path: 'body.messages', role: 'user' },
    { path: 'body.prompt', role: 'user' },
    { path: 'body.inputText', role: 'user' },
  ],
} satisfies Omit<ApiSpec, 'api'>;

export { named as apiNamed };

/**
 * The catalog with lookup tables that inherit nothing. Entries are looked up by
 * names taken from the code, and through a plain object's prototype `import
 * toString` in Python found Object.prototype.toString and was reported as an
 * LLM call.
 */
export function withLookupTables(catalog: LanguageCatalog): LanguageCatalog {
  const table = <T>(entries: Record<string, T>): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, entries);
  const clientTypes = Object.entries(catalog.clientTypes).map(([id, type]): [string, ClientType] => [id, { ...type, methods: table(type.methods) }]);
  return {
    constructors: table(catalog.constructors),
    functions: table(catalog.functions),
    moduleClients: table(catalog.moduleClients),
    clientTypes: table(Object.fromEntries(clientTypes)),
  };
}
