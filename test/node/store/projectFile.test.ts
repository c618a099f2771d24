import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/node/store/migrations';
import { createProjectFile, openProjectFile } from '../../../src-main/node/store/projectFile';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-projectfile-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** Opens `path`, expects a refusal, and checks the file and its folder are as they were. */
function expectRefusedUnchanged(path: string, message: RegExp): void {
  const before = sha256(path);
  let error: unknown = null;
  try {
    openProjectFile(path).close();
  } catch (e) {
    error = e;
  }
  expect(sha256(path)).toBe(before);
  expect((error as Error | null)?.message).toMatch(message);
  expect(existsSync(`${path}-wal`)).toBe(false);
  expect(existsSync(`${path}-shm`)).toBe(false);
}

describe('openProjectFile refuses what is not a project without changing a byte', () => {
  it('an empty file', () => {
    const p = join(dir, 'empty.assay');
    writeFileSync(p, '');
    expectRefusedUnchanged(p, /empty\.assay is an empty file \(0 bytes\), not an Assay project; it was left unchanged/);
  });

  it("another application's SQLite database (rollback journal, its own application id)", () => {
    const p = join(dir, 'other.db');
    const db = new Database(p);
    db.pragma('application_id = 1234');
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    expectRefusedUnchanged(p, /other\.db is not an Assay project: it is a SQLite database of another application \(application id 0x000004d2\); it was left unchanged/);
  });

  it('a SQLite database without an application id', () => {
    const p = join(dir, 'plain.sqlite');
    const db = new Database(p);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expectRefusedUnchanged(p, /plain\.sqlite is not an Assay project: it is a SQLite database without an application id; it was left unchanged/);
  });

  it('a text file', () => {
    const p = join(dir, 'notes.assay');
    writeFileSync(p, 'hello, not sqlite\n'.repeat(20));
    expectRefusedUnchanged(p, /notes\.assay is not an Assay project: it is not a SQLite database; it was left unchanged/);
  });

  it('a truncated SQLite header', () => {
    const p = join(dir, 'short.assay');
    writeFileSync(p, 'SQLite format 3\0abc');
    expectRefusedUnchanged(p, /short\.assay is a damaged SQLite file \(19 bytes, shorter than its 100-byte header\)/);
  });

  it('opens a project whose application id is still only in its WAL (a crash before the first checkpoint)', () => {
    const live = join(dir, 'live.assay');
    const db = new Database(live);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.pragma(`application_id = ${0x41535359}`);
    migrate(db, live);
    // Copy the file and its WAL while the connection is open: what a crash leaves behind.
    const p = join(dir, 'crashed.assay');
    copyFileSync(live, p);
    copyFileSync(`${live}-wal`, `${p}-wal`);
    db.close();
    expect(readFileSync(p).readUInt32BE(68)).toBe(0);
    const again = openProjectFile(p);
    expect(again.pragma('application_id', { simple: true })).toBe(0x41535359);
    expect(again.prepare('SELECT COUNT(*) FROM datasets').pluck().get()).toBe(0);
    again.close();
  });

  it("another application's WAL database whose changes are only in its -wal: no -shm is left behind", () => {
    const live = join(dir, 'live.db');
    const db = new Database(live);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('application_id = 1234');
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    // Copy the file and its WAL while the connection is open: the application id is only in the WAL.
    const p = join(dir, 'other.db');
    copyFileSync(live, p);
    copyFileSync(`${live}-wal`, `${p}-wal`);
    db.close();
    expect(readFileSync(p).readUInt32BE(68)).toBe(0);
    const wal = sha256(`${p}-wal`);
    const before = sha256(p);
    expect(() => openProjectFile(p)).toThrow(
      /other\.db is not an Assay project: it is a SQLite database of another application \(application id 0x000004d2\); it was left unchanged/,
    );
    expect(sha256(p)).toBe(before);
    expect(sha256(`${p}-wal`)).toBe(wal);
    expect(readdirSync(dir).sort()).toEqual(['live.db', 'other.db', 'other.db-wal']);
  });

  it('leaves a -shm that was there before it looked', () => {
    const live = join(dir, 'live.db');
    const db = new Database(live);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('application_id = 1234');
    db.exec('CREATE TABLE t (x)');
    const p = join(dir, 'other.db');
    copyFileSync(live, p);
    copyFileSync(`${live}-wal`, `${p}-wal`);
    copyFileSync(`${live}-shm`, `${p}-shm`);
    db.close();
    expect(() => openProjectFile(p)).toThrow(/application id 0x000004d2/);
    expect(existsSync(`${p}-shm`)).toBe(true);
  });

  it('opens a project it created', () => {
    const p = join(dir, 'p.assay');
    createProjectFile(p);
    const db = openProjectFile(p);
    expect(db.prepare('SELECT COUNT(*) FROM datasets').pluck().get()).toBe(0);
    db.close();
  });
});
