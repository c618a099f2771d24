import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import type { Report } from '../../../src-main/core/report/schema';
import { MIGRATIONS } from '../../../src-main/node/store/migrations';
import { createProjectFile, openProjectFile } from '../../../src-main/node/store/projectFile';
import { deleteReport, getReport, lastEditedReportId, listReports, runsWithoutResults, saveReport } from '../../../src-main/node/store/reports';

let dir: string;
let db: Database.Database | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-reports-'));
});
afterEach(() => {
  db?.close();
  db = null;
  rmSync(dir, { recursive: true, force: true });
});

function newProject(): Database.Database {
  const path = join(dir, 'p.assay');
  createProjectFile(path);
  return openProjectFile(path);
}

const report = (name: string, extra: Partial<Report> = {}): Report => ({
  version: 1,
  name,
  slides: [
    { id: 'a1', title: 'Claims', caption: '', notes: '', body: { kind: 'title', subtitle: 'sample · 19,084 rows' }, runIds: [] },
    {
      id: 'b2',
      title: 'ROC',
      caption: 'Test rows',
      notes: 'AUC 0.99',
      body: { kind: 'chart', source: { type: 'run', id: 3, modelId: 'rf', chart: { kind: 'roc', set: 'test', threshold: null } } },
      runIds: [3],
    },
    {
      id: 'c3',
      title: 'Confusion',
      caption: '',
      notes: '',
      body: { kind: 'table', table: { header: ['', 'opinion', 'claim'], rows: [['opinion', '1,880', '9']], numeric: [false, true, true], fills: [[null, '#08306b', '#f7fbff']] } },
      runIds: [3, 4],
    },
  ],
  ...extra,
});

const insertRunRow = (d: Database.Database, record: boolean) =>
  Number(
    d
      .prepare("INSERT INTO runs (recipe_id, recipe_name, dataset_name, status, created_at, record_json) VALUES (NULL, 'r', 'd', ?, '2024-01-01T00:00:00Z', ?)")
      .run(record ? 'complete' : 'failed', record ? '{}' : null).lastInsertRowid,
  );

describe('reports in the project file', () => {
  it('round trip: saved, listed newest first, read back equal, replaced, deleted', () => {
    db = newProject();
    const a = saveReport(db, null, report('Course 6'));
    const b = saveReport(db, null, report('Course 6'));
    expect(b.id).not.toBe(a.id);
    // Names need not be unique.
    expect(listReports(db).map((r) => [r.id, r.report.name])).toEqual([
      [b.id, 'Course 6'],
      [a.id, 'Course 6'],
    ]);
    expect(getReport(db, a.id).report).toEqual(report('Course 6'));

    const renamed = saveReport(db, a.id, { ...report('Leadership deck'), slides: report('x').slides.slice(1) });
    expect(renamed.report.name).toBe('Leadership deck');
    expect(renamed.report.slides.map((s) => s.id)).toEqual(['b2', 'c3']);
    expect(renamed.createdAt).toBe(a.createdAt);
    expect(renamed.updatedAt >= a.updatedAt).toBe(true);
    expect(lastEditedReportId(db)).toBe(a.id);

    deleteReport(db, a.id);
    expect(listReports(db).map((r) => r.id)).toEqual([b.id]);
    expect(() => getReport(db!, a.id)).toThrow(/There is no report/);
    expect(() => deleteReport(db!, a.id)).toThrow(ApiError);
    expect(() => saveReport(db!, a.id, report('gone'))).toThrow(/There is no report/);
  });

  it('survives closing and opening the project', () => {
    const path = join(dir, 'p.assay');
    createProjectFile(path);
    const first = openProjectFile(path);
    const { id } = saveReport(first, null, report('Kept'));
    first.close();
    db = openProjectFile(path);
    expect(getReport(db, id).report).toEqual(report('Kept'));
  });

  it('refuses a report the schema refuses, storing nothing', () => {
    db = newProject();
    expect(() => saveReport(db!, null, { ...report('Bad'), name: '   ' })).toThrow();
    expect(() => saveReport(db!, null, { ...report('Bad'), slides: [{ ...report('x').slides[0], runIds: [0] }] })).toThrow();
    expect(listReports(db)).toEqual([]);
    expect(lastEditedReportId(db)).toBeNull();
  });

  it('a stored report that no longer reads says which report and where', () => {
    db = newProject();
    const { id } = saveReport(db, null, report('Old'));
    db.prepare('UPDATE reports SET json = ? WHERE id = ?').run(JSON.stringify({ ...report('Old'), version: 99 }), id);
    expect(() => getReport(db!, id)).toThrow(new RegExp(`Report ${id} \\("Old"\\) cannot be read: version`));
  });

  it('names the runs that are gone or have no results', () => {
    db = newProject();
    const done = insertRunRow(db, true);
    const failed = insertRunRow(db, false);
    expect(runsWithoutResults(db, [done, 99, failed, 99, done])).toEqual([failed, 99].sort((x, y) => x - y));
    expect(runsWithoutResults(db, [])).toEqual([]);
  });
});

describe('migration 5 on a project written with schema 4', () => {
  it('adds the reports table and keeps what was there', () => {
    const path = join(dir, 'old.assay');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    old.pragma(`application_id = ${0x41535359}`);
    for (const m of MIGRATIONS.filter((x) => x.version <= 4)) m.up(old);
    old.pragma('user_version = 4');
    insertRunRow(old, true);
    expect(old.prepare("SELECT name FROM sqlite_master WHERE name = 'reports'").get()).toBeUndefined();
    old.close();

    db = openProjectFile(path);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect((db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number }).n).toBe(1);
    expect(listReports(db)).toEqual([]);
    const { id } = saveReport(db, null, report('New'));
    expect(getReport(db, id).report.name).toBe('New');
  });
});
