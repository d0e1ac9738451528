import { formatTokens, formatUsd, usdRange } from './format';
import { compareText } from './grouping';
import type { CallEstimate } from '../estimate/estimate';
import type { CostReport, ReportCall, ReportFinding } from './model';

/** The words and selections the text, Markdown and HTML reports share. */

/** Call sites listed by cost in the text and Markdown reports; the HTML and JSON list all. */
export const TOP_CALLS = 10;
/** Findings listed by saving in the text and Markdown reports. */
export const TOP_SAVINGS = 10;

export function plural(amount: number, noun: string): string {
  return `${amount.toLocaleString('en-US')} ${noun}${amount === 1 ? '' : 's'}`;
}

/** A share as a whole percentage; a small share that is not zero reads `<1%`, not `0%`. */
export function percent(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/**
 * `≈$1,234 per month across 6 LLM call sites in 4 files`; with calls of unknown cost
 * that comes first, and a total over none of them is never a "$0":
 * `Cost unknown for 4 of 4 LLM call sites in 4 files`, `No LLM call traced`.
 */
export function headline({ totals }: CostReport): string {
  if (totals.callSites === 0) return 'No LLM call traced';
  const where = `${plural(totals.callSites, 'LLM call site')} in ${plural(totals.files, 'file')}`;
  const known = totals.callSites - totals.unknownCostCalls;
  if (known === 0) return `Cost unknown for ${totals.unknownCostCalls} of ${where}`;
  const range = totals.monthlyRange;
  const amount = range ? usdRange(range.low, range.high) : formatUsd(totals.monthly);
  const ranged = range ? ` (${plural(range.calls, 'call site')} with the model not resolved, ranged over the models ${range.calls === 1 ? 'it' : 'they'} may use)` : '';
  if (totals.unknownCostCalls === 0) return `≈${amount} per month across ${where}${ranged}`;
  return `Cost unknown for ${totals.unknownCostCalls} of ${where}; ≈${amount} per month for the other ${known}${ranged}`;
}

/**
 * What a set of calls costs a month: the known costs plus the low and the high end of
 * each range (a call without a model in the code), and how many are ranged or unknown.
 */
export function monthlyOf(estimates: readonly CallEstimate[]): { low: number; high: number; ranged: number; unknown: number } {
  let known = 0;
  let low = 0;
  let high = 0;
  let ranged = 0;
  for (const { cost } of estimates) {
    if (cost.monthly !== null) {
      known++;
      low += cost.monthly;
      high += cost.monthly;
    } else if (cost.range) {
      ranged++;
      low += cost.range.monthlyLow;
      high += cost.range.monthlyHigh;
    }
  }
  return { low, high, ranged, unknown: estimates.length - known - ranged };
}

/** `Acting on the 3 findings with a saving could save up to $120 per month (…).`, or null when none has one. */
export function savingSentence(report: CostReport): string | null {
  const count = report.findings.filter((finding) => finding.saving !== null).length;
  if (count === 0) return null;
  return `Acting on the ${plural(count, 'finding')} with a saving could save up to ${formatUsd(report.totals.potentialMonthlySaving)} per month (an upper bound: savings overlap).`;
}

/** Why the saving total is an upper bound; every report that shows the total says so. */
const SAVINGS_CAVEAT =
  'Savings are upper bounds and overlap: several findings on one call (caching, batching, a cheaper model) each count the full saving, so the total is more than acting on all of them saves.';

/** The assumptions behind every number, as plain sentences; the savings caveat when there are savings. */
export function assumptionSentences(report: CostReport): string[] {
  const { assumptions: a, stats } = report;
  const savings = report.totals.potentialMonthlySaving > 0 ? [SAVINGS_CAVEAT] : [];
  return [
    `Traffic: ${formatTokens(a.callsPerDay)} calls per day per call site unless a "promptmeter: calls-per-day=N" comment says otherwise; ×${a.loopMultiplier} inside loops; ${a.daysPerMonth} days a month.`,
    `Output: ${Math.round(a.expectedOutputFraction * 100)}% of the output limit, or of ${formatTokens(a.defaultOutputLimit)} tokens when a call sets none.`,
    `Dynamic prompt parts: ${formatTokens(a.defaultSlotTokens)} tokens each unless slotTokens names them.`,
    `Prices as of ${report.pricingAsOf}. Token counts are exact for OpenAI models and calibrated estimates for the others; calls of unknown cost are listed, not counted.`,
    `Scanned ${plural(stats.filesSeen, 'source file')}: ${stats.filesParsed} parsed, ${stats.filesSkipped} skipped.`,
    ...savings,
  ];
}

export interface RuleTotal {
  ruleId: string;
  count: number;
  /** Sum of the findings' monthly savings; null when none of them has one. */
  monthlySaving: number | null;
}

/** Findings per rule: largest saving first, then most findings, then by id. */
export function findingsByRule(findings: readonly ReportFinding[]): RuleTotal[] {
  const rules = new Map<string, RuleTotal>();
  for (const finding of findings) {
    const total = rules.get(finding.ruleId) ?? { ruleId: finding.ruleId, count: 0, monthlySaving: null };
    total.count++;
    if (finding.saving) total.monthlySaving = (total.monthlySaving ?? 0) + finding.saving.monthly;
    rules.set(finding.ruleId, total);
  }
  return [...rules.values()].sort((a, b) => (b.monthlySaving ?? -1) - (a.monthlySaving ?? -1) || b.count - a.count || compareText(a.ruleId, b.ruleId));
}

/** Findings with a saving, largest first (ties keep the report's order). */
export function largestSavings(findings: readonly ReportFinding[], limit: number): ReportFinding[] {
  return findings
    .filter((finding) => finding.saving !== null)
    .sort((a, b) => (b.saving?.monthly ?? 0) - (a.saving?.monthly ?? 0))
    .slice(0, limit);
}

/** `error 1 · warning 3 · note 2` counts, notes being info and hint. */
export function severityCounts(findings: readonly ReportFinding[]): string {
  const count = (...severities: ReportFinding['severity'][]): number => findings.filter((finding) => severities.includes(finding.severity)).length;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info', 'hint'), 'note')}`;
}

/** The calls of known cost, most expensive first, and those of unknown cost. */
/** Calls with a cost or a range, and calls with neither. */
export function knownAndUnknown(calls: readonly ReportCall[]): { known: ReportCall[]; unknown: ReportCall[] } {
  // A baseline written before ranges existed has no `range`.
  const priced = (call: ReportCall): boolean => call.monthly !== null || (call.range ?? null) !== null;
  return { known: calls.filter(priced), unknown: calls.filter((call) => !priced(call)) };
}

/**
 * A relative link to a line of a file: `src/app.py#L12`. Opens in GitHub's
 * Markdown and VS Code's previews; the editor's report panel turns it into
 * "reveal in editor".
 */
export function fileHref(path: string, line: number): string {
  return `${encodePath(path)}#L${line}`;
}

/** A relative path as a URI reference: `#`, `?` and parentheses escaped too, so links and Markdown keep it whole. */
export function encodePath(path: string): string {
  // `:` too: a file named `javascript:alert(1).py` must not make its link a URL with a scheme.
  return encodeURI(path).replace(/[#?():]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function location(item: { path: string; line: number; column: number }): string {
  return `${item.path}:${item.line}:${item.column}`;
}

export function callLabel(call: ReportCall): string {
  return `${call.provider} ${call.api}`;
}

export function costCells(call: ReportCall): { perCall: string; monthly: string } {
  if (call.range) return { perCall: usdRange(call.range.low, call.range.high), monthly: usdRange(call.range.monthlyLow, call.range.monthlyHigh) };
  if (call.monthly === null) return { perCall: 'unknown', monthly: 'unknown' };
  return { perCall: formatUsd(call.perCall), monthly: formatUsd(call.monthly) };
}
