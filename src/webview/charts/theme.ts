/**
 * Canvas charts cannot use CSS variables directly, so the theme's colours are
 * read from VS Code's `--vscode-*` variables at draw time, with dark-theme
 * fallbacks for a page opened outside VS Code.
 */

export interface ChartTheme {
  foreground: string;
  grid: string;
  font: string;
  fontSizePx: number;
  /** Series colours, in order. */
  palette: string[];
}

const PALETTE_VARIABLES: [string, string][] = [
  ['--vscode-charts-blue', '#3794ff'],
  ['--vscode-charts-orange', '#d18616'],
  ['--vscode-charts-green', '#89d185'],
  ['--vscode-charts-purple', '#b180d7'],
  ['--vscode-charts-yellow', '#cca700'],
  ['--vscode-charts-red', '#f14c4c'],
];

export function readChartTheme(): ChartTheme {
  const root = getComputedStyle(document.documentElement);
  const body = getComputedStyle(document.body);
  const variable = (name: string, fallback: string): string => root.getPropertyValue(name).trim() || fallback;
  const fontSizePx = Number.parseFloat(body.fontSize) || 13;
  return {
    foreground: variable('--vscode-charts-foreground', '') || variable('--vscode-foreground', '#cccccc'),
    grid: variable('--vscode-charts-lines', '') || variable('--vscode-widget-border', '#80808059'),
    font: `${fontSizePx}px ${body.fontFamily || 'sans-serif'}`,
    fontSizePx,
    palette: PALETTE_VARIABLES.map(([name, fallback]) => variable(name, fallback)),
  };
}

/** VS Code swaps the theme by changing the body's class and the root's inline variables. */
export function onThemeChange(redraw: () => void): void {
  const observer = new MutationObserver(redraw);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
}
