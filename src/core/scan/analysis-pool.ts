import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileAnalysis, SourceLanguage } from '../model';

/** One file for a pool worker to parse and analyse. */
export interface AnalysisJob {
  text: string;
  language: SourceLanguage;
  /** Folder of the file, for prompt files named relative to it. */
  directory: string;
  /** The real paths prompt files must lie in (`ReadBoundary.roots`). */
  boundary: readonly string[];
  /** Set: read no prompt file, for this reason. */
  promptFilesRefused?: string;
}

export type PoolRequest = AnalysisJob & { id: number };
export type PoolResponse = { id: number; ok: true; analysis: FileAnalysis } | { id: number; ok: false; error: string };
/** The analysis, or why analysing the file failed (which the scan reports; a dead worker rejects instead). */
export type PoolAnswer = FileAnalysis | { error: string };

interface PoolWorker {
  worker: Worker;
  jobs: Map<number, { resolve: (answer: PoolAnswer) => void; reject: (error: Error) => void }>;
}

/**
 * Worker threads that parse and analyse files for a workspace scan, so that
 * parsing uses every core while the scan's own thread walks, reads and filters.
 * Estimates stay on the scan's thread, which holds the tokenizer.
 */
export class AnalysisPool {
  private readonly workers: PoolWorker[] = [];
  private started = false;
  private nextId = 1;

  /**
   * Nothing starts until the first file is sent. `script` is the bundled
   * scan-worker.js; `assetDir` holds the grammars. The owner closes the pool.
   */
  constructor(
    private readonly script: string,
    private readonly threads: number,
    private readonly assetDir: string,
  ) {}

  /** Analyses on the least busy worker; rejects if none is running. */
  analyze(job: AnalysisJob): Promise<PoolAnswer> {
    if (!this.started) this.start();
    const entry = this.workers.reduce<PoolWorker | undefined>((best, candidate) => (!best || candidate.jobs.size < best.jobs.size ? candidate : best), undefined);
    if (!entry) return Promise.reject(new Error('no scan worker is running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      entry.jobs.set(id, { resolve, reject });
      const { text, language, directory, boundary, promptFilesRefused } = job;
      entry.worker.postMessage({ text, language, directory, boundary, promptFilesRefused, id } satisfies PoolRequest);
    });
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((entry) => entry.worker.terminate()));
  }

  private start(): void {
    this.started = true;
    for (let i = 0; i < this.threads; i++) {
      const entry: PoolWorker = { worker: new Worker(this.script, { workerData: { assetDir: this.assetDir } }), jobs: new Map() };
      entry.worker.on('message', (response: PoolResponse) => {
        const job = entry.jobs.get(response.id);
        entry.jobs.delete(response.id);
        job?.resolve(response.ok ? response.analysis : { error: response.error });
      });
      // A worker that dies fails its own jobs; the scan analyses those files itself.
      const fail = (error: Error): void => {
        for (const job of entry.jobs.values()) job.reject(error);
        entry.jobs.clear();
        const index = this.workers.indexOf(entry);
        if (index !== -1) this.workers.splice(index, 1);
      };
      entry.worker.on('error', fail);
      entry.worker.on('exit', (code) => fail(new Error(`scan worker exited (${code})`)));
      this.workers.push(entry);
    }
  }
}

/** One parsing thread per core, up to four: beyond that the walk on the scan's own thread is the limit. */
export function scanThreads(): number {
  return Math.min(availableParallelism(), 4);
}
