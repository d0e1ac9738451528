import uPlot from 'uplot';
import { element } from '../dom';
import { onThemeChange, readChartTheme, type ChartTheme } from './theme';

/** One colour of a (possibly stacked) horizontal bar chart; null: no bar there. */
export interface BarSegment {
  label: string;
  values: (number | null)[];
}

export interface BarChartData {
  categories: string[];
  segments: BarSegment[];
}

export interface BarChartOptions {
  /** What the chart shows, for screen readers: "Monthly cost by model". */
  title: string;
  formatValue: (value: number) => string;
}

const BAR_HEIGHT_PX = 30;
const AXIS_HEIGHT_PX = 30;
const LABEL_GAP_PX = 12;

/**
 * Horizontal bars (category names on the left, read easily even when long),
 * stacked when there are several segments, with each bar's total written at its
 * end. uPlot draws on a canvas; the categories and totals are also in the
 * element's aria-label and in the panels' tables.
 */
export class BarChart {
  readonly element: HTMLElement;
  private readonly canvasHolder: HTMLElement;
  private readonly legend: HTMLElement;
  private plot: uPlot | null = null;
  private data: BarChartData | null = null;
  private drawnWidth = 0;

  constructor(private readonly options: BarChartOptions) {
    this.canvasHolder = element('div', { className: 'chart-canvas', attributes: { role: 'img' } });
    this.legend = element('ul', { className: 'chart-legend', attributes: { 'aria-hidden': 'true' } });
    this.element = element('figure', { className: 'chart' }, [this.canvasHolder, this.legend]);
    // Hidden tabs have no width: draw once the chart is shown, and again when resized.
    new ResizeObserver(() => {
      if (this.canvasHolder.clientWidth !== this.drawnWidth) this.draw();
    }).observe(this.canvasHolder);
    onThemeChange(() => this.draw());
  }

  show(data: BarChartData): void {
    this.data = data;
    this.canvasHolder.setAttribute('aria-label', describe(this.options, data));
    this.canvasHolder.style.height = `${data.categories.length * BAR_HEIGHT_PX + AXIS_HEIGHT_PX}px`;
    this.draw();
  }

  private draw(): void {
    this.plot?.destroy();
    this.plot = null;
    const width = this.canvasHolder.clientWidth;
    this.drawnWidth = width;
    const data = this.data;
    if (!data || width === 0 || data.categories.length === 0) return;
    const theme = readChartTheme();
    this.showLegend(data, theme);
    this.plot = new uPlot(chartOptions(data, theme, this.options, width), stackedColumns(data), this.canvasHolder);
  }

  private showLegend(data: BarChartData, theme: ChartTheme): void {
    // Colours keep their segment's index, so the legend skips empty segments rather than renumbering.
    const items = data.segments.flatMap((segment, index) => {
      if (segment.values.every((value) => value === null)) return [];
      const swatch = element('span', { className: 'chart-swatch' });
      swatch.style.backgroundColor = colour(theme, index);
      return [element('li', {}, [swatch, segment.label])];
    });
    this.legend.replaceChildren(...(items.length < 2 ? [] : items));
  }
}

/**
 * uPlot has no stacked bars. Series k is drawn as the sum of segments 0..k, the
 * longest first (uPlot draws series in order, so they are passed in reverse):
 * each shorter bar covers all but the last stretch of the one before, and the
 * segments read left to right in their given order.
 */
function stackedColumns(data: BarChartData): uPlot.AlignedData {
  const positions = data.categories.map((_, index) => index);
  const cumulative = data.segments.map((_, k) =>
    positions.map((index) => {
      const upToK = data.segments.slice(0, k + 1).map((segment) => segment.values[index] ?? null);
      return upToK.every((value) => value === null) ? null : upToK.reduce<number>((sum, value) => sum + (value ?? 0), 0);
    }),
  );
  return [positions, ...cumulative.reverse()];
}

/** Each bar's length; null where no segment has a value (no bar, no label). */
function totals(data: BarChartData): (number | null)[] {
  return data.categories.map((_, index) => {
    const values = data.segments.map((segment) => segment.values[index] ?? null).filter((value) => value !== null);
    return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0);
  });
}

