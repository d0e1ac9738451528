import type { CallEstimate } from '../estimate/estimate';
import type { Finding, LlmCall, Prompt, PromptPart } from '../model';
import type { ScanResult } from '../scan/scan';

/**
 * The JSON that `promptmeter scan --format json` prints. Other tools rely on it:
 * later versions add fields but never rename or remove these. Lines and columns
 * are 1-based; paths are relative to the working directory, with `/`.
 */
export const SCHEMA_VERSION = 1;

export function scanToJson(result: ScanResult, tool: { name: string; version: string }): object {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool,
    calls: result.files.flatMap((file) => file.analysis.calls.map((call, index) => callJson(file.path, file.language, call, file.estimates[index]))),
    findings: result.files.flatMap((file) => file.findings.map((finding) => findingJson(file.path, finding))),
    syntaxErrors: result.files.flatMap((file) =>
      file.analysis.syntaxErrors.map((problem) => ({
        path: file.path,
        line: problem.range.start.line + 1,
        column: problem.range.start.column + 1,
        message: problem.message,
      })),
    ),
    skipped: result.skipped,
    stats: result.stats,
  };
}

function callJson(path: string, language: string, call: LlmCall, estimate: CallEstimate | undefined): object {
  return {
    path,
    line: call.nameRange.start.line + 1,
    column: call.nameRange.start.column + 1,
    endLine: call.range.end.line + 1,
    language,
    provider: call.provider,
    api: call.api,
    kind: call.kind,
    model: call.model,
    maxTokensParam: call.outputLimit?.param ?? null,
    maxTokens: call.outputLimit?.value ?? null,
    openArguments: call.openArguments,
    stream: call.stream,
    baseUrl: call.baseUrl,
    inLoop: call.loop?.kind ?? null,
    callsPerDay: call.callsPerDay,
    prompts: call.prompts.map(promptJson),
    ...(estimate ? estimateJson(estimate) : {}),
  };
}

/** Token counts and costs; every number carries its confidence or the assumption behind it. */
function estimateJson(estimate: CallEstimate): object {
  const { input, output, cost, traffic, price } = estimate;
  return {
    inputTokens: {
      static: input.static,
      dynamicSlots: input.dynamicSlots,
      assumed: input.assumed,
      overhead: input.overhead,
      total: input.total,
      confidence: input.confidence,
      tokenizer: input.tokenizer,
    },
    outputTokens: { expected: output.expected, max: output.max, maxSource: output.maxSource },
    cacheablePrefixTokens: estimate.cacheablePrefixTokens,
    traffic,
    pricing: price === null ? null : price.found ? { found: true, model: price.price.id, via: price.via } : { found: false, closest: price.closest },
    cost: {
      perCall: cost.perCall,
      perCallMax: cost.perCallMax,
      cached: cost.cached,
      cacheWrite: cost.cacheWrite,
      batch: cost.batch,
      monthly: cost.monthly,
      monthlyMax: cost.monthlyMax,
      currency: cost.currency,
      pricingAsOf: cost.pricingAsOf,
      unknownReason: cost.unknownReason,
      // The model is not known from the code: the cost over the models it may be.
      range: cost.range,
      localServer: cost.localServer,
    },
  };
}

function promptJson(prompt: Prompt): object {
  return {
    argument: prompt.argument,
    role: prompt.role,
    line: prompt.range.start.line + 1,
    cacheBreakpoint: prompt.cacheBreakpoint,
    parts: prompt.parts.map(partJson),
  };
}

function partJson(part: PromptPart): object {
  const where = { line: part.range.start.line + 1, column: part.range.start.column + 1 };
  if (part.kind === 'static') return { kind: 'static', text: part.text, ...where, ...(part.file ? { file: part.file } : {}) };
  return { kind: 'dynamic', name: part.name, expression: part.expression, volatile: part.volatile, ...where, ...(part.reason !== undefined ? { reason: part.reason } : {}) };
}

function findingJson(path: string, finding: Finding): object {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    path,
    line: finding.range.start.line + 1,
    column: finding.range.start.column + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.column + 1,
    message: finding.message,
  };
}
