import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../src/core/config/config';
import { Engine } from '../src/core/engine/engine';
import { createEstimateContext } from '../src/core/estimate/cost-model';
import { scanThreads } from '../src/core/scan/analysis-pool';
import { ranksDirInPackages, wasmLocationInPackages } from '../test/support/wasm';
import { generateCorpus } from './corpus';
import { benchEditing } from './editing';
import { benchActivation, benchWorkerRefresh, bundleSizes } from './extension';
import { benchScan } from './scan';
import { benchTokenizers } from './tokenizer';

/**
 * Prints one JSON object of measurements. Timings are medians of several runs;
 * comparisons are ratios measured in the same run, so machine noise cancels.
 */
const FILES = Number(process.env.BENCH_FILES ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'promptmeter-bench-'));
  try {
    const corpus = generateCorpus(root, { files: FILES, llmShare: 0.05, seed: 42 }, path.join(__dirname, '..', 'test', 'fixtures', 'eval'));
    const scanResult = await benchScan(root, corpus.files, RUNS, scanThreads());
    const engine = new Engine(wasmLocationInPackages());
    await engine.prepare('python');
    const { context } = createEstimateContext({ ranksDir: ranksDirInPackages(), config: DEFAULT_CONFIG });
    const output = {
      machine: { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? null, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version },
      corpus: { ...corpus, megabytes: +(corpus.bytes / 1e6).toFixed(1) },
      scan: scanResult,
      editing: benchEditing(engine, context),
      tokenizer: benchTokenizers(RUNS),
      extension: { ...benchActivation(), workerRefreshAfterEdit: await benchWorkerRefresh(), ...bundleSizes() },
      runs: RUNS,
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
