import { estimateCall, type CallEstimate, type EstimateContext } from '../estimate/estimate';
import type { FileAnalysis, Finding } from '../model';
import { runRules, type RuleSelection } from '../rules';

export interface FileEvaluation {
  analysis: FileAnalysis;
  /** One per call, in the same order as `analysis.calls`. */
  estimates: CallEstimate[];
  findings: Finding[];
}

/** The second half of the pipeline: calls → estimates → findings. Pure and synchronous. */
export function evaluate(analysis: FileAnalysis, text: string, context: EstimateContext, selection: RuleSelection = {}): FileEvaluation {
  const estimates = analysis.calls.map((call) => estimateCall(call, context));
  const severities = { ...context.config.rules, ...selection.severities };
  const findings = runRules({ analysis, estimates, config: context.config, prices: context.prices, text }, { ...selection, severities });
  return { analysis, estimates, findings };
}
