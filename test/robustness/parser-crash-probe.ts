/**
 * Runs in a worker thread of its own: a tree-sitter crash corrupts the runtime
 * of the thread it happens in, and the tests' own thread must stay usable.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { testEngine } from '../support/engine';

export interface ProbeResult {
  /** What analysing each text threw (`name: message`), or null when it did not. */
  errors: (string | null)[];
}

async function main(texts: string[]): Promise<void> {
  const engine = testEngine();
  await engine.prepare('python');
  const errors = texts.map((text) => {
    try {
      engine.analyzeLoaded(text, 'python');
      return null;
    } catch (error) {
      return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  });
  parentPort?.postMessage({ errors } satisfies ProbeResult);
}

void main(workerData as string[]);
