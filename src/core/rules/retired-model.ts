import type { CallEstimate } from '../estimate/estimate';
import { replaceStringContent } from '../fix/replace';
import type { Fix, LlmCall } from '../model';
import type { ModelPrice, PriceBook } from '../pricing';
import { costPerCall } from '../scenarios';
import type { Rule } from './rule';

/** Price ratios this close to 1 read as "the same": a different tokenizer alone moves a call's token count by more. */
const SAME_PRICE_WITHIN = 0.01;
/** From twice the price on, a multiple reads better than a percentage ("3× as much", not "200% more"). */
const MULTIPLE_FROM = 2;
/**
 * Names that go through a cloud reselling the model: a LiteLLM cloud route, a Bedrock id
 * (`us.anthropic.…`, `amazon.nova-…`) or a Vertex version (`…@20250514`).
 */
const CLOUD_NAME = /^(?:azure|azure_ai|bedrock|bedrock_converse|vertex_ai)\/|^(?:[a-z-]+\.)?[a-z0-9]+\.[a-z]|@/i;
/** Catalog providers that are a cloud's own list, dates included. */
const CLOUD_LISTS = new Set(['azure', 'bedrock']);
/** A model id as the provider's own API takes it: no route, host, cloud or version syntax around it. */
const PLAIN_ID = /^[a-z0-9][a-z0-9.-]*$/i;

export const retiredModel: Rule = {
  meta: {
    id: 'retired-model',
    summary: 'Model the provider has retired or will retire, so calls to it fail',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      whatItDoes:
        'Flags a call whose model resolves to a price-catalog entry with a retirement date, the day the provider stops serving it (compared with today\'s date in UTC). Before that day the message says the model will be retired, from that day on that it was; the severity is the same, because code that will fail on a known date needs the same change as code that fails now. When the provider names a successor, the message names it and compares its price per token for this call: each model\'s input and output prices are weighted by the call\'s own expected input and output tokens (from the estimate; long-context prices apply where the input passes the threshold), and the two blended prices are compared. For a call of 1,000 input and 500 output tokens, moving from $10/$20 to $5/$30 per 1M tokens reads "costs the same per token": $0.02 a call either way, though the input price halves. Within ±1% it reads "the same", up to twice the price a whole percentage, beyond that a multiple ("3× as much"). Caching and batch prices are not compared. A successor that is itself retired or retiring is followed to the one it names. Silent when the model is not known from the code or not in the catalog (`unknown-model` reports those), for a local server, and for a call through Azure OpenAI, Bedrock or Vertex AI unless the catalog lists that cloud\'s own entry: clouds retire the models they resell on their own dates.',
      whyItCostsMoney:
        'A call to a retired model fails, so the feature built on it stops working, and its retries and fallbacks still cost money. The successor is rarely priced the same: moving to it changes the bill, up or down, and the price difference belongs in the decision before the date, not after.',
      example: 'client.messages.create(model="claude-3-5-sonnet-20241022", max_tokens=1024, messages=messages)',
      useInstead: 'client.messages.create(model="claude-sonnet-4-5", max_tokens=1024, messages=messages)',
      fixSafety:
        'The fix replaces the model string with the successor. It changes which model runs: a successor may answer differently, format its output differently, use another tokenizer, and have other limits (context window, maximum output, rate limits), so test the feature with it. It is offered but never applied by `scan --fix`. It is offered only where the successor is one catalog id, the model is a plain string literal at the call (not a constant defined elsewhere), and the name is spelt as the provider\'s own API takes it (`claude-3-5-sonnet-20241022`, `gpt-4-0613`); a route or gateway prefix (`anthropic/…`, `openai:…`), a hosted open model or a deployment alias spells the successor its own way, so those get the message without a fix.',
      references: [
        'Anthropic: model deprecations (retirement dates and recommended replacements)',
        'OpenAI: deprecations (shutdown dates and recommended replacements)',
        'Google Gemini: model versions and lifecycle (discontinuation dates)',
        'The catalog entry\'s `retired` and `successor` fields, which `.promptmeter.json` `"pricing": { "models": { … } }` can set for any model',
      ],
    },
  },
  check({ analysis, estimates, prices, text }) {
    // Catalog dates are calendar days (UTC); YYYY-MM-DD strings compare in date order.
    const today = new Date().toISOString().slice(0, 10);
    return analysis.calls.flatMap((call, index) => {
      const estimate = estimates[index];
      const lookup = estimate?.price;
      // A model on a local server is served by it, whatever its provider retired.
      if (!estimate || !lookup?.found || call.model === null || estimate.cost.localServer) return [];
      const retired = lookup.price;
      const retiredOn = retired.retired;
      if (!retiredOn || onCloudSchedule(call, retired)) return [];
      // A deployment alias (`pricing.aliases`) says nothing of the model behind it: name both.
      const mapped = lookup.via === 'alias';
      const written = mapped ? `${call.model} (${retired.id})` : call.model;
      const when = retiredOn <= today
        ? `was retired on ${retiredOn}: calls to it fail.`
        : `will be retired on ${retiredOn}: calls to it fail from that day.`;
      const successor = successorOf(prices, retired, today);
      return [
        {
          message: `${written} ${when} ${successorSentence(successor, retired, estimate)}`,
          range: call.modelRange ?? call.nameRange,
          call,
          fix: successor && typeof successor !== 'string' && !mapped ? successorFix(call, successor, text) : undefined,
        },
      ];
    });
  },
};

