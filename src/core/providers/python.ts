import type { ApiSpec, ClientConstructor, LanguageCatalog } from './types';
import {
  ANTHROPIC_METHODS,
  BEDROCK_INVOKE,
  OLLAMA_CHAT,
  OPENAI_LEGACY_MODULE_METHODS,
  OPENAI_METHODS,
  apiNamed,
  chatModel,
  openAiCompatibleClient,
  withLookupTables,
} from './shared';

const GOOGLE_GENERATE: Omit<ApiSpec, 'api'> = {
  kind: 'generate',
  model: ['model'],
  outputLimit: ['config.max_output_tokens'],
  prompts: [
    { path: 'config.system_instruction', role: 'system' },
    { path: 'contents', role: 'user' },
  ],
  tools: ['config.tools'],
};

const GOOGLE_MODELS: Record<string, ApiSpec> = {
  generate_content: apiNamed('models.generate_content', GOOGLE_GENERATE),
  generate_content_stream: apiNamed('models.generate_content_stream', GOOGLE_GENERATE, { streams: true }),
  count_tokens: { api: 'models.count_tokens', kind: 'count', model: ['model'], prompts: [{ path: 'contents', role: 'user' }] },
  embed_content: { api: 'models.embed_content', kind: 'embeddings', model: ['model'], prompts: [{ path: 'contents', role: 'user' }] },
};

/** `client.models.*` and the async twin `client.aio.models.*` report the same API name. */
function googleClientMethods(): Record<string, ApiSpec> {
  const methods: Record<string, ApiSpec> = {};
  for (const [name, spec] of Object.entries(GOOGLE_MODELS)) {
    methods[`models.${name}`] = spec;
    methods[`aio.models.${name}`] = spec;
  }
  methods['chats.create'] = { api: 'chats.create', kind: 'generate', returns: 'google-genai-chat' };
  methods['aio.chats.create'] = methods['chats.create'];
  return methods;
}

const LEGACY_GEMINI_GENERATE: ApiSpec = {
  api: 'generate_content',
  kind: 'generate',
  outputLimit: ['generation_config.max_output_tokens'],
  prompts: [
    { path: 'contents', role: 'user' },
    { path: '$0', role: 'user' },
  ],
  tools: ['tools'],
  stream: 'stream',
};

const LITELLM_COMPLETION = {
  kind: 'generate',
  provider: 'litellm',
  model: ['model', '$0'],
  outputLimit: ['max_tokens', 'max_completion_tokens'],
  prompts: [
    { path: 'messages', role: 'user' },
    { path: '$1', role: 'user' },
  ],
  tools: ['tools', 'functions'],
  stream: 'stream',
} satisfies Omit<ApiSpec, 'api'>;

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

const BEDROCK_RUNTIME = { path: ['$0', 'service_name'], equals: ['bedrock-runtime'] };

const MISTRAL_CHAT: Omit<ApiSpec, 'api'> = {
  kind: 'generate',
  model: ['model'],
  outputLimit: ['max_tokens'],
  prompts: [{ path: 'messages', role: 'user' }],
  tools: ['tools'],
};

const COHERE_CHAT: Omit<ApiSpec, 'api'> = {
  kind: 'generate',
  model: ['model'],
  outputLimit: ['max_tokens'],
  prompts: [
    { path: 'preamble', role: 'system' },
    { path: 'messages', role: 'user' },
    { path: 'message', role: 'user' },
  ],
  tools: ['tools'],
};

function constructors(names: string[], type: string): Record<string, ClientConstructor> {
  return Object.fromEntries(names.map((name) => [name, { type }]));
}

function langchain(names: string[], report: ApiSpec): Record<string, ClientConstructor> {
  return Object.fromEntries(names.map((name) => [name, { type: 'langchain-chat-model', report }]));
}

const LC_OPENAI = chatModel('ChatOpenAI', 'langchain', ['model', 'model_name'], ['max_tokens', 'max_completion_tokens']);

