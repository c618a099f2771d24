import { runSearchJob, type SearchData, type SearchJob } from '../../core/search/jobs';
import type { FromWorker, ToWorker } from './workerPool';
import type { WorkerFactory, WorkerPort } from './workerPort';

/** Thrown from a fit's progress callback to stop a job whose port was killed. */
class Stopped extends Error {}

/**
 * A training "worker" in the calling thread: the same messages as the
 * forked worker (trainingWorker.ts), without starting a process, for
 * searches too small to pay for one. Each job runs in its own macrotask,
 * so timers, signals and a cancel get their turn between jobs; a kill
 * during a job (from a progress callback) stops it at its next progress
 * report, and nothing is delivered after a kill.
 */
export const inThreadWorker: WorkerFactory = (): WorkerPort => {
  const listeners: ((message: unknown) => void)[] = [];
  const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  let data: SearchData | null = null;
  let killed = false;
  const send = (m: FromWorker) => {
    if (!killed) for (const l of listeners) l(m);
  };

  const run = (jobId: number, job: SearchJob) => {
    if (killed) return;
    if (!data) return send({ type: 'error', jobId, message: 'The in-thread worker received a job before its data.' });
    let result;
    try {
      result = runSearchJob(data, job, {
        onProgress: (done, total) => {
          if (killed) throw new Stopped();
          send({ type: 'progress', jobId, done, total });
        },
      });
    } catch (e) {
      if (e instanceof Stopped) return;
      return send({ type: 'error', jobId, message: (e as Error)?.message ?? String(e) });
    }
    send({ type: 'result', jobId, result });
  };

  return {
    post(raw) {
      const m = raw as ToWorker;
      if (m.type === 'data') data = m.data as SearchData;
      else if (m.type === 'job') setImmediate(() => run(m.jobId, m.job as SearchJob));
    },
    onMessage: (l) => void listeners.push(l),
    onExit: (l) => void exitListeners.push(l),
    kill() {
      if (killed) return;
      killed = true;
      // As a killed process would: its exit is reported once, after the caller's own bookkeeping.
      setImmediate(() => {
        for (const l of exitListeners) l(null, 'SIGKILL');
      });
    },
    pid: undefined,
  };
};
