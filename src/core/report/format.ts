import type { Confidence } from '../tokens';

/** Money and token counts as people read them; the same words in the terminal and the editor. */

export function formatUsd(value: number | null): string {
  if (value === null) return 'unknown';
  if (value === 0) return '$0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return `$${Math.round(value).toLocaleString('en-US')}`;
  if (magnitude >= 1) return `$${value.toFixed(2).replace(/\.00$/, '')}`;
  // Small amounts keep three significant digits: $0.0133, $0.000412, $0.00004.
  const digits = Math.min(8, Math.max(2, 2 - Math.floor(Math.log10(magnitude))));
  return `$${value.toFixed(digits).replace(/(\.\d*?[1-9])0+$/, '$1')}`;
}

/** `$0.002–$0.05`, or one amount when both ends read the same. */
export function usdRange(low: number, high: number): string {
  const from = formatUsd(low);
  const to = formatUsd(high);
  return from === to ? from : `${from}–${to}`;
}

export function formatTokens(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** `≈` marks a number that is an estimate rather than an exact tokenizer count. */
export function confidenceMark(confidence: Confidence): string {
  return confidence === 'exact' ? '' : '≈';
}