export const PYTHON_CATALOG: LanguageCatalog = withLookupTables({
  constructors: {
    ...constructors(['openai.OpenAI', 'openai.AsyncOpenAI'], 'openai'),
    ...constructors(['openai.AzureOpenAI', 'openai.AsyncAzureOpenAI', 'openai.lib.azure.AzureOpenAI'], 'azure-openai'),
    ...constructors(
      [
        'anthropic.Anthropic',
        'anthropic.AsyncAnthropic',
        'anthropic.Client',
        'anthropic.AsyncClient',
        'anthropic.AnthropicBedrock',
        'anthropic.AsyncAnthropicBedrock',
        'anthropic.AnthropicBedrockMantle',
        'anthropic.AsyncAnthropicBedrockMantle',
        'anthropic.AnthropicVertex',
        'anthropic.AsyncAnthropicVertex',
        'anthropic.lib.vertex.AnthropicVertex',
        'anthropic.lib.bedrock.AnthropicBedrock',
      ],
      'anthropic',
    ),
    'google.genai.Client': { type: 'google-genai' },
    'google.generativeai.GenerativeModel': { type: 'google-legacy-model' },
    'google.generativeai.generative_models.GenerativeModel': { type: 'google-legacy-model' },
    'vertexai.generative_models.GenerativeModel': { type: 'google-legacy-model' },
    'vertexai.preview.generative_models.GenerativeModel': { type: 'google-legacy-model' },
    ...constructors(['groq.Groq', 'groq.AsyncGroq'], 'groq'),
    ...constructors(['mistralai.Mistral'], 'mistral'),
    ...constructors(['mistralai.client.MistralClient', 'mistralai.async_client.MistralAsyncClient'], 'mistral-legacy'),
    ...constructors(['cohere.ClientV2', 'cohere.AsyncClientV2', 'cohere.Client', 'cohere.AsyncClient'], 'cohere'),
    ...constructors(['ollama.Client', 'ollama.AsyncClient'], 'ollama'),
    ...constructors(['litellm.Router', 'litellm.router.Router'], 'litellm-router'),
    'boto3.client': { type: 'bedrock-runtime', when: BEDROCK_RUNTIME },
    'boto3.session.Session': { type: 'boto3-session' },
    'boto3.Session': { type: 'boto3-session' },
    ...langchain(
      ['langchain_openai.ChatOpenAI', 'langchain_community.chat_models.ChatOpenAI', 'langchain.chat_models.ChatOpenAI'],
      LC_OPENAI,
    ),
    ...langchain(
      ['langchain_openai.AzureChatOpenAI', 'langchain_community.chat_models.AzureChatOpenAI'],
      chatModel('AzureChatOpenAI', 'langchain', ['azure_deployment', 'deployment_name', 'model'], ['max_tokens', 'max_completion_tokens']),
    ),
    ...langchain(
      ['langchain_anthropic.ChatAnthropic', 'langchain_community.chat_models.ChatAnthropic'],
      chatModel('ChatAnthropic', 'langchain', ['model', 'model_name'], ['max_tokens', 'max_tokens_to_sample']),
    ),
    ...langchain(
      ['langchain_google_genai.ChatGoogleGenerativeAI'],
      chatModel('ChatGoogleGenerativeAI', 'langchain', ['model'], ['max_output_tokens', 'max_tokens']),
    ),
    ...langchain(
      ['langchain_google_vertexai.ChatVertexAI'],
      chatModel('ChatVertexAI', 'langchain', ['model', 'model_name'], ['max_output_tokens', 'max_tokens']),
    ),
    ...langchain(
      ['langchain_aws.ChatBedrockConverse'],
      chatModel('ChatBedrockConverse', 'langchain', ['model', 'model_id'], ['max_tokens']),
    ),
    ...langchain(
      ['langchain_aws.ChatBedrock', 'langchain_community.chat_models.BedrockChat'],
      chatModel('ChatBedrock', 'langchain', ['model_id', 'model'], ['model_kwargs.max_tokens', 'max_tokens']),
    ),
    ...langchain(['langchain_mistralai.ChatMistralAI'], chatModel('ChatMistralAI', 'langchain', ['model'], ['max_tokens'])),
    ...langchain(['langchain_groq.ChatGroq'], chatModel('ChatGroq', 'langchain', ['model', 'model_name'], ['max_tokens'])),
    ...langchain(['langchain_cohere.ChatCohere'], chatModel('ChatCohere', 'langchain', ['model'], ['max_tokens'])),
    ...langchain(['langchain_deepseek.ChatDeepSeek'], chatModel('ChatDeepSeek', 'langchain', ['model'], ['max_tokens'])),
    ...langchain(['langchain_ollama.ChatOllama'], chatModel('ChatOllama', 'langchain', ['model'], ['num_predict'])),
  },
  functions: {
    'litellm.completion': apiNamed('completion', LITELLM_COMPLETION),
    'litellm.acompletion': apiNamed('acompletion', LITELLM_COMPLETION),
    'litellm.text_completion': {
      api: 'text_completion',
      provider: 'litellm',
      kind: 'generate',
      model: ['model'],
      outputLimit: ['max_tokens'],
      prompts: [{ path: 'prompt', role: 'user' }],
    },
    'litellm.embedding': { api: 'embedding', provider: 'litellm', kind: 'embeddings', model: ['model'], prompts: [{ path: 'input', role: 'user' }] },
    'litellm.aembedding': { api: 'aembedding', provider: 'litellm', kind: 'embeddings', model: ['model'], prompts: [{ path: 'input', role: 'user' }] },
    'litellm.token_counter': { api: 'token_counter', provider: 'litellm', kind: 'count', model: ['model'], prompts: [{ path: 'messages', role: 'user' }] },
    'google.generativeai.embed_content': {
      api: 'embed_content',
      provider: 'google',
      kind: 'embeddings',
      model: ['model'],
      prompts: [{ path: 'content', role: 'user' }],
    },
    'ollama.chat': apiNamed('chat', OLLAMA_CHAT),
    'ollama.generate': apiNamed('generate', OLLAMA_CHAT),
    'langchain.chat_models.init_chat_model': chatModel('init_chat_model', 'langchain', ['model', '$0'], ['max_tokens']),
  },
  moduleClients: {
    openai: 'openai-module',
  },
  clientTypes: {
    openai: openAiCompatibleClient('openai', 'openai', ['base_url']),
    'openai-module': { id: 'openai-module', provider: 'openai', methods: { ...OPENAI_METHODS, ...OPENAI_LEGACY_MODULE_METHODS } },
    'azure-openai': openAiCompatibleClient('azure-openai', 'azure-openai', ['base_url', 'azure_endpoint']),
    groq: openAiCompatibleClient('groq', 'groq', ['base_url']),
    anthropic: { id: 'anthropic', provider: 'anthropic', methods: ANTHROPIC_METHODS },
    'google-genai': { id: 'google-genai', provider: 'google', methods: googleClientMethods() },
    'google-genai-chat': {
      id: 'google-genai-chat',
      provider: 'google',
      methods: {
        send_message: { api: 'chats.send_message', kind: 'generate', outputLimit: ['config.max_output_tokens'], prompts: [{ path: 'message', role: 'user' }, { path: '$0', role: 'user' }] },
        send_message_stream: { api: 'chats.send_message_stream', kind: 'generate', streams: true, outputLimit: ['config.max_output_tokens'], prompts: [{ path: 'message', role: 'user' }, { path: '$0', role: 'user' }] },
      },
      inherits: GOOGLE_GENERATE,
    },
    'google-legacy-model': {
      id: 'google-legacy-model',
      provider: 'google',
      methods: {
        generate_content: LEGACY_GEMINI_GENERATE,
        generate_content_async: LEGACY_GEMINI_GENERATE,
        count_tokens: { api: 'count_tokens', kind: 'count', prompts: [{ path: '$0', role: 'user' }] },
        start_chat: { api: 'start_chat', kind: 'generate', returns: 'google-legacy-chat' },
      },
      inherits: {
        model: ['model_name', '$0'],
        outputLimit: ['generation_config.max_output_tokens'],
        prompts: [{ path: 'system_instruction', role: 'system' }],
        tools: ['tools'],
      },
    },
    'google-legacy-chat': {
      id: 'google-legacy-chat',
      provider: 'google',
      methods: {
        send_message: { ...LEGACY_GEMINI_GENERATE, api: 'send_message' },
        send_message_async: { ...LEGACY_GEMINI_GENERATE, api: 'send_message' },
      },
    },
    mistral: {
      id: 'mistral',
      provider: 'mistral',
      methods: {
        'chat.complete': apiNamed('chat.complete', MISTRAL_CHAT),
        'chat.complete_async': apiNamed('chat.complete_async', MISTRAL_CHAT),
        'chat.stream': apiNamed('chat.stream', MISTRAL_CHAT, { streams: true }),
        'chat.stream_async': apiNamed('chat.stream_async', MISTRAL_CHAT, { streams: true }),
        'chat.parse': apiNamed('chat.parse', MISTRAL_CHAT),
        'fim.complete': { api: 'fim.complete', kind: 'generate', model: ['model'], outputLimit: ['max_tokens'], prompts: [{ path: 'prompt', role: 'user' }] },
        'embeddings.create': { api: 'embeddings.create', kind: 'embeddings', model: ['model'], prompts: [{ path: 'inputs', role: 'user' }] },
      },
    },
    'mistral-legacy': {
      id: 'mistral-legacy',
      provider: 'mistral',
      methods: {
        chat: apiNamed('chat', MISTRAL_CHAT),
        chat_stream: apiNamed('chat_stream', MISTRAL_CHAT, { streams: true }),
        embeddings: { api: 'embeddings', kind: 'embeddings', model: ['model'], prompts: [{ path: 'input', role: 'user' }] },
      },
    },
    cohere: {
      id: 'cohere',
      provider: 'cohere',
      methods: {
        chat: apiNamed('chat', COHERE_CHAT),
        chat_stream: apiNamed('chat_stream', COHERE_CHAT, { streams: true }),
        embed: { api: 'embed', kind: 'embeddings', model: ['model'], prompts: [{ path: 'texts', role: 'user' }] },
      },
    },
    ollama: {
      id: 'ollama',
      provider: 'ollama',
      methods: { chat: apiNamed('chat', OLLAMA_CHAT), generate: apiNamed('generate', OLLAMA_CHAT) },
    },
    'litellm-router': {
      id: 'litellm-router',
      provider: 'litellm',
      methods: {
        completion: apiNamed('completion', LITELLM_COMPLETION),
        acompletion: apiNamed('acompletion', LITELLM_COMPLETION),
      },
    },
    'bedrock-runtime': {
      id: 'bedrock-runtime',
      provider: 'bedrock',
      methods: {
        converse: apiNamed('converse', BEDROCK_CONVERSE),
        converse_stream: apiNamed('converse_stream', BEDROCK_CONVERSE, { streams: true }),
        invoke_model: apiNamed('invoke_model', BEDROCK_INVOKE),
        invoke_model_with_response_stream: apiNamed('invoke_model_with_response_stream', BEDROCK_INVOKE, { streams: true }),
      },
    },
    'boto3-session': {
      id: 'boto3-session',
      provider: 'bedrock',
      methods: { client: { api: 'client', kind: 'generate', returns: 'bedrock-runtime', when: BEDROCK_RUNTIME } },
    },
    // `base_url` points a LangChain chat model at an OpenAI-compatible server (Ollama, vLLM) as it does a client.
    'langchain-chat-model': { id: 'langchain-chat-model', provider: 'langchain', methods: {}, baseUrl: ['base_url', 'openai_api_base'] },
  },
});