/**
 * Azure, Bedrock and Vertex retire the models they resell on their own schedules (Anthropic:
 * "partner-operated platforms set their own"), so the provider's date says nothing there,
 * unless the catalog entry is the cloud's own.
 */
function onCloudSchedule(call: LlmCall, model: ModelPrice): boolean {
  const throughCloud = call.provider === 'azure-openai' || call.provider === 'bedrock' || CLOUD_NAME.test(call.model ?? '');
  return throughCloud && !CLOUD_LISTS.has(model.provider);
}

/**
 * The model to move to: the named successor, or, when that one is retired or
 * retiring too, the one it names, and so on. A successor id the catalog does
 * not price is returned as the id; null when none is named or the chain ends
 * at a model that is no longer served.
 */
function successorOf(prices: PriceBook, model: ModelPrice, today: string): ModelPrice | string | null {
  const seen = new Set([model.id]);
  let current = model;
  while (current.successor) {
    const lookup = prices.lookup(current.successor);
    if (!lookup.found) return current.successor;
    const next = lookup.price;
    if (seen.has(next.id)) return null;
    seen.add(next.id);
    if (!next.retired) return next;
    current = next;
  }
  // The chain stops at a model with a retirement date: still worth naming while it is served.
  return current !== model && (current.retired ?? '') > today ? current : null;
}

function successorSentence(successor: ModelPrice | string | null, retired: ModelPrice, estimate: CallEstimate): string {
  if (successor === null) return 'The price catalog names no successor that is still served.';
  if (typeof successor === 'string') return `Its successor ${successor} is not in the price catalog.`;
  return `Its successor ${successor.id} ${priceDifference(retired, successor, estimate)}.`;
}

/** Both models' list prices for this call's expected tokens; equal weights when the estimate has none. */
function priceDifference(retired: ModelPrice, successor: ModelPrice, estimate: CallEstimate): string {
  const input = estimate.input.total;
  const output = estimate.output.expected;
  const tokens = input + output > 0 ? { input, output, cacheablePrefix: 0 } : { input: 1, output: 1, cacheablePrefix: 0 };
  const before = costPerCall(tokens, retired);
  const after = costPerCall(tokens, successor);
  if (before === 0) return after === 0 ? 'costs the same per token' : 'costs more per token (the retired model was free)';
  const ratio = after / before;
  if (Math.abs(ratio - 1) <= SAME_PRICE_WITHIN) return 'costs the same per token';
  if (ratio >= MULTIPLE_FROM) return `costs ${Number(ratio.toFixed(ratio < 10 ? 1 : 0))}× as much per token`;
  return `costs ${Math.round(Math.abs(ratio - 1) * 100)}% ${ratio > 1 ? 'more' : 'less'} per token`;
}

/** Only for a name in the provider's own spelling: routes and hosts spell the successor their own way. */
function successorFix(call: LlmCall, successor: ModelPrice, text: string): Fix | undefined {
  if (!PLAIN_ID.test((call.model ?? '').trim()) || !PLAIN_ID.test(successor.id) || !call.modelRange) return undefined;
  const edit = replaceStringContent(text, call.modelRange, successor.id);
  return edit ? { title: `Use ${successor.id}`, edits: [edit], safe: false } : undefined;
}
