import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import type { RunSummary } from '../../../src-main/core/search/runSummary';
import { Workbench } from '../../../src-main/node/app/workbench';
import { estimateFor } from '../../../src-main/node/runs/estimateFor';
import { RunQueue } from '../../../src-main/node/runs/runQueue';
import { saveRecipe } from '../../../src-main/node/store/recipes';
import { insertRun, markRunning } from '../../../src-main/node/store/runs';

let dir: string;
let wb: Workbench;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-runs-'));
  wb = await Workbench.start({ home: join(dir, 'home'), resources: 'resources' });
});
afterEach(() => {
  wb.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Course 6 with grids small enough for a test. */
function smallForest(name: string, trees: number[]) {
  const r = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
  r.name = name;
  r.models = [{ ...r.models[0], grid: { max_depth: [4, 8], max_features: [0.6], max_samples: [0.7], n_estimators: trees } }];
  return wb.write((db) => saveRecipe(db, null, r).id);
}

async function until(queue: RunQueue, id: number, ok: (s: RunSummary) => boolean): Promise<RunSummary> {
  for (;;) {
    const s = queue.summary(id);
    if (ok(s)) return s;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('RunQueue', () => {
  it('runs one at a time in order, with live progress, and saves each run as it finishes', async () => {
    const queue = new RunQueue(wb, { workers: 2 });
    const a = await smallForest('a', [10]);
    const b = await smallForest('b', [5]);
    const first = await queue.start(a);
    const second = await queue.start(b);
    expect(second.status).toBe('queued');
    const running = await until(queue, first.id, (s) => (s.progress?.fitsDone ?? 0) > 0);
    expect(running.status).toBe('running');
    expect(running.progress!.fitsTotal).toBe(11);
    expect(running.progress!.models[0].modelId).toBe('rf');
    expect(queue.summary(second.id).status).toBe('queued');
    await queue.idle();
    const list = queue.list();
    expect(list.map((s) => [s.recipeName, s.status])).toEqual([
      ['b', 'complete'],
      ['a', 'complete'],
    ]);
    expect(list[1].champion!.modelId).toBe('rf');
    expect(list[1].champion!.metric).toBe('recall');
    expect(list[1].champion!.value).toBeGreaterThan(0.9);
    expect(new Date(list[1].finishedAt!) <= new Date(list[0].finishedAt!)).toBe(true);
    const detail = queue.get(first.id);
    expect(detail.record!.models[0].cv.rows).toHaveLength(2);
    expect(detail.record!.models[0].heldOut.test!.score).toHaveLength(3817);
  });

  it('a cancel stops the running run and keeps what it finished; a queued run leaves the queue', async () => {
    const queue = new RunQueue(wb, { workers: 1 });
    const a = await smallForest('a', [60]);
    const b = await smallForest('b', [5]);
    const first = await queue.start(a);
    const second = await queue.start(b);
    await until(queue, first.id, (s) => (s.progress?.models[0].fitsDone ?? 0) >= 6);
    await expect(queue.delete(first.id)).rejects.toThrow(/still running; cancel it before deleting it/);
    const dropped = await queue.cancel(second.id);
    expect(dropped).toMatchObject({ status: 'cancelled', error: 'Cancelled before it started.' });
    await queue.cancel(first.id);
    await queue.idle();
    const stopped = queue.get(first.id);
    expect(stopped.summary.status).toBe('cancelled');
    // The record says exactly what it kept: the candidates scored on all 5 folds, not refitted.
    const kept = stopped.record!.models[0].cv.rows.length;
    expect(stopped.summary.error).toMatch(
      new RegExp(`^\\d+ of 11 fits done; kept ${kept === 2 ? 'all 2 rf candidates' : '1 of 2 rf candidates'} that finished all 5 folds \\(cross-validation scores only, not refitted\\)\\.$`),
    );
    expect(stopped.record!.models[0].partial).toBe(true);
    expect(stopped.record!.models[0].cv.rows.length).toBeGreaterThanOrEqual(1);
    await expect(queue.cancel(first.id)).rejects.toThrow(/already been cancelled/);
    expect(await queue.delete(first.id)).toEqual({ id: first.id });
    expect(queue.list().map((s) => s.id)).toEqual([second.id]);
  });

  it('a run cancelled before any candidate finished all its folds says that nothing is kept', async () => {
    const queue = new RunQueue(wb, { workers: 1 });
    // One worker runs the deeper group's five folds first: after one fit, no candidate has all five.
    const run = await queue.start(await smallForest('a', [60]));
    await until(queue, run.id, (s) => (s.progress?.fitsFinished ?? 0) >= 1);
    await queue.cancel(run.id);
    await queue.idle();
    const stopped = queue.get(run.id);
    expect(stopped.summary.status).toBe('cancelled');
    expect(stopped.summary.error).toMatch(/^[1-4] of 11 fits done; no candidate had finished all 5 folds, so nothing is kept\.$/);
    expect(stopped.record).toBeNull();
  });

  it("keeps a running run's clocks moving between progress reports", async () => {
    let clock = 0;
    const queue = new RunQueue(wb, { workers: 1, now: () => clock });
    const run = await queue.start(await smallForest('a', [60]));
    const before = (await until(queue, run.id, (s) => s.progress !== null)).progress!;
    // A minute with no report (a long refit): the counters still show it.
    clock += 60_000;
    const after = queue.summary(run.id).progress!;
    expect(after.elapsedSeconds).toBeGreaterThanOrEqual(before.elapsedSeconds + 60);
    expect(after.phaseElapsedSeconds).toBeGreaterThanOrEqual(60);
    await queue.cancel(run.id);
    await queue.idle();
  });

  it('prepares on the given thread, and a cancel while preparing cancels the run', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const calls: string[] = [];
    const queue = new RunQueue(wb, {
      workers: 1,
      prepare: async (db, dataset, recipe) => {
        calls.push(`${dataset.name}/${recipe.name}`);
        await gate;
        const { prepare } = await import('../../../src-main/core/recipe/pipeline');
        const { datasetFrame } = await import('../../../src-main/node/recipe/frameCache');
        return prepare(recipe, datasetFrame(db, dataset));
      },
    });
    const s = await queue.start(await smallForest('a', [5]));
    await until(queue, s.id, (x) => x.status === 'running');
    await queue.cancel(s.id);
    release();
    await queue.idle();
    expect(calls).toEqual(['tiktok_claims_sample/a']);
    expect(queue.summary(s.id)).toMatchObject({ status: 'cancelled', error: 'Cancelled before the search started.' });
  });

  it('a failing recipe is saved as failed with the reason', async () => {
    const queue = new RunQueue(wb, { workers: 1 });
    const r = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
    r.name = 'bad target';
    r.target = { column: 'claim_status', positive: 'rumour' };
    const id = await wb.write((db) => saveRecipe(db, null, r).id);
    const s = await queue.start(id);
    await queue.idle();
    const failed = queue.summary(s.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/positive class "rumour" does not occur in "claim_status"/);
  });

  it('a run left running when the host stopped is failed on reopen', async () => {
    const path = wb.info()!.path;
    const id = await wb.write((db) => {
      const s = insertRun(db, { recipeId: null, recipeName: 'x', datasetName: 'y', datasetHash: 'h' });
      markRunning(db, s.id);
      return s.id;
    });
    wb.close();
    wb.open(path);
    const queue = new RunQueue(wb);
    expect(queue.summary(id)).toMatchObject({ status: 'failed', error: 'The app closed before the run finished.' });
  });

  it('estimates candidates, fits and time, learning from finished runs', async () => {
    const recipe = JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')) as unknown;
    const e = estimateFor(wb.db, recipe);
    // The shipped Course 6 grids: 48 forest and 48 XGBoost candidates, n_estimators shares fits.
    expect(e.candidates).toBe(96);
    expect(e.folds).toBe(5);
    expect(e.fits).toBe(e.models.reduce((s, m) => s + m.fits, 0));
    expect(e.seconds).toBeGreaterThan(0);
    expect(e.range!.low).toBeCloseTo(e.seconds! / 2, 6);
    expect(e.range!.high).toBeCloseTo(e.seconds! * 2, 6);
    expect(e.basis).toMatch(/built-in/);
    expect([e.fits, e.sklearnFits]).toEqual([182, 482]);
    const queue = new RunQueue(wb, { workers: 2 });
    await queue.start(await smallForest('a', [5]));
    await queue.idle();
    expect(estimateFor(wb.db, recipe).basis).toMatch(/earlier runs/);
    expect(() => estimateFor(wb.db, { version: 1 })).toThrow(ApiError);
  });
});
