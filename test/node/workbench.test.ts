import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src-main/core/api/errors';
import { Workbench } from '../../src-main/node/app/workbench';
import { listDatasets } from '../../src-main/node/store/datasets';
import { SCHEMA_VERSION } from '../../src-main/node/store/projectFile';

let dir: string;
const home = () => join(dir, 'home');
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-wb-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('Workbench', () => {
  it('opens the sample project with the sample dataset on first launch, and reopens it next time', async () => {
    const wb = await Workbench.start({ home: home(), resources: 'resources' });
    const [sample] = listDatasets(wb.db);
    expect(sample.rows).toBe(19382);
    expect(sample.columns).toHaveLength(12);
    const path = wb.info()!.path;
    wb.close();
    const again = await Workbench.start({ home: home(), resources: 'resources' });
    expect(again.info()!.path).toBe(path);
    expect(listDatasets(again.db)).toHaveLength(1);
    again.close();
  });

  it('creates, opens and saves projects as, keeping a recent list', async () => {
    const wb = await Workbench.start({ home: home(), resources: 'resources', empty: true });
    const a = wb.create(join(dir, 'a'));
    expect(a.path).toBe(join(dir, 'a.assay'));
    expect(a.schemaVersion).toBe(SCHEMA_VERSION);
    writeFileSync(join(dir, 'x.csv'), 'v\n1\n2\n');
    await wb.importFile({ path: join(dir, 'x.csv') });
    const b = await wb.saveAs(join(dir, 'b.assay'));
    expect(b.name).toBe('b');
    expect(listDatasets(wb.db)).toHaveLength(1);
    await wb.importFile({ path: join(dir, 'x.csv') });
    wb.open(join(dir, 'a.assay'));
    // Changes after "save as" went to the new file only.
    expect(listDatasets(wb.db)).toHaveLength(1);
    expect(wb.recentProjects().map((r) => r.name)).toEqual(['a', 'b']);
    wb.close();
  });

  it('refuses to overwrite, to open a non-project, and keeps the current project open', async () => {
    const wb = await Workbench.start({ home: home(), resources: 'resources', empty: true });
    wb.create(join(dir, 'p.assay'));
    expect(() => wb.create(join(dir, 'p.assay'))).toThrow(/already exists/);
    writeFileSync(join(dir, 'notes.assay'), 'hello, not sqlite');
    expect(() => wb.open(join(dir, 'notes.assay'))).toThrow(ApiError);
    const other = new Database(join(dir, 'other.db'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(() => wb.open(join(dir, 'other.db'))).toThrow(/not an Assay project/);
    expect(wb.info()!.name).toBe('p');
    expect(() => wb.open(join(dir, 'missing.assay'))).toThrow(/does not exist/);
    wb.close();
  });

  it('refuses a project written by a newer Assay', async () => {
    const wb = await Workbench.start({ home: home(), resources: 'resources', empty: true });
    const p = wb.create(join(dir, 'new.assay')).path;
    wb.close();
    const db = new Database(p);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const wb2 = await Workbench.start({ home: home(), resources: 'resources', empty: true });
    expect(() => wb2.open(p)).toThrow(/newer Assay/);
    expect(existsSync(p)).toBe(true);
  });

  it('serialises writes behind a running import', async () => {
    const wb = await Workbench.start({ home: home(), resources: 'resources', empty: true });
    wb.create(join(dir, 'w.assay'));
    const rows = ['n'];
    for (let i = 0; i < 50000; i++) rows.push(String(i));
    writeFileSync(join(dir, 'n.csv'), rows.join('\n'));
    const importing = wb.importFile({ path: join(dir, 'n.csv'), chunkSize: 8192 });
    const listed = wb.write((db) => listDatasets(db).length);
    await importing;
    expect(await listed).toBe(1);
    wb.close();
  });
});
