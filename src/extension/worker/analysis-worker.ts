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
import { boundaryOver, ReadBoundary } from '../../core/workspace/read-boundary';
import * as path from 'node:path';
import { buildReport } from '../../core/report/model';
import { AnalysisPool, scanThreads } from '../../core/scan/analysis-pool';
import { scan } from '../../core/scan/scan';
import type { PromptFileReader } from '../../core/analyze/prompts';
import type { EvaluationUpdate } from '../../core/engine/evaluation-update';
import { namedModels, type NamedModels } from '../../core/estimate/model-range';
import type { ProviderId } from '../../core/model';
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
/** Models each open document names, by provider: what a call without a model ranges over in the editor. */
const modelsByDocument = new Map<string, Partial<Record<ProviderId, Set<string>>>>();

function contextFor(config: PromptmeterConfig): EstimateContext {
  const named = openDocumentModels();
  const key = JSON.stringify([config, named]);
  if (!context || key !== contextKey) {
    const prices = context && JSON.stringify(context.config.pricing) === JSON.stringify(config.pricing) ? context.prices : new PriceBook(catalog, config.pricing);
    context = { tokens, prices, config, namedModels: named };
    contextKey = key;
  }
  return context;
}

function openDocumentModels(): NamedModels {
  const union: Partial<Record<ProviderId, Set<string>>> = {};
  for (const models of modelsByDocument.values()) {
    for (const [provider, ids] of Object.entries(models) as [ProviderId, Set<string>][]) for (const id of ids) (union[provider] ??= new Set()).add(id);
  }
  return Object.fromEntries(Object.entries(union).map(([provider, ids]) => [provider, [...ids].sort()]));
}

/**
 * Evaluates a document; when it names models no open document named before, and has
 * a call that ranges over them, evaluates it again with them (every call afresh, so
 * the answer stands on its own for the host).
 */
function evaluateDocument(request: Extract<WorkerRequest, { kind: 'evaluate' }>, readPromptFile: PromptFileReader | undefined): EvaluationUpdate {
  const evaluateWith = (estimates: EstimateContext) => documents.evaluate(request.key, request.text, request.language, estimates, { readPromptFile });
  const used = contextFor(request.config);
  const first = evaluateWith(used);
  modelsByDocument.set(request.key, namedModels(first.evaluation.analysis.calls, used.prices, used.config));
  const ranged = first.evaluation.estimates.some((estimate) => estimate.cost.range !== null && estimate.cost.range.basis !== 'default-model');
  const next = contextFor(request.config);
  return ranged && next !== used ? evaluateWith(next).update : first.update;
}

async function handle(request: WorkerRequest): Promise<WorkerResult> {
  switch (request.kind) {
    case 'evaluate': {
      await engine.prepare(request.language);
      const readPromptFile = request.directory ? promptFilesFor(request.directory, boundaryOver(request.boundary), request.promptFilesRefused) : undefined;
      return evaluateDocument(request, readPromptFile);
    }
    case 'fix':
      await engine.prepare(request.language);
      return fixText(engine, request.text, request.language, contextFor(request.config));
    case 'forget':
      documents.forget(request.key);
      modelsByDocument.delete(request.key);
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
