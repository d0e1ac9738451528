import type { CallEstimate } from '../estimate/estimate';
import type { FileAnalysis, Finding, LlmCall } from '../model';
import { shiftCall, shiftEstimate, shiftFinding } from '../model-shift';
import type { EditShift } from '../parse/incremental';
import { combineEvaluations, type FileEvaluation } from './evaluate';

/** Everything known about one call. */
export interface CallResult {
  call: LlmCall;
  estimate: CallEstimate;
  findings: Finding[];
}

/** A call of the previous evaluation, only moved by the edit, or one evaluated afresh. */
export type CallUpdate = { carried: number } | { fresh: CallResult };

/**
 * What changed in a document's evaluation since the previous one: after a
 * keystroke, usually one call. The extension host rebuilds the evaluation from
 * it instead of receiving (and copying) every call again.
 */
export interface EvaluationUpdate {
  language: FileAnalysis['language'];
  suppressions: FileAnalysis['suppressions'];
  syntaxErrors: FileAnalysis['syntaxErrors'];
  /** How carried calls moved; null when every call is fresh. */
  shift: EditShift | null;
  calls: CallUpdate[];
}

/** A call's results, moved by an edit elsewhere; `call` when the analysis already moved it. */
export function carryResult(result: CallResult, shift: EditShift, call = shiftCall(result.call, shift)): CallResult {
  return {
    call,
    estimate: shiftEstimate(result.estimate, shift),
    findings: result.findings.map((finding) => shiftFinding(finding, shift)),
  };
}

export function evaluationOf(update: Omit<EvaluationUpdate, 'calls' | 'shift'>, results: CallResult[]): FileEvaluation {
  const analysis: FileAnalysis = {
    language: update.language,
    calls: results.map((result) => result.call),
    suppressions: update.suppressions,
    syntaxErrors: update.syntaxErrors,
  };
  return combineEvaluations(analysis, results);
}

/** The receiving side: keeps the last results of one document and applies each update to them. */
export class EvaluationReplica {
  private results: CallResult[] = [];

  apply(update: EvaluationUpdate): FileEvaluation {
    this.results = update.calls.map((entry) => {
      if ('fresh' in entry) return entry.fresh;
      const previous = this.results[entry.carried];
      if (!previous || !update.shift) throw new Error(`update carries call ${entry.carried}, which this replica does not have`);
      return carryResult(previous, update.shift);
    });
    return evaluationOf(update, this.results);
  }
}
