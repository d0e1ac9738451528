import { isSuppressed } from '../analyze/directives';
import type { SeverityOverride } from '../config/config';
import type { Finding } from '../model';
import { cacheBreakpointOnDynamic } from './cache-breakpoint-on-dynamic';
import { cacheUnfriendlyOrder } from './cache-unfriendly-order';
import { compressiblePrompt } from './compressible-prompt';
import { contextWindowOverflow } from './context-window-overflow';
import { costOverBudget } from './cost-over-budget';
import { expensiveModelForSimpleTask } from './expensive-model-for-simple-task';
import { llmCallInLoop } from './llm-call-in-loop';
import { maxTokensExceedsModel } from './max-tokens-exceeds-model';
import { missingCacheControl } from './missing-cache-control';
import { missingMaxTokens } from './missing-max-tokens';
import { retiredModel } from './retired-model';
import { unknownModel } from './unknown-model';
import type { Rule, RuleContext } from './rule';

export const RULES: readonly Rule[] = [
  missingMaxTokens,
  cacheUnfriendlyOrder,
  missingCacheControl,
  cacheBreakpointOnDynamic,
  maxTokensExceedsModel,
  contextWindowOverflow,
  costOverBudget,
  unknownModel,
  retiredModel,
  compressiblePrompt,
  llmCallInLoop,
  expensiveModelForSimpleTask,
];

export interface RuleSelection {
  /** Per-rule severity, or 'off'. */
  severities?: Record<string, SeverityOverride>;
  /** When given, only these rules run. */
  only?: string[];
}

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}

/** Runs the selected rules on one file, dropping what suppression comments silence. */
export function runRules(context: RuleContext, selection: RuleSelection = {}): Finding[] {
  const { analysis } = context;
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const { id } = rule.meta;
    if (selection.only && !selection.only.includes(id)) continue;
    const severity = selection.severities?.[id] ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    for (const report of rule.check(context)) {
      const lines = [report.range.start.line, ...(report.call ? [report.call.range.start.line] : [])];
      if (isSuppressed(analysis.suppressions, id, lines)) continue;
      findings.push({ ruleId: id, severity, message: report.message, range: report.range, fix: report.fix, related: report.related, saving: report.saving });
    }
  }
  return findings;
}
