import type { AnalyzeOptions } from '../analyze/analyze';
import type { EstimateContext } from '../estimate/estimate';
import { preferredQuote } from '../fix/style';
import type { SourceLanguage } from '../model';
import type { RuleSelection } from '../rules';
import type { Engine } from './engine';
import { evaluateCall, type FileEvaluation } from './evaluate';
import { carryResult, evaluationOf, type CallResult, type CallUpdate, type EvaluationUpdate } from './evaluation-update';

interface Previous {
  results: CallResult[];
  context: EstimateContext;
  selection: string;
  /** Fixes write strings in the quote the file mostly uses: when that changes, every fix does. */
  quote: string;
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
  ): { evaluation: FileEvaluation; update: EvaluationUpdate } {
    try {
      return this.evaluateKept(key, text, language, context, options, selection);
    } catch (error) {
      // Whatever was kept may be half updated: the next version starts afresh.
      this.forget(key);
      throw error;
    }
  }

  private evaluateKept(
    key: string,
    text: string,
    language: SourceLanguage,
    context: EstimateContext,
    options: AnalyzeOptions,
    selection: RuleSelection,
  ): { evaluation: FileEvaluation; update: EvaluationUpdate } {
    const { analysis, carriedFrom, shift } = this.engine.analyzeKeptIncrementally(key, text, language, options);
    const selectionKey = JSON.stringify(selection);
    const quote = preferredQuote(text);
    const before = this.previous.get(key);
    const reusable = shift && before?.context === context && before.selection === selectionKey && before.quote === quote ? before.results : null;
    const results: CallResult[] = [];
    const calls: CallUpdate[] = [];
    for (const [index, call] of analysis.calls.entries()) {
      const from = carriedFrom[index] ?? null;
      const old = reusable && shift && from !== null ? reusable[from] : undefined;
      if (old && shift && from !== null) {
        results.push(carryResult(old, shift, call));
        calls.push({ carried: from });
      } else {
        const fresh = { call, ...evaluateCall(call, analysis, text, context, selection) };
        results.push(fresh);
        calls.push({ fresh });
      }
    }
    this.previous.set(key, { results, context, selection: selectionKey, quote });
    const update: EvaluationUpdate = { ...analysis, shift: reusable ? shift : null, calls };
    return { evaluation: evaluationOf(analysis, results), update };
  }

  forget(key: string): void {
    this.previous.delete(key);
    this.engine.forget(key);
  }
}
