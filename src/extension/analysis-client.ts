import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileEvaluation } from '../core/engine/evaluate';
import { EvaluationReplica, type EvaluationUpdate } from '../core/engine/evaluation-update';
import type { FixResult } from '../core/engine/fix-file';
import type { CostReport } from '../core/report/model';
import type { TokenCount } from '../core/tokens';
import type { WorkerRequest, WorkerResponse } from './worker/protocol';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type RequestBody<K extends WorkerRequest['kind']> = Omit<Extract<WorkerRequest, { kind: K }>, 'id' | 'kind'>;

/** Talks to the analysis worker; starts it on first use and again after a crash. */
export class AnalysisClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Per document, the worker's last answer: updates apply to it, in the order they arrive. */
  private readonly replicas = new Map<string, EvaluationReplica>();

  constructor(
    private readonly assetDir: string,
    private readonly log: (message: string) => void,
  ) {}

  async evaluate(body: RequestBody<'evaluate'>): Promise<FileEvaluation> {
    let update: EvaluationUpdate;
    try {
      update = (await this.request({ ...body, kind: 'evaluate' })) as EvaluationUpdate;
    } catch (error) {
      // The worker dropped what it kept for this document; so does the replica.
      this.replicas.delete(body.key);
      throw error;
    }
    let replica = this.replicas.get(body.key);
    if (!replica) this.replicas.set(body.key, (replica = new EvaluationReplica()));
    try {
      return replica.apply(update);
    } catch (error) {
      // Out of step with the worker (the document was forgotten while this was under way): both start afresh.
      this.forget(body.key);
      throw error;
    }
  }

  fix(body: RequestBody<'fix'>): Promise<FixResult> {
    return this.request({ ...body, kind: 'fix' }) as Promise<FixResult>;
  }

  count(body: RequestBody<'count'>): Promise<TokenCount> {
    return this.request({ ...body, kind: 'count' }) as Promise<TokenCount>;
  }

  /** The document closed: its kept tree can go. */
  forget(key: string): void {
    this.replicas.delete(key);
    if (this.worker) void this.request({ kind: 'forget', key });
  }

  /** The workspace report; the scan runs in the worker and stops when `token` is cancelled. */
  report(body: RequestBody<'report'>, token: { onCancellationRequested(listener: () => void): { dispose(): void } }): Promise<CostReport> {
    // The id the report request below is about to get.
    const id = this.nextId;
    const subscription = token.onCancellationRequested(() => void this.request({ kind: 'cancel', target: id }));
    return (this.request({ ...body, kind: 'report' }) as Promise<CostReport>).finally(() => subscription.dispose());
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.failAll(new Error('Promptmeter is shutting down'));
  }

  private request(body: DistributiveOmit<WorkerRequest, 'id'>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ensureWorker().postMessage({ ...body, id } as WorkerRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path.join(this.assetDir, 'analysis-worker.js'), { workerData: { assetDir: this.assetDir } });
    worker.on('message', (response: WorkerResponse) => {
      const pending = this.pending.get(response.id);
      if (!pending) return;
      this.pending.delete(response.id);
      if (response.ok) pending.resolve(response.result);
      else pending.reject(new Error(response.error));
    });
    worker.on('error', (error) => {
      this.log(`Analysis worker failed: ${error.stack ?? error.message}`);
      this.failAll(error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      this.replicas.clear();
      if (code !== 0) this.log(`Analysis worker exited with code ${code}; it restarts on the next analysis.`);
      this.failAll(new Error(`analysis worker exited (${code})`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
