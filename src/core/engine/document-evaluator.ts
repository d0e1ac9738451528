import type { AnalyzeOptions } from '../analyze/analyze';
import type { EstimateContext } from '../estimate/estimate';
import type { SourceLanguage } from '../model';
import { shiftEstimate, shiftFinding } from '../model-shift';
import type { RuleSelection } from '../rules';
import type { Engine } from './engine';
import { combineEvaluations, evaluateCall, type CallEvaluation, type FileEvaluation } from './evaluate';

interface Previous {
  calls: CallEvaluation[];
  context: EstimateContext;
  selection: string;
}

/**
 * The editor's keystroke path: analysis and evaluation of open documents, where
 * a call the edit did not touch keeps its estimate and findings (moved to where
 * the edit put them) instead of being estimated and checked again.
 */
export class DocumentEvaluator {
  private readonly previous = new Map<string, Previous>();

  constructor(private readonly engine: Engine) {}

  evaluate(
    key: string,
    text: string,
    language: SourceLanguage,
    context: EstimateContext,
    options: AnalyzeOptions = {},
    selection: RuleSelection = {},
  ): FileEvaluation {
    const kept = this.engine.analyzeKeptIncrementally(key, text, language, options);
    const selectionKey = JSON.stringify(selection);
    const before = this.previous.get(key);
    const reusable = before && kept.shift && before.context === context && before.selection === selectionKey ? before : null;
    const { analysis } = kept;
    const calls = analysis.calls.map((call, index) => {
      const carried = kept.carriedFrom[index];
      const old = reusable && kept.shift && carried !== null && carried !== undefined ? reusable.calls[carried] : undefined;
      if (old && kept.shift) {
        const shift = kept.shift;
        return { estimate: shiftEstimate(old.estimate, shift), findings: old.findings.map((finding) => shiftFinding(finding, shift)) };
      }
      return evaluateCall(call, analysis, text, context, selection);
    });
    this.previous.set(key, { calls, context, selection: selectionKey });
    return combineEvaluations(analysis, calls);
  }

  forget(key: string): void {
    this.previous.delete(key);
    this.engine.forget(key);
  }
}
