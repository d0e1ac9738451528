import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Tiktoken, type TiktokenBPE } from 'js-tiktoken/lite';
import type * as GptTokenizerEncoding from 'gpt-tokenizer/cjs/encoding/o200k_base';
import { get_encoding } from 'tiktoken';
import { TokenCounter, type EncodingName } from '../src/core/tokens';
import { ranksDirInPackages } from '../test/support/wasm';
import { median } from './stats';
import { seededRandom as random } from '../test/support/random';

/**
 * Tokenisation speed of js-tiktoken as the product uses it (raw, and through TokenCounter with
 * its long-run guard and cache), against gpt-tokenizer and tiktoken (WASM) as reference points.
 * Every input is generated from a seed; every count is checked against the other libraries.
 */

const SEED = 42;
/** Small inputs are timed over many calls, so that their median is not timer noise. */
const MIN_SAMPLE_MS = 200;
/** Cache hits take microseconds: each timed sample is this many of them. */
const HIT_BATCH = 1000;
/** Raw BPE on one long run is quadratic: grow the run until one count takes this long, then extrapolate. */
const LONG_RUN_BUDGET_MS = 250;
const LONG_RUN_BYTES = 1_000_000;

const MODEL_OF: Record<EncodingName, string> = { o200k_base: 'gpt-4o', cl100k_base: 'gpt-4' };

type LibraryName = 'jsTiktoken' | 'tokenCounter' | 'gptTokenizer' | 'tiktokenWasm';

interface Library {
  count: (text: string) => number;
  /** Run untimed before each timed count. */
  reset?: () => void;
  free?: () => void;
}

const WORDS = (
  'the of and to a in is that for it as with be on not this you are by or from at have an your which ' +
  'answer user question context document customer support assistant summary order account refund policy ' +
  'response model tokens please only must should never always include section source cite step result ' +
  'example format JSON field value list item short clear concise polite product invoice shipping date ' +
  'error request ticket priority escalate agent knowledge base article search retrieve relevant'
).split(' ');
/** Prompts are mostly ASCII, with the odd accented word. */
const ACCENTED = ['café', 'naïve', 'résumé', 'déjà vu', 'façade'];

/** English prompt text with instructions, lists, a JSON example and a code snippet, about `chars` long. */
function promptText(chars: number): string {
  const next = random(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() ** 2 * items.length)] as T;
  const sentence = (): string => {
    const words = Array.from({ length: 6 + Math.floor(next() * 14) }, () => (next() < 0.02 ? pick(ACCENTED) : pick(WORDS)));
    words[2] += next() < 0.1 ? ' —' : ',';
    const text = words.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}${pick(['.', '.', '.', '?', ':'])}`;
  };
  const json = (): string => {
    const value: Record<string, unknown> = {};
    for (let i = 0; i < 3 + next() * 5; i++) value[`${pick(WORDS)}_${i}`] = next() < 0.5 ? Math.round(next() * 10_000) / 100 : sentence();
    return `\`\`\`json\n${JSON.stringify({ id: Math.floor(next() * 1e6), [pick(WORDS)]: value }, null, 2)}\n\`\`\``;
  };
  const code = (): string => {
    const name = `${pick(WORDS)}_${pick(WORDS)}`.replace(/\W/g, '');
    return `\`\`\`python\ndef ${name}(items, limit=${Math.floor(next() * 100)}):\n    """${sentence()}"""\n    return [item for item in items if item.score > ${next().toFixed(2)}][:limit]\n\`\`\``;
  };
  const blocks: string[] = [];
  let length = 0;
  while (length < chars) {
    const roll = next();
    const block =
      roll < 0.1 ? json() : roll < 0.18 ? code() : roll < 0.35 ? Array.from({ length: 3 }, () => `- ${sentence()}`).join('\n') : Array.from({ length: 3 + Math.floor(next() * 4) }, sentence).join(' ');
    blocks.push(roll > 0.9 ? `## ${sentence()}\n\n${block}` : block);
    length += block.length + 2;
  }
  return blocks.join('\n\n').slice(0, chars);
}

/** Base64 of seeded random bytes: machine text without a single space, `chars` long. */
function base64Text(chars: number): string {
  const next = random(SEED);
  return Buffer.from(Array.from({ length: Math.ceil((chars * 3) / 4) }, () => Math.floor(next() * 256))).toString('base64').slice(0, chars);
}

