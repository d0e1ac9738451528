import { statSync } from 'node:fs';
import { buildReport, type CostReport } from '../core/report';
import { GitError, gitPromptFileReader, readGitSources, scanSources } from '../core/scan/git-source';
import type { ScanResult } from '../core/scan/scan';
import { readRegularFile } from '../core/workspace/read-boundary';
import { UsageError, type ReportCommand } from './args';
import { progressLine } from './progress';
import type { ReportEnvironment } from './report';

/**
 * The report to compare with: a file written by `report --format json` (alone,
 * or the `report` of a `{ report, diff }`), or else a git ref, whose files are
 * read with git and analysed with the work tree's settings, so that only the
 * code differs between the two sides.
 */
export async function loadBaseline(command: ReportCommand, environment: ReportEnvironment, workTree: ScanResult): Promise<CostReport> {
  const spec = command.baseline ?? '';
  if (isFile(spec)) return readReportFile(spec);
  if (spec.endsWith('.json')) throw new UsageError(`--baseline ${spec}: no such file`);
  return reportAtRef(spec, command, environment, workTree);
}

function isFile(spec: string): boolean {
  try {
    return statSync(spec).isFile();
  } catch {
    return false;
  }
}

/** A bound on what is read, not a size any report comes near: a baseline named by a link to a device must not read forever. */
const MAX_BASELINE_BYTES = 512 * 1024 * 1024;

function readReportFile(file: string): CostReport {
  const read = readRegularFile(file, MAX_BASELINE_BYTES);
  if (!read.ok) throw new UsageError(`--baseline ${file}: cannot read it (${read.code ?? read.detail})`);
  let value: unknown;
  try {
    value = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    throw new UsageError(`--baseline ${file}: cannot read it (not JSON)`);
  }
  const report = isRecord(value) && isRecord(value.report) && 'diff' in value ? value.report : value;
  if (!isRecord(report) || report.schemaVersion !== 1 || !Array.isArray(report.calls) || !Array.isArray(report.findings) || !isRecord(report.totals)) {
    throw new UsageError(`--baseline ${file}: not a report written by 'promptmeter report --format json'`);
  }
  return report as unknown as CostReport;
}

async function reportAtRef(ref: string, command: ReportCommand, environment: ReportEnvironment, workTree: ScanResult): Promise<CostReport> {
  const cwd = process.cwd();
  const { config, engine, estimate, selection, tool } = environment;
  const showProgress = command.progress ?? process.stderr.isTTY === true;
  const progress = showProgress ? progressLine(process.stderr) : null;
  try {
    const sources = readGitSources({
      cwd,
      ref,
      roots: command.paths,
      include: [...config.include, ...command.include],
      exclude: [...config.exclude, ...command.exclude],
      maxFileSize: command.maxFileSize,
      workTreeSkips: workTree.skipped,
    });
    const { result, texts } = await scanSources(engine, sources, {
      estimate,
      rules: selection,
      promptFiles: (relPath) => gitPromptFileReader(cwd, ref, relPath),
      onProgress: progress ? (update) => progress.update(update) : undefined,
    });
    return buildReport(result, config, tool, { readText: (relPath) => texts.get(relPath) ?? null });
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(`--baseline ${ref}: not a report file, and git cannot read it as a ref: ${error.message}`);
    throw error;
  } finally {
    progress?.done();
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
