import { Worker } from 'node:worker_threads';
import type { CampaignRequest, Job, JobReport, WorkerMessage } from './worker';

/** More crashes of tree-sitter than this in one campaign, and something else is wrong. */
const MAX_CRASHES = 5;

/**
 * Runs the jobs' cases in worker threads. After a case on which tree-sitter
 * crashes, nothing parses in that thread any more: the rest of that job runs in
 * a fresh worker, from the next seed, and the crash is reported with the rest.
 */
export async function runCampaign(language: CampaignRequest['language'], jobs: Job[], hangMs: number): Promise<JobReport[]> {
  const reports: JobReport[] = [];
  let pending = jobs;
  while (pending.length > 0) {
    const round = await runWorker({ language, jobs: pending }, hangMs);
    reports.push(...round);
    pending = pending.slice(round.length);
    const crashed = round.at(-1);
    if (!crashed?.crash) continue;
    if (reports.filter((report) => report.crash).length > MAX_CRASHES) throw new Error(`tree-sitter crashed ${MAX_CRASHES + 1} times; the last: ${crashed.crash.message}`);
    const remaining = crashed.job.numRuns - crashed.cases;
    if (remaining > 0) pending = [{ property: crashed.job.property, numRuns: remaining, seed: crashed.job.seed + 1 }, ...pending];
  }
  return reports;
}

/**
 * Runs the jobs in a worker and watches it: a case that has not ended after
 * `hangMs` is a hang, and the worker is stopped with that case named.
 */
function runWorker(request: CampaignRequest, hangMs: number): Promise<JobReport[]> {
  // Workers do not inherit tsx's loader: register it before loading the TypeScript entry.
  const bootstrap = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(require.resolve('./worker.ts'))});`;
  const worker = new Worker(bootstrap, { eval: true, workerData: request });
  return new Promise((resolve, reject) => {
    let current: Extract<WorkerMessage, { type: 'case' }> | null = null;
    let watchdog: NodeJS.Timeout | undefined;
    const rearm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        const job = current && request.jobs.find((candidate) => candidate.property === current?.property);
        const which = current && job ? `${current.property} case ${current.index} (seed ${job.seed}, path ${job.path ?? current.index}) ${JSON.stringify(current.description)}` : 'setting up';
        void worker.terminate();
        reject(new Error(`No progress for ${hangMs} ms in ${which}`));
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
