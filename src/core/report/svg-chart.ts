import { htmlText } from './escape';
import { formatUsd } from './format';
import type { ReportGroup } from './model';
import { percent } from './summary';

/** Layout of the bar charts, in SVG user units; the chart scales to the page's width. */
const WIDTH = 760;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 130;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 16;
const MAX_ROWS = 12;
const MAX_LABEL_CHARS = 32;

/**
 * A horizontal bar chart of monthly cost as inline SVG: no script, no styles of
 * its own (the page's `.chart` rules colour it). Beyond `MAX_ROWS` groups, the
 * rest share one bar.
 */
export function barChart(title: string, groups: readonly ReportGroup[]): string {
  const rows = chartRows(groups);
  const max = Math.max(0, ...rows.map((row) => row.monthly));
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const bars = rows.map((row, index) => {
    const top = 4 + index * ROW_HEIGHT;
    const middle = top + BAR_HEIGHT / 2;
    const width = max > 0 ? (row.monthly / max) * barSpace : 0;
    const value = `${formatUsd(row.monthly)} · ${percent(row.share)}`;
    return [
      '<g>',
      `<title>${htmlText(`${row.name}: ${formatUsd(row.monthly)} per month, ${row.calls} call${row.calls === 1 ? '' : 's'}, ${percent(row.share)}`)}</title>`,
      `<text x="${LABEL_WIDTH - 8}" y="${middle}" text-anchor="end" dominant-baseline="central">${htmlText(shortLabel(row.name))}</text>`,
      `<rect class="bar" x="${LABEL_WIDTH}" y="${top}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" rx="2"></rect>`,
      `<text class="value" x="${(LABEL_WIDTH + width + 6).toFixed(1)}" y="${middle}" dominant-baseline="central">${htmlText(value)}</text>`,
      '</g>',
    ].join('');
  });
  const height = rows.length * ROW_HEIGHT + 8;
  return [`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${htmlText(title)}">`, ...bars, '</svg>'].join('\n');
}

function chartRows(groups: readonly ReportGroup[]): ReportGroup[] {
  if (groups.length <= MAX_ROWS) return [...groups];
  const shown = groups.slice(0, MAX_ROWS - 1);
  const rest = groups.slice(MAX_ROWS - 1);
  const sum = (pick: (group: ReportGroup) => number): number => rest.reduce((total, group) => total + pick(group), 0);
  return [...shown, { name: `${rest.length} others`, calls: sum((group) => group.calls), monthly: sum((group) => group.monthly), share: sum((group) => group.share) }];
}

/** Long names keep their end, the telling part of a path or a dated model id. */
function shortLabel(name: string): string {
  const characters = [...name];
  return characters.length <= MAX_LABEL_CHARS ? name : `…${characters.slice(1 - MAX_LABEL_CHARS).join('')}`;
}
