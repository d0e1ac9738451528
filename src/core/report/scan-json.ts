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
    calls: result.files.flatMap((file) => file.analysis.calls.map((call) => callJson(file.path, file.language, call))),
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

function callJson(path: string, language: string, call: LlmCall): object {
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
  return { kind: 'dynamic', name: part.name, expression: part.expression, volatile: part.volatile, ...where };
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
