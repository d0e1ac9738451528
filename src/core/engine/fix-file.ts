import type { EstimateContext } from '../estimate/estimate';
import { applyEdits } from '../fix/edits';
import type { Finding, Fix, SourceLanguage } from '../model';
import type { RuleSelection } from '../rules';
import type { Engine } from './engine';
import { evaluate } from './evaluate';

export interface AppliedFix {
  ruleId: string;
  title: string;
  line: number;
}

export interface FixResult {
  output: string;
  applied: AppliedFix[];
  /** Fixes left out because the result would not parse. */
  rejected: AppliedFix[];
}

type FixableFinding = Finding & { fix: Fix };

const MAX_PASSES = 10;

/**
 * Applies every available fix, ESLint-style: the non-overlapping fixes of a pass
 * together, then analyse again until nothing is left to fix. A fix whose result
 * has more syntax errors than the text before it is rejected, so fixes never
 * write code that does not parse. The grammar for `language` must be loaded.
 */
export function fixText(
  engine: Engine,
  text: string,
  language: SourceLanguage,
  context: EstimateContext,
  selection: RuleSelection = {},
  options: { unsafe?: boolean } = {},
): FixResult {
  const result: FixResult = { output: text, applied: [], rejected: [] };
  const rejected = new Set<string>();
  const errorCount = (candidate: string): number => engine.analyzeLoaded(candidate, language).syntaxErrors.length;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const analysis = engine.analyzeLoaded(result.output, language);
    const baseline = analysis.syntaxErrors.length;
    const candidates = nonOverlapping(
      evaluate(analysis, result.output, context, selection).findings.filter(
        (finding): finding is FixableFinding =>
          finding.fix !== undefined && (finding.fix.safe || options.unsafe === true) && !rejected.has(fixKey(finding as FixableFinding)),
      ),
    );
    if (candidates.length === 0) break;
    let accepted = candidates;
    if (errorCount(applyEdits(result.output, candidates.flatMap((finding) => finding.fix.edits))) > baseline) {
      // Find the culprits one by one; the rest still apply.
      accepted = candidates.filter((finding) => errorCount(applyEdits(result.output, finding.fix.edits)) <= baseline);
      for (const finding of candidates.filter((candidate) => !accepted.includes(candidate))) {
        rejected.add(fixKey(finding));
        result.rejected.push(describe(finding));
      }
      if (accepted.length > 1 && errorCount(applyEdits(result.output, accepted.flatMap((finding) => finding.fix.edits))) > baseline) {
        accepted = accepted.slice(0, 1);
      }
    }
    if (accepted.length === 0) continue;
    result.output = applyEdits(result.output, accepted.flatMap((finding) => finding.fix.edits));
    result.applied.push(...accepted.map(describe));
  }
  return result;
}

/** In document order, dropping any fix whose edits overlap an earlier one's. */
function nonOverlapping(findings: FixableFinding[]): FixableFinding[] {
  const chosen: FixableFinding[] = [];
  let claimedUntil = -1;
  for (const finding of [...findings].sort((a, b) => fixStart(a) - fixStart(b))) {
    // Touching fixes count as overlapping: two insertions at one offset have no defined order.
    if (chosen.length > 0 && fixStart(finding) <= claimedUntil) continue;
    chosen.push(finding);
    claimedUntil = Math.max(...finding.fix.edits.map((edit) => edit.end));
  }
  return chosen;
}

function fixStart(finding: FixableFinding): number {
  return Math.min(...finding.fix.edits.map((edit) => edit.start));
}

function fixKey(finding: FixableFinding): string {
  return `${finding.ruleId}:${finding.fix.title}:${fixStart(finding)}`;
}

function describe(finding: FixableFinding): AppliedFix {
  return { ruleId: finding.ruleId, title: finding.fix.title, line: finding.range.start.line + 1 };
}
