/**
 * Turns the model names people write (`anthropic/claude-sonnet-4-5-20250929`,
 * `us.anthropic.claude-sonnet-4-6-v1:0`, `models/gemini-2.5-flash`) into the
 * names our catalog uses.
 */

/** Routes to a provider's own API or a cloud reselling it at list price: dropped. */
const ROUTE_PREFIXES = new Set([
  'openai', 'anthropic', 'azure', 'azure_ai', 'gemini', 'google', 'vertex_ai',
  'bedrock', 'bedrock_converse', 'deepseek', 'mistral', 'models',
]);

/** Hosts that set their own prices for open models: dropped, but remembered. */
const HOST_PREFIXES = new Set(['groq', 'together_ai', 'fireworks_ai', 'deepinfra', 'cerebras', 'openrouter']);

/** Vercel AI SDK style `openai:gpt-4o`. */
const COLON_PROVIDERS = new Set(['openai', 'anthropic', 'google', 'mistral', 'groq', 'deepseek', 'azure', 'bedrock', 'vertex', 'xai', 'cohere']);

/** Bedrock ids: optional cross-region prefix, vendor, then the model (`us.anthropic.claude-…-v1:0`). */
const BEDROCK_ID = /^(?:(?:us|eu|apac|global|jp|au|ca|us-gov)\.)?(?:anthropic|meta|mistral|amazon|cohere|ai21|deepseek|openai|qwen|writer)\.(.+)$/;
const BEDROCK_VERSION = /-v\d+(?::\d+)?$/;
const VERTEX_VERSION = /@[\w.-]+$/;
const DATE_OR_LATEST = /-(?:\d{4}-\d{2}-\d{2}|\d{8}|latest)$/;

/** Prefixes that route to first-party APIs; converted catalog ids drop them (`gemini/gemini-2.5-flash` → `gemini-2.5-flash`). */
export const FIRST_PARTY_ROUTES = new Set(['openai', 'anthropic', 'gemini', 'deepseek', 'mistral', 'xai', 'cohere']);

export interface NormalizedName {
  /** Lowercase, progressively normalised forms, most specific first, without repeats. */
  forms: string[];
  /** The host named in a prefix (`groq`, `together_ai`…), which decides the price of open models. */
  host?: string;
}

export function normalizeModelName(model: string): NormalizedName {
  const lower = model.trim().toLowerCase();
  const { name: unwrapped, host } = unwrap(lower);
  const native = claudeDashes(stripVersions(unwrapped));
  const forms = [lower, unwrapped, native, native.replace(DATE_OR_LATEST, '')];
  return { forms: [...new Set(forms)], host };
}

/** The last path segment: the model name a host lists (`meta-llama/Llama-4-…` → `llama-4-…`). */
export function bareName(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1).toLowerCase();
}

function unwrap(name: string): { name: string; host?: string } {
  let host: string | undefined;
  for (;;) {
    const colon = /^([a-z]+):(.+)$/.exec(name);
    if (colon && COLON_PROVIDERS.has(colon[1])) {
      name = colon[2];
      continue;
    }
    const slash = name.indexOf('/');
    if (slash < 0) return { name, host };
    const prefix = name.slice(0, slash);
    const rest = name.slice(slash + 1);
    if (ROUTE_PREFIXES.has(prefix)) {
      name = rest;
    } else if (HOST_PREFIXES.has(prefix)) {
      host = prefix;
      // OpenRouter names the vendor next (`openrouter/meta-llama/…`); the vendor is no route of its own.
      name = prefix === 'openrouter' && rest.includes('/') ? rest.slice(rest.indexOf('/') + 1) : rest;
    } else {
      return { name, host };
    }
  }
}

function stripVersions(name: string): string {
  const bedrock = BEDROCK_ID.exec(name);
  const model = bedrock ? bedrock[1].replace(BEDROCK_VERSION, '') : name;
  return model.replace(VERTEX_VERSION, '');
}

/** OpenRouter and others write Claude versions with dots (`claude-sonnet-4.5`); Anthropic uses dashes. */
function claudeDashes(name: string): string {
  return name.startsWith('claude') ? name.replace(/(\d)\.(\d)/g, '$1-$2') : name;
}
