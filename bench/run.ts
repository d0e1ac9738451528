import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Engine } from '../src/core/engine/engine';
import { ParserPool } from '../src/core/parse/parser';
import { mayContainLlmCall } from '../src/core/providers/prefilter';
import { scan } from '../src/core/scan/scan';
import { classifyContent } from '../src/core/workspace/classify';
import { discoverFiles } from '../src/core/workspace/discover';
import { DEFAULT_CONFIG } from '../src/core/config/config';
import { createEstimateContext } from '../src/core/estimate/cost-model';
import { ranksDirInPackages, wasmLocationInPackages } from '../test/support/wasm';
import { generateCorpus } from './corpus';
import { benchEditing } from './editing';
import { benchActivation, benchWorkerRefresh, bundleSizes } from './extension';
import { median } from './stats';
import { benchTokenizers } from './tokenizer';

/**
 * Prints one JSON object of measurements. Timings are medians of several runs;
 * comparisons are ratios measured in the same run, so machine noise cancels.
 */
const FILES = Number(process.env.BENCH_FILES ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);


async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ ms: number; last: T }> {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await work();
    times.push(performance.now() - started);
  }
  return { ms: Math.round(median(times)), last: last as T };
}

/** Walk and read every source file: the floor for any scan of this tree. */
async function readAll(root: string): Promise<{ files: number; bytes: number; candidates: string[] }> {
  let files = 0;
  let bytes = 0;
  const candidates: string[] = [];
  for await (const event of discoverFiles({ roots: [root], cwd: root })) {
    if (event.type !== 'file') continue;
    const content = readFileSync(event.absPath);
    files++;
    bytes += content.length;
    const verdict = classifyContent(content);
    if (verdict.ok && mayContainLlmCall(verdict.text, event.language)) candidates.push(event.absPath);
  }
  return { files, bytes, candidates };
}

function ripgrepSeconds(root: string): number | null {
  const probe = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const started = performance.now();
  spawnSync('rg', ['-l', '-e', 'openai|anthropic|genai|litellm|boto3|mistral|cohere|langchain|groq|ollama|@ai-sdk|from .ai.', root], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'promptmeter-bench-'));
  try {
    const corpus = generateCorpus(root, { files: FILES, llmShare: 0.05, seed: 42 }, path.join(__dirname, '..', 'test', 'fixtures', 'eval'));
    const engine = new Engine(wasmLocationInPackages());
    await Promise.all((['python', 'typescript', 'tsx', 'javascript'] as const).map((language) => engine.prepare(language)));

    const read = await timed(RUNS, () => readAll(root));
    const parsers = new ParserPool(wasmLocationInPackages());
    await Promise.all((['python', 'typescript', 'javascript'] as const).map((language) => parsers.load(language)));
    const parseOnly = await timed(RUNS, async () => {
      for (const file of read.last.candidates) {
        const text = readFileSync(file, 'utf8');
        const language = file.endsWith('.py') ? 'python' : file.endsWith('.js') || file.endsWith('.mjs') ? 'javascript' : 'typescript';
        parsers.parse(language, text).delete();
      }
    });
    const { context } = createEstimateContext({ ranksDir: ranksDirInPackages(), config: DEFAULT_CONFIG });
    const editing = benchEditing(engine, context);
    const fullScan = await timed(RUNS, () => scan(engine, { roots: [root], cwd: root, estimate: context }));
    const rss = process.memoryUsage().rss;
    const calls = fullScan.last.files.reduce((total, file) => total + file.analysis.calls.length, 0);
    const rg = ripgrepSeconds(root);

    const output = {
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      corpus: { ...corpus, megabytes: +(corpus.bytes / 1e6).toFixed(1) },
      scan: {
        ms: fullScan.ms,
        filesPerSecond: Math.round((corpus.files / fullScan.ms) * 1000),
        filesParsed: fullScan.last.stats.filesParsed,
        callsFound: calls,
        peakRssMB: Math.round(rss / 1e6),
      },
      floors: {
        readAllMs: read.ms,
        parseCandidatesOnlyMs: parseOnly.ms,
        candidateFiles: read.last.candidates.length,
        ripgrepMs: rg === null ? null : Math.round(rg * 1000),
      },
      ratios: {
        scanToReadAll: +(fullScan.ms / read.ms).toFixed(2),
        scanToReadPlusParse: +(fullScan.ms / (read.ms + parseOnly.ms)).toFixed(2),
      },
      editing,
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
