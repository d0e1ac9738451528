import { parentPort, workerData } from 'node:worker_threads';
import type { PromptmeterConfig } from '../../core/config/config';
import { Engine } from '../../core/engine/engine';
import { DocumentEvaluator } from '../../core/engine/document-evaluator';
import { fixText } from '../../core/engine/fix-file';
import type { EstimateContext } from '../../core/estimate/estimate';
import { wasmLocationBeside } from '../../core/parse/parser';
import { loadBundledCatalog, PriceBook } from '../../core/pricing';
import { TokenCounter } from '../../core/tokens';
import { promptFilesFor } from '../../core/workspace/prompt-files';
import { ReadBoundary } from '../../core/workspace/read-boundary';
import * as path from 'node:path';
import { buildReport } from '../../core/report/model';
import { AnalysisPool, scanThreads } from '../../core/scan/analysis-pool';
import { scan } from '../../core/scan/scan';
import type { WorkerRequest, WorkerResponse, WorkerResult } from './protocol';

/**
 * Parsing and analysis run here, off the extension host's thread, so typing never
 * waits for them. Grammars and tokenizer ranks load on first use, in this thread.
 */
const assetDir = (workerData as { assetDir: string }).assetDir;
const engine = new Engine(wasmLocationBeside(assetDir));
const documents = new DocumentEvaluator(engine);
const tokens = new TokenCounter({ ranksDir: assetDir });
const catalog = loadBundledCatalog();
/** Report scans under way, so a cancel message can stop them. */
const running = new Map<number, AbortController>();
let contextKey = '';
let context: EstimateContext | undefined;
let boundary: { key: string; value: ReadBoundary } | undefined;

/** The same folders for every request of a window: made once, its real paths resolved once. */
function boundaryOf(roots: readonly string[]): ReadBoundary {
  const key = roots.join('\0');
  if (boundary?.key !== key) boundary = { key, value: new ReadBoundary(roots) };
  return boundary.value;
}

function contextFor(config: PromptmeterConfig): EstimateContext {
  const key = JSON.stringify(config);
  if (!context || key !== contextKey) {
    context = { tokens, prices: new PriceBook(catalog, config.pricing), config };
    contextKey = key;
  }
  return context;
}

async function handle(request: WorkerRequest): Promise<WorkerResult> {
  switch (request.kind) {
    case 'evaluate': {
      await engine.prepare(request.language);
      const readPromptFile = request.directory ? promptFilesFor(request.directory, boundaryOf(request.boundary), request.promptFilesRefused) : undefined;
      return documents.evaluate(request.key, request.text, request.language, contextFor(request.config), { readPromptFile }).update;
    }
    case 'fix':
      await engine.prepare(request.language);
      return fixText(engine, request.text, request.language, contextFor(request.config));
    case 'forget':
      documents.forget(request.key);
      return null;
    case 'count':
      return tokens.count(request.text, request.model);
    case 'report': {
      const controller = new AbortController();
      running.set(request.id, controller);
      const pool = new AnalysisPool(path.join(assetDir, 'scan-worker.js'), scanThreads(), assetDir);
      const reportBoundary = new ReadBoundary(request.boundary);
      try {
        const result = await scan(engine, {
          ...request,
          boundary: reportBoundary,
          estimate: contextFor(request.config),
          signal: controller.signal,
          pool,
        });
        const readText = (file: string): string | null => {
          const read = reportBoundary.read(path.resolve(request.cwd, file), request.maxFileSize);
          return read.ok ? read.bytes.toString('utf8') : null;
        };
        return buildReport(result, request.config, request.tool, { readText });
      } finally {
        running.delete(request.id);
        void pool.close();
      }
    }
    case 'cancel':
      running.get(request.target)?.abort();
      return null;
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  const started = performance.now();
  handle(request).then(
    (result) => parentPort?.postMessage({ id: request.id, ok: true, result, ms: performance.now() - started } satisfies WorkerResponse),
    (error: unknown) =>
      parentPort?.postMessage({ id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerResponse),
  );
});
