import { htmlText } from './escape';
import { formatUsd, usdRange } from './format';
import type { CostReport, ReportCall, ReportFinding, ReportGroup } from './model';
import {
  assumptionSentences,
  callLabel,
  costCells,
  fileHref,
  findingsByRule,
  headline,
  percent,
  savingSentence,
  severityCounts,
} from './summary';
import { barChart } from './svg-chart';

/**
 * The report as one self-contained HTML page: no scripts, no external
 * resources, no inline style attributes (the editor's panel adds a strict CSP
 * with nonces on the `<style>` element), every text from the code escaped.
 * Charts are inline SVG. Colours follow the VS Code theme inside the editor
 * and the system's light or dark scheme elsewhere.
 */
export function reportHtml(report: CostReport): string {
  const { totals } = report;
  const saving = savingSentence(report);
  const body = [
    '<h1>Promptmeter cost report</h1>',
    `<p class="headline">${htmlText(headline(report))}.</p>`,
    `<p class="muted">${htmlText(`${report.tool.name} ${report.tool.version} · prices as of ${report.pricingAsOf}`)}</p>`,
    '<dl class="totals">',
    total('Per month', totals.callSites > 0 && totals.unknownCostCalls === totals.callSites ? 'unknown' : `≈${totals.monthlyRange ? usdRange(totals.monthlyRange.low, totals.monthlyRange.high) : formatUsd(totals.monthly)}`),
    total('Call sites', String(totals.callSites)),
    ...(totals.monthlyRange ? [total('Model not resolved (ranged)', String(totals.monthlyRange.calls))] : []),
    total('Unknown cost', String(totals.unknownCostCalls)),
    total('Files', String(totals.files)),
    total('Findings', String(totals.findings)),
    // A saving shows only where a finding names one: "up to $0" would read as "nothing to gain".
    ...(report.findings.some((finding) => finding.saving !== null) ? [total('Potential saving', `up to ${formatUsd(totals.potentialMonthlySaving)}/mo`)] : []),
    '</dl>',
    saving ? `<p>${htmlText(saving)}</p>` : '',
    groupSection('Cost by model', 'model', report.byModel, true),
    groupSection('Cost by folder', 'folder', report.byFolder, true),
    groupSection('Cost by provider', 'provider', report.byProvider, false),
    groupSection('Cost by file', 'file', report.byFile, false),
    callsSection(report.calls),
    findingsSection(report.findings),
    unknownModelsSection(report),
    skippedSection(report),
    '<section>',
    '<h2>Assumptions</h2>',
    '<ul>',
    ...assumptionSentences(report).map((sentence) => `<li>${htmlText(sentence)}</li>`),
    '</ul>',
    '</section>',
  ].filter((part) => part !== '');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Promptmeter cost report</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function total(label: string, value: string): string {
  return `<div><dt>${htmlText(label)}</dt><dd>${htmlText(value)}</dd></div>`;
}

function groupSection(title: string, column: string, groups: readonly ReportGroup[], chart: boolean): string {
  if (groups.length === 0) return '';
  const rows = groups.map((group) => row([td(htmlText(group.name)), num(String(group.calls)), num(formatUsd(group.monthly)), num(percent(group.share))]));
  return [
    '<section>',
    `<h2>${htmlText(title)}</h2>`,
    chart ? barChart(title, groups) : '',
    table([column, 'calls', 'per month', 'share'], rows, [1, 2, 3]),
    '</section>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

function callsSection(calls: readonly ReportCall[]): string {
  if (calls.length === 0) return '<section><h2>Call sites</h2><p>No LLM calls found.</p></section>';
  const rows = calls.map((call) => {
    const cost = costCells(call);
    return row([
      td(placeLink(call)),
      td(`<code>${htmlText(callLabel(call))}</code>`),
      td(htmlText(call.model ?? 'model unknown')),
      num(cost.perCall),
      call.monthly === null ? td(`<span class="unknown">unknown: ${htmlText(call.unknownReason ?? 'no price')}</span>`) : num(cost.monthly),
    ]);
  });
  return ['<section>', '<h2>Call sites</h2>', '<p class="muted">Most expensive first; calls of unknown cost last, not counted in the totals.</p>', table(['where', 'call', 'model', 'per call', 'per month'], rows, [3, 4]), '</section>'].join('\n');
}

function findingsSection(findings: readonly ReportFinding[]): string {
  if (findings.length === 0) return '';
  const rules = findingsByRule(findings).map((rule) =>
    row([td(`<code>${htmlText(rule.ruleId)}</code>`), num(String(rule.count)), num(rule.monthlySaving === null ? '—' : `up to ${formatUsd(rule.monthlySaving)}`)]),
  );
  const rows = findings.map((finding) =>
    row([
      td(placeLink(finding)),
      td(`<span class="severity ${htmlText(finding.severity)}">${htmlText(finding.severity)}</span>`),
      td(`<code>${htmlText(finding.ruleId)}</code>`),
      td(htmlText(finding.message)),
      num(finding.saving ? `${formatUsd(finding.saving.monthly)}/mo` : '—'),
      td(finding.fix ? `${htmlText(finding.fix.title)}${finding.fix.safe ? '' : ' <span class="muted">(review)</span>'}` : '—'),
    ]),
  );
  return [
    '<section>',
    '<h2>Findings</h2>',
    `<p>${htmlText(`${findings.length} (${severityCounts(findings)}).`)}</p>`,
    table(['rule', 'findings', 'saving per month'], rules, [1, 2]),
    table(['where', 'severity', 'rule', 'finding', 'saving', 'fix'], rows, [4]),
    '</section>',
  ].join('\n');
}

function unknownModelsSection(report: CostReport): string {
  if (report.unknownModels.length === 0) return '';
  const rows = report.unknownModels.map((entry) => row([td(htmlText(entry.model)), num(String(entry.calls)), td(htmlText(entry.closest.join(', ') || '—'))]));
  return ['<section>', '<h2>Models not in the price list</h2>', table(['model', 'calls', 'closest known'], rows, [1]), '</section>'].join('\n');
}

function skippedSection(report: CostReport): string {
  if (report.skipped.length === 0) return '';
  const rows = report.skipped.map((skip) => row([td(htmlText(skip.path)), td(htmlText(skip.reason)), td(htmlText(skip.detail ?? ''))]));
  return [
    '<section>',
    `<details><summary>${htmlText(`Skipped: ${report.skipped.length}`)}</summary>`,
    table(['path', 'reason', 'detail'], rows, []),
    '</details>',
    '</section>',
  ].join('\n');
}

function placeLink(item: { path: string; line: number; column: number }): string {
  return `<a href="${htmlText(fileHref(item.path, item.line))}">${htmlText(`${item.path}:${item.line}:${item.column}`)}</a>`;
}

function row(cells: string[]): string {
  return `<tr>${cells.join('')}</tr>`;
}

/** A cell of HTML, escaped or built here. */
function td(html: string): string {
  return `<td>${html}</td>`;
}

/** A right-aligned cell of plain text. */
function num(text: string): string {
  return `<td class="num">${htmlText(text)}</td>`;
}

/** The headers of `numeric` columns are right-aligned, as their numbers are. */
function table(headers: string[], rows: string[], numeric: readonly number[]): string {
  const head = headers.map((header, index) => `<th${numeric.includes(index) ? ' class="num"' : ''}>${htmlText(header)}</th>`).join('');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

const STYLE = `
:root { color-scheme: light dark; --fg: var(--vscode-foreground, CanvasText); --bg: var(--vscode-editor-background, Canvas); --muted: var(--vscode-descriptionForeground, GrayText); --line: var(--vscode-panel-border, rgba(128, 128, 128, 0.35)); --bar: var(--vscode-charts-blue, #3b82f6); --link: var(--vscode-textLink-foreground, LinkText); --error: var(--vscode-errorForeground, #d32f2f); --warning: var(--vscode-editorWarning-foreground, #b26a00); --info: var(--vscode-editorInfo-foreground, #1565c0); }
body { margin: 0; color: var(--fg); background: var(--bg); font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif); font-size: var(--vscode-font-size, 14px); line-height: 1.45; }
main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 1.6em; margin: 0.4em 0; }
h2 { font-size: 1.2em; margin: 1.6em 0 0.6em; border-bottom: 1px solid var(--line); padding-bottom: 0.2em; }
a { color: var(--link); }
code { font-family: var(--vscode-editor-font-family, ui-monospace, Menlo, Consolas, monospace); font-size: 0.95em; }
td code { white-space: nowrap; }
.headline { font-size: 1.15em; font-weight: 600; }
.muted { color: var(--muted); }
.unknown { color: var(--warning); }
.totals { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.totals div { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.totals dt { color: var(--muted); font-size: 0.85em; }
.totals dd { margin: 0; font-size: 1.25em; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { font-weight: 600; color: var(--muted); }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.severity { font-weight: 600; }
.severity.error { color: var(--error); }
.severity.warning { color: var(--warning); }
.severity.info, .severity.hint { color: var(--info); }
.chart { display: block; width: 100%; max-width: 760px; height: auto; }
.chart text { fill: var(--fg); font-size: 12px; font-family: inherit; }
.chart .value { fill: var(--muted); }
.chart .bar { fill: var(--bar); }
summary { cursor: pointer; font-weight: 600; }
`;
