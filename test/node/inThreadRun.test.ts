import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src-main/core/api/errors';
import { parseRecipe, type Recipe } from '../../src-main/core/recipe/schema';
import { inThreadWorker } from '../../src-main/node/pool/inThreadWorker';
import { forkWorker } from '../../src-main/node/pool/workerPort';
import { runRecipe } from '../../src-main/node/search/runRecipe';
import { sampleFrame } from '../core/recipe/sampleFrame';

// forkWorker as itself, watched: which runs start worker processes.
vi.mock('../../src-main/node/pool/workerPort', async (original) => {
  const actual = await original<typeof import('../../src-main/node/pool/workerPort')>();
  return { ...actual, forkWorker: vi.fn(actual.forkWorker) };
});

const course5 = (): Recipe => parseRecipe(JSON.parse(readFileSync('resources/recipes/verified-course5.json', 'utf8')));
const dataset = { name: 'sample', contentHash: null };

const CLOCK = /seconds|Seconds|startedAt/;

/** A copy without clock readings, which differ between any two runs; unlike a JSON round trip it keeps NaN, ±Infinity and typed arrays as they are. */
function withoutTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !CLOCK.test(k)).map(([k, v]) => [k, withoutTimes(v)]));
}

describe('search jobs in the calling thread', () => {
  it('give the same record as worker processes on the sample Course 5 recipe', async () => {
    const here = await runRecipe(course5(), sampleFrame(), { factory: inThreadWorker, dataset });
    const forked = await runRecipe(course5(), sampleFrame(), { factory: forkWorker, workers: 2, dataset });
    expect(here.status).toBe('complete');
    expect(here.models[0].cv.rows[0].split.recall).toHaveLength(5);
    expect(withoutTimes(here)).toEqual(withoutTimes(forked));
  });

  it('are what a small search runs on when asked (the CLI); a large one, or the app, starts worker processes', async () => {
    vi.mocked(forkWorker).mockClear();
    const r = await runRecipe(course5(), sampleFrame(), { dataset, smallInThread: true });
    expect(r.status).toBe('complete');
    expect(forkWorker).not.toHaveBeenCalled();

    await runRecipe(course5(), sampleFrame(), { dataset, workers: 1 });
    expect(forkWorker).toHaveBeenCalled();
    vi.mocked(forkWorker).mockClear();

    const controller = new AbortController();
    const course6 = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
    const big = runRecipe(course6, sampleFrame(), { dataset, smallInThread: true, workers: 2, signal: controller.signal, onProgress: () => setTimeout(() => controller.abort(), 0) });
    await expect(big).rejects.toThrow(ApiError);
    expect(forkWorker).toHaveBeenCalled();
  });

  it('stop at a cancel: the search rejects, and with partialOnCancel keeps the finished candidates', async () => {
    const controller = new AbortController();
    const err = await runRecipe(course5(), sampleFrame(), {
      factory: inThreadWorker,
      dataset,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 1) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('cancelled');

    const again = new AbortController();
    const r = await runRecipe(course5(), sampleFrame(), {
      factory: inThreadWorker,
      dataset,
      signal: again.signal,
      partialOnCancel: true,
      onProgress: (p) => {
        if (p.message?.startsWith('Refitting')) again.abort();
      },
    });
    expect(r.status).toBe('cancelled');
    expect(r.champion).toBeNull();
    expect(r.models[0].partial).toBe(true);
    expect(r.models[0].cv.rows[0].split.recall).toHaveLength(5);
  });
});
