import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PromptmeterConfig } from '../core/config/config';
import type { Engine } from '../core/engine/engine';
import type { EstimateContext } from '../core/estimate/estimate';
import { diffReports, type ReportDiff } from '../core/report/diff';
import { diffMarkdown } from '../core/report/diff-markdown';
import { buildReport, reportHtml, reportJson, reportMarkdown, reportSarif, reportText, type CostReport } from '../core/report';
import type { RuleSelection } from '../core/rules';
import type { ScanResult } from '../core/scan/scan';
import type { ReadBoundary } from '../core/workspace/read-boundary';
import { UsageError, type ReportCommand } from './args';
import { loadBaseline } from './report-baseline';
import { diffText } from './report-diff-text';
import { gateFailures } from './report-gates';

/** What `report` shares with `scan`: settings, the engine, and the scan of the work tree. */
export interface ReportEnvironment {
  config: PromptmeterConfig;
  engine: Engine;
  estimate: EstimateContext;
  selection: RuleSelection;
  tool: { name: string; version: string };
  /** Where the scan may read; the report reads the same files again for fix positions. */
  boundary: ReadBoundary;
  /** Scans the command's paths in the work tree; throws a UsageError for a path that does not exist. */
  scanWorkTree(): Promise<ScanResult>;
}

/**
 * `promptmeter report`: the cost report in one of five formats, or with
 * `--baseline` what changed since then; exit code 1 when a gate fails.
 */
export async function runReport(command: ReportCommand, environment: ReportEnvironment): Promise<number> {
  const cwd = process.cwd();
  const workTree = await environment.scanWorkTree();
  const head = buildReport(workTree, environment.config, environment.tool, { readText: (relPath) => readText(environment.boundary, cwd, relPath) });
  const diff = command.baseline === null ? null : diffReports(await loadBaseline(command, environment, workTree), head);
  writeOutput(command.output, render(command, head, diff));
  const failures = gateFailures(head, diff, command);
  for (const failure of failures) process.stderr.write(`promptmeter: ${failure}\n`);
  return failures.length > 0 ? 1 : 0;
}

/** With a baseline, text and Markdown show the change, JSON both; HTML and SARIF describe the current code. */
function render(command: ReportCommand, report: CostReport, diff: ReportDiff | null): string {
  const color = command.color ?? (command.output === null && process.stdout.isTTY === true && !process.env.NO_COLOR);
  switch (command.format) {
    case 'text':
      return diff ? diffText(diff, color) : reportText(report, { color });
    case 'md':
      return diff ? diffMarkdown(diff) : reportMarkdown(report);
    case 'html':
      return reportHtml(report);
    case 'json':
      return diff ? `${JSON.stringify({ report, diff }, null, 2)}\n` : reportJson(report);
    case 'sarif':
      return `${JSON.stringify(reportSarif(report), null, 2)}\n`;
  }
}

function writeOutput(file: string | null, text: string): void {
  const output = text.endsWith('\n') ? text : `${text}\n`;
  if (file === null) {
    process.stdout.write(output);
    return;
  }
  try {
    writeFileSync(file, output);
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Source text for the report's fix positions; null when the file cannot be read (the fix is then left out). */
function readText(boundary: ReadBoundary, cwd: string, relPath: string): string | null {
  const read = boundary.read(path.resolve(cwd, relPath), Number.MAX_SAFE_INTEGER);
  return read.ok ? read.bytes.toString('utf8') : null;
}
