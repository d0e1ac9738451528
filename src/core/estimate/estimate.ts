import type { PromptmeterConfig } from '../config/config';
import type { LlmCall, Prompt, SourceRange } from '../model';
import type { ModelPrice, PriceBook, PriceLookup } from '../pricing';
import { weakerConfidence, type Confidence } from '../tokens/types';
import type { TokenCounter } from '../tokens';
import { batchCost, cachingCost, costPerCall, monthly, type CallTokens } from '../scenarios';
import { costRange, type CostRange, type NamedModels } from './model-range';
import { isLocalServer, lookupPrice } from './priced-name';
import { cacheablePrefix } from './prefix';

/**
 * Token counts and cost of one call, with every assumption spelled out:
 * dynamic slot sizes, expected output, traffic, and the price list's date.
 * Unknown stays unknown (null), never $0.
 */
export interface SlotAssumption {
  name: string;
  tokens: number;
  /** `setting` when slotTokens names this slot, else the default slot size. */
  source: 'setting' | 'default';
  /** Why the slot is not static text, when Promptmeter refused or failed to read it (a prompt file). */
  reason?: string;
}

/** Tokens of one run of static prompt text, where it is written (for hints beside the code). */
export interface StaticPartTokens {
  range: SourceRange;
  tokens: number;
}

export interface InputTokens {
  /** Tokens of the text known at analysis time. */
  static: number;
  /** Each static part counted on its own, for hints at the strings and constants that hold them. */
  parts: StaticPartTokens[];
  dynamicSlots: SlotAssumption[];
  /** Sum of the assumed slot sizes. */
  assumed: number;
  /** Chat formatting overhead, where the provider documents it. */
  overhead: number;
  total: number;
  /** How sure the static count is: exact (the model's own tokenizer), calibrated or heuristic. */
  confidence: Confidence;
  tokenizer: string;
}

export interface OutputTokens {
  expected: number;
  /** The most one call can produce: the limit, or the model's maximum output without one. */
  max: number | null;
  maxSource: 'limit' | 'model-maximum' | 'unknown';
}

export interface Traffic {
  callsPerDay: number;
  source: 'hint' | 'setting' | 'setting×loop';
}

export interface CostEstimate {
  perCall: number | null;
  perCallMax: number | null;
  /** Steady state with the static prefix read from the prompt cache; null where caching cannot apply. */
  cached: number | null;
  /** The first call, which writes the prefix to the cache. */
  cacheWrite: number | null;
  batch: number | null;
  monthly: number | null;
  monthlyMax: number | null;
  currency: 'USD';
  pricingAsOf: string;
  /** Why the cost is unknown, when it is. */
  unknownReason: string | null;
  /** The model is not known from the code: what the call costs over the models it may be (see model-range.ts). */
  range: CostRange | null;
  /** The call goes to a server on this machine or network (`base_url` on localhost, Ollama): no API cost. */
  localServer: boolean;
}

export interface CallEstimate {
  input: InputTokens;
  output: OutputTokens;
  traffic: Traffic;
  /** Static tokens before the first dynamic slot, in the order the provider caches. */
  cacheablePrefixTokens: number;
  price: PriceLookup | null;
  cost: CostEstimate;
}

/** The part of the token counter estimates use (tests substitute a simple one). */
export type TokenCounting = Pick<TokenCounter, 'count' | 'chatOverhead' | 'describe'>;

export interface EstimateContext {
  tokens: TokenCounting;
  prices: PriceBook;
  config: PromptmeterConfig;
  /** Models the workspace (or the open files) name, by provider: what a call without a model ranges over. */
  namedModels?: NamedModels;
}

/** A per-call amount over a month (30 days) of the call's traffic. */
export function perMonth(perCall: number, traffic: Traffic): number {
  return monthly(perCall, traffic.callsPerDay);
}

export function estimateCall(call: LlmCall, context: EstimateContext): CallEstimate {
  const price = lookupPrice(call, context.prices, context.config);
  const known = price?.found ? price.price : null;
  const input = inputTokens(call, context);
  const output = outputTokens(call, known, context.config);
  const traffic = trafficOf(call, context.config);
  const prefix = cacheablePrefix(call.prompts, (text) => context.tokens.count(text, call.model).tokens);
  return {
    input,
    output,
    traffic,
    cacheablePrefixTokens: prefix,
    price,
    cost: cost(call, input, output, traffic, prefix, known, price, context),
  };
}

