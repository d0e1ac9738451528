import { createColors } from 'picocolors';
import { formatUsd } from './format';
import { terminalText } from './escape';
import type { CostReport, ReportGroup } from './model';
import {
  assumptionSentences,
  callLabel,
  costCells,
  findingsByRule,
  headline,
  knownAndUnknown,
  largestSavings,
  location,
  plural,
  percent,
  savingSentence,
  severityCounts,
  TOP_CALLS,
  TOP_SAVINGS,
} from './summary';

/** Rows per group table in the terminal; the rest are counted. */
const TOP_GROUPS = 10;

type Paint = (text: string) => string;

/** The report for a terminal: totals, the costliest groups and call sites, findings by rule, assumptions. */
export function reportText(report: CostReport, options: { color?: boolean } = {}): string {
  const colors = createColors(options.color ?? false);
  const title: Paint = (text) => colors.bold(colors.underline(text));
  const lines: string[] = [
    title('Promptmeter cost report'),
    colors.gray(`${report.tool.name} ${report.tool.version} · prices as of ${report.pricingAsOf}`),
    '',
    colors.bold(headline(report)),
    '',
  ];
  const groups: [string, ReportGroup[]][] = [
    ['provider', report.byProvider],
    ['model', report.byModel],
    ['folder', report.byFolder],
    ['file', report.byFile],
  ];
  for (const [name, list] of groups) {
    if (list.length === 0) continue;
    const shown = list.slice(0, TOP_GROUPS);
    lines.push(
      title(`By ${name}`),
      ...table(
        ['', 'calls', 'per month', 'share'],
        shown.map((group) => [group.name, String(group.calls), formatUsd(group.monthly), percent(group.share)]),
        1,
        colors.gray,
      ),
      ...more(list.length - shown.length, `${name}s`),
      '',
    );
  }

  const { known, unknown } = knownAndUnknown(report.calls);
  if (known.length > 0) {
    const shown = known.slice(0, TOP_CALLS);
    lines.push(
      title('Most expensive call sites'),
      ...table(
        ['', 'call', 'model', 'per call', 'per month'],
        shown.map((call) => {
          const cost = costCells(call);
          return [location(call), callLabel(call), call.model ?? 'model unknown', cost.perCall, cost.monthly];
        }),
        3,
        colors.gray,
      ),
      ...more(known.length - shown.length, 'call sites'),
      '',
    );
  }
  if (unknown.length > 0) {
    lines.push(title('Calls of unknown cost (not counted)'));
    for (const call of unknown) lines.push(`  ${terminalText(location(call))}  ${callLabel(call)}  ${colors.yellow(terminalText(call.unknownReason ?? 'no price'))}`);
    lines.push('');
  }
  if (report.unknownModels.length > 0) {
    lines.push(title('Models not in the price list'));
    for (const entry of report.unknownModels) {
      const closest = entry.closest.length > 0 ? ` (closest: ${entry.closest.join(', ')})` : '';
      lines.push(`  ${terminalText(entry.model)}: ${plural(entry.calls, 'call')}${closest}`);
    }
    lines.push('');
  }

  if (report.findings.length > 0) {
    lines.push(
      title(`Findings: ${report.findings.length} (${severityCounts(report.findings)})`),
      ...table(
        ['rule', 'findings', 'saving/mo'],
        findingsByRule(report.findings).map((rule) => [rule.ruleId, String(rule.count), rule.monthlySaving === null ? '—' : formatUsd(rule.monthlySaving)]),
        1,
        colors.gray,
      ),
      '',
    );
    const savings = largestSavings(report.findings, TOP_SAVINGS);
    if (savings.length > 0) {
      lines.push(title('Largest savings'));
      for (const finding of savings) {
        lines.push(`  ${terminalText(location(finding))}  ${colors.green(`${formatUsd(finding.saving?.monthly ?? null)}/mo`)}  ${terminalText(finding.message)}  ${colors.gray(finding.ruleId)}`);
      }
      lines.push(`  ${savingSentence(report) ?? ''}`, '');
    }
  }

  lines.push(title('Assumptions'), ...assumptionSentences(report).map((sentence) => `  - ${sentence}`));
  return `${lines.join('\n')}\n`;
}

/** Columns padded to their widest cell; from column `numbersFrom` on they hold numbers and align right. */
function table(header: string[], cells: string[][], numbersFrom: number, paintHeader: Paint): string[] {
  const rows = cells.map((row) => row.map(terminalText));
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]): string =>
    `  ${cells.map((cell, column) => (column < numbersFrom ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')}`.trimEnd();
  return [paintHeader(line(header)), ...rows.map(line)];
}

function more(count: number, noun: string): string[] {
  return count > 0 ? [`  … and ${count} more ${noun}`] : [];
}
