import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRecipe, type Recipe } from '../../../src-main/core/recipe/schema';
import { MIGRATIONS } from '../../../src-main/node/store/migrations';
import { createProjectFile, openProjectFile } from '../../../src-main/node/store/projectFile';
import { deleteRecipe, saveRecipe } from '../../../src-main/node/store/recipes';
import { finishRun, getRunRecipe, getRunSummary, insertRun, listRuns, updateRun } from '../../../src-main/node/store/runs';

let dir: string;
let db: Database.Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-run-annotations-'));
});
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const HASH = 'c569170fee95d060b04672238feadf672ab2c559008f8b039c2f757fb8412125';

function course6(edit: (r: Recipe) => void = () => {}): Recipe {
  const r = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
  r.name = 'Claims';
  edit(r);
  return r;
}

/** Enough of a finished run's record for the store: the recipe copy, the data's hash, the time. */
const recordOf = (recipe: Recipe, seconds: number) => ({
  recipeName: recipe.name,
  recipe,
  dataset: { name: 'claims', rows: 10, contentHash: HASH, expectedHash: null },
  rows: { train: 6, validation: 2, test: 2 },
  models: [],
  champion: null,
  seconds: { prepare: 1, search: seconds - 1, total: seconds },
  status: 'complete',
});

function newProject(): Database.Database {
  const path = join(dir, 'p.assay');
  createProjectFile(path);
  return openProjectFile(path);
}

/** A project file as Assay wrote it at schema 3, with what `fill` puts in it. */
function schema3Project(fill: (old: Database.Database) => void): string {
  const path = join(dir, 'old.assay');
  const old = new Database(path);
  old.pragma('journal_mode = WAL');
  old.pragma(`application_id = ${0x41535359}`);
  for (const m of MIGRATIONS.filter((x) => x.version <= 3)) m.up(old);
  old.pragma('user_version = 3');
  fill(old);
  old.close();
  return path;
}

