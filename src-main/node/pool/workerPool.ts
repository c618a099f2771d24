import { ApiError, cancelledError } from '../../core/api/errors';
import type { WorkerFactory, WorkerPort } from './workerPort';

/** Messages to a training worker. */
export type ToWorker =
  | { type: 'data'; key: string; data: unknown }
  | { type: 'job'; jobId: number; key: string; job: unknown };

/** Messages from a training worker. */
export type FromWorker =
  | { type: 'progress'; jobId: number; done: number; total: number }
  | { type: 'result'; jobId: number; result: unknown }
  | { type: 'error'; jobId: number; message: string };

export interface JobOutcome<R> {
  jobId: number;
  ok: boolean;
  result?: R;
  error?: string;
}

export interface RunJobsOptions<J, R> {
  factory: WorkerFactory;
  size: number;
  /** Sent once to each worker before its first job (the prepared data). */
  data: unknown;
  jobs: J[];
  /** Relative cost, so the largest jobs start first. */
  cost?(job: J): number;
  onJobDone?(outcome: JobOutcome<R>, job: J): void;
  /** A job was sent to a worker (its time starts here, not when it was queued). */
  onJobStart?(jobId: number): void;
  /** Units of work done inside running jobs (e.g. trees), summed over workers. */
  onUnits?(jobId: number, done: number, total: number): void;
  signal?: AbortSignal;
}

const DATA_KEY = 'search';

/**
 * Runs jobs on `size` worker processes. Each worker gets the data once; a
 * worker that crashes or is killed fails the job it was running with a
 * message, is replaced, and the other jobs go on. A cancel kills them all.
 */
export function runJobs<J, R>(o: RunJobsOptions<J, R>): Promise<JobOutcome<R>[]> {
  return new Promise((resolve, reject) => {
    const order = o.jobs.map((_, i) => i);
    if (o.cost) order.sort((a, b) => o.cost!(o.jobs[b]) - o.cost!(o.jobs[a]));
    const queue = [...order];
    const outcomes: JobOutcome<R>[] = new Array(o.jobs.length);
    let finished = 0;
    let settled = false;
    const live = new Set<WorkerPort>();

    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of live) w.kill();
      live.clear();
      o.signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve(outcomes);
    };
    const onAbort = () => finish(cancelledError('The search'));
    if (o.signal?.aborted) return onAbort();
    o.signal?.addEventListener('abort', onAbort);

    const complete = (jobId: number, outcome: JobOutcome<R>) => {
      if (outcomes[jobId]) return;
      outcomes[jobId] = outcome;
      finished++;
      o.onJobDone?.(outcome, o.jobs[jobId]);
      if (finished === o.jobs.length) finish();
    };

    const start = () => {
      if (settled || queue.length === 0) return;
      let port: WorkerPort;
      try {
        port = o.factory();
      } catch (e) {
        return finish(new ApiError('internal', `Could not start a training worker: ${(e as Error).message}`));
      }
      live.add(port);
      let current: number | null = null;
      const next = () => {
        if (settled) return;
        const jobId = queue.shift();
        if (jobId === undefined) {
          current = null;
          live.delete(port);
          port.kill();
          return;
        }
        current = jobId;
        o.onJobStart?.(jobId);
        port.post({ type: 'job', jobId, key: DATA_KEY, job: o.jobs[jobId] } satisfies ToWorker);
      };
      port.onMessage((raw) => {
        const m = raw as FromWorker;
        if (settled || m.jobId !== current) return;
        if (m.type === 'progress') o.onUnits?.(m.jobId, m.done, m.total);
        else if (m.type === 'result') {
          complete(m.jobId, { jobId: m.jobId, ok: true, result: m.result as R });
          next();
        } else if (m.type === 'error') {
          complete(m.jobId, { jobId: m.jobId, ok: false, error: m.message });
          next();
        }
      });
      port.onExit((code, signal) => {
        if (!live.has(port)) return;
        live.delete(port);
        if (settled) return;
        if (current !== null) {
          const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
          complete(current, { jobId: current, ok: false, error: `The training worker ${how} while fitting this job.` });
        }
        // Replace the lost worker while work remains.
        if (queue.length > 0) start();
      });
      port.post({ type: 'data', key: DATA_KEY, data: o.data } satisfies ToWorker);
      next();
    };

    if (o.jobs.length === 0) return finish();
    for (let i = 0; i < Math.min(o.size, o.jobs.length); i++) start();
  });
}
