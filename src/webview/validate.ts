import type { LongContextPrice, ModelMode, ModelPrice, ModelTier } from '../core/pricing/types';
import type { Confidence } from '../core/tokens/types';
import type { HostMessage, PanelCall, PanelState, RoutingScenario } from './protocol';

/**
 * Checks what the panel receives (messages, and its own saved state, which may
 * come from an older version) and copies only the known fields. Anything
 * malformed gives null and is ignored: a wrong number must never show as a price.
 * No DOM or vscode import, so the extension host can use it too.
 */

type Fields = Record<string, unknown>;

const MODEL_MODES: readonly ModelMode[] = ['chat', 'embedding', 'completion'];
const MODEL_TIERS: readonly ModelTier[] = ['frontier', 'mid', 'small'];
const CONFIDENCES: readonly Confidence[] = ['exact', 'calibrated', 'heuristic'];
const APPLIED_KINDS = ['model', 'compression', 'scenario'] as const;

/** Thrown inside the parsers and caught at the top: keeps each field check one line. */
class Malformed extends Error {}

export function parseHostMessage(data: unknown): HostMessage | null {
  return attempt(() => {
    const message = record(data);
    if (message.type === 'state') return { type: 'state', state: readState(message.state) };
    if (message.type === 'applied') {
      return { type: 'applied', what: oneOf(message.what, APPLIED_KINDS), ok: bool(message.ok), detail: text(message.detail) };
    }
    throw new Malformed();
  });
}

export function parsePanelState(data: unknown): PanelState | null {
  return attempt(() => readState(data));
}

function attempt<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (error) {
    if (error instanceof Malformed) return null;
    throw error;
  }
}

function readState(data: unknown): PanelState {
  const state = record(data);
  return {
    call: state.call === null ? null : readCall(state.call),
    models: list(state.models).map(readModel),
    pricingAsOf: text(state.pricingAsOf),
    scenarios: list(state.scenarios).map(readScenario),
  };
}

function readCall(data: unknown): PanelCall {
  const call = record(data);
  const output = record(call.outputTokens);
  return {
    location: text(call.location),
    provider: text(call.provider),
    api: text(call.api),
    model: call.model === null ? null : text(call.model),
    modelEditable: bool(call.modelEditable),
    inputTokens: count(call.inputTokens),
    inputConfidence: oneOf(call.inputConfidence, CONFIDENCES),
    assumedTokens: count(call.assumedTokens),
    outputTokens: { expected: count(output.expected), max: output.max === null ? null : count(output.max) },
    cacheablePrefixTokens: count(call.cacheablePrefixTokens),
    callsPerDay: count(call.callsPerDay),
    prompt: list(call.prompt).map(readPromptPart),
    promptEditable: bool(call.promptEditable),
  };
}

function readPromptPart(data: unknown): PanelCall['prompt'][number] {
  const part = record(data);
  if (part.kind === 'static') return { kind: 'static', text: text(part.text) };
  if (part.kind === 'dynamic') return { kind: 'dynamic', name: text(part.name) };
  throw new Malformed();
}

function readModel(data: unknown): ModelPrice {
  const model = record(data);
  return withoutAbsent({
    id: nonEmptyText(model.id),
    provider: text(model.provider),
    mode: oneOf(model.mode, MODEL_MODES),
    inputPerMTok: count(model.inputPerMTok),
    outputPerMTok: count(model.outputPerMTok),
    cachedInputPerMTok: optional(model.cachedInputPerMTok, count),
    cacheWrite5mPerMTok: optional(model.cacheWrite5mPerMTok, count),
    cacheWrite1hPerMTok: optional(model.cacheWrite1hPerMTok, count),
    batchInputPerMTok: optional(model.batchInputPerMTok, count),
    batchOutputPerMTok: optional(model.batchOutputPerMTok, count),
    longContext: optional(model.longContext, readLongContext),
    contextWindow: optional(model.contextWindow, count),
    maxOutputTokens: optional(model.maxOutputTokens, count),
    cacheMinTokens: optional(model.cacheMinTokens, count),
    supportsPromptCaching: optional(model.supportsPromptCaching, bool),
    tier: oneOf(model.tier, MODEL_TIERS),
    source: optional(model.source, text),
    deprecated: optional(model.deprecated, text),
  });
}

function readLongContext(data: unknown): LongContextPrice {
  const long = record(data);
  return withoutAbsent({
    aboveInputTokens: count(long.aboveInputTokens),
    inputPerMTok: count(long.inputPerMTok),
    outputPerMTok: count(long.outputPerMTok),
    cachedInputPerMTok: optional(long.cachedInputPerMTok, count),
  });
}

function readScenario(data: unknown): RoutingScenario {
  const scenario = record(data);
  return {
    name: nonEmptyText(scenario.name),
    mode: oneOf(scenario.mode, ['split', 'cascade'] as const),
    tiers: list(scenario.tiers).map((tierData) => {
      const tier = record(tierData);
      return { model: nonEmptyText(tier.model), share: fraction(tier.share) };
    }),
  };
}

function record(value: unknown): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Malformed();
  return value as Fields;
}

function list(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Malformed();
  return value;
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new Malformed();
  return value;
}

function nonEmptyText(value: unknown): string {
  const checked = text(value);
  if (checked === '') throw new Malformed();
  return checked;
}

function bool(value: unknown): boolean {
  if (typeof value !== 'boolean') throw new Malformed();
  return value;
}

/** Token counts, prices and traffic: finite and never negative. */
function count(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Malformed();
  return value;
}

function fraction(value: unknown): number {
  const checked = count(value);
  if (checked > 1) throw new Malformed();
  return checked;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new Malformed();
  return value as T;
}

/** Leaves absent optional fields out, as the host sent them, rather than present as undefined. */
function withoutAbsent<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** An absent optional field stays absent (undefined), a present one must be valid. */
function optional<T>(value: unknown, read: (value: unknown) => T): T | undefined {
  return value === undefined ? undefined : read(value);
}
