import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { MAX_REPORT_BYTES, type Report } from '../../../src-main/core/report/schema';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src-main/node/store/migrations';
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
    expect(listReports(db).map((r) => [r.id, r.name])).toEqual([
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

  it(`refuses a report past ${MAX_REPORT_BYTES / 2 ** 20} MB of JSON, naming its size and its largest slide, and keeps the one stored`, () => {
    db = newProject();
    /** A table slide of `rows` rows of 40 cells of 400 characters (about 16 KB a row). */
    const big = (id: string, rows: number, char = 'x'): Report['slides'][number] => ({
      id,
      title: `Table ${id}`,
      caption: '',
      notes: '',
      body: { kind: 'table', table: { header: Array.from({ length: 40 }, (_, i) => `c${i}`), rows: Array.from({ length: rows }, () => Array.from({ length: 40 }, () => char.repeat(400))), numeric: Array.from({ length: 40 }, () => false) } },
      runIds: [],
    });
    const stored = saveReport(db, null, report('Growing'));
    // Two 500-row tables and one of 300 rows: about 19 MB, the second slide the largest.
    const grown = { ...report('Growing'), slides: [big('t1', 300), big('t2', 500), ...report('x').slides, big('t3', 400)] };
    const refusal = (() => {
      try {
        saveReport(db!, stored.id, grown);
      } catch (e) {
        return e as ApiError;
      }
      throw new Error('expected the save to be refused');
    })();
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal.code).toBe('bad-input');
    expect(refusal.message).toMatch(/^The report “Growing” would be 1\d MB; a report holds at most 16 MB — remove or shrink a slide \(the largest is slide 2, “Table t2”, a 500×40 table of 7\.\d MB\)\.$/);
    expect(getReport(db, stored.id).report).toEqual(report('Growing'));
    // A new report, and texts of characters that take more than one byte: counted in UTF-8, as stored.
    // 2 bytes a character in the first table, 3 in the second: 15 MB and 4.6 MB, though 8 and 1.6 million characters.
    expect(() => saveReport(db!, null, { ...report('Wide'), slides: [big('w1', 500, 'é'), big('w2', 100, '€')] })).toThrow(
      'The report “Wide” would be 20 MB; a report holds at most 16 MB — remove or shrink a slide (the largest is slide 1, “Table w1”, a 500×40 table of 15 MB).',
    );
    expect(listReports(db).map((r) => r.name)).toEqual(['Growing']);
    // Just under the bound is stored.
    const under = { ...report('Under'), slides: [big('u1', 500), big('u2', 500)] };
    expect(JSON.stringify(under).length).toBeLessThan(MAX_REPORT_BYTES);
    expect(saveReport(db, null, under).report.slides).toHaveLength(2);
  });

  it('lists summaries only: id, name, slide count, times, not the slides', () => {
    db = newProject();
    const a = saveReport(db, null, report('Course 6'));
    expect(listReports(db)).toEqual([{ id: a.id, name: 'Course 6', slides: 3, createdAt: a.createdAt, updatedAt: a.updatedAt, damaged: null }]);
  });

  it('a damaged report is listed with the reason, refused when read, skipped as the last edited, and can be deleted', () => {
    db = newProject();
    const good = saveReport(db, null, report('Good'));
    const newer = saveReport(db, null, report('Newer version'));
    const torn = saveReport(db, null, report('Torn'));
    const damage = db.prepare('UPDATE reports SET json = ?, updated_at = ? WHERE id = ?');
    damage.run(JSON.stringify({ ...report('Newer version'), version: 99 }), '2999-01-01T00:00:00.000Z', newer.id);
    damage.run('{"version": 1, "name": "Torn", "slides": [', '2999-01-02T00:00:00.000Z', torn.id);

    const listed = listReports(db);
    expect(listed.map((r) => [r.id, r.name, r.slides])).toEqual([
      [torn.id, 'Torn', 0],
      [newer.id, 'Newer version', 0],
      [good.id, 'Good', 3],
    ]);
    expect(listed[0].damaged).toMatch(/^its content is not valid JSON \(.+\)$/);
    expect(listed[1].damaged).toBe('version: 99 is not a report version this Assay reads (1)');
    expect(listed[2].damaged).toBeNull();

    expect(() => getReport(db!, newer.id)).toThrow(
      new RegExp(`^Report ${newer.id} \\(“Newer version”\\) is damaged in this project file and cannot be opened or exported: version: .+\\. Delete it`),
    );
    expect(() => getReport(db!, torn.id)).toThrow(/is damaged in this project file and cannot be opened or exported: its content is not valid JSON/);
    // Both damaged reports were edited after the good one: "Add to report" goes to the good one.
    expect(lastEditedReportId(db)).toBe(good.id);

    deleteReport(db, torn.id);
    deleteReport(db, newer.id);
    expect(listReports(db).map((r) => r.id)).toEqual([good.id]);
  });

  it('a fault deep in a slide: listed as it is (the list reads no slides), refused when opened naming the field, skipped as the last edited', () => {
    db = newProject();
    const good = saveReport(db, null, report('Good'));
    const deep = saveReport(db, null, report('Deep'));
    const content = report('Deep');
    (content.slides[2].body as { table: { numeric: unknown } }).table.numeric = 'yes';
    db.prepare('UPDATE reports SET json = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(content), '2999-01-01T00:00:00.000Z', deep.id);
    expect(listReports(db).find((r) => r.id === deep.id)).toMatchObject({ name: 'Deep', slides: 3, damaged: null });
    expect(() => getReport(db!, deep.id)).toThrow(/^Report \d+ \(“Deep”\) is damaged in this project file and cannot be opened or exported: slides\.2\.body\.table\.numeric: /);
    expect(lastEditedReportId(db)).toBe(good.id);
  });

  it('the list names every frame fault: not an object, no slides, another version', () => {
    db = newProject();
    const ids = ['[1, 2]', '{"version": 1, "name": "x"}', '{"version": "1", "name": "x", "slides": []}'].map((json) => {
      const { id } = saveReport(db!, null, report('Frame'));
      db!.prepare('UPDATE reports SET json = ? WHERE id = ?').run(json, id);
      return id;
    });
    const damage = new Map(listReports(db).map((r) => [r.id, r.damaged]));
    expect(ids.map((id) => damage.get(id))).toEqual([
      'its content is not a JSON object',
      'slides: not a list of slides',
      'version: "1" is not a report version this Assay reads (1)',
    ]);
  });

  it('a report whose name or content column is not text is damaged, not a crash', () => {
    db = newProject();
    const { id } = saveReport(db, null, report('Blob'));
    db.prepare('UPDATE reports SET name = ?, json = ? WHERE id = ?').run(Buffer.from('Blob name'), Buffer.from('{}'), id);
    expect(listReports(db)).toMatchObject([{ id, name: 'Blob name', slides: 0, damaged: 'its content is not text' }]);
    expect(lastEditedReportId(db)).toBeNull();
  });

  it('lone surrogates in the name and texts are stored as U+FFFD: the name column is valid UTF-8', () => {
    db = newProject();
    const broken = report('Claims \ud83d review');
    broken.slides[0].title = 'Title \udc00';
    broken.slides[0].caption = 'ends \ud800';
    broken.slides[0].notes = 'a pair 😀 stays';
    const { id, report: stored } = saveReport(db, null, broken);
    expect(stored.name).toBe('Claims \ufffd review');
    expect(stored.slides[0]).toMatchObject({ title: 'Title \ufffd', caption: 'ends \ufffd', notes: 'a pair 😀 stays' });
    const row = db.prepare('SELECT CAST(name AS BLOB) AS name, CAST(json AS BLOB) AS json FROM reports WHERE id = ?').get(id) as { name: Buffer; json: Buffer };
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    expect(utf8.decode(row.name)).toBe('Claims \ufffd review');
    expect(utf8.decode(row.json)).not.toMatch(/\\ud[89a-f]/i);
    expect(getReport(db, id).report).toEqual(stored);
    expect(listReports(db)[0].name).toBe('Claims \ufffd review');
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
    // Every later migration runs too: the file ends at the newest schema, not just past 5.
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect((db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number }).n).toBe(1);
    expect(listReports(db)).toEqual([]);
    const { id } = saveReport(db, null, report('New'));
    expect(getReport(db, id).report.name).toBe('New');
  });
});
