import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../../src-main/core/data/columns';
import { Workbench } from '../../../src-main/node/app/workbench';
import { listDatasets } from '../../../src-main/node/store/datasets';
import { bigCsv } from '../helpers';

let dir: string;
let wb: Workbench;
let csv: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-switch-'));
  wb = await Workbench.start({ home: join(dir, 'home'), resources: 'resources', empty: true });
  csv = join(dir, 'big.csv');
  writeFileSync(csv, bigCsv(200_000));
});
afterEach(async () => {
  await wb.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts a slow import (small reads) and resolves once it is part-way through, with its outcome. */
async function importUnderWay(): Promise<{ outcome: Promise<DatasetInfo | Error> }> {
  let started!: () => void;
  const partWay = new Promise<void>((r) => (started = r));
  const outcome = wb
    .importFile({ path: csv, chunkSize: 16384, onProgress: (p) => p.done > 1_000_000 && started() })
    .then(
      (info) => info,
      (e: unknown) => e as Error,
    );
  await Promise.race([partWay, outcome]);
  // Wrapped: an async function returning a promise would wait for it.
  return { outcome };
}

/** The project at `path` as a fresh connection sees it: its datasets, and whether SQLite finds it sound. */
async function reopen(path: string) {
  const other = await Workbench.start({ home: join(dir, 'home2'), resources: 'resources', empty: true });
  other.open(path);
  const state = {
    datasets: listDatasets(other.db).map((d) => ({ name: d.name, rows: d.rows })),
    queued: other.db.prepare("SELECT value FROM project_meta WHERE key = 'queued'").pluck().get() ?? null,
    integrity: other.db.pragma('integrity_check', { simple: true }),
  };
  await other.close();
  return state;
}

describe('switching or closing the project while an import writes to it', () => {
  it('opening another project cancels the import cleanly: a message saying why, and the old project intact', async () => {
    const a = wb.create(join(dir, 'a.assay')).path;
    writeFileSync(join(dir, 'small.csv'), 'x\n1\n2\n');
    await wb.importFile({ path: join(dir, 'small.csv'), name: 'kept' });
    wb.create(join(dir, 'b.assay'));
    wb.open(a);

    const { outcome } = await importUnderWay();
    // A change queued behind the import is a write in flight too: it waits and lands in the old project.
    const queued = wb.write((db) => db.prepare("INSERT INTO project_meta (key, value) VALUES ('queued', 'yes')").run()).then(
      () => 'saved',
      (e: unknown) => (e as Error).message,
    );
    const b = wb.open(join(dir, 'b.assay'));
    expect(b.name).toBe('b');
    expect(listDatasets(wb.db)).toHaveLength(0);

    const result = await outcome;
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toBe(
      'The import of big.csv was cancelled because the project a was closed; nothing was imported into it.',
    );
    expect(await queued).toBe('saved');

    const before = await reopen(a);
    expect(before.integrity).toBe('ok');
    expect(before.datasets).toEqual([{ name: 'kept', rows: 2 }]);
    expect(before.queued).toBe('yes');
  });

  it('close() waits for the import to stop, and the project reopens as it was', async () => {
    const a = wb.create(join(dir, 'a.assay')).path;
    const { outcome } = await importUnderWay();
    await wb.close();
    expect(wb.info()).toBeNull();
    const result = await outcome;
    expect(String(result)).not.toMatch(/not open/);
    expect(String(result)).toMatch(/cancelled because the project a was closed/);
    expect(await reopen(a)).toMatchObject({ integrity: 'ok', datasets: [] });
  });

  it('an import that has committed when the project closes stays in it', async () => {
    const a = wb.create(join(dir, 'a.assay')).path;
    const done = wb.importFile({ path: csv });
    await done;
    await wb.close();
    expect((await reopen(a)).datasets).toEqual([{ name: 'big', rows: 200_000 }]);
  });

  it('refuses to reopen a project whose import is still being cancelled, saying so, and opens it once it has closed', async () => {
    const a = wb.create(join(dir, 'a.assay')).path;
    const { outcome } = await importUnderWay();
    wb.create(join(dir, 'b.assay'));
    // No await in between: the import cannot have reached its next chunk, so a is still closing.
    expect(() => wb.open(a)).toThrow(/a\.assay is still closing \(the work under way in it is being cancelled\); try again in a moment/);
    expect(wb.info()!.name).toBe('b');
    await outcome;
    expect(wb.open(a).name).toBe('a');
    expect(listDatasets(wb.db)).toHaveLength(0);
  });
});
