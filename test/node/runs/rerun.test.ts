import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { parseRecipe, type Recipe } from '../../../src-main/core/recipe/schema';
import type { RunRecord } from '../../../src-main/core/search/runRecord';
import { Workbench } from '../../../src-main/node/app/workbench';
import { RunQueue } from '../../../src-main/node/runs/runQueue';
import { runRecipe } from '../../../src-main/node/search/runRecipe';
import { deleteDataset, listDatasets, renameDataset } from '../../../src-main/node/store/datasets';
import { deleteRecipe, getRecipe, saveRecipe } from '../../../src-main/node/store/recipes';
import { finishRun, insertRun } from '../../../src-main/node/store/runs';
import { sampleFrame } from '../../core/recipe/sampleFrame';

/** Course 6 with grids small enough for a test (as in runRecipe.test.ts). */
function smallCourse6(): Recipe {
  const r = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
  r.models[0].grid = { max_depth: [4, null], max_features: [0.6], max_samples: [0.7], n_estimators: [10, 20] };
  r.models[1].grid = { max_depth: [3], min_child_weight: [5], learning_rate: [0.1], n_estimators: [20, 40] };
  return r;
}

/** A record without what depends on the clock: when it ran and how long its parts took. */
function withoutTimings(record: RunRecord): unknown {
  return {
    ...record,
    startedAt: null,
    seconds: null,
    models: record.models.map((m) => ({
      ...m,
      seconds: null,
      cv: { ...m.cv, rows: m.cv.rows.map((r) => ({ ...r, meanFitSeconds: null, meanScoreSeconds: null })) },
    })),
  };
}

/** What a comparison reads, spelled out so a difference names the part that differs. */
function expectSameResults(a: RunRecord, b: RunRecord): void {
  expect(b.models.map((m) => m.modelId)).toEqual(a.models.map((m) => m.modelId));
  a.models.forEach((m, i) => {
    const n = b.models[i];
    expect(n.cv.rows.map((r) => [r.mean, r.split])).toEqual(m.cv.rows.map((r) => [r.mean, r.split]));
    expect(n.cv.best).toBe(m.cv.best);
    expect(n.validation?.confusion).toEqual(m.validation?.confusion);
    expect(n.heldOut).toEqual(m.heldOut);
  });
  expect(b.champion).toEqual(a.champion);
  expect(withoutTimings(b)).toEqual(withoutTimings(a));
}

describe('reproducibility', () => {
  it('the number of workers does not change the results', async () => {
    const dataset = { name: 'sample', contentHash: null };
    const one = await runRecipe(smallCourse6(), sampleFrame(), { workers: 1, dataset });
    const two = await runRecipe(smallCourse6(), sampleFrame(), { workers: 2, dataset });
    expect(one.status).toBe('complete');
    expectSameResults(one, two);
  }, 180_000);
});