/** Median ms of one call, over at least `runs` calls and MIN_SAMPLE_MS of calls in all. */
function medianMs(runs: number, work: () => void, reset?: () => void): number {
  const times: number[] = [];
  let total = 0;
  while (times.length < runs || total < MIN_SAMPLE_MS) {
    reset?.();
    const started = performance.now();
    work();
    const ms = performance.now() - started;
    times.push(ms);
    total += ms;
  }
  return median(times);
}

function libraries(encoding: EncodingName): Record<LibraryName, Library> {
  const ranksDir = ranksDirInPackages();
  // Loaded as the product loads them: js-tiktoken's lite build with the rank files read from ranksDir.
  const jsTiktoken = new Tiktoken(require(path.join(ranksDir, `${encoding}.cjs`)) as TiktokenBPE);
  // No cache, so every count is the miss path: long-run guard plus BPE.
  const counter = new TokenCounter({ ranksDir, cacheEntries: 0 });
  const gpt = require(`gpt-tokenizer/cjs/encoding/${encoding}`) as typeof GptTokenizerEncoding;
  const wasm = get_encoding(encoding);
  return {
    jsTiktoken: { count: (text) => jsTiktoken.encode(text, [], []).length },
    tokenCounter: { count: (text) => counter.count(text, MODEL_OF[encoding]).tokens },
    // gpt-tokenizer caches merges of pieces it has seen; cleared, it starts from nothing like the others.
    gptTokenizer: { count: (text) => gpt.countTokens(text), reset: () => gpt.clearMergeCache() },
    tiktokenWasm: { count: (text) => wasm.encode(text).length, free: () => wasm.free() },
  };
}

function round(value: number, digits: number): number {
  return +value.toFixed(digits);
}

/** Counts and speed of every library on one text, the cache-hit path of TokenCounter, and gpt-tokenizer with its merge cache warm. */
function benchInput(runs: number, libs: Record<LibraryName, Library>, encoding: EncodingName, text: string): object {
  const tokens = {} as Record<LibraryName, number>;
  const ms = {} as Record<LibraryName, number>;
  const tokensPerSecond = {} as Record<LibraryName, number>;
  for (const [name, library] of Object.entries(libs) as [LibraryName, Library][]) {
    tokens[name] = library.count(text);
    ms[name] = round(medianMs(runs, () => library.count(text), library.reset), 3);
    tokensPerSecond[name] = Math.round(tokens[name] / (ms[name] / 1000));
  }
  const cached = new TokenCounter({ ranksDir: ranksDirInPackages() });
  cached.count(text, MODEL_OF[encoding]);
  const hitMs = medianMs(runs, () => {
    for (let i = 0; i < HIT_BATCH; i++) cached.count(text, MODEL_OF[encoding]);
  });
  return {
    bytes: Buffer.byteLength(text),
    tokens,
    countsIdentical: new Set(Object.values(tokens)).size === 1,
    ms,
    tokensPerSecond,
    gptTokenizerWarmMergeCacheMs: round(medianMs(runs, () => libs.gptTokenizer.count(text)), 3),
    tokenCounterCacheHitMicroseconds: round((hitMs / HIT_BATCH) * 1000, 2),
  };
}

/**
 * One letter repeated LONG_RUN_BYTES times: a single pre-tokenizer piece. TokenCounter's guard
 * estimates it from a sample; raw BPE is timed on doubling prefixes until LONG_RUN_BUDGET_MS and
 * extrapolated as quadratic (long-runs.ts), which the exponent of the last doubling checks.
 */
