import { estimateCall, type CallEstimate, type EstimateContext } from '../estimate/estimate';
import type { FileAnalysis, Finding, LlmCall } from '../model';
import { RULES, runRules, type RuleSelection } from '../rules';

export interface FileEvaluation {
  analysis: FileAnalysis;
  /** One per call, in the same order as `analysis.calls`. */
  estimates: CallEstimate[];
  findings: Finding[];
}

/** One call's estimate and findings; every rule looks at one call at a time. */
export interface CallEvaluation {
  estimate: CallEstimate;
  findings: Finding[];
}

/** The second half of the pipeline: calls → estimates → findings. Pure and synchronous. */
export function evaluate(analysis: FileAnalysis, text: string, context: EstimateContext, selection: RuleSelection = {}): FileEvaluation {
  return combineEvaluations(
    analysis,
    analysis.calls.map((call) => evaluateCall(call, analysis, text, context, selection)),
  );
}

export function evaluateCall(call: LlmCall, analysis: FileAnalysis, text: string, context: EstimateContext, selection: RuleSelection): CallEvaluation {
  const estimate = estimateCall(call, context);
  const severities = { ...context.config.rules, ...selection.severities };
  const findings = runRules(
    { analysis: { ...analysis, calls: [call] }, estimates: [estimate], config: context.config, prices: context.prices, text },
    { ...selection, severities },
  );
  return { estimate, findings };
}

const RULE_ORDER = new Map(RULES.map((rule, index) => [rule.meta.id, index]));

/** Findings in a stable order: by rule, then by call. */
export function combineEvaluations(analysis: FileAnalysis, calls: CallEvaluation[]): FileEvaluation {
  const ranked = calls.flatMap((evaluation, callIndex) =>
    evaluation.findings.map((finding, position) => ({ finding, callIndex, position, rule: RULE_ORDER.get(finding.ruleId) ?? 0 })),
  );
  ranked.sort((a, b) => a.rule - b.rule || a.callIndex - b.callIndex || a.position - b.position);
  return { analysis, estimates: calls.map((evaluation) => evaluation.estimate), findings: ranked.map((entry) => entry.finding) };
}
