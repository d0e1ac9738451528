/**
 * Which catalog provider's price list a name prefix points to. Written the way
 * LiteLLM (`groq/…`), OpenRouter (`anthropic/…`), the Vercel AI SDK (`openai:…`)
 * and Google (`models/…`) write them; values are the catalog's `provider`.
 */
export const ROUTES: Readonly<Record<string, string>> = {
  openai: 'openai', 'text-completion-openai': 'openai', chatgpt: 'openai',
  anthropic: 'anthropic',
  google: 'google', gemini: 'google', models: 'google', vertex: 'google', vertex_ai: 'google', 'google-vertex': 'google', palm: 'google',
  deepseek: 'deepseek', 'deepseek-ai': 'deepseek',
  mistral: 'mistral', mistralai: 'mistral', codestral: 'mistral', 'text-completion-codestral': 'mistral',
  xai: 'xai', 'x-ai': 'xai',
  cohere: 'cohere', cohere_chat: 'cohere',
  moonshot: 'moonshotai', moonshotai: 'moonshotai',
  minimax: 'minimax', zai: 'zai', 'z-ai': 'zai', zhipuai: 'zhipuai', voyage: 'voyageai', voyageai: 'voyageai',
  perplexity: 'perplexity', arcee: 'arcee', 'arcee-ai': 'arcee',
  azure: 'azure', azure_text: 'azure',
  bedrock: 'bedrock', bedrock_converse: 'bedrock', 'amazon-bedrock': 'bedrock',
  groq: 'groq', cerebras: 'cerebras', deepinfra: 'deepinfra', novita: 'novita', cloudflare: 'cloudflare',
  together_ai: 'together', together: 'together', togetherai: 'together',
  fireworks_ai: 'fireworks', fireworks: 'fireworks',
  baseten: 'baseten', avian: 'avian', ovhcloud: 'ovhcloud',
  openrouter: 'openrouter',
};

/**
 * A cloud region or data zone inside the id (`bedrock/eu-west-3/…`, `azure/eu/…`, Bedrock's
 * `us-gov.`): priced differently from the list the catalog holds (up to +70% in LiteLLM's file).
 */
export const REGION_SEGMENT = /^((?:us|eu|ap|sa|ca|me|af|il|mx)(?:-gov)?-[a-z]+-\d|us|eu|apac)\/|^(us-gov)\./;

/** Path prefixes that are a host's own namespace (Fireworks' ids as its API takes them). */
export const ROUTE_PATHS: Readonly<Record<string, string>> = { 'accounts/fireworks/models/': 'fireworks' };

/** Gateways that name the vendor next (`openrouter/anthropic/…`): the vendor's own list applies where theirs has no entry. */
export const GATEWAYS: ReadonlySet<string> = new Set(['openrouter', 'vercel_ai_gateway']);

/** Vercel AI SDK provider ids in `provider:model` form; other colons are model tags (`gemma:2b`). */
export const COLON_PROVIDERS: ReadonlySet<string> = new Set([
  'openai', 'anthropic', 'google', 'vertex', 'mistral', 'groq', 'deepseek', 'azure', 'bedrock', 'amazon-bedrock', 'xai',
  'cohere', 'togetherai', 'fireworks', 'cerebras', 'deepinfra', 'perplexity',
]);

/**
 * Hosts and clouds (LiteLLM's provider names) whose prices the catalog does not hold: their
 * own prices differ from every listed one, so a name behind them is unknown, never another host's price.
 */
export const UNPRICED_HOSTS: ReadonlySet<string> = new Set([
  'ai21', 'aiml', 'azure_ai', 'amazon_nova', 'amazon-nova', 'anyscale', 'bedrock_mantle', 'clarifai', 'crusoe', 'darkbloom', 'dashscope',
  'databricks', 'featherless_ai', 'friendliai', 'gigachat', 'github_copilot', 'gmi', 'gradient_ai', 'heroku', 'huggingface',
  'hyperbolic', 'inception', 'lambda_ai', 'lemonade', 'libertai', 'llamagate', 'meta_llama', 'morph', 'nebius', 'nlp_cloud',
  'nscale', 'nvidia_nim', 'oci', 'ollama', 'ollama_chat', 'pinstripes', 'predibase', 'publicai', 'replicate', 'sagemaker',
  'sambanova', 'sarvam', 'scaleway', 'snowflake', 'tencent', 'tensormesh', 'v0', 'volcengine', 'wandb', 'watsonx',
  'hosted_vllm', 'vllm', 'lm_studio', 'xinference',
]);
