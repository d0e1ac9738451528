import { docsUrl } from '../rules/rule';
import { markdownCode, markdownText } from './escape';
import { formatUsd } from './format';
import type { CostReport, ReportGroup } from './model';
import {
  assumptionSentences,
  callLabel,
  costCells,
  fileHref,
  findingsByRule,
  headline,
  knownAndUnknown,
  largestSavings,
  percent,
  plural,
  savingSentence,
  severityCounts,
  TOP_CALLS,
  TOP_SAVINGS,
} from './summary';

export interface MarkdownOptions {
  /** The link target of a call site or finding; a relative `path#Lline` link by default. */
  link?: (path: string, line: number) => string;
}

/**
 * The report as GitHub-flavoured Markdown, for a pull-request comment or a file:
 * totals, cost by provider, model, folder and file, the costliest call sites,
 * findings by rule with their savings, unknown costs, and the assumptions.
 * Text from the code is escaped.
 */
export function reportMarkdown(report: CostReport, options: MarkdownOptions = {}): string {
  const link = options.link ?? fileHref;
  const place = (item: { path: string; line: number }): string => `[${markdownText(`${item.path}:${item.line}`)}](${destination(link(item.path, item.line))})`;
  const lines: string[] = ['# Promptmeter cost report', ''];
  lines.push(`**${headline(report)}.** Prices as of ${markdownText(report.pricingAsOf)}.`, '');
  const saving = savingSentence(report);
  if (saving) lines.push(saving, '');

  groupTable(lines, 'provider', report.byProvider);
  groupTable(lines, 'model', report.byModel);
  groupTable(lines, 'folder', report.byFolder);
  groupTable(lines, 'file', report.byFile);

  const { known, unknown } = knownAndUnknown(report.calls);
  if (known.length > 0) {
    lines.push('## Most expensive call sites', '', '| call site | call | model | per call | per month |', '| --- | --- | --- | ---: | ---: |');
    for (const call of known.slice(0, TOP_CALLS)) {
      const cost = costCells(call);
      lines.push(`| ${place(call)} | ${markdownCode(callLabel(call), { tableCell: true })} | ${markdownText(call.model ?? 'model unknown')} | ${cost.perCall} | ${cost.monthly} |`);
    }
    if (known.length > TOP_CALLS) lines.push('', `…and ${plural(known.length - TOP_CALLS, 'more call site')}.`);
    lines.push('');
  }
  if (unknown.length > 0) {
    lines.push('## Calls of unknown cost', '', 'Listed, not counted in the totals.', '');
    for (const call of unknown) lines.push(`- ${place(call)} ${markdownCode(callLabel(call))}: ${markdownText(call.unknownReason ?? 'no price')}`);
    lines.push('');
  }
  if (report.unknownModels.length > 0) {
    lines.push('## Models not in the price list', '', '| model | calls | closest known |', '| --- | ---: | --- |');
    for (const entry of report.unknownModels) {
      lines.push(`| ${markdownText(entry.model)} | ${entry.calls} | ${entry.closest.map(markdownText).join(', ') || '—'} |`);
    }
    lines.push('', 'Add them under `pricing.models` or `pricing.aliases` in `.promptmeter.json`.', '');
  }

  if (report.findings.length > 0) {
    lines.push('## Findings', '', `${report.findings.length} (${severityCounts(report.findings)}).`, '');
    lines.push('| rule | findings | potential saving per month |', '| --- | ---: | ---: |');
    for (const rule of findingsByRule(report.findings)) {
      lines.push(`| [${rule.ruleId}](${docsUrl(rule.ruleId)}) | ${rule.count} | ${rule.monthlySaving === null ? '—' : `up to ${formatUsd(rule.monthlySaving)}`} |`);
    }
    lines.push('');
    const savings = largestSavings(report.findings, TOP_SAVINGS);
    if (savings.length > 0) {
      lines.push('### Largest savings', '', '| where | rule | saving per month | finding |', '| --- | --- | ---: | --- |');
      for (const finding of savings) {
        lines.push(`| ${place(finding)} | ${finding.ruleId} | ${formatUsd(finding.saving?.monthly ?? null)} | ${markdownText(finding.message)} |`);
      }
      lines.push('');
    }
  }

  if (report.skipped.length > 0) {
    const reasons = new Map<string, number>();
    for (const skip of report.skipped) reasons.set(skip.reason, (reasons.get(skip.reason) ?? 0) + 1);
    lines.push('## Skipped', '', [...reasons].map(([reason, count]) => `${count} ${markdownText(reason)}`).join(', ') + '.', '');
  }

  lines.push('## Assumptions', '', ...assumptionSentences(report).map((sentence) => `- ${markdownText(sentence)}`));
  lines.push('', `<sub>${markdownText(`${report.tool.name} ${report.tool.version}`)}</sub>`, '');
  return lines.join('\n');
}

function groupTable(lines: string[], title: string, groups: readonly ReportGroup[]): void {
  if (groups.length === 0) return;
  lines.push(`## By ${title}`, '', `| ${title} | calls | per month | share |`, '| --- | ---: | ---: | ---: |');
  for (const group of groups) lines.push(`| ${markdownText(group.name)} | ${group.calls} | ${formatUsd(group.monthly)} | ${percent(group.share)} |`);
  lines.push('');
}

/** A link target that stays one: characters that would end it or turn into markup are percent-encoded. */
function destination(url: string): string {
  return url.replace(/[\s<>()\\`"']/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
