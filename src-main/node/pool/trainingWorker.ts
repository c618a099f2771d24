import { runSearchJob, type SearchData, type SearchJob } from '../../core/search/jobs';
import type { FromWorker, ToWorker } from './workerPool';

/**
 * The training worker: receives the search data once, then fits jobs one at
 * a time. Runs as a Node child process or an Electron utility process.
 */
interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const send = (m: FromWorker) => (parentPort ? parentPort.postMessage(m) : process.send?.(m));
let data: SearchData | null = null;

function handle(raw: unknown): void {
  const m = raw as ToWorker;
  if (m.type === 'data') {
    data = m.data as SearchData;
    return;
  }
  if (m.type !== 'job') return;
  if (!data) {
    send({ type: 'error', jobId: m.jobId, message: 'The worker received a job before its data.' });
    return;
  }
  try {
    let last = 0;
    const result = runSearchJob(data, m.job as SearchJob, {
      onProgress: (done, total) => {
        const t = Date.now();
        if (t - last < 200 && done < total) return;
        last = t;
        send({ type: 'progress', jobId: m.jobId, done, total });
      },
    });
    send({ type: 'result', jobId: m.jobId, result });
  } catch (e) {
    send({ type: 'error', jobId: m.jobId, message: (e as Error)?.message ?? String(e) });
  }
}

if (parentPort) parentPort.on('message', (e) => handle(e.data));
else process.on('message', handle);
// A worker whose host went away has nothing left to do.
process.on('disconnect', () => process.exit(0));
