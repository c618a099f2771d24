import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src-main/node/store/migrations';
import { openProjectFile } from '../../../src-main/node/store/projectFile';
import { compressModelFile, getRunModel, runModelSizes, saveRunModels } from '../../../src-main/node/store/runModels';
import { deleteRun, insertRun } from '../../../src-main/node/store/runs';

let dir: string;
let db: Database.Database | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-run-models-'));
});
afterEach(() => {
  db?.close();
  db = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 6 on a project written with schema 5', () => {
  it('adds the run_models table, keeps the runs, and files go with their run', async () => {
    const path = join(dir, 'old.assay');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    old.pragma(`application_id = ${0x41535359}`);
    for (const m of MIGRATIONS.filter((x) => x.version <= 5)) m.up(old);
    old.pragma('user_version = 5');
    const run = insertRun(old, { recipeId: null, recipeName: 'r', datasetName: 'd', datasetHash: 'h' });
    expect(old.prepare("SELECT name FROM sqlite_master WHERE name = 'run_models'").get()).toBeUndefined();
    old.close();

    db = openProjectFile(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect((db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number }).n).toBe(1);
    expect(getRunModel(db, run.id, 'rf')).toBeNull();

    const text = JSON.stringify({ format: 'assay-model', trees: Array.from({ length: 200 }, (_, i) => ({ node: i, value: [0.25, 0.75] })) });
    saveRunModels(db, run.id, [await compressModelFile('rf', text), await compressModelFile('xgb', '{}')]);
    expect(getRunModel(db, run.id, 'rf')).toBe(text);
    const sizes = runModelSizes(db, run.id);
    expect(sizes.map((s) => [s.modelId, s.bytes])).toEqual([
      ['rf', Buffer.byteLength(text)],
      ['xgb', 2],
    ]);
    expect(sizes[0].stored).toBeLessThan(sizes[0].bytes / 5);

    deleteRun(db, run.id);
    expect(runModelSizes(db, run.id)).toEqual([]);
  });
});
