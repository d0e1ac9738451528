import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Engine } from '../core/engine/engine';
import { fixText } from '../core/engine/fix-file';
import type { EstimateContext } from '../core/estimate/estimate';
import type { RuleSelection } from '../core/rules';
import type { ScanResult } from '../core/scan/scan';
import type { ReadBoundary } from '../core/workspace/read-boundary';

export interface FixSummary {
  filesChanged: number;
  fixesApplied: number;
  /** Fixes left out because their result would not parse. */
  fixesRejected: number;
  /** Unified diff of every change, for --dry-run. */
  diff: string;
}

/** Applies the safe fixes of every scanned file that has any; writes them unless it is a dry run. */
export async function fixFiles(
  result: ScanResult,
  engine: Engine,
  context: EstimateContext,
  selection: RuleSelection,
  options: { cwd: string; write: boolean; boundary: ReadBoundary },
): Promise<FixSummary> {
  const summary: FixSummary = { filesChanged: 0, fixesApplied: 0, fixesRejected: 0, diff: '' };
  for (const file of result.files) {
    if (!file.findings.some((finding) => finding.fix?.safe)) continue;
    const absolute = path.resolve(options.cwd, file.path);
    // Read as the scan read it; a file swapped for something else since is left alone.
    const read = options.boundary.read(absolute, Number.MAX_SAFE_INTEGER);
    if (!read.ok) continue;
    const original = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
    await engine.prepare(file.language);
    const fixed = fixText(engine, original, file.language, context, selection);
    summary.fixesRejected += fixed.rejected.length;
    if (fixed.output === original) continue;
    summary.filesChanged++;
    summary.fixesApplied += fixed.applied.length;
    if (options.write) writeFileSync(absolute, fixed.output);
    else summary.diff += createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, original, fixed.output, '', '', { context: 3 });
  }
  return summary;
}
