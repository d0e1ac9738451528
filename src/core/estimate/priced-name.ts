import type { PromptmeterConfig } from '../config/config';
import type { LlmCall, ProviderId } from '../model';
import type { PriceBook, PriceLookup } from '../pricing';

/**
 * What a call's model is priced as: the name in the code, an Azure deployment's model,
 * the host's own entry where the SDK or the base URL says which host serves it
 * (`groq/llama-3.3-70b-versatile`), and no price at all for a server on this machine.
 */

/** The catalog prefix of the host an SDK always talks to. */
const HOST_OF_PROVIDER: Partial<Record<ProviderId, string>> = { groq: 'groq' };

/** The catalog prefix of the host behind an OpenAI-compatible base URL, by its domain. */
const HOST_OF_DOMAIN: readonly (readonly [RegExp, string])[] = [
  [/(^|\.)groq\.com$/, 'groq'],
  [/(^|\.)together\.(xyz|ai)$/, 'together'],
  [/(^|\.)fireworks\.ai$/, 'fireworks'],
  [/(^|\.)openrouter\.ai$/, 'openrouter'],
  [/(^|\.)deepinfra\.com$/, 'deepinfra'],
  [/(^|\.)cerebras\.ai$/, 'cerebras'],
  [/(^|\.)novita\.ai$/, 'novita'],
];

/** The name the price list is asked for: an Azure deployment's model, where the settings map it. */
export function pricedName(call: LlmCall, config: PromptmeterConfig): string | null {
  if (call.model === null) return null;
  if (call.provider === 'azure-openai' && Object.hasOwn(config.azureDeployments, call.model)) return config.azureDeployments[call.model];
  return call.model;
}


/**
 * The price of the call's model: the host's own entry first where the host is known (the
 * same model costs another price there), then the name as written.
 */
export function lookupPrice(call: LlmCall, prices: PriceBook, config: PromptmeterConfig): PriceLookup | null {
  const name = pricedName(call, config);
  if (name === null) return null;
  const host = hostOf(call);
  const hosted = host ? prices.lookup(`${host}/${name}`) : null;
  return hosted?.found ? hosted : prices.lookup(name);
}

function hostOf(call: LlmCall): string | null {
  const byProvider = HOST_OF_PROVIDER[call.provider];
  if (byProvider) return byProvider;
  const host = hostnameOf(call.baseUrl);
  return host === null ? null : (HOST_OF_DOMAIN.find(([domain]) => domain.test(host))?.[1] ?? null);
}

function hostnameOf(baseUrl: string | null): string | null {
  if (baseUrl === null) return null;
  try {
    return new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(baseUrl) ? baseUrl : `http://${baseUrl}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * A server on this machine or the local network: Ollama, LM Studio, vLLM and the like
 * behind `base_url`. It has no API price; its cost is the hardware's, not Promptmeter's to guess.
 */
export function isLocalServer(call: LlmCall): boolean {
  if (call.provider === 'ollama' || (call.provider === 'langchain' && call.api === 'ChatOllama')) return true;
  const host = hostnameOf(call.baseUrl);
  if (host === null) return false;
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    host === '0.0.0.0' ||
    host === 'host.docker.internal' ||
    host.endsWith('.local') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    /^10\.\d+\.\d+\.\d+$/.test(host) ||
    /^192\.168\.\d+\.\d+$/.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\.\d+\.\d+$/.test(host)
  );
}
