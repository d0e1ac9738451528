import { formatTokens } from '../core/report/format';

/** Formats only the panel uses; money and token counts come from core/report/format. */

export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  // Small shares keep a decimal: 0.4% is not 0%.
  return percent !== 0 && Math.abs(percent) < 10 ? `${Number(percent.toFixed(1))}%` : `${Math.round(percent)}%`;
}

/** 128000 → 128k, 1048576 → 1.05M: context windows as providers quote them. */
export function formatWindow(tokens: number): string {
  if (tokens >= 1_000_000) return `${Number((tokens / 1_000_000).toFixed(2))}M`;
  if (tokens >= 1000) return `${Math.round(tokens / 1000)}k`;
  return formatTokens(tokens);
}
