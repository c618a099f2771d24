import { describe, expect, it } from 'vitest';
import type { SearchData, SearchJob } from '../../../src-main/core/search/jobs';
import { stratifiedKFold } from '../../../src-main/core/modelSelection/kFold';
import { inThreadWorker } from '../../../src-main/node/pool/inThreadWorker';
import type { FromWorker } from '../../../src-main/node/pool/workerPool';

// Two noisy features, two classes: enough for a forest that reports a tree at a time.
function data(): SearchData {
  const rows = 400;
  const a = new Float64Array(rows);
  const b = new Float64Array(rows);
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    a[i] = (i * 37) % 101;
    b[i] = (i * 53) % 89;
    y[i] = a[i] + b[i] > 95 ? 1 : 0;
  }
  const X = { rows, columns: [a, b], names: ['a', 'b'] };
  return { train: { X, y }, validation: null, test: { X, y }, folds: stratifiedKFold(y, 2), nClasses: 2, classes: ['no', 'yes'], metrics: ['recall'], refit: 'recall' };
}

const forestJob = (fold: number): SearchJob => ({
  kind: 'cv',
  fold,
  group: { modelId: 'rf', type: 'randomForest', params: { nEstimators: 20, maxDepth: 3, randomState: 0 }, stages: null, candidates: [0] },
});

const tick = () => new Promise((r) => setImmediate(r));
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await tick();
}

describe('inThreadWorker', () => {
  it('answers jobs as a worker does, after the call that posted them returns', async () => {
    const port = inThreadWorker();
    const got: FromWorker[] = [];
    port.onMessage((m) => got.push(m as FromWorker));
    port.post({ type: 'data', key: 'search', data: data() });
    port.post({ type: 'job', jobId: 7, key: 'search', job: forestJob(0) });
    expect(got).toHaveLength(0);
    await settle();
    expect(got.filter((m) => m.type === 'progress').length).toBeGreaterThan(0);
    const result = got.find((m) => m.type === 'result');
    expect(result?.jobId).toBe(7);
  });

  it('a job before its data is an error message, not a throw', async () => {
    const port = inThreadWorker();
    const got: FromWorker[] = [];
    port.onMessage((m) => got.push(m as FromWorker));
    port.post({ type: 'job', jobId: 1, key: 'search', job: forestJob(0) });
    await settle();
    expect(got).toEqual([{ type: 'error', jobId: 1, message: 'The in-thread worker received a job before its data.' }]);
  });

  it('killed during a job, stops it at its next progress report, runs no queued job and reports its exit', async () => {
    const port = inThreadWorker();
    const got: FromWorker[] = [];
    const exits: (string | null)[] = [];
    port.onMessage((m) => {
      got.push(m as FromWorker);
      if ((m as FromWorker).type === 'progress') port.kill();
    });
    port.onExit((_code, signal) => exits.push(signal));
    port.post({ type: 'data', key: 'search', data: data() });
    port.post({ type: 'job', jobId: 1, key: 'search', job: forestJob(0) });
    port.post({ type: 'job', jobId: 2, key: 'search', job: forestJob(1) });
    await settle();
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ type: 'progress', jobId: 1, done: 1, total: 20 });
    expect(exits).toEqual(['SIGKILL']);
  });
});
