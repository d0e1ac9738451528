import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../src/core/config/config';
import { Engine } from '../src/core/engine/engine';
import { createEstimateContext } from '../src/core/estimate/cost-model';
import { wasmLocationBeside } from '../src/core/parse/parser';
import { AnalysisPool } from '../src/core/scan/analysis-pool';
import { scan } from '../src/core/scan/scan';
import { median } from './stats';

/**
 * Workspace scans in a process of its own, one after another as a long-lived
 * process (the editor's report) would run them: the first is cold (grammars and
 * tokenizer ranks load, nothing is compiled yet), later ones warm.
 * Usage: scan-process.ts ROOT THREADS RUNS; prints one JSON object.
 */
async function main(): Promise<void> {
  const [root = '.', threadsArgument = '1', runsArgument = '3'] = process.argv.slice(2);
  const threads = Number(threadsArgument);
  const dist = path.join(__dirname, '..', 'dist');
  const engine = new Engine(wasmLocationBeside(dist));
  const { context } = createEstimateContext({ ranksDir: dist, config: DEFAULT_CONFIG });
  // One pool for every run, as a long-lived process would keep it: later runs find its threads warm.
  const pool = threads > 1 ? new AnalysisPool(path.join(dist, 'scan-worker.js'), threads, dist) : undefined;
  const times: number[] = [];
  let last;
  for (let run = 0; run < Number(runsArgument); run++) {
    const started = performance.now();
    last = await scan(engine, { roots: [root], cwd: root, estimate: context, pool });
    times.push(performance.now() - started);
  }
  await pool?.close();
  process.stdout.write(
    JSON.stringify({
      coldMs: Math.round(times[0] ?? Number.NaN),
      warmMs: Math.round(median(times.slice(1))),
      filesParsed: last?.stats.filesParsed,
      callsFound: last?.files.reduce((total, file) => total + file.analysis.calls.length, 0),
    }),
  );
}

void main();
