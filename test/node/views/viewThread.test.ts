import { copyFileSync, existsSync, readdirSync, readlinkSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../../src-main/core/data/columns';
import type { GridQuery } from '../../../src-main/core/data/query';
import type { ViewBuildProgress } from '../../../src-main/core/data/viewBuildProgress';
import { ApiError } from '../../../src-main/core/api/errors';
import { dataTableOf } from '../../../src-main/node/store/datasets';
import { readViewOrder } from '../../../src-main/node/views/viewOrder';
import { ViewThread } from '../../../src-main/node/views/viewThread';
import { ViewBuilds } from '../../../src-main/node/views/viewBuilds';
import { queryCount, queryPage } from '../../../src-main/node/store/query';
import { bigCsv, tempWorkbench, type TempWorkbench } from '../helpers';

// Columns of bigCsv: 0 id, 1 label (a/b), 2 value, 3 note. 40,000 rows span a few progress steps (every 16,384 rows).
const ROWS = 40_000;
const byValueDown: GridQuery = { sort: { column: 2, descending: true }, filters: [] };

let t: TempWorkbench;
let info: DatasetInfo;
let thread: ViewThread;

beforeAll(() => {
  thread = new ViewThread();
});
afterAll(() => thread.close());

beforeEach(async () => {
  t = await tempWorkbench();
  info = await t.wb.importFile({ path: t.file('big.csv', bigCsv(ROWS)) });
});
afterEach(() => t.dispose());

describe('the view thread', () => {
  it('reads the same order as the host connection, reporting progress as it goes', async () => {
    expect(thread.disabled).toBe(false);
    const table = dataTableOf(t.wb.db, info.id);
    const progress: ViewBuildProgress[] = [];
    const order = await thread.build(t.wb.db.name, info, table, byValueDown, (p) => progress.push(p)).order;
    expect(order).toBeInstanceOf(Uint32Array);
    expect(Array.from(order!)).toEqual(Array.from(readViewOrder(t.wb.db, info, table, byValueDown)));
    expect(order![0]).toBe(ROWS); // the largest value is the last row's
    // Read in steps of 16,384 rows, then ordered, then written out.
    expect(progress.map((p) => `${p.phase} ${p.done}/${p.total}`)).toEqual([
      'reading 16384/40000',
      'reading 32768/40000',
      'ordering 0/40000',
      'writing 40000/40000',
    ]);
  });

  it('a filtered view keeps only its rows', async () => {
    const table = dataTableOf(t.wb.db, info.id);
    const q: GridQuery = { filters: [{ column: 1, op: 'in', values: ['a'] }] };
    const phases: string[] = [];
    const order = await thread.build(t.wb.db.name, info, table, q, (p) => phases.push(p.phase)).order;
    expect(phases).not.toContain('ordering'); // nothing to sort
    expect(order!.length).toBe(Math.floor(ROWS / 3));
    expect(Array.from(order!.subarray(0, 3))).toEqual([3, 6, 9]);
  });

  it('a filtered and sorted view: its rows in order, read straight from the sorter', async () => {
    const table = dataTableOf(t.wb.db, info.id);
    const q: GridQuery = { sort: { column: 2, descending: true }, filters: [{ column: 1, op: 'in', values: ['a'] }] };
    const phases: string[] = [];
    const order = await thread.build(t.wb.db.name, info, table, q, (p) => phases.push(p.phase)).order;
    const kept = Math.floor(ROWS / 3);
    expect(order!.length).toBe(kept);
    expect(order!.buffer.byteLength).toBe(kept * 4); // no room kept for the rows filtered out
    expect(Array.from(order!)).toEqual(Array.from({ length: kept }, (_, i) => 3 * (kept - i)));
    expect(phases.at(-1)).toBe('ordering'); // a filtered view's count is known only at its end
  });

  it('stops a build when cancelled, with a cancelled error', async () => {
    const table = dataTableOf(t.wb.db, info.id);
    // Cancelled before the thread reads a row (a cancel on the first progress report can lose the race with a
    // build this small): it stops at its first check, after the first 16,384 rows.
    const build = thread.build(t.wb.db.name, info, table, byValueDown, () => {});
    build.cancel();
    const e = await build.order.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('cancelled');
    // The thread goes on serving builds after a cancelled one.
    const order = await thread.build(t.wb.db.name, info, table, byValueDown, () => {}).order;
    expect(order!.length).toBe(ROWS);
  });

  it('answers null when its snapshot is not the dataset the host describes (uncommitted rows)', async () => {
    const table = dataTableOf(t.wb.db, info.id);
    const order = await thread.build(t.wb.db.name, { ...info, rows: ROWS + 5 }, table, byValueDown, () => {}).order;
    expect(order).toBeNull();
    const gone = await thread.build(t.wb.db.name, info, 'ds_rows_not_there', byValueDown, () => {}).order;
    expect(gone).toBeNull();
  });

  it('an error in the build reaches the host as a message naming what is wrong', async () => {
    const e = await thread.build('/nonexistent/project.assay', info, 'x', byValueDown, () => {}).order.then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(e?.message).toMatch(/nonexistent|unable to open|directory/i);
  });
});

describe('a view thread that dies', () => {
  const dying = {
    'fails to load': 'throw new Error("native module did not load");',
    'crashes on its first build': 'require("node:worker_threads").parentPort.on("message", () => process.exit(7));',
  };
  for (const [how, code] of Object.entries(dying)) {
    it(`${how}: its builds in flight answer null (the host builds them) and it is not started again`, async () => {
      let starts = 0;
      const broken = new ViewThread(() => {
        starts++;
        return { code, eval: true };
      });
      try {
        const table = dataTableOf(t.wb.db, info.id);
        expect(broken.disabled).toBe(false); // it starts: the failure comes later
        const orders = await Promise.all([
          broken.build(t.wb.db.name, info, table, byValueDown, () => {}).order,
          broken.build(t.wb.db.name, info, table, byValueDown, () => {}).order,
        ]);
        expect(orders).toEqual([null, null]);
        expect(broken.disabled).toBe(true);
        expect(starts).toBe(1);
      } finally {
        await broken.close();
      }
    });
  }

  it('a sorted page is still answered, built on the host', async () => {
    const broken = new ViewThread(() => ({ code: dying['fails to load'], eval: true }));
    const views = new ViewBuilds(broken);
    try {
      const db = t.wb.db;
      await views.ready(db, info, byValueDown);
      expect([...queryPage(db, info, byValueDown, 0, 2).rowNumbers]).toEqual([ROWS, ROWS - 1]);
      await views.ready(db, info, { sort: { column: 2, descending: false }, filters: [] });
      expect(queryCount(db, info, { filters: [{ column: 1, op: 'in', values: ['a'] }] })).toBe(Math.floor(ROWS / 3));
    } finally {
      await broken.close();
    }
  });
});

describe('the view thread and the project file', () => {
  /** A closed copy of a project holding one dataset: `rows` rows whose values fall as row numbers rise when `falling`. */
  async function projectFile(rows: number, falling: boolean): Promise<{ path: string; info: DatasetInfo; table: string }> {
    const lines = ['id,label,value,note'];
    for (let i = 1; i <= rows; i++) lines.push(`${i},a,${falling ? rows - i : i},x`);
    const info = await t.wb.importFile({ path: t.file(`${falling ? 'falling' : 'rising'}.csv`, lines.join('\n') + '\n') });
    const table = dataTableOf(t.wb.db, info.id);
    const path = join(t.dir, `${falling ? 'falling' : 'rising'}.assay`);
    t.wb.db.prepare('VACUUM INTO ?').run(path);
    return { path, info, table };
  }

  it('a project file replaced at the same path is read afresh, and no build leaves the file open', async () => {
    const rising = await projectFile(500, false);
    const falling = await projectFile(500, true);
    const shared = join(t.dir, 'shared.assay');
    copyFileSync(rising.path, shared);
    const first = await thread.build(shared, rising.info, rising.table, byValueDown, () => {}).order;
    expect(first![0]).toBe(500);
    if (existsSync('/proc/self/fd')) {
      const open = readdirSync('/proc/self/fd').flatMap((fd) => {
        try {
          return [readlinkSync(join('/proc/self/fd', fd))];
        } catch {
          return [];
        }
      });
      expect(open.filter((f) => f.startsWith(shared))).toEqual([]);
    }
    // Another file renamed over the path: a new inode.
    copyFileSync(falling.path, join(t.dir, 'next.assay'));
    renameSync(join(t.dir, 'next.assay'), shared);
    const second = await thread.build(shared, falling.info, falling.table, byValueDown, () => {}).order;
    expect(second![0]).toBe(1);
  });
});
