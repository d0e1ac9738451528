import { statSync } from 'node:fs';
import Module = require('node:module');
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { editingFile, typingSession } from './editing';
import { DEFAULT_CONFIG } from '../src/core/config/config';
import { EvaluationReplica, type EvaluationUpdate } from '../src/core/engine/evaluation-update';
import { median, percentile } from './stats';

const DIST = path.join(__dirname, '..', 'dist');

/** The `vscode` names the extension uses at run time (types need no stand-in). */
const VSCODE_NAMES = [
  'CodeAction', 'CodeActionKind', 'CodeLens', 'DecorationRangeBehavior', 'Diagnostic', 'DiagnosticRelatedInformation',
  'DiagnosticSeverity', 'EventEmitter', 'Hover', 'InlayHint', 'Location', 'MarkdownString', 'Position', 'ProgressLocation',
  'Range', 'StatusBarAlignment', 'ThemeColor', 'Uri', 'WorkspaceEdit', 'commands', 'languages', 'window', 'workspace',
];

/**
 * A stand-in for the `vscode` module: every property is another stand-in, every
 * call returns one, and iterating one yields nothing. Enough to load the bundle
 * and run `activate`, which only registers providers and listeners.
 */
function stub(): unknown {
  const target = function () {};
  return new Proxy(target, {
    get: (_target, property) => (property === Symbol.iterator ? [][Symbol.iterator].bind([]) : property === 'then' ? undefined : stub()),
    set: () => true,
    apply: () => stub(),
    construct: () => stub() as object,
  });
}

/** Loading dist/extension.js and running `activate`, outside VS Code: the extension's own share of activation. */
export function benchActivation(runs = 20): { loadMs: number; activateMs: number } {
  const vscode: Record<string, unknown> = Object.fromEntries(VSCODE_NAMES.map((name) => [name, stub()]));
  // Settings at their defaults, and an empty window: what a fresh activation sees.
  vscode.workspace = new Proxy(
    { getConfiguration: () => ({ inspect: () => undefined, get: (_key: string, fallback: unknown) => fallback }), textDocuments: [] },
    { get: (target, property) => (property in target ? target[property as keyof typeof target] : stub()) },
  );
  const moduleWithLoad = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = moduleWithLoad._load;
  moduleWithLoad._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? vscode : originalLoad(request, ...rest));
  try {
    const file = path.join(DIST, 'extension.js');
    const loads: number[] = [];
    const activations: number[] = [];
    for (let i = 0; i < runs; i++) {
      delete require.cache[require.resolve(file)];
      let started = performance.now();
      const extension = require(file) as { activate(context: unknown): unknown };
      loads.push(performance.now() - started);
      started = performance.now();
      extension.activate({ subscriptions: [], extensionPath: path.join(DIST, '..') });
      activations.push(performance.now() - started);
    }
    return { loadMs: +median(loads).toFixed(2), activateMs: +median(activations).toFixed(2) };
  } finally {
    moduleWithLoad._load = originalLoad;
  }
}

/** Time from a keystroke to a fresh evaluation in the extension host, through the analysis worker the extension uses. */
export async function benchWorkerRefresh(
  edits = 30,
): Promise<{ firstMs: number; refresh: { median: number; p95: number }; hostLongestStretchMs: number }> {
  const worker = new Worker(path.join(DIST, 'analysis-worker.js'), { workerData: { assetDir: DIST } });
  let id = 0;
  // As the extension's AnalysisClient does: the worker sends what changed, the host rebuilds the evaluation.
  const replica = new EvaluationReplica();
  const evaluate = (text: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const requestId = ++id;
      const started = performance.now();
      const onMessage = (response: { id: number; ok: boolean; error?: string; result?: EvaluationUpdate }): void => {
        if (response.id !== requestId) return;
        worker.off('message', onMessage);
        if (response.ok && response.result) {
          replica.apply(response.result);
          resolve(performance.now() - started);
        } else reject(new Error(response.error));
      };
      worker.on('message', onMessage);
      worker.postMessage({ id: requestId, kind: 'evaluate', key: 'bench.py', text, language: 'python', config: DEFAULT_CONFIG, directory: null });
    });
  // The longest the receiving thread is kept busy (copying messages in, rebuilding evaluations), first analysis included.
  const stretches = monitorEventLoopDelay({ resolution: 1 });
  try {
    const original = editingFile();
    stretches.enable();
    const firstMs = await evaluate(original);
    const times: number[] = [];
    for (const text of typingSession(original, edits)) times.push(await evaluate(text));
    stretches.disable();
    return {
      firstMs: Math.round(firstMs),
      refresh: { median: +median(times).toFixed(1), p95: +percentile(times, 0.95).toFixed(1) },
      hostLongestStretchMs: +(stretches.max / 1e6).toFixed(1),
    };
  } finally {
    await worker.terminate();
  }
}

export function bundleSizes(): Record<string, number | null> {
  const size = (file: string): number | null => {
    try {
      return statSync(file).size;
    } catch {
      return null;
    }
  };
  return {
    extensionJsBytes: size(path.join(DIST, 'extension.js')),
    workerJsBytes: size(path.join(DIST, 'analysis-worker.js')),
    vsixBytes: size(path.join(DIST, '..', 'promptmeter.vsix')),
  };
}


