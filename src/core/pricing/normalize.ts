/**
 * Reads a model name as people write it (`anthropic/claude-3.5-sonnet`,
 * `us.anthropic.claude-sonnet-4-6-v1:0`, `openai:gpt-4o`, `claude-sonnet-4@20250514`)
 * into whose price list applies and the forms to look the model up by.
 */
import { COLON_PROVIDERS, GATEWAYS, REGION_SEGMENT, ROUTE_PATHS, ROUTES, UNPRICED_HOSTS } from './routes';

/** Bedrock ids: optional cross-region prefix, vendor, then the model (`us.anthropic.claude-…-v1:0`). */
const BEDROCK_ID = /^(?:(?:us|eu|apac|global|jp|au|ca|us-gov)\.)?(?:anthropic|meta|mistral|amazon|cohere|ai21|deepseek|openai|qwen|writer)\.(.+)$/;
const BEDROCK_VERSION = /-v\d+(?::\d+)?$/;
const VERTEX_VERSION = /@[\w.-]+$/;
const DATE = /-(?:\d{4}-\d{2}-\d{2}|\d{8})$/;
/** `-latest` names the current version of a versioned model; on a bare family (`gemini-pro-latest`) it is a newer model than the family's first. */
const VERSIONED_LATEST = /^(.*\d.*)-latest$/;

export interface ParsedName {
  /** Lowercase, progressively normalised forms, most specific first, without repeats. */
  forms: string[];
  /** The catalog provider whose list prices the name, from its prefix or its Bedrock shape. */
  scope?: string;
  /** Behind a gateway (`openrouter/anthropic/…`): the vendor whose list applies where the gateway's has no entry. */
  vendorScope?: string;
  /** A host prefix whose prices the catalog does not hold. */
  unpricedHost?: string;
}

export function parseModelName(model: string): ParsedName {
  const lower = model.trim().toLowerCase();
  const parsed: ParsedName = { forms: [] };
  let name = lower;
  // A model after the colon has a dash (`openai:gpt-4o`); an Ollama tag does not start like one (`mistral:7b`, `mistral:latest`).
  const colon = /^([a-z][\w-]*):([a-z][^:]*-.*)$/.exec(name);
  if (colon && COLON_PROVIDERS.has(colon[1])) {
    parsed.scope = ROUTES[colon[1]];
    name = colon[2];
  }
  for (const [path, scope] of Object.entries(ROUTE_PATHS)) {
    if (name.startsWith(path) && (parsed.scope === undefined || parsed.scope === scope)) {
      parsed.scope = scope;
      name = name.slice(path.length);
    }
  }
  const slash = name.indexOf('/');
  const prefix = slash < 0 ? '' : name.slice(0, slash);
  if (slash >= 0 && (ROUTES[prefix] !== undefined || GATEWAYS.has(prefix))) {
    name = name.slice(slash + 1);
    parsed.scope = ROUTES[prefix];
    const vendor = name.includes('/') ? name.slice(0, name.indexOf('/')) : '';
    if (GATEWAYS.has(prefix) && ROUTES[vendor] !== undefined) {
      parsed.vendorScope = ROUTES[vendor];
      // A gateway with no list of its own (Vercel's) simply charges the vendor's.
      parsed.scope ??= parsed.vendorScope;
    }
  } else if (slash >= 0 && UNPRICED_HOSTS.has(prefix)) {
    parsed.unpricedHost = prefix;
  }
  const region = (parsed.scope === 'bedrock' || parsed.scope === 'azure' || parsed.scope === undefined) && REGION_SEGMENT.exec(name);
  if (region && (parsed.scope !== undefined || region[2])) parsed.unpricedHost = `${parsed.scope ?? 'bedrock'} ${region[1] ?? region[2]}`;
  const bedrock = (parsed.scope === undefined || parsed.scope === 'bedrock') && BEDROCK_ID.exec(name);
  if (bedrock) parsed.scope = 'bedrock';
  // The vendor's own name for the model: what its list, and the gateway's fallback to it, go by.
  const own = parsed.vendorScope ? name.slice(name.indexOf('/') + 1) : name;
  const native = claudeDashes((bedrock ? bedrock[1].replace(BEDROCK_VERSION, '') : own).replace(VERTEX_VERSION, ''));
  parsed.forms = [...new Set([name, own, native, native.replace(DATE, '').replace(VERSIONED_LATEST, '$1')])];
  return parsed;
}

/** The last path segment: the model name a host lists (`meta-llama/Llama-4-…` → `llama-4-…`). */
export function bareName(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1).toLowerCase();
}

/** OpenRouter and others write Claude versions with dots (`claude-sonnet-4.5`); Anthropic uses dashes. */
function claudeDashes(name: string): string {
  return name.startsWith('claude') ? name.replace(/(\d)\.(\d)/g, '$1-$2') : name;
}
