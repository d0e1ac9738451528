import type { PromptmeterConfig } from '../config/config';
import type { CallEstimate } from '../estimate/estimate';
import type { CostRange } from '../estimate/model-range';
import type { Finding, LlmCall, Saving, Severity, SourceRange } from '../model';
import type { ScannedFile, ScanResult } from '../scan/scan';
import { DAYS_PER_MONTH } from '../scenarios';
import { fixPositions, reportFix, type ReportFix } from './fixes';
import { compareText, folderOf, groupCalls } from './grouping';

/**
 * The workspace cost report: one plain, deterministic data model that every
 * output (text, Markdown, HTML, JSON, SARIF) and the editor's report panel are
 * rendered from. Lines and columns are 1-based; columns count UTF-16 code units;
 * paths are the scan's, relative to its working directory, with `/`.
 * Money is USD. Unknown costs stay null and are counted, never summed as $0.
 * No timings or dates of the run: the same scan gives the same report, byte for byte.
 */

/** A total over the calls of known cost that share a provider, model, folder or file. */
export interface ReportGroup {
  name: string;
  calls: number;
  monthly: number;
  /** Share of `totals.monthly`, 0..1 (0 when the total is 0). */
  share: number;
}

export interface ReportCall {
  /** `${path}:${api}:${n}`, n counting from 0 the calls of that API in that file: survives edits that move lines. */
  id: string;
  path: string;
  /** Where the callee's name starts. */
  line: number;
  column: number;
  provider: string;
  api: string;
  kind: string;
  model: string | null;
  perCall: number | null;
  monthly: number | null;
  /** The model is not known from the code: the cost over the models it may be (`perCall` and `monthly` are null). */
  range: CostRange | null;
  /** The call goes to a server on this machine or network: $0 API cost. */
  localServer: boolean;
  /** Why the cost is unknown; null when it is known or ranged. */
  unknownReason: string | null;
}

export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  path: string;
  line: number;
  column: number;
  /** Exclusive end, as in SARIF. */
  endLine: number;
  endColumn: number;
  message: string;
  /** What acting on it saves; an upper bound, and savings on one call overlap. */
  saving: Saving | null;
  /** Null when the rule offers none here, or the file's text was not available to place the edits (see `BuildReportOptions.readText`). */
  fix: ReportFix | null;
  /** The call the finding is about (the innermost call around it), for matching findings across runs; null when it lies outside every call. */
  callId: string | null;
}

export interface ReportAssumptions {
  callsPerDay: number;
  loopMultiplier: number;
  expectedOutputFraction: number;
  defaultOutputLimit: number;
  defaultSlotTokens: number;
  daysPerMonth: typeof DAYS_PER_MONTH;
}

export interface CostReport {
  schemaVersion: 1;
  tool: { name: string; version: string };
  /** The date of the price list; `unknown` when the scan found no call to price. */
  pricingAsOf: string;
  assumptions: ReportAssumptions;
  totals: {
    /** Sum of the calls of known cost. */
    monthly: number;
    /** With the ranged calls: `monthly` plus the low and the high end of each range; null when no call is ranged. */
    monthlyRange: { low: number; high: number; calls: number } | null;
    callSites: number;
    /** Neither a cost nor a range. */
    unknownCostCalls: number;
    /** Files with at least one call. */
    files: number;
    findings: number;
    /** Sum of the findings' monthly savings: an upper bound, as savings on one call overlap. */
    potentialMonthlySaving: number;
  };
  byProvider: ReportGroup[];
  /** By the price list's id of the model (`anthropic/claude-opus-4-7` counts as `claude-opus-4-7`), else the name in the code. */
  byModel: ReportGroup[];
  /** By the directory of the path (`.` at the top level). */
  byFolder: ReportGroup[];
  byFile: ReportGroup[];
  /** Every call: most expensive first, unknown cost last, ties by path, line and column. */
  calls: ReportCall[];
  /** By path, line, column and rule. */
  findings: ReportFinding[];
  /** Model names the price list does not know, with the closest names it does. */
  unknownModels: { model: string; closest: string[]; calls: number }[];
  skipped: { path: string; reason: string; detail?: string }[];
  stats: { filesSeen: number; filesParsed: number; filesSkipped: number };
}

export interface BuildReportOptions {
  /**
   * Reads a scanned file by its report path (relative to the scan's working
   * directory); null when it cannot. Findings only keep offsets, so the line and
   * column of fix edits come from the text: without a reader, or when the file
   * changed since the scan, `fix` is null. Only files with a fix are read.
   */
  readText?: (path: string) => string | null;
}

interface PricedCall {
  report: ReportCall;
  call: LlmCall;
  estimate: CallEstimate;
}

