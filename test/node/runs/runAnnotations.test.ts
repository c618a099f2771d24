import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRecipe, type Recipe } from '../../../src-main/core/recipe/schema';
import { MIGRATIONS } from '../../../src-main/node/store/migrations';
import { createProjectFile, openProjectFile } from '../../../src-main/node/store/projectFile';
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

describe('migration 4 on a project written with schema 3', () => {
  it('adds titles, notes and tags, and fills the recipe copy, data hash and time of finished runs from their records', () => {
    const path = join(dir, 'old.assay');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    old.pragma(`application_id = ${0x41535359}`);
    for (const m of MIGRATIONS.filter((x) => x.version <= 3)) m.up(old);
    old.pragma('user_version = 3');
    const insert = old.prepare(
      'INSERT INTO runs (recipe_id, recipe_name, dataset_name, status, created_at, finished_at, record_json, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run(1, 'Claims', 'claims', 'complete', '2024-01-01T00:00:00Z', '2024-01-01T00:01:12Z', JSON.stringify(recordOf(course6(), 72.5)), null);
    insert.run(1, 'Claims', 'claims', 'failed', '2024-01-02T00:00:00Z', '2024-01-02T00:00:01Z', null, 'boom');
    old.close();

    db = openProjectFile(path);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    const [failed, done] = listRuns(db);
    expect(done).toMatchObject({ title: 'Claims', note: '', tags: [], datasetHash: HASH, seconds: 72.5 });
    expect(done.models).toEqual([
      { modelId: 'rf', type: 'randomForest', candidates: 72 },
      { modelId: 'xgb', type: 'gradientBoosting', candidates: 24 },
    ]);
    expect(getRunRecipe(db, done.id)).toEqual(course6());
    // A run that never finished kept no record: nothing to fill but its default title.
    expect(failed).toMatchObject({ title: 'Claims', note: '', tags: [], datasetHash: null, seconds: null, models: [] });
    expect(getRunRecipe(db, failed.id)).toBeNull();
    // The next run of the recipe is titled against the migrated one.
    const next = insertRun(db, { recipeId: 1, recipeName: 'Claims', datasetName: 'claims', recipe: course6((r) => (r.cv.folds = 10)) });
    expect(next.title).toBe('Claims · folds 5 → 10');
  });
});

describe('run titles, notes and tags in the store', () => {
  it('titles a run by what changed since the previous run of the same recipe', () => {
    db = newProject();
    const first = insertRun(db, { recipeId: 1, recipeName: 'Claims', datasetName: 'claims', recipe: course6() });
    expect(first.title).toBe('Claims');
    expect(first.models.map((m) => m.candidates)).toEqual([72, 24]);
    const wider = course6((r) => (r.models[0].grid.max_depth = [5, 7]));
    const second = insertRun(db, { recipeId: 1, recipeName: 'Claims', datasetName: 'claims', recipe: wider });
    expect(second.title).toBe('Claims · rf grid max_depth 5,7,None → 5,7');
    const third = insertRun(db, { recipeId: 1, recipeName: 'Claims', datasetName: 'videos', recipe: wider });
    expect(third.title).toBe('Claims · dataset videos');
    expect(insertRun(db, { recipeId: 1, recipeName: 'Claims', datasetName: 'videos', recipe: wider }).title).toBe(`Claims · re-run of #${third.id}`);
    // Another recipe id under the same name (deleted and made again) is the same work; another name is not.
    expect(insertRun(db, { recipeId: 9, recipeName: 'Claims', datasetName: 'videos', recipe: wider }).title).toMatch(/^Claims · re-run of #\d+$/);
    const renamed = course6((r) => (r.name = 'Other'));
    expect(insertRun(db, { recipeId: 2, recipeName: 'Other', datasetName: 'claims', recipe: renamed }).title).toBe('Other');
    // A re-run names its source instead.
    expect(insertRun(db, { recipeId: 1, recipeName: 'Claims', datasetName: 'claims', recipe: wider, defaultTitle: 'Claims · re-run of #1' }).title).toBe('Claims · re-run of #1');
  });

  it('keeps the data hash and time of a finished run', () => {
    db = newProject();
    const s = insertRun(db, { recipeId: 1, recipeName: 'Claims', datasetName: 'claims', recipe: course6() });
    expect(s).toMatchObject({ datasetHash: null, seconds: null });
    const done = finishRun(db, s.id, { status: 'complete', progress: null, record: recordOf(course6(), 12) as never, error: null });
    expect(done).toMatchObject({ datasetHash: HASH, seconds: 12 });
  });

  it('renames, notes and tags a run; a title equal to the default is no name at all', () => {
    db = newProject();
    const s = insertRun(db, { recipeId: 1, recipeName: 'Claims', datasetName: 'claims', recipe: course6() });
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
    const s = insertRun(db, { recipeId: 1, recipeName: 'Claims', datasetName: 'claims', recipe: course6() });
    // A record the list would choke on if it parsed it.
    db.prepare("UPDATE runs SET record_json = '{not json' WHERE id = ?").run(s.id);
    expect(listRuns(db).map((r) => r.title)).toEqual(['Claims']);
  });
});
