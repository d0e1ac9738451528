import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from '../engine/engine';
import { wasmLocationBeside } from '../parse/parser';
import { promptFilesFor } from '../workspace/prompt-files';
import { boundaryOver } from '../workspace/read-boundary';
import type { PoolRequest, PoolResponse } from './analysis-pool';

/** A worker of the scan's AnalysisPool: parses and analyses the files it is sent, one at a time. */
const engine = new Engine(wasmLocationBeside((workerData as { assetDir: string }).assetDir));

async function analyze(request: PoolRequest): Promise<PoolResponse> {
  try {
    await engine.prepare(request.language);
    const readPromptFile = promptFilesFor(request.directory, boundaryOver(request.boundary), request.promptFilesRefused);
    const analysis = engine.analyzeLoaded(request.text, request.language, { readPromptFile });
    return { id: request.id, ok: true, analysis };
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (request: PoolRequest) => {
  void analyze(request).then((response) => parentPort?.postMessage(response));
});
