import { fork } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { runJobs } from '../../../src-main/node/pool/workerPool';
import type { WorkerFactory, WorkerPort } from '../../../src-main/node/pool/workerPort';

interface Job {
  ms: number;
  value: number;
  crash?: boolean;
}

function sleepyFactory(spawned: WorkerPort[]): WorkerFactory {
  return () => {
    const child = fork(join(import.meta.dirname, 'sleepyWorker.mjs'), [], { serialization: 'advanced' });
    const port: WorkerPort = {
      post: (m) => child.connected && child.send(m as never),
      onMessage: (l) => child.on('message', l),
      onExit: (l) => child.on('exit', (c, s) => l(c, s)),
      kill: () => child.kill('SIGKILL'),
      pid: child.pid,
    };
    spawned.push(port);
    return port;
  };
}

describe('runJobs', () => {
  it('runs every job on the pool with the data sent once per worker', async () => {
    const spawned: WorkerPort[] = [];
    const jobs: Job[] = Array.from({ length: 8 }, (_, i) => ({ ms: 20, value: i }));
    const out = await runJobs<Job, number>({ factory: sleepyFactory(spawned), size: 2, data: { factor: 10 }, jobs });
    expect(out.map((o) => o.result)).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
    expect(spawned).toHaveLength(2);
  });

  it('a worker killed mid-job fails that job with a message; the others finish', async () => {
    const spawned: WorkerPort[] = [];
    const jobs: Job[] = Array.from({ length: 6 }, (_, i) => ({ ms: i === 0 ? 2000 : 30, value: i }));
    let killed = false;
    const out = await runJobs<Job, number>({
      factory: sleepyFactory(spawned),
      size: 2,
      data: { factor: 1 },
      jobs,
      onUnits: (jobId) => {
        // Kill the worker running the long job as soon as it reports progress.
        if (jobId === 0 && !killed) {
          killed = true;
          spawned[0].kill();
        }
      },
    });
    expect(out[0]).toMatchObject({ ok: false, error: expect.stringMatching(/training worker was killed \(SIGKILL\) while fitting/) });
    expect(out.slice(1).map((o) => o.result)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a crashing job fails alone and the pool replaces the worker', async () => {
    const spawned: WorkerPort[] = [];
    const jobs: Job[] = [{ ms: 10, value: 1 }, { ms: 10, value: 2, crash: true }, { ms: 10, value: 3 }, { ms: 10, value: 4 }];
    const out = await runJobs<Job, number>({ factory: sleepyFactory(spawned), size: 1, data: { factor: 1 }, jobs });
    expect(out.map((o) => o.ok)).toEqual([true, false, true, true]);
    expect(out[1].error).toMatch(/exited with code 3/);
    expect(spawned.length).toBe(2);
  });

  it('a cancel kills the workers and rejects; nothing partial is returned', async () => {
    const spawned: WorkerPort[] = [];
    const controller = new AbortController();
    const jobs: Job[] = Array.from({ length: 4 }, () => ({ ms: 5000, value: 1 }));
    const running = runJobs<Job, number>({ factory: sleepyFactory(spawned), size: 2, data: { factor: 1 }, jobs, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const err = await running.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('cancelled');
  });
});