describe('RunQueue: re-run, titles, notes and tags', () => {
  let dir: string;
  let wb: Workbench;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'assay-rerun-'));
    wb = await Workbench.start({ home: join(dir, 'home'), resources: 'resources' });
  });
  afterEach(() => {
    wb.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A forest of two candidates on the sample: seconds, not minutes. */
  function quickForest(): Promise<number> {
    const r = smallCourse6();
    r.name = 'Claims';
    r.models = [{ ...r.models[0], grid: { max_depth: [4, 8], max_features: [0.6], max_samples: [0.7], n_estimators: [10] } }];
    return wb.write((db) => saveRecipe(db, null, r).id);
  }

  async function refusalOf(p: Promise<unknown>): Promise<ApiError> {
    try {
      await p;
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      return e as ApiError;
    }
    throw new Error('expected a refusal');
  }

  it('re-runs a run’s own recipe on the same data, with the same results, even after its recipe was edited', async () => {
    const queue = new RunQueue(wb, { workers: 2 });
    const recipeId = await quickForest();
    const first = await queue.start(recipeId);
    expect(first.title).toBe('Claims');
    expect(first.models).toEqual([{ modelId: 'rf', type: 'randomForest', candidates: 2 }]);
    await queue.idle();
    const done = queue.summary(first.id);
    expect(done.status).toBe('complete');
    expect(done.datasetHash).toMatch(/^[0-9a-f]{64}$/);
    expect(done.seconds).toBeGreaterThan(0);

    // The stored recipe changes after the run: the next start is titled by the change, the re-run keeps the old grid.
    await wb.write((db) => {
      const { recipe } = getRecipe(db, recipeId);
      recipe.models[0].grid.max_depth = [4, 8, null];
      saveRecipe(db, recipeId, recipe);
    });
    const again = await queue.rerun(first.id);
    expect(again).toMatchObject({ recipeId, datasetName: 'tiktok_claims_sample', title: `Claims · re-run of #${first.id}` });
    const edited = await queue.start(recipeId);
    expect(edited.title).toBe('Claims · grid max_depth 4,8 → 4,8,None');
    expect(edited.models[0].candidates).toBe(3);
    // Queued behind the re-run: its title was the point, not its results.
    await queue.cancel(edited.id);
    await queue.idle();

    expect(queue.summary(again.id).status).toBe('complete');
    expectSameResults(queue.record(first.id)!, queue.record(again.id)!);
    // The re-run's title follows its source's name.
    await queue.update(first.id, { title: 'Baseline' });
    const third = await queue.rerun(first.id);
    expect(third.title).toBe(`Baseline · re-run of #${first.id}`);
    await queue.cancel(third.id);
    await queue.idle();
  }, 180_000);

  it('finds the data by its content, and refuses when no dataset has it any more', async () => {
    const queue = new RunQueue(wb, { workers: 2 });
    const run = await queue.start(await quickForest());
    await queue.idle();
    const sample = listDatasets(wb.db)[0];
    await wb.write((db) => renameDataset(db, sample.id, 'videos'));
    const renamed = await queue.rerun(run.id);
    expect(renamed.datasetName).toBe('videos');
    await queue.cancel(renamed.id);
    await queue.idle();
    await wb.write((db) => deleteDataset(db, sample.id));
    const refused = await refusalOf(queue.rerun(run.id));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe(
      `Run ${run.id} ran on "tiktok_claims_sample" (content ${sample.contentHash.slice(0, 8)}…); no dataset of this project has that content any more. Import that file again to re-run it.`,
    );
  }, 180_000);

  /** A queue whose runs fail as they start: what is queued is the point, not results. */
  const failingQueue = () =>
    new RunQueue(wb, {
      workers: 1,
      prepare: () => Promise.reject(new Error('not in this test')),
    });

  it('re-runs a run that never finished on the data it was queued on, not on another file of the same name', async () => {
    const queue = failingQueue();
    const sample = listDatasets(wb.db)[0];
    const run = await queue.start(await quickForest());
    await queue.idle();
    const failed = queue.summary(run.id);
    expect(failed).toMatchObject({ status: 'failed', datasetHash: sample.contentHash });
    const again = await queue.rerun(run.id);
    expect(again).toMatchObject({ datasetName: 'tiktok_claims_sample', datasetHash: sample.contentHash, note: '' });
    await queue.idle();
    // The file is replaced by another under the same name: the run's data is gone, whatever the name says.
    await wb.write((db) => deleteDataset(db, sample.id));
    writeFileSync(join(dir, 'other.csv'), 'a,b\n1,2\n');
    const other = await wb.importFile({ path: join(dir, 'other.csv'), name: 'tiktok_claims_sample' });
    expect(other.name).toBe('tiktok_claims_sample');
    const refused = await refusalOf(queue.rerun(run.id));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe(
      `Run ${run.id} ran on "tiktok_claims_sample" (content ${sample.contentHash.slice(0, 8)}…); no dataset of this project has that content any more. Import that file again to re-run it.`,
    );
  });

  it('re-runs a run from before runs recorded their data on the dataset of its name, says so in its note, and only then', async () => {
    const queue = failingQueue();
    const recipeId = await quickForest();
    const { recipe } = getRecipe(wb.db, recipeId);
    const old = await wb.write((db) => {
      const s = insertRun(db, { recipeId, recipeName: recipe.name, datasetName: 'tiktok_claims_sample', datasetHash: 'unused', recipe });
      finishRun(db, s.id, { status: 'failed', progress: null, record: null, error: 'The app closed before the run finished.' });
      // As migration 4 leaves a run of schema 3 that kept no record.
      db.prepare('UPDATE runs SET dataset_hash = NULL WHERE id = ?').run(s.id);
      return s.id;
    });
    expect(queue.summary(old).datasetHash).toBeNull();
    const again = await queue.rerun(old);
    expect(again.datasetName).toBe('tiktok_claims_sample');
    expect(again.note).toBe(
      `Run #${old} did not record the content of its data, so this re-run uses the dataset named "tiktok_claims_sample" as it is now, which may not be the data #${old} ran on.`,
    );
    await queue.idle();
    await wb.write((db) => deleteDataset(db, listDatasets(db)[0].id));
    const refused = await refusalOf(queue.rerun(old));
    expect(refused.message).toBe(
      `Run ${old} ran on "tiktok_claims_sample", which is no longer in this project, and did not record the content of its data. Import that file again as "tiktok_claims_sample" to re-run it.`,
    );
    await expect(queue.rerun(999)).rejects.toThrow(/There is no run 999/);
  });

  it('a re-run belongs to its source’s recipe only while that recipe exists', async () => {
    const queue = failingQueue();
    const recipeId = await quickForest();
    const run = await queue.start(recipeId);
    await queue.idle();
    expect((await queue.rerun(run.id)).recipeId).toBe(recipeId);
    await queue.idle();
    // A project written before deleting a recipe let go of its runs: the id may name a recipe no longer there.
    await wb.write((db) => db.prepare('UPDATE runs SET recipe_id = 99 WHERE id = ?').run(run.id));
    expect((await queue.rerun(run.id)).recipeId).toBeNull();
    await queue.idle();
    await wb.write((db) => deleteRecipe(db, recipeId));
    // The next recipe saved gets the deleted one's id; the re-run must not pass for its run.
    const reused = await quickForest();
    expect(reused).toBe(recipeId);
    expect((await queue.rerun(run.id)).recipeId).toBeNull();
    await queue.idle();
  });

  it('titles a re-run by its source’s title and id, once, within the title limit', async () => {
    const queue = failingQueue();
    const first = await queue.start(await quickForest());
    const second = await queue.rerun(first.id);
    expect(second.title).toBe(`Claims · re-run of #${first.id}`);
    const third = await queue.rerun(second.id);
    expect(third.title).toBe(`Claims · re-run of #${second.id}`);
    await queue.update(third.id, { title: 'x'.repeat(200) });
    const fourth = await queue.rerun(third.id);
    expect(fourth.title).toBe(`${'x'.repeat(200 - ` · re-run of #${third.id}`.length - 1)}… · re-run of #${third.id}`);
    expect(fourth.title).toHaveLength(200);
    await queue.idle();
  });

  it('renames, notes and tags a run, and the list shows it', async () => {
    const queue = new RunQueue(wb, { workers: 1 });
    const recipeId = await quickForest();
    const { recipe } = getRecipe(wb.db, recipeId);
    const id = await wb.write((db) => insertRun(db, { recipeId, recipeName: recipe.name, datasetName: 'x', datasetHash: 'x', recipe }).id);
    const updated = await queue.update(id, { title: 'Quick grid', note: 'for the deck', tags: ['deck', 'Deck', ' quick '] });
    expect(updated).toMatchObject({ title: 'Quick grid', note: 'for the deck', tags: ['deck', 'quick'] });
    expect(queue.list().find((s) => s.id === id)).toMatchObject({ title: 'Quick grid', note: 'for the deck', tags: ['deck', 'quick'] });
    expect(await queue.update(id, { tags: [] })).toMatchObject({ title: 'Quick grid', note: 'for the deck', tags: [] });
    await expect(queue.update(999, { note: 'x' })).rejects.toThrow(/There is no run 999/);
  });
});
