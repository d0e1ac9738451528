import type { CompressionOptions } from '../core/compress';
import type { RoutingScenario } from '../core/config/config';
import type { ModelPrice } from '../core/pricing';
import type { Confidence } from '../core/tokens';

/**
 * Messages between the comparison panel (webview) and the extension. Plain data
 * only; each side validates what it receives (see validate.ts).
 */

/** A saved routing scenario (stored in `.promptmeter.json` under "scenarios"). */
export type { RoutingScenario };

export interface PanelCall {
  /** `app/bot.py:14` */
  location: string;
  provider: string;
  api: string;
  model: string | null;
  /** Whether the model is a plain string literal the panel can change in the code. */
  modelEditable: boolean;
  inputTokens: number;
  inputConfidence: Confidence;
  /** Assumed tokens of dynamic slots, included in inputTokens. */
  assumedTokens: number;
  outputTokens: { expected: number; max: number | null };
  cacheablePrefixTokens: number;
  callsPerDay: number;
  /** The prompt's parts, for the compression panel; dynamic parts show as `{name}` and are never changed. */
  prompt: ({ kind: 'static'; text: string } | { kind: 'dynamic'; name: string })[];
  /** Whether the static text sits in literals the extension can rewrite. */
  promptEditable: boolean;
}

export interface PanelState {
  /** null: a blank scenario, not tied to a call in the code. */
  call: PanelCall | null;
  models: ModelPrice[];
  pricingAsOf: string;
  scenarios: RoutingScenario[];
}

export type HostMessage = { type: 'state'; state: PanelState } | { type: 'applied'; what: 'model' | 'compression' | 'scenario'; ok: boolean; detail: string };

export type PanelMessage =
  | { type: 'ready' }
  | { type: 'selectModel'; model: string }
  | { type: 'applyCompression'; options: CompressionOptions }
  | { type: 'saveScenario'; scenario: RoutingScenario }
  | { type: 'followCursor'; follow: boolean };
