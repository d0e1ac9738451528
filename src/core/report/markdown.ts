import type { PromptmeterConfig } from '../config/config';
import type { ScanResult } from '../scan/scan';
import { formatTokens, formatUsd } from './format';

/**
 * The workspace cost report as Markdown: totals by provider, model and file, the
 * most expensive call sites, findings by rule, unknown models and the
 * assumptions behind every number. Deterministic: same input, same text.
 */
export function reportMarkdown(result: ScanResult, config: PromptmeterConfig, link: (path: string, line: number) => string): string {
  const calls = result.files.flatMap((file) =>
    file.analysis.calls.map((call, index) => ({ file, call, estimate: file.estimates[index] })),
  );
  const known = calls.filter((entry) => entry.estimate?.cost.monthly !== null && entry.estimate?.cost.monthly !== undefined);
  const total = known.reduce((sum, entry) => sum + (entry.estimate?.cost.monthly ?? 0), 0);
  const unknown = calls.filter((entry) => !known.includes(entry));
  const asOf = calls[0]?.estimate?.cost.pricingAsOf ?? 'unknown';
  const lines: string[] = ['# Promptmeter cost report', ''];
  lines.push(
    `**≈${formatUsd(total)} per month** across ${calls.length} LLM call site${calls.length === 1 ? '' : 's'} in ${result.files.filter((file) => file.analysis.calls.length > 0).length} files` +
      (unknown.length > 0 ? `, plus ${unknown.length} of unknown cost (not counted)` : '') +
      `. Prices as of ${asOf}.`,
    '',
  );
  const table = (title: string, key: (entry: (typeof calls)[number]) => string): void => {
    const sums = new Map<string, { monthly: number; count: number }>();
    for (const entry of known) {
      const name = key(entry);
      const current = sums.get(name) ?? { monthly: 0, count: 0 };
      current.monthly += entry.estimate?.cost.monthly ?? 0;
      current.count++;
      sums.set(name, current);
    }
    if (sums.size === 0) return;
    lines.push(`## By ${title}`, '', `| ${title} | calls | per month | share |`, '| --- | ---: | ---: | ---: |');
    for (const [name, sum] of [...sums].sort((a, b) => b[1].monthly - a[1].monthly || a[0].localeCompare(b[0]))) {
      lines.push(`| ${escapeCell(name)} | ${sum.count} | ${formatUsd(sum.monthly)} | ${total > 0 ? Math.round((sum.monthly / total) * 100) : 0}% |`);
    }
    lines.push('');
  };
  table('provider', (entry) => entry.call.provider);
  table('model', (entry) => entry.call.model ?? 'unknown');
  table('file', (entry) => entry.file.path);

  const top = [...known].sort((a, b) => (b.estimate?.cost.monthly ?? 0) - (a.estimate?.cost.monthly ?? 0)).slice(0, 10);
  if (top.length > 0) {
    lines.push('## Most expensive call sites', '', '| call | model | per call | per month |', '| --- | --- | ---: | ---: |');
    for (const { file, call, estimate } of top) {
      const line = call.nameRange.start.line + 1;
      lines.push(
        `| [${escapeCell(`${file.path}:${line}`)}](${link(file.path, line)}) \`${call.api}\` | ${escapeCell(call.model ?? 'unknown')} | ${formatUsd(estimate?.cost.perCall ?? null)} | ${formatUsd(estimate?.cost.monthly ?? null)} |`,
      );
    }
    lines.push('');
  }

  const findings = result.files.flatMap((file) => file.findings.map((finding) => ({ file, finding })));
  if (findings.length > 0) {
    const byRule = new Map<string, number>();
    for (const { finding } of findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
    lines.push('## Findings', '', '| rule | count |', '| --- | ---: |');
    for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) lines.push(`| ${rule} | ${count} |`);
    lines.push('');
  }

  if (unknown.length > 0) {
    lines.push('## Calls of unknown cost', '');
    for (const { file, call, estimate } of unknown) {
      const line = call.nameRange.start.line + 1;
      lines.push(`- [${escapeCell(`${file.path}:${line}`)}](${link(file.path, line)}): ${escapeCell(estimate?.cost.unknownReason ?? 'no estimate')}`);
    }
    lines.push('');
  }

  lines.push(
    '## Assumptions',
    '',
    `- Traffic: ${formatTokens(config.callsPerDay)} calls per day per call site unless a \`promptmeter: calls-per-day=N\` comment says otherwise; ×${config.loopMultiplier} inside loops; 30 days a month.`,
    `- Output: ${Math.round(config.expectedOutputFraction * 100)}% of the output limit (or of ${formatTokens(config.defaultOutputLimit)} tokens without one).`,
    `- Dynamic prompt parts: ${formatTokens(config.defaultSlotTokens)} tokens each unless \`slotTokens\` names them.`,
    `- Prices as of ${asOf}. Token counts are exact for OpenAI models and calibrated estimates (≈) for the others.`,
    `- Scanned ${result.stats.filesSeen} source files, parsed ${result.stats.filesParsed}, skipped ${result.stats.filesSkipped}.`,
    '',
  );
  return lines.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/[|\\`*_[\]<>]/g, (char) => `\\${char}`);
}

