import { createColors } from 'picocolors';
import type { CallEstimate } from '../core/estimate/estimate';
import type { Finding, LlmCall } from '../core/model';
import { costSummary, tokensSummary } from '../core/report/describe';
import { terminalText } from '../core/report/escape';
import { monthlyOf } from '../core/report/summary';
import { confidenceMark, formatTokens, usdRange } from '../core/report/format';
import type { TokenCount } from '../core/tokens';
import type { ScanResult } from '../core/scan/scan';

type Style = 'red' | 'yellow' | 'cyan' | 'gray' | 'bold' | 'underline';

const SEVERITY_STYLE: Record<Finding['severity'], Style> = {
  error: 'red',
  warning: 'yellow',
  info: 'cyan',
  hint: 'gray',
};

export function formatScanText(result: ScanResult, color: boolean): string {
  const colors = createColors(color);
  const paint = (style: Style, text: string): string => colors[style](text);
  const lines: string[] = [];
  for (const file of result.files) {
    lines.push(paint('underline', terminalText(file.path)));
    const entries: { start: { line: number; column: number }; text: string }[] = [
      ...file.analysis.syntaxErrors.slice(0, 3).map((problem) => ({
        start: problem.range.start,
        // A note, not an error: the parser may be what failed, and the rest of the file is analysed.
        text: `${paint('gray', 'note')}  ${terminalText(problem.message)} (the rest of the file is analysed)`,
      })),
      ...file.analysis.calls.map((call, index) => ({
        start: call.nameRange.start,
        text: `${paint('bold', terminalText(`${call.provider} ${call.api}`))}  ${terminalText(describeCall(call, file.estimates[index]))}`,
      })),
      // Text Promptmeter refused or failed to read (a prompt file outside the workspace): said, never silent.
      ...file.analysis.calls.flatMap((call) =>
        call.prompts.flatMap((prompt) => prompt.parts).flatMap((part) => (part.kind === 'dynamic' && part.reason !== undefined ? [{ start: part.range.start, text: `${paint('gray', 'note')}  ${terminalText(part.reason)}` }] : [])),
      ),
      ...file.findings.map((finding) => ({
        start: finding.range.start,
        text: `${paint(SEVERITY_STYLE[finding.severity], finding.severity)}  ${terminalText(finding.message)}  ${paint('gray', finding.ruleId)}`,
      })),
    ];
    // Stable sort: a call's findings stay right under it.
    entries.sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column);
    for (const entry of entries) lines.push(`  ${position(entry.start)}  ${entry.text}`);
    lines.push('');
  }
  lines.push(summary(result));
  return lines.join('\n');
}

function position(start: { line: number; column: number }): string {
  return `${start.line + 1}:${start.column + 1}`.padEnd(8);
}

function describeCall(call: LlmCall, estimate: CallEstimate | undefined): string {
  const parts = [call.model ?? 'model unknown'];
  if (estimate && call.kind !== 'count') parts.push(tokensSummary(call, estimate), costSummary(estimate));
  if (call.outputLimit) parts.push(`${call.outputLimit.param}=${call.outputLimit.value ?? '?'}`);
  else if (call.openArguments) parts.push('limit may come from spread arguments');
  else if (call.kind === 'generate' || call.kind === 'constructor') parts.push('no output limit');
  if (call.kind !== 'generate') parts.push(call.kind);
  if (call.loop) parts.push(`in a ${call.loop.kind} loop`);
  if (call.callsPerDay !== null) parts.push(`${call.callsPerDay}/day`);
  return parts.join(' · ');
}

export function formatCount(count: TokenCount, model: string | null): string {
  return `${confidenceMark(count.confidence)}${formatTokens(count.tokens)} tokens (${count.confidence}, ${count.method}${model ? `, ${model}` : ''})`;
}

function summary(result: ScanResult): string {
  const calls = result.files.reduce((total, file) => total + file.analysis.calls.length, 0);
  const findings = result.files.flatMap((file) => file.findings);
  const bySeverity = (...severities: Finding['severity'][]): number => findings.filter((finding) => severities.includes(finding.severity)).length;
  const { filesSeen, filesParsed, filesSkipped, ms } = result.stats;
  const filesWithCalls = result.files.filter((file) => file.analysis.calls.length > 0).length;
  return [
    `${count(calls, 'LLM call')} in ${count(filesWithCalls, 'file')}`,
    monthlyTotal(result),
    `${count(findings.length, 'finding')} (${count(bySeverity('error'), 'error')}, ${count(bySeverity('warning'), 'warning')}, ${count(bySeverity('info', 'hint'), 'note')})`,
    `${count(filesSeen, 'source file')} seen, ${filesParsed} parsed, ${filesSkipped} skipped${skippedReasons(result)}`,
    `${ms} ms`,
  ].join(' · ');
}

/** Known costs add up; unknown ones are counted, never summed as $0. */
function monthlyTotal(result: ScanResult): string {
  const estimates = result.files.flatMap((file) => file.estimates);
  const { low, high, ranged: rangedCalls, unknown } = monthlyOf(estimates);
  const asOf = estimates[0]?.cost.pricingAsOf;
  const ranged = rangedCalls > 0 ? ` (${count(rangedCalls, 'call')} with the model not resolved, ranged)` : '';
  const prices = asOf ? ` (prices as of ${asOf})` : '';
  // Unknown comes first, and a sum over no known cost is never "$0".
  if (estimates.length === 0) return 'no cost: no LLM call traced';
  if (unknown === estimates.length) return `cost unknown for ${unknown} of ${count(estimates.length, 'call')}${prices}`;
  if (unknown > 0) return `cost unknown for ${unknown} of ${count(estimates.length, 'call')}; ≈${usdRange(low, high)}/mo for the other ${estimates.length - unknown}${ranged}${prices}`;
  return `≈${usdRange(low, high)}/mo${ranged}${prices}`;
}

function count(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`;
}

function skippedReasons(result: ScanResult): string {
  if (result.skipped.length === 0) return '';
  const counts = new Map<string, number>();
  for (const skipped of result.skipped) counts.set(skipped.reason, (counts.get(skipped.reason) ?? 0) + 1);
  return ` (${[...counts].map(([reason, count]) => `${count} ${reason}`).join(', ')})`;
}