const insertOldRun = (old: Database.Database, recipeId: number, name: string, status: string, createdAt: string, record: unknown) =>
  old
    .prepare('INSERT INTO runs (recipe_id, recipe_name, dataset_name, status, created_at, finished_at, record_json, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(recipeId, name, 'claims', status, createdAt, createdAt, record === null ? null : JSON.stringify(record), status === 'failed' ? 'boom' : null);

const insertOldRecipe = (old: Database.Database, id: number, recipe: Recipe, createdAt: string) =>
  old.prepare('INSERT INTO recipes (id, name, json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, recipe.name, JSON.stringify(recipe), createdAt, createdAt);

describe('migration 4 on a project written with schema 3', () => {
  it('adds titles, notes and tags, and fills the recipe copy, data hash and time of finished runs from their records', () => {
    const path = schema3Project((old) => {
      insertOldRecipe(old, 1, course6(), '2023-12-31T00:00:00Z');
      insertOldRun(old, 1, 'Claims', 'complete', '2024-01-01T00:00:00Z', recordOf(course6(), 72.5));
      insertOldRun(old, 1, 'Claims', 'failed', '2024-01-02T00:00:00Z', null);
    });

    db = openProjectFile(path);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    const [failed, done] = listRuns(db);
    expect(done).toMatchObject({ recipeId: 1, title: 'Claims', note: '', tags: [], datasetHash: HASH, seconds: 72.5 });
    expect(done.models).toEqual([
      { modelId: 'rf', type: 'randomForest', candidates: 72 },
      { modelId: 'xgb', type: 'gradientBoosting', candidates: 24 },
    ]);
    expect(getRunRecipe(db, done.id)).toEqual(course6());
    // A run that never finished kept no record: nothing to fill but its default title.
    expect(failed).toMatchObject({ title: 'Claims', note: '', tags: [], datasetHash: null, seconds: null, models: [] });
    expect(getRunRecipe(db, failed.id)).toBeNull();
    // The next run of the recipe is titled against the migrated one.
    const next = insertRun(db, { datasetHash: HASH, recipeId: 1, recipeName: 'Claims', datasetName: 'claims', recipe: course6((r) => (r.cv.folds = 10)) });
    expect(next.title).toBe('Claims · folds 5 → 10');
  });

  it('titles old runs as new ones are, each against the run of its recipe before it', () => {
    const tenFolds = course6((r) => (r.cv.folds = 10));
    const path = schema3Project((old) => {
      insertOldRecipe(old, 1, course6(), '2023-12-31T00:00:00Z');
      insertOldRun(old, 1, 'Claims', 'complete', '2024-01-01T00:00:00Z', recordOf(course6(), 10));
      insertOldRun(old, 1, 'Claims', 'failed', '2024-01-02T00:00:00Z', null);
      insertOldRun(old, 1, 'Claims', 'complete', '2024-01-03T00:00:00Z', recordOf(tenFolds, 10));
      // A recipe copy this Assay no longer reads: the run keeps the recipe name and is not titled against.
      insertOldRun(old, 1, 'Claims', 'complete', '2024-01-04T00:00:00Z', { ...recordOf(tenFolds, 10), recipe: { name: 'Claims' } });
      insertOldRun(old, 1, 'Claims', 'complete', '2024-01-05T00:00:00Z', recordOf(tenFolds, 10));
    });
    db = openProjectFile(path);
    expect(listRuns(db).map((r) => r.title).reverse()).toEqual(['Claims', 'Claims', 'Claims · folds 5 → 10', 'Claims', 'Claims · re-run of #3']);
  });

  it('lets go of recipes that were deleted, even when their id was given to a later recipe', () => {
    const path = schema3Project((old) => {
      insertOldRecipe(old, 1, course6(), '2023-12-31T00:00:00Z');
      insertOldRun(old, 1, 'Claims', 'complete', '2024-01-01T00:00:00Z', recordOf(course6(), 10));
      // Recipe 2 "Gone" ran, was deleted, and its id went to "Reused", made later.
      insertOldRun(old, 2, 'Gone', 'complete', '2024-01-02T00:00:00Z', recordOf(course6((r) => (r.name = 'Gone')), 10));
      insertOldRecipe(old, 2, course6((r) => (r.name = 'Reused')), '2024-02-01T00:00:00Z');
      insertOldRun(old, 3, 'Lost', 'complete', '2024-02-02T00:00:00Z', recordOf(course6((r) => (r.name = 'Lost')), 10));
      insertOldRun(old, 2, 'Reused', 'complete', '2024-02-03T00:00:00Z', recordOf(course6((r) => (r.name = 'Reused')), 10));
    });
    db = openProjectFile(path);
    const runs = listRuns(db).reverse();
    expect(runs.map((r) => [r.recipeName, r.recipeId])).toEqual([
      ['Claims', 1],
      ['Gone', null],
      ['Lost', null],
      ['Reused', 2],
    ]);
    // "Reused" is not titled against the deleted recipe's run.
    expect(runs[3].title).toBe('Reused');
  });
});

describe('run titles, notes and tags in the store', () => {
  it('titles a run by what changed since the previous run of the same recipe', () => {
    db = newProject();
    const first = insertRun(db, { datasetHash: HASH, recipeId: 1, recipeName: 'Claims', datasetName: 'claims', recipe: course6() });
    expect(first.title).toBe('Claims');
    expect(first.models.map((m) => m.candidates)).toEqual([72, 24]);
    const wider = course6((r) => (r.models[0].grid.max_depth = [5, 7]));
    const second = insertRun(db, { datasetHash: HASH, recipeId: 1, recipeName: 'Claims', datasetName: 'claims', recipe: wider });
    expect(second.title).toBe('Claims · rf grid max_depth 5,7,None → 5,7');
    const third = insertRun(db, { datasetHash: HASH, recipeId: 1, recipeName: 'Claims', datasetName: 'videos', recipe: wider });
    expect(third.title).toBe('Claims · dataset videos');
    expect(insertRun(db, { datasetHash: HASH, recipeId: 1, recipeName: 'Claims', datasetName: 'videos', recipe: wider }).title).toBe(`Claims · re-run of #${third.id}`);
    // Another recipe that exists is its own work, even under the same name (it may have been renamed since).
    expect(insertRun(db, { datasetHash: HASH, recipeId: 9, recipeName: 'Claims', datasetName: 'videos', recipe: wider }).title).toBe('Claims');
    // A recipe made again under a deleted one's name carries on the deleted one's runs (recipe_id NULL); another name does not.
    db.prepare('UPDATE runs SET recipe_id = NULL WHERE recipe_id = 1').run();
    const orphan = (db.prepare('SELECT max(id) AS id FROM runs WHERE recipe_id IS NULL').get() as { id: number }).id;
    expect(insertRun(db, { datasetHash: HASH, recipeId: 10, recipeName: 'Claims', datasetName: 'videos', recipe: wider }).title).toBe(`Claims · re-run of #${orphan}`);
    const renamed = course6((r) => (r.name = 'Other'));
    expect(insertRun(db, { datasetHash: HASH, recipeId: 2, recipeName: 'Other', datasetName: 'claims', recipe: renamed }).title).toBe('Other');
    // A re-run names its source instead.
    expect(insertRun(db, { datasetHash: HASH, recipeId: 1, recipeName: 'Claims', datasetName: 'claims', recipe: wider, defaultTitle: 'Claims · re-run of #1' }).title).toBe('Claims · re-run of #1');
  });

  it('keeps the data hash from when a run is queued, through an end without a record, and the time of a finished run', () => {
    db = newProject();
    const s = insertRun(db, { datasetHash: HASH, recipeId: 1, recipeName: 'Claims', datasetName: 'claims', recipe: course6() });
    expect(s).toMatchObject({ datasetHash: HASH, seconds: null });
    const cancelled = finishRun(db, s.id, { status: 'cancelled', progress: null, record: null, error: 'Cancelled before it started.' });
    expect(cancelled).toMatchObject({ datasetHash: HASH, seconds: null });
    const t = insertRun(db, { datasetHash: HASH, recipeId: 1, recipeName: 'Claims', datasetName: 'claims', recipe: course6() });
    const done = finishRun(db, t.id, { status: 'complete', progress: null, record: recordOf(course6(), 12) as never, error: null });
    expect(done).toMatchObject({ datasetHash: HASH, seconds: 12 });
  });

  it('does not title a recipe’s runs against a deleted recipe whose id it was given', () => {
    db = newProject();
    saveRecipe(db, null, course6());
    const wide = saveRecipe(db, null, course6((r) => (r.name = 'Wide')));
    const old = insertRun(db, { datasetHash: HASH, recipeId: wide.id, recipeName: 'Wide', datasetName: 'claims', recipe: wide.recipe });
    deleteRecipe(db, wide.id);
    expect(getRunSummary(db, old.id).recipeId).toBeNull();
    // SQLite gives the next recipe the largest id again.
    const other = saveRecipe(db, null, course6((r) => (r.name = 'Other')));
    expect(other.id).toBe(wide.id);
    expect(insertRun(db, { datasetHash: HASH, recipeId: other.id, recipeName: 'Other', datasetName: 'claims', recipe: other.recipe }).title).toBe('Other');
  });

  it('renames, notes and tags a run; a title equal to the default is no name at all', () => {
    db = newProject();
    const s = insertRun(db, { datasetHash: HASH, recipeId: 1, recipeName: 'Claims', datasetName: 'claims', recipe: course6() });
    const named = updateRun(db, s.id, { title: '  Quick grid  ' });
    expect(named).toMatchObject({ title: 'Quick grid', note: '', tags: [] });
    const noted = updateRun(db, s.id, { note: 'the one for the deck', tags: [' deck ', 'Quick', 'DECK', '', 'quick', 'final'] });
    expect(noted).toMatchObject({ title: 'Quick grid', note: 'the one for the deck', tags: ['deck', 'Quick', 'final'] });
    const titleRow = () => (db.prepare('SELECT title FROM runs WHERE id = ?').get(s.id) as { title: string | null }).title;
    expect(titleRow()).toBe('Quick grid');
    expect(updateRun(db, s.id, { title: 'Claims' }).title).toBe('Claims');
    expect(titleRow()).toBeNull();
    expect(updateRun(db, s.id, { title: '' }).title).toBe('Claims');
    // Fields not given stay as they were.
    expect(getRunSummary(db, s.id)).toMatchObject({ note: 'the one for the deck', tags: ['deck', 'Quick', 'final'] });
    expect(() => updateRun(db, 999, { note: 'x' })).toThrow(/There is no run 999/);
  });

  it('lists runs without reading their records', () => {
    db = newProject();
    const s = insertRun(db, { datasetHash: HASH, recipeId: 1, recipeName: 'Claims', datasetName: 'claims', recipe: course6() });
    // A record the list would choke on if it parsed it.
    db.prepare("UPDATE runs SET record_json = '{not json' WHERE id = ?").run(s.id);
    expect(listRuns(db).map((r) => r.title)).toEqual(['Claims']);
  });
});
