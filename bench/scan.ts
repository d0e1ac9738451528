import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ParserPool } from '../src/core/parse/parser';
import { mayContainLlmCallInBytes, PREFILTER_NEEDLES } from '../src/core/providers/prefilter';
import { sniffNotText } from '../src/core/workspace/classify';
import { discoverFiles } from '../src/core/workspace/discover';
import type { SourceLanguage } from '../src/core/model';
import { languageForPath } from '../src/core/workspace/languages';
import { wasmLocationInPackages } from '../test/support/wasm';
import { median } from './stats';

/** Median of `runs` timed runs, after one untimed run that loads and compiles what the work needs. */
async function timed<T>(runs: number, work: () => Promise<T> | T): Promise<{ ms: number; last: T }> {
  const times: number[] = [];
  let last: T | undefined = await work();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await work();
    times.push(performance.now() - started);
  }
  return { ms: Math.round(median(times)), last: last as T };
}

/** The scan's own first stage: walk, read, and the pre-filter on the bytes. */
async function prefilterStage(root: string): Promise<number> {
  let candidates = 0;
  for await (const event of discoverFiles({ roots: [root], cwd: root })) {
    if (event.type !== 'file') continue;
    const bytes = readFileSync(event.absPath);
    if (!sniffNotText(bytes) && mayContainLlmCallInBytes(bytes, event.language)) candidates++;
  }
  return candidates;
}

/** ripgrep listing the source files that name an SDK: the reference for finding candidates. */
function ripgrep(root: string): { ms: number; files: string[] } | { unavailable: string } {
  const probe = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return { unavailable: 'rg is not installed (scripts/bench/setup.sh installs Debian ripgrep when it can)' };
  const needles = [...new Set([...PREFILTER_NEEDLES.python, ...PREFILTER_NEEDLES.javascript])];
  const globs = ['*.py', '*.pyi', '*.ts', '*.tsx', '*.mts', '*.cts', '*.js', '*.jsx', '*.mjs', '*.cjs'].flatMap((glob) => ['-g', glob]);
  const args = ['-l', '-F', ...needles.flatMap((needle) => ['-e', needle]), ...globs, '.'];
  let files: string[] = [];
  const run = (): void => {
    const result = spawnSync('rg', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    files = result.stdout.split('\n').filter(Boolean);
  };
  const times = [0, 1, 2].map(() => {
    const started = performance.now();
    run();
    return performance.now() - started;
  });
  return { ms: Math.round(median(times)), files: files.map((file) => path.join(root, file)) };
}

/** tree-sitter alone on the given files, one thread, nothing else. */
async function parseOnly(files: string[], runs: number): Promise<number> {
  const parsers = new ParserPool(wasmLocationInPackages());
  const inputs = files.flatMap((file) => {
    const language = languageForPath(file);
    return language ? [{ language, text: readFileSync(file, 'utf8') }] : [];
  });
  await Promise.all([...new Set(inputs.map((input) => input.language))].map((language: SourceLanguage) => parsers.load(language)));
  return (await timed(runs, () => inputs.forEach(({ language, text }) => parsers.parse(language, text).delete()))).ms;
}

/** The CLI as CI runs it: a fresh process, nothing loaded or compiled yet. */
function cliScan(root: string, threads: number, runs: number): { ms: number; peakRssMB: number } {
  const cli = path.join(__dirname, '..', 'dist', 'cli.js');
  const times: number[] = [];
  let peak = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const child = spawnSync(
      process.execPath,
      ['--require', path.join(__dirname, 'peak-memory.cjs'), cli, 'scan', '.', '--format', 'json', '--no-progress', '--threads', String(threads)],
      { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    times.push(performance.now() - started);
    if (child.status !== 0) throw new Error(`promptmeter scan failed: ${child.stderr}`);
    peak = Math.max(peak, Number(/peak-rss-bytes (\d+)/.exec(child.stderr)?.[1] ?? Number.NaN));
  }
  return { ms: Math.round(median(times)), peakRssMB: Math.round(peak / 1e6) };
}

function scanProcess(root: string, threads: number, runs: number): Record<string, number> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'scan-process.ts'), root, String(threads), String(runs)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`scan-process failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Record<string, number>;
}

/**
 * The workspace scan against the floor issue 8 sets: ripgrep finding the files
 * that name an SDK, plus tree-sitter alone parsing exactly those files.
 */
export async function benchScan(root: string, files: number, runs: number, threads: number): Promise<object> {
  const rg = ripgrep(root);
  const prefilter = await timed(runs, () => prefilterStage(root));
  const parseMs = 'files' in rg ? await parseOnly(rg.files, runs) : null;
  const floorMs = 'files' in rg && parseMs !== null ? rg.ms + parseMs : null;
  const oneThread = { cli: cliScan(root, 1, runs), inProcess: scanProcess(root, 1, runs + 1) };
  const parallel = { cli: cliScan(root, threads, runs), inProcess: scanProcess(root, threads, runs + 1) };
  const ratio = (ms: number | undefined, to: number | null): number | null => (ms !== undefined && to ? +(ms / to).toFixed(2) : null);
  return {
    threads,
    oneThread,
    parallel,
    filesPerSecondWarm: Math.round((files / (parallel.inProcess.warmMs ?? Number.NaN)) * 1000),
    floor: {
      ripgrep: 'files' in rg ? { ms: rg.ms, candidateFiles: rg.files.length } : rg,
      parseCandidatesOneThreadMs: parseMs,
      ms: floorMs,
    },
    prefilterStage: { ms: prefilter.ms, candidateFiles: prefilter.last, toRipgrep: 'ms' in rg ? ratio(prefilter.ms, rg.ms) : null },
    ratioToFloor: {
      oneThreadWarm: ratio(oneThread.inProcess.warmMs, floorMs),
      parallelWarm: ratio(parallel.inProcess.warmMs, floorMs),
      oneThreadCli: ratio(oneThread.cli.ms, floorMs),
      parallelCli: ratio(parallel.cli.ms, floorMs),
    },
  };
}
