import { compareText } from './grouping';
import type { CostReport, ReportCall, ReportFinding } from './model';

/**
 * What changed between two cost reports: call sites added, removed and changed
 * with their monthly cost before and after, the totals, and the findings that
 * are new or gone. Calls match by their stable id (`path:api:n`). Deterministic:
 * the same reports give the same diff.
 */

/** One side of a call site: what the cost hangs on. */
export interface CallSide {
  line: number;
  model: string | null;
  perCall: number | null;
  /** null: the cost is unknown (unknown model, no price), never counted as $0. */
  monthly: number | null;
  unknownReason: string | null;
}

export interface CallDelta {
  id: string;
  path: string;
  provider: string;
  api: string;
  /** null: the call site is new. */
  before: CallSide | null;
  /** null: the call site is gone. */
  after: CallSide | null;
  /** After minus before, in USD a month; null when a side that exists has an unknown cost. */
  monthlyDelta: number | null;
}

export interface ReportDiff {
  base: { tool: CostReport['tool']; pricingAsOf: string };
  head: { tool: CostReport['tool']; pricingAsOf: string };
  totals: {
    /** Known monthly cost, USD. */
    before: number;
    after: number;
    delta: number;
    /** The delta as a percentage of `before`; null when `before` is 0. */
    percent: number | null;
    /** Sums of the rising and of the falling call deltas (both ≥ 0). */
    increase: number;
    decrease: number;
    callSites: { before: number; after: number };
    unknownCostCalls: { before: number; after: number };
  };
  calls: {
    /** Most expensive first. */
    added: CallDelta[];
    removed: CallDelta[];
    /** Largest change first. */
    changed: CallDelta[];
  };
  findings: { new: ReportFinding[]; fixed: ReportFinding[] };
}

export function diffReports(base: CostReport, head: CostReport): ReportDiff {
  const baseCalls = new Map(base.calls.map((call) => [call.id, call]));
  const headCalls = new Map(head.calls.map((call) => [call.id, call]));
  const added = head.calls.filter((call) => !baseCalls.has(call.id)).map((call) => delta(call, null, call));
  const removed = base.calls.filter((call) => !headCalls.has(call.id)).map((call) => delta(call, call, null));
  const changed = head.calls.flatMap((call) => {
    const before = baseCalls.get(call.id);
    return before && costChanged(before, call) ? [delta(call, before, call)] : [];
  });
  const deltas = [...added, ...removed, ...changed].map((entry) => entry.monthlyDelta ?? 0);
  const before = base.totals.monthly;
  const after = head.totals.monthly;
  return {
    base: { tool: base.tool, pricingAsOf: base.pricingAsOf },
    head: { tool: head.tool, pricingAsOf: head.pricingAsOf },
    totals: {
      before,
      after,
      delta: after - before,
      percent: before > 0 ? ((after - before) / before) * 100 : null,
      increase: deltas.filter((value) => value > 0).reduce((sum, value) => sum + value, 0),
      decrease: deltas.filter((value) => value < 0).reduce((sum, value) => sum - value, 0),
      callSites: { before: base.totals.callSites, after: head.totals.callSites },
      unknownCostCalls: { before: base.totals.unknownCostCalls, after: head.totals.unknownCostCalls },
    },
    calls: {
      added: added.sort(byMonthly((entry) => entry.after)),
      removed: removed.sort(byMonthly((entry) => entry.before)),
      changed: changed.sort(byMagnitude),
    },
    findings: compareFindings(base, head),
  };
}

/** Every changed call site, largest change first; those of unknown change last. */
export function callChanges(diff: ReportDiff): CallDelta[] {
  return [...diff.calls.changed, ...diff.calls.added, ...diff.calls.removed].sort(byMagnitude);
}

function byMagnitude(a: CallDelta, b: CallDelta): number {
  const magnitude = (entry: CallDelta): number => (entry.monthlyDelta === null ? -1 : Math.abs(entry.monthlyDelta));
  return magnitude(b) - magnitude(a) || compareText(a.id, b.id);
}

function side(call: ReportCall): CallSide {
  return { line: call.line, model: call.model, perCall: call.perCall, monthly: call.monthly, unknownReason: call.unknownReason };
}

function delta(call: ReportCall, before: ReportCall | null, after: ReportCall | null): CallDelta {
  const unknown = (before !== null && before.monthly === null) || (after !== null && after.monthly === null);
  return {
    id: call.id,
    path: call.path,
    provider: call.provider,
    api: call.api,
    before: before && side(before),
    after: after && side(after),
    monthlyDelta: unknown ? null : (after?.monthly ?? 0) - (before?.monthly ?? 0),
  };
}

/** A moved line is no change; a different model, price or traffic is. */
function costChanged(before: ReportCall, after: ReportCall): boolean {
  return before.model !== after.model || before.perCall !== after.perCall || before.monthly !== after.monthly || before.unknownReason !== after.unknownReason;
}

function byMonthly(sideOf: (entry: CallDelta) => CallSide | null): (a: CallDelta, b: CallDelta) => number {
  return (a, b) => (sideOf(b)?.monthly ?? -1) - (sideOf(a)?.monthly ?? -1) || compareText(a.id, b.id);
}

type FindingKey = (finding: ReportFinding) => string | null;

/**
 * A finding on a call site is the same finding when the rule and the call's id
 * match (its message may name a cost that changed); any finding, when the rule,
 * file and message match. Counted: two equal findings need two matches.
 */
const FINDING_KEYS: readonly FindingKey[] = [
  (finding) => (finding.callId === null ? null : `${finding.ruleId}\0${finding.callId}`),
  (finding) => `${finding.ruleId}\0${finding.path}\0${finding.message}`,
];

function compareFindings(base: CostReport, head: CostReport): ReportDiff['findings'] {
  let fixed = base.findings;
  let added = head.findings;
  for (const key of FINDING_KEYS) [fixed, added] = dropPairs(fixed, added, key);
  return { new: added, fixed };
}

/** Both lists without the findings that pair up under `key`, in their order. */
function dropPairs(left: ReportFinding[], right: ReportFinding[], key: FindingKey): [ReportFinding[], ReportFinding[]] {
  const waiting = new Map<string, ReportFinding[]>();
  for (const finding of left) {
    const value = key(finding);
    if (value === null) continue;
    const queue = waiting.get(value);
    if (queue) queue.push(finding);
    else waiting.set(value, [finding]);
  }
  const paired = new Set<ReportFinding>();
  const rightLeft = right.filter((finding) => {
    const value = key(finding);
    const match = value === null ? undefined : waiting.get(value)?.shift();
    if (match) paired.add(match);
    return !match;
  });
  return [left.filter((finding) => !paired.has(finding)), rightLeft];
}