function chartOptions(data: BarChartData, theme: ChartTheme, options: BarChartOptions, width: number): uPlot.Options {
  const count = data.categories.length;
  const maxTotal = Math.max(0, ...totals(data).map((total) => total ?? 0));
  const labelWidth = Math.min(width * 0.45, Math.max(...data.categories.map((name) => textWidth(name, theme.font))) + LABEL_GAP_PX);
  const bars = uPlot.paths.bars?.({ size: [0.7, 22], align: 0 });
  return {
    width,
    height: count * BAR_HEIGHT_PX + AXIS_HEIGHT_PX,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      // x holds the category positions and runs top to bottom; y holds the money and runs left to right.
      x: { time: false, ori: 1, dir: -1, range: () => [-0.5, count - 0.5] },
      y: { ori: 0, dir: 1, range: () => [0, maxTotal > 0 ? maxTotal * 1.25 : 1] },
    },
    axes: [
      {
        scale: 'x',
        side: 3,
        size: labelWidth,
        font: theme.font,
        stroke: theme.foreground,
        grid: { show: false },
        ticks: { show: false },
        splits: () => data.categories.map((_, index) => index),
        values: (_plot, splits) => splits.map((index) => clip(data.categories[index] ?? '', labelWidth - LABEL_GAP_PX, theme.font)),
      },
      {
        scale: 'y',
        side: 2,
        size: AXIS_HEIGHT_PX,
        // Room for money labels such as "$12,000" between ticks.
        space: 90,
        font: theme.font,
        stroke: theme.foreground,
        grid: { stroke: theme.grid, width: 1 },
        ticks: { stroke: theme.grid, width: 1 },
        values: (_plot, splits) => splits.map((value) => options.formatValue(value)),
      },
    ],
    series: [
      {},
      ...data.segments
        .map((segment, index) => ({
          label: segment.label,
          fill: colour(theme, index),
          stroke: colour(theme, index),
          width: 0,
          paths: bars,
          points: { show: false },
        }))
        .reverse(),
    ],
    hooks: { draw: [(plot: uPlot) => drawTotals(plot, totals(data), theme, options)] },
  };
}

/** Writes each bar's total just past its end. */
function drawTotals(plot: uPlot, values: (number | null)[], theme: ChartTheme, options: BarChartOptions): void {
  const context = plot.ctx;
  const ratio = uPlot.pxRatio;
  context.save();
  context.font = `${theme.fontSizePx * ratio}px ${theme.font.slice(theme.font.indexOf(' ') + 1)}`;
  context.fillStyle = theme.foreground;
  context.textBaseline = 'middle';
  // The axes leave their own alignment on the context.
  context.textAlign = 'left';
  values.forEach((total, index) => {
    if (total === null) return;
    // valToPos without canvas pixels is CSS pixels from the plotting area's corner.
    const x = plot.bbox.left + (plot.valToPos(total, 'y') + 4) * ratio;
    const y = plot.bbox.top + plot.valToPos(index, 'x') * ratio;
    context.fillText(options.formatValue(total), x, y);
  });
  context.restore();
}

function colour(theme: ChartTheme, index: number): string {
  return theme.palette[index % theme.palette.length];
}

let measuringContext: CanvasRenderingContext2D | null = null;

function textWidth(text: string, font: string): number {
  measuringContext ??= document.createElement('canvas').getContext('2d');
  if (!measuringContext) return text.length * 7;
  measuringContext.font = font;
  return measuringContext.measureText(text).width;
}

/** Shortens a long model name to fit the label column, keeping its start. */
function clip(text: string, maxWidth: number, font: string): string {
  if (textWidth(text, font) <= maxWidth) return text;
  let kept = text;
  while (kept.length > 1 && textWidth(`${kept}…`, font) > maxWidth) kept = kept.slice(0, -1);
  return `${kept}…`;
}

function describe(options: BarChartOptions, data: BarChartData): string {
  const sums = totals(data);
  const bars = data.categories.map((name, index) => {
    const total = sums[index];
    return `${name} ${total === null ? 'not available' : options.formatValue(total)}`;
  });
  return `${options.title}: ${bars.join(', ')}`;
}
