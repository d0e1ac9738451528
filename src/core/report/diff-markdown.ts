import { callChanges, type CallDelta, type CallSide, type ReportDiff } from './diff';
import { markdownCode, markdownText } from './escape';
import { formatUsd } from './format';
import type { ReportFinding } from './model';
import { plural } from './summary';

/** More rows than this make a pull-request comment hard to read (and GitHub caps comments at 65,536 characters). */
const MAX_ROWS = 50;

/**
 * A cost diff as a pull-request comment: a headline with the monthly change, a
 * table of the call sites whose cost changed, and the new and fixed findings.
 * Deterministic: the same diff gives the same text.
 */
export function diffMarkdown(diff: ReportDiff): string {
  const { totals } = diff;
  const lines = [`### ${diffHeadline(diff)}`, '', diffSummary(diff).join(' · '), ''];
  const { before: unknownBefore, after: unknownAfter } = totals.unknownCostCalls;
  if (unknownBefore > 0 || unknownAfter > 0) {
    lines.push(`Not counted: ${plural(unknownAfter, 'call site')} of unknown cost (before: ${unknownBefore}).`, '');
  }

  const changes = callChanges(diff);
  if (changes.length === 0) lines.push('No call site changed cost.', '');
  else {
    lines.push('| Call site | Model | Per call | Per month | Change |', '| --- | --- | ---: | ---: | ---: |');
    for (const change of changes.slice(0, MAX_ROWS)) lines.push(callRow(change));
    if (changes.length > MAX_ROWS) lines.push(`| … and ${plural(changes.length - MAX_ROWS, 'more call site')} | | | | |`);
    lines.push('');
  }

  findingList(lines, diff.findings.new, 'new finding', true);
  findingList(lines, diff.findings.fixed, 'fixed finding', false);

  const prices =
    diff.base.pricingAsOf === diff.head.pricingAsOf
      ? `prices as of ${diff.head.pricingAsOf}`
      : `prices as of ${diff.base.pricingAsOf} (base) and ${diff.head.pricingAsOf}: price changes show as cost changes`;
  lines.push(`<sub>Estimated by ${markdownText(diff.head.tool.name)} ${markdownText(diff.head.tool.version)} from the code, ${markdownText(prices)}.</sub>`);
  return `${lines.join('\n')}\n`;
}

/** `LLM cost: +$1,234/mo (+12.3%)`, `LLM cost: -$50/mo (-4.1%)`, `LLM cost: no change ($820/mo)`. */
export function diffHeadline(diff: ReportDiff): string {
  return diff.totals.delta === 0 ? `LLM cost: no change (${formatUsd(diff.totals.after)}/mo)` : `LLM cost: ${monthlyChange(diff)}`;
}

/** `+$1,234/mo (+12.3%)`; `+$80/mo (from $0)` when there was no cost before. */
export function monthlyChange(diff: ReportDiff): string {
  const { delta, percent } = diff.totals;
  const share = percent === null ? 'from $0' : `${percent > 0 ? '+' : ''}${percent.toFixed(1)}%`;
  return `${signedUsd(delta)}/mo (${share})`;
}

/** `$820/mo → $1,054/mo`, `+$250 added`, `-$16 removed`, `call sites 12 → 14`. */
export function diffSummary({ totals }: ReportDiff): string[] {
  const parts = [`${formatUsd(totals.before)}/mo → ${formatUsd(totals.after)}/mo`];
  if (totals.increase > 0) parts.push(`${signedUsd(totals.increase)} added`);
  if (totals.decrease > 0) parts.push(`${signedUsd(-totals.decrease)} removed`);
  parts.push(`call sites ${totals.callSites.before} → ${totals.callSites.after}`);
  return parts;
}

/** `+$12.50`, `-$3`, `$0`. */
export function signedUsd(value: number): string {
  if (value === 0) return formatUsd(0);
  return `${value > 0 ? '+' : '-'}${formatUsd(Math.abs(value))}`;
}

function callRow(change: CallDelta): string {
  const { before, after } = change;
  const status = before === null ? ' (new)' : after === null ? ' (removed)' : '';
  const line = (after ?? before)?.line ?? 0;
  const site = `${markdownCode(`${change.path}:${line}`, { tableCell: true })} ${markdownCode(change.api, { tableCell: true })}${status}`;
  const model = transition(before, after, (side) => side.model ?? 'unknown model');
  const perCall = transition(before, after, (side) => formatUsd(side.perCall));
  const monthly = transition(before, after, (side) => formatUsd(side.monthly));
  const delta = change.monthlyDelta === null ? 'unknown' : signedUsd(change.monthlyDelta);
  return `| ${site} | ${markdownText(model)} | ${perCall} | ${monthly} | ${delta} |`;
}

/** `a → b`, or `a` when both sides agree or only one exists. */
export function transition(before: CallSide | null, after: CallSide | null, show: (side: CallSide) => string): string {
  const from = before && show(before);
  const to = after && show(after);
  return from !== null && to !== null && from !== to ? `${from} → ${to}` : (to ?? from ?? '');
}

function findingList(lines: string[], findings: ReportFinding[], noun: string, withSeverity: boolean): void {
  if (findings.length === 0) return;
  lines.push(`**${plural(findings.length, noun)}**`, '');
  for (const finding of findings.slice(0, MAX_ROWS)) {
    const severity = withSeverity ? `**${finding.severity}** ` : '';
    const saving = finding.saving ? ` (saves up to ${formatUsd(finding.saving.monthly)}/mo)` : '';
    lines.push(`- ${severity}${markdownCode(finding.ruleId)} at ${markdownCode(`${finding.path}:${finding.line}`)}: ${markdownText(finding.message)}${saving}`);
  }
  if (findings.length > MAX_ROWS) lines.push(`- … and ${findings.length - MAX_ROWS} more`);
  lines.push('');
}
