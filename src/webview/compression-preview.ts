import { compressParts, pretokenCount, type CompressionOptions, type CompressionStep } from '../core/compress';
import type { PromptPart, SourceRange } from '../core/model';
import type { ModelPrice } from '../core/pricing/types';
import { costPerCall, monthly } from '../core/scenarios';
import type { CallView } from './call-view';
import type { PanelCall } from './protocol';

export type PanelPromptPart = PanelCall['prompt'][number];

export interface CompressionPreview {
  original: PanelPromptPart[];
  /** Same length and order as `original`; dynamic parts come back unchanged. */
  compressed: PanelPromptPart[];
  steps: CompressionStep[];
  /** Share of the static text's pre-tokens the compression removes, 0..1. */
  removedShare: number;
  savedTokensPerCall: number;
  /** Null when there is no model to price with. */
  savedPerCall: number | null;
  savedPerMonth: number | null;
}

/** Positions are irrelevant to compression; the engine's part type wants one. */
const NO_RANGE: SourceRange = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 }, startOffset: 0, endOffset: 0 };

export function previewCompression(view: CallView, call: PanelCall, options: CompressionOptions, model: ModelPrice | undefined): CompressionPreview {
  const result = compressParts(call.prompt.map(toEnginePart), options);
  const compressed = result.parts.map(toPanelPart);
  const before = staticPieces(call.prompt);
  const removedShare = before === 0 ? 0 : Math.max(0, 1 - staticPieces(compressed) / before);
  // Dynamic slots are never compressed, so only the counted static tokens shrink.
  const savedTokensPerCall = Math.round((call.inputTokens - call.assumedTokens) * removedShare);
  const savedPerCall = model ? costPerCall(view.tokens, model) - costPerCall(shrunk(view, savedTokensPerCall), model) : null;
  return {
    original: call.prompt,
    compressed,
    steps: result.steps,
    removedShare,
    savedTokensPerCall,
    savedPerCall,
    savedPerMonth: savedPerCall === null ? null : monthly(savedPerCall, view.callsPerDay),
  };
}

function shrunk(view: CallView, savedTokens: number): CallView['tokens'] {
  const input = Math.max(0, view.tokens.input - savedTokens);
  return { ...view.tokens, input, cacheablePrefix: Math.min(view.tokens.cacheablePrefix, input) };
}

function staticPieces(parts: readonly PanelPromptPart[]): number {
  return parts.reduce((sum, part) => sum + (part.kind === 'static' ? pretokenCount(part.text) : 0), 0);
}

function toEnginePart(part: PanelPromptPart): PromptPart {
  return part.kind === 'static'
    ? { kind: 'static', text: part.text, range: NO_RANGE }
    : { kind: 'dynamic', name: part.name, expression: part.name, range: NO_RANGE, volatile: false };
}

function toPanelPart(part: PromptPart): PanelPromptPart {
  return part.kind === 'static' ? { kind: 'static', text: part.text } : { kind: 'dynamic', name: part.name };
}