export function buildReport(
  scan: ScanResult,
  config: PromptmeterConfig,
  tool: { name: string; version: string },
  options: BuildReportOptions = {},
): CostReport {
  const priced = scan.files.flatMap(pricedCalls).sort((a, b) => compareCalls(a.report, b.report));
  const calls = priced.map((entry) => entry.report);
  // The price list's id: `anthropic/claude-opus-4-7` and `claude-opus-4-7` are one model on the bill.
  const billedModel = new Map(priced.flatMap(({ report, estimate }) => (estimate.price?.found ? [[report.id, estimate.price.price.id] as const] : [])));
  const monthly = sum(calls.map((call) => call.monthly ?? 0));
  const ranged = calls.flatMap((call) => (call.range ? [call.range] : []));
  const monthlyRange = ranged.length === 0 ? null : { low: monthly + sum(ranged.map((range) => range.monthlyLow)), high: monthly + sum(ranged.map((range) => range.monthlyHigh)), calls: ranged.length };
  const findings = scan.files.flatMap((file) => fileFindings(file, options)).sort(compareFindings);
  return {
    schemaVersion: 1,
    tool: { name: tool.name, version: tool.version },
    pricingAsOf: priced[0]?.estimate.cost.pricingAsOf ?? 'unknown',
    assumptions: {
      callsPerDay: config.callsPerDay,
      loopMultiplier: config.loopMultiplier,
      expectedOutputFraction: config.expectedOutputFraction,
      defaultOutputLimit: config.defaultOutputLimit,
      defaultSlotTokens: config.defaultSlotTokens,
      daysPerMonth: DAYS_PER_MONTH,
    },
    totals: {
      monthly,
      monthlyRange,
      callSites: calls.length,
      unknownCostCalls: calls.filter((call) => call.monthly === null && call.range === null).length,
      files: new Set(calls.map((call) => call.path)).size,
      findings: findings.length,
      potentialMonthlySaving: sum(findings.map((finding) => finding.saving?.monthly ?? 0)),
    },
    byProvider: groupCalls(calls, monthly, (call) => call.provider),
    byModel: groupCalls(calls, monthly, (call) => billedModel.get(call.id) ?? call.model ?? '(model not in the code)'),
    byFolder: groupCalls(calls, monthly, (call) => folderOf(call.path)),
    byFile: groupCalls(calls, monthly, (call) => call.path),
    calls,
    findings,
    unknownModels: unknownModels(priced),
    skipped: scan.skipped
      .map((skip) => ({ path: skip.path, reason: skip.reason, ...(skip.detail === undefined ? {} : { detail: skip.detail }) }))
      .sort((a, b) => compareText(a.path, b.path) || compareText(a.reason, b.reason)),
    stats: { filesSeen: scan.stats.filesSeen, filesParsed: scan.stats.filesParsed, filesSkipped: scan.stats.filesSkipped },
  };
}

function pricedCalls(file: ScannedFile): PricedCall[] {
  const ids = callIds(file);
  return file.analysis.calls.map((call, index) => {
    const estimate = file.estimates[index];
    const { cost } = estimate;
    const report: ReportCall = {
      id: ids[index],
      path: file.path,
      line: call.nameRange.start.line + 1,
      column: call.nameRange.start.column + 1,
      provider: call.provider,
      api: call.api,
      kind: call.kind,
      model: call.model,
      perCall: cost.perCall,
      monthly: cost.monthly,
      range: cost.range,
      localServer: cost.localServer,
      unknownReason: cost.monthly === null && cost.range === null ? (cost.unknownReason ?? 'no price') : null,
    };
    return { report, call, estimate };
  });
}

/** One id per call, in the order of `analysis.calls`. */
function callIds(file: ScannedFile): string[] {
  const seen = new Map<string, number>();
  return file.analysis.calls.map((call) => {
    const n = seen.get(call.api) ?? 0;
    seen.set(call.api, n + 1);
    return `${file.path}:${call.api}:${n}`;
  });
}

function fileFindings(file: ScannedFile, options: BuildReportOptions): ReportFinding[] {
  if (file.findings.length === 0) return [];
  const ids = callIds(file);
  const needsText = file.findings.some((finding) => finding.fix);
  const positions = needsText && options.readText ? fixPositions(options.readText(file.path), file.findings) : null;
  return file.findings.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    path: file.path,
    line: finding.range.start.line + 1,
    column: finding.range.start.column + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.column + 1,
    message: finding.message,
    saving: finding.saving ? { perCall: finding.saving.perCall, monthly: finding.saving.monthly } : null,
    fix: finding.fix && positions ? reportFix(finding.fix, positions) : null,
    callId: callAround(finding, file.analysis.calls, ids),
  }));
}

/** The id of the innermost call whose range holds the finding's. */
function callAround(finding: Finding, calls: readonly LlmCall[], ids: readonly string[]): string | null {
  let best: { id: string; size: number } | null = null;
  for (const [index, call] of calls.entries()) {
    if (!contains(call.range, finding.range)) continue;
    const size = call.range.endOffset - call.range.startOffset;
    if (!best || size < best.size) best = { id: ids[index], size };
  }
  return best?.id ?? null;
}

function contains(outer: SourceRange, inner: SourceRange): boolean {
  return outer.startOffset <= inner.startOffset && inner.endOffset <= outer.endOffset;
}

function unknownModels(priced: readonly PricedCall[]): CostReport['unknownModels'] {
  const models = new Map<string, { model: string; closest: string[]; calls: number }>();
  for (const { call, estimate } of priced) {
    const lookup = estimate.price;
    if (call.model === null || !lookup || lookup.found) continue;
    const entry = models.get(call.model) ?? { model: call.model, closest: [...lookup.closest], calls: 0 };
    entry.calls++;
    models.set(call.model, entry);
  }
  return [...models.values()].sort((a, b) => b.calls - a.calls || compareText(a.model, b.model));
}

function compareCalls(a: ReportCall, b: ReportCall): number {
  if (a.monthly === null || b.monthly === null) {
    if (a.monthly !== b.monthly) return a.monthly === null ? 1 : -1;
  } else if (a.monthly !== b.monthly) {
    return b.monthly - a.monthly;
  }
  return compareText(a.path, b.path) || a.line - b.line || a.column - b.column || compareText(a.id, b.id);
}

function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return compareText(a.path, b.path) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
