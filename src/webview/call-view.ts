import { PriceBook } from '../core/pricing/price-book';
import type { ModelPrice } from '../core/pricing/types';
import type { CallTokens } from '../core/scenarios';
import type { Confidence } from '../core/tokens/types';
import type { PanelCall, PanelState } from './protocol';
import type { UiState } from './ui-state';

/** The call every tab prices: the one from the code, or the blank scenario typed in the panel. */
export interface CallView {
  call: PanelCall | null;
  tokens: CallTokens;
  /** The output limit the call can reach, for context-window checks. */
  outputMax: number;
  callsPerDay: number;
  inputConfidence: Confidence;
  /** The call's model as a catalog entry; undefined for a blank scenario or an unknown model. */
  currentModel: ModelPrice | undefined;
  /** Embedding calls compare against embedding models, every other call against chat models. */
  embedding: boolean;
  host: PanelState;
}

export function deriveCallView(ui: Readonly<UiState>): CallView | null {
  const host = ui.host;
  if (!host) return null;
  const call = host.call;
  const currentModel = call?.model ? catalogModel(host, call.model) : undefined;
  if (!call) {
    const { inputTokens, outputTokens, cacheablePrefixTokens, callsPerDay } = ui.blank;
    return {
      call,
      tokens: { input: inputTokens, output: outputTokens, cacheablePrefix: Math.min(cacheablePrefixTokens, inputTokens) },
      outputMax: outputTokens,
      callsPerDay,
      // Typed by hand: nobody counted these with a tokenizer.
      inputConfidence: 'heuristic',
      currentModel,
      embedding: false,
      host,
    };
  }
  return {
    call,
    tokens: {
      input: call.inputTokens,
      output: call.outputTokens.expected,
      cacheablePrefix: Math.min(call.cacheablePrefixTokens, call.inputTokens),
    },
    outputMax: call.outputTokens.max ?? call.outputTokens.expected,
    callsPerDay: call.callsPerDay,
    inputConfidence: call.inputConfidence,
    currentModel,
    embedding: currentModel?.mode === 'embedding' || /embed/i.test(call.api),
    host,
  };
}

/**
 * The call's model as written in the code (`gpt-4o-2024-08-06`, `anthropic/claude-…`),
 * matched to the catalog the way the engine does it.
 */
function catalogModel(host: PanelState, name: string): ModelPrice | undefined {
  const lookup = new PriceBook({ asOf: host.pricingAsOf, models: host.models }).lookup(name);
  return lookup.found ? findModel(host.models, lookup.price.id) : undefined;
}

/** By catalog id; a differently cased id still matches. */
export function findModel(models: readonly ModelPrice[], id: string): ModelPrice | undefined {
  return models.find((model) => model.id === id) ?? models.find((model) => model.id.toLowerCase() === id.toLowerCase());
}

/** Models of the call's kind: chat models, or embedding models for an embedding call. */
export function modelsOfCallKind(view: CallView): ModelPrice[] {
  const mode = view.embedding ? 'embedding' : 'chat';
  return view.host.models.filter((model) => model.mode === mode);
}

/**
 * A model choice from a select: '' (or a model no longer in the catalog) means
 * the call's model, else the first model of the call's kind.
 */
export function resolveModel(view: CallView, choice: string): ModelPrice | undefined {
  return (choice ? findModel(view.host.models, choice) : undefined) ?? view.currentModel ?? modelsOfCallKind(view)[0];
}

/** The date a model's price was read: from its source (`B-OAI 2026-09-23`), else the catalog's. */
export function priceDate(model: ModelPrice, catalogAsOf: string): string {
  return /\d{4}-\d{2}-\d{2}/.exec(model.source ?? '')?.[0] ?? catalogAsOf;
}