function benchLongRun(runs: number, libs: Record<LibraryName, Library>): object {
  const text = 'a'.repeat(LONG_RUN_BYTES);
  const countsBySize = new Map<number, Set<number>>();
  const raw: Record<string, object> = {};
  let exactTokensPerByte = 0;
  for (const name of ['jsTiktoken', 'gptTokenizer', 'tiktokenWasm'] as const) {
    const library = libs[name];
    let previousMs = 0;
    let bytes = 1000;
    for (;;) {
      const prefix = text.slice(0, bytes);
      const tokens = library.count(prefix);
      countsBySize.set(bytes, (countsBySize.get(bytes) ?? new Set()).add(tokens));
      exactTokensPerByte = tokens / bytes;
      const ms = medianMs(runs, () => library.count(prefix), library.reset);
      if (ms > LONG_RUN_BUDGET_MS || bytes * 2 > LONG_RUN_BYTES) {
        raw[name] = {
          largestMeasuredBytes: bytes,
          ms: round(ms, 1),
          measuredGrowthExponent: round(Math.log2(ms / previousMs), 2),
          extrapolatedMs: Math.round(ms * (LONG_RUN_BYTES / bytes) ** 2),
        };
        break;
      }
      previousMs = ms;
      bytes *= 2;
    }
  }
  const counter = new TokenCounter({ ranksDir: ranksDirInPackages(), cacheEntries: 0 });
  const counted = counter.count(text, MODEL_OF.o200k_base);
  return {
    bytes: LONG_RUN_BYTES,
    tokenCounter: {
      ms: round(medianMs(runs, () => counter.count(text, MODEL_OF.o200k_base)), 2),
      tokens: counted.tokens,
      confidence: counted.confidence,
      // The run's exact count, from the exact counts of its prefixes (a repeated letter tokenizes linearly).
      exactTokens: Math.round(exactTokensPerByte * LONG_RUN_BYTES),
    },
    raw,
    rawCountsIdenticalOnPrefixes: [...countsBySize.values()].every((counts) => counts.size === 1),
  };
}

/** Time to a ready o200k_base encoder, each in a fresh Node process so nothing is cached yet. */
function loadMs(runs: number): Record<string, number> {
  const scripts: Record<string, string> = {
    jsTiktoken: `new (require('js-tiktoken/lite').Tiktoken)(require('js-tiktoken/ranks/o200k_base')).encode('hi')`,
    gptTokenizer: `require('gpt-tokenizer/cjs/encoding/o200k_base').countTokens('hi')`,
    tiktokenWasm: `require('tiktoken').get_encoding('o200k_base').encode('hi')`,
  };
  const result: Record<string, number> = {};
  for (const [name, script] of Object.entries(scripts)) {
    const times = Array.from({ length: runs }, () => {
      const child = spawnSync(process.execPath, ['-e', `const t = performance.now(); ${script}; console.log(performance.now() - t)`], {
        cwd: path.join(__dirname, '..'),
        encoding: 'utf8',
      });
      if (child.status !== 0) throw new Error(`loading ${name} failed: ${child.stderr}`);
      return Number(child.stdout);
    });
    result[name] = Math.round(median(times));
  }
  return result;
}

export function benchTokenizers(runs = 3): object {
  const o200k = libraries('o200k_base');
  const cl100k = libraries('cl100k_base');
  const prompt1k = promptText(1_000);
  const prompt100k = promptText(100_000);
  // Warm up the JIT of every library before anything is timed.
  const all = [...Object.values(o200k), ...Object.values(cl100k)];
  for (const library of all) for (let i = 0; i < 20; i++) library.count(prompt1k);
  const result = {
    libraries: {
      jsTiktoken: 'js-tiktoken/lite, ranks from files (what TokenCounter wraps)',
      tokenCounter: 'the project TokenCounter on a cache miss (long-run guard + js-tiktoken)',
      gptTokenizer: 'gpt-tokenizer, merge cache cleared before each count',
      tiktokenWasm: 'tiktoken (WASM build of the Rust tokenizer)',
    },
    o200k_base: {
      prompt1KB: benchInput(runs, o200k, 'o200k_base', prompt1k),
      prompt100KB: benchInput(runs, o200k, 'o200k_base', prompt100k),
      base64OneMB: benchInput(runs, o200k, 'o200k_base', base64Text(1_000_000)),
      oneLetterOneMB: benchLongRun(runs, o200k),
    },
    cl100k_base: {
      prompt1KB: benchInput(runs, cl100k, 'cl100k_base', prompt1k),
      prompt100KB: benchInput(runs, cl100k, 'cl100k_base', prompt100k),
    },
    loadMs: loadMs(runs),
  };
  // The WASM encoders hold their ranks outside the JavaScript heap until freed.
  for (const library of all) library.free?.();
  return result;
}

// `node --import tsx bench/tokenizer.ts` runs this part of the benchmark alone.
if (require.main === module) process.stdout.write(`${JSON.stringify(benchTokenizers(Number(process.env.BENCH_RUNS ?? 3)), null, 2)}\n`);