function inputTokens(call: LlmCall, context: EstimateContext): InputTokens {
  const { tokens, config } = context;
  let staticTokens = 0;
  const family = tokens.describe(call.model);
  let confidence: Confidence = family.confidence;
  let tokenizer: string = family.encoding;
  const dynamicSlots: SlotAssumption[] = [];
  const parts: StaticPartTokens[] = [];
  for (const prompt of call.prompts) {
    for (const run of staticRuns(prompt)) {
      const counted = tokens.count(run, call.model);
      staticTokens += counted.tokens;
      confidence = weakerConfidence(confidence, counted.confidence);
      tokenizer = counted.method;
    }
    for (const part of prompt.parts) {
      if (part.kind === 'static') {
        if (!part.file) parts.push({ range: part.range, tokens: tokens.count(part.text, call.model).tokens });
        continue;
      }
      // Own entries only: a slot named after an Object method (`this.constructor`) is not a setting.
      const configured = Object.hasOwn(config.slotTokens, part.name) ? config.slotTokens[part.name] : undefined;
      const slot: SlotAssumption = { name: part.name, tokens: configured ?? config.defaultSlotTokens, source: configured === undefined ? 'default' : 'setting' };
      if (part.reason !== undefined) slot.reason = part.reason;
      dynamicSlots.push(slot);
    }
  }
  // A chat model made by a constructor is called elsewhere with a prompt we cannot see.
  if (call.kind === 'constructor') {
    dynamicSlots.push({ name: 'prompt', tokens: config.slotTokens.prompt ?? config.defaultSlotTokens, source: config.slotTokens.prompt === undefined ? 'default' : 'setting' });
  }
  if (call.prompts.length === 0 && call.kind !== 'constructor') confidence = weakerConfidence(confidence, 'heuristic');
  const assumed = dynamicSlots.reduce((sum, slot) => sum + slot.tokens, 0);
  const overhead = call.kind === 'generate' ? tokens.chatOverhead(Math.max(1, call.prompts.length), call.model).tokens : 0;
  return { static: staticTokens, parts, dynamicSlots, assumed, overhead, total: staticTokens + assumed + overhead, confidence, tokenizer };
}

/** Adjacent static parts are one run of text; counting the run keeps BPE merges across part boundaries. */
function staticRuns(prompt: Prompt): string[] {
  const runs: string[] = [];
  let current = '';
  for (const part of prompt.parts) {
    if (part.kind === 'static') current += part.text;
    else if (current) {
      runs.push(current);
      current = '';
    }
  }
  if (current) runs.push(current);
  return runs;
}

function outputTokens(call: LlmCall, price: ModelPrice | null, config: PromptmeterConfig): OutputTokens {
  if (call.kind === 'count' || call.kind === 'embeddings') return { expected: 0, max: 0, maxSource: 'limit' };
  const modelMaximum = price?.maxOutputTokens ?? null;
  const limit = call.outputLimit?.value ?? null;
  const max = limit !== null ? (modelMaximum !== null ? Math.min(limit, modelMaximum) : limit) : modelMaximum;
  const basis = limit ?? config.defaultOutputLimit;
  const expected = Math.round(basis * config.expectedOutputFraction);
  return {
    expected: max !== null ? Math.min(expected, max) : expected,
    max,
    maxSource: limit !== null ? 'limit' : modelMaximum !== null ? 'model-maximum' : 'unknown',
  };
}

function trafficOf(call: LlmCall, config: PromptmeterConfig): Traffic {
  if (call.callsPerDay !== null) return { callsPerDay: call.callsPerDay, source: 'hint' };
  if (call.loop) return { callsPerDay: config.callsPerDay * config.loopMultiplier, source: 'setting×loop' };
  return { callsPerDay: config.callsPerDay, source: 'setting' };
}

function cost(
  call: LlmCall,
  input: InputTokens,
  output: OutputTokens,
  traffic: Traffic,
  prefixTokens: number,
  price: ModelPrice | null,
  lookup: PriceLookup | null,
  context: EstimateContext,
): CostEstimate {
  const asOf = context.prices.asOf;
  const known = (perCall: number, perCallMax: number | null): CostEstimate => ({
    perCall,
    perCallMax,
    cached: null,
    cacheWrite: null,
    batch: null,
    monthly: perMonth(perCall, traffic),
    monthlyMax: perCallMax === null ? null : perMonth(perCallMax, traffic),
    currency: 'USD',
    pricingAsOf: asOf,
    unknownReason: null,
    range: null,
    localServer: false,
  });
  const unknown = (reason: string, range: CostRange | null = null): CostEstimate => ({
    ...known(0, null),
    perCall: null,
    monthly: null,
    unknownReason: reason,
    range,
  });
  const tokens: CallTokens = { input: input.total, output: output.expected, cacheablePrefix: Math.min(prefixTokens, input.total) };
  if (call.kind === 'count') return { ...known(0, 0), monthlyMax: null, unknownReason: 'token counting is free' };
  if (isLocalServer(call)) return { ...known(0, 0), localServer: true };
  if (call.model === null) return unknown('the model is not known from the code', costRange(call, tokens, traffic.callsPerDay, context));
  if (!price) return unknown(unpricedReason(call, lookup, context.config));
  // One source for the arithmetic: the scenario functions the comparison panel uses too.
  const perCall = costPerCall(tokens, price);
  const perCallMax = output.max === null ? null : costPerCall({ ...tokens, output: output.max }, price);
  const allHits = cachingCost(tokens, price, { hitRate: 1, ttl: '5m' });
  const cached = allHits.applies ? allHits.perCall : null;
  const cacheWrite = allHits.applies ? cachingCost(tokens, price, { hitRate: 0, ttl: '5m' }).perCall : null;
  const batch = batchCost(tokens, price).perCall;
  return { ...known(perCall, perCallMax), cached, cacheWrite, batch };
}

function unpricedReason(call: LlmCall, lookup: PriceLookup | null, config: PromptmeterConfig): string {
  if (call.provider === 'azure-openai' && call.model !== null && !Object.hasOwn(config.azureDeployments, call.model)) {
    return `${call.model} is an Azure deployment name: map it to the model it runs in azureDeployments`;
  }
  const closest = lookup && !lookup.found && lookup.closest.length > 0 ? ` (closest: ${lookup.closest.join(', ')})` : '';
  return `${call.model} is not in the price list${closest}`;
}

