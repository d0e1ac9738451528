import { createColors } from 'picocolors';
import { callChanges, type CallDelta, type ReportDiff } from '../core/report/diff';
import { diffHeadline, diffSummary, signedUsd, transition } from '../core/report/diff-markdown';
import { terminalText } from '../core/report/escape';
import { formatUsd } from '../core/report/format';
import type { ReportFinding } from '../core/report/model';
import { location, plural } from '../core/report/summary';

/** A cost diff for the terminal: the headline, each changed call site, new and fixed findings. */
export function diffText(diff: ReportDiff, color: boolean): string {
  const colors = createColors(color);
  const { totals } = diff;
  const lines = [colors.bold(diffHeadline(diff))];
  const summary = diffSummary(diff);
  if (totals.unknownCostCalls.after > 0) summary.push(`${plural(totals.unknownCostCalls.after, 'call site')} of unknown cost not counted`);
  lines.push(colors.gray(summary.join(' · ')), '');

  const changes = callChanges(diff);
  if (changes.length === 0) lines.push('No call site changed cost.');
  for (const change of changes) {
    const amount = change.monthlyDelta === null ? 'unknown' : signedUsd(change.monthlyDelta);
    const paint = change.monthlyDelta === null ? colors.yellow : change.monthlyDelta > 0 ? colors.red : colors.green;
    lines.push(`  ${paint(amount.padStart(10))}  ${describe(change)}`);
  }

  findings(lines, 'New findings', diff.findings.new, (finding) => `${colors.yellow(finding.severity)}  `);
  findings(lines, 'Fixed findings', diff.findings.fixed, () => '');
  lines.push('', colors.gray(`${diff.head.tool.name} ${diff.head.tool.version} · prices as of ${diff.head.pricingAsOf}`));
  return lines.join('\n');
}

/** `src/app.py:12  openai chat.completions.create  gpt-4o → gpt-5  $0.005 → $0.02/call  $154 → $600/mo` */
function describe(change: CallDelta): string {
  const { before, after } = change;
  const line = (after ?? before)?.line ?? 0;
  const parts = [
    terminalText(`${change.path}:${line}`),
    terminalText(`${change.provider} ${change.api}`),
    terminalText(transition(before, after, (side) => side.model ?? 'model unknown')),
    `${transition(before, after, (side) => formatUsd(side.perCall))}/call`,
    `${transition(before, after, (side) => formatUsd(side.monthly))}/mo`,
  ];
  if (before === null) parts.push('new');
  if (after === null) parts.push('removed');
  return parts.join('  ');
}

function findings(lines: string[], title: string, list: ReportFinding[], prefix: (finding: ReportFinding) => string): void {
  if (list.length === 0) return;
  lines.push('', `${title} (${list.length})`);
  for (const finding of list) lines.push(`  ${prefix(finding)}${terminalText(location(finding))}  ${terminalText(finding.message)}  ${finding.ruleId}`);
}
