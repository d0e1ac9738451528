import { Worker } from 'node:worker_threads';
import type { CampaignRequest, PropertyReport, WorkerMessage } from './worker';

/**
 * Runs the properties' cases in a worker and watches it: a case that has not
 * ended after `hangMs` is a hang, and the worker is stopped with that case named.
 */
export function runCampaign(request: CampaignRequest, hangMs: number): Promise<PropertyReport[]> {
  // Workers do not inherit tsx's loader: register it before loading the TypeScript entry.
  const bootstrap = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(require.resolve('./worker.ts'))});`;
  const worker = new Worker(bootstrap, { eval: true, workerData: request });
  return new Promise((resolve, reject) => {
    let current: Extract<WorkerMessage, { type: 'case' }> | null = null;
    let watchdog: NodeJS.Timeout | undefined;
    const rearm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        const which = current ? `${current.property} case ${current.index} (path ${request.path ?? current.index}) ${JSON.stringify(current.description)}` : 'setting up';
        void worker.terminate();
        reject(new Error(`No progress for ${hangMs} ms in ${which}; fast-check seed ${request.seed}`));
      }, hangMs);
    };
    rearm();
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'case') {
        current = message;
        rearm();
        return;
      }
      clearTimeout(watchdog);
      void worker.terminate();
      resolve(message.reports);
    });
    worker.on('error', (error) => {
      clearTimeout(watchdog);
      reject(error);
    });
  });
}
