import { tableFromIPC } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSample } from '../../scripts/generate-sample';
import { ApiError } from '../../src-main/core/api/errors';
import type { Cell } from '../../src-main/core/data/arrowPage';
import type { DatasetInfo } from '../../src-main/core/data/columns';
import { describeQuery, gridQuerySchema, parseGridQuery, type Filter, type GridQuery } from '../../src-main/core/data/query';
import { setColumnKind } from '../../src-main/node/store/columnKinds';
import { deleteDataset, getDataset, readColumns } from '../../src-main/node/store/datasets';
import {
  cachedViewIds,
  encodeQueryPage,
  escapeLike,
  forgetDatasetViews,
  queryCount,
  queryPage,
  queryPosition,
  VIEW_CACHE_SIZE,
} from '../../src-main/node/store/query';
import { bigCsv, tempWorkbench, type TempWorkbench } from './helpers';

// Columns: 0 id, 1 num, 2 cat, 3 txt, 4 flag. Row 2 misses num, row 4 misses cat and flag, row 6 misses txt.
const SMALL_CSV = [
  'id,num,cat,txt,flag',
  '1,5,a,Hello World,True',
  '2,,b,100% sure_thing,False',
  `3,2,a,"it's a ""quote""",True`,
  '4,5,,back\\slash,',
  '5,-1,c,Straße ÉCOLE,False',
  '6,2,b,,True',
  '7,10,b,hello_world,False',
].join('\n');

let t: TempWorkbench;
let small: DatasetInfo;

beforeEach(async () => {
  t = await tempWorkbench();
  small = await t.wb.importFile({ path: t.file('small.csv', SMALL_CSV + '\n') });
});

afterEach(() => t.dispose());

/** Original row numbers of the whole view, in view order. */
function rowsOf(info: DatasetInfo, q: GridQuery): number[] {
  return [...queryPage(t.wb.db, info, q, 0, 1_000_000).rowNumbers];
}

function tempTables(): string[] {
  return (t.wb.db.prepare("SELECT name FROM temp.sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]).sort();
}

const f = (filter: Filter): GridQuery => ({ filters: [filter] });

describe('sorting', () => {
  it('ascending: ties keep row order, missing last', () => {
    expect(rowsOf(small, { sort: { column: 1, descending: false }, filters: [] })).toEqual([5, 3, 6, 1, 4, 7, 2]);
  });

  it('descending: ties still in row order, missing still last', () => {
    expect(rowsOf(small, { sort: { column: 1, descending: true }, filters: [] })).toEqual([7, 1, 4, 3, 6, 5, 2]);
  });

  it('text sorts by code point, missing last', () => {
    // "Hello World" < "Straße ÉCOLE" < "back\slash" < "hello_world" < "it's…" ; row 6 is missing.
    expect(rowsOf(small, { sort: { column: 3, descending: false }, filters: [] })).toEqual([2, 1, 5, 4, 7, 3, 6]);
    expect(rowsOf(small, { sort: { column: 2, descending: true }, filters: [] })).toEqual([5, 2, 6, 7, 1, 3, 4]);
  });

  it('pages return the cells of the sorted rows', () => {
    const page = queryPage(t.wb.db, small, { sort: { column: 1, descending: true }, filters: [] }, 1, 2);
    expect([...page.rowNumbers]).toEqual([1, 4]);
    expect(page.columns[0]).toEqual([1, 4]);
    expect(page.columns[3]).toEqual(['Hello World', 'back\\slash']);
  });
});

describe('filters', () => {
  it('range is inclusive and numeric only', () => {
    expect(rowsOf(small, f({ column: 1, op: 'range', min: 2, max: 5 }))).toEqual([1, 3, 4, 6]);
    expect(rowsOf(small, f({ column: 1, op: 'range', min: 5 }))).toEqual([1, 4, 7]);
    expect(rowsOf(small, f({ column: 1, op: 'range', max: 2 }))).toEqual([3, 5, 6]);
    expect(rowsOf(small, f({ column: 1, op: 'range' }))).toEqual([1, 3, 4, 5, 6, 7]);
    expect(rowsOf(small, f({ column: 2, op: 'range', min: -1e9 }))).toEqual([]);
  });

  it('in: categories, missing on request, numbers by their text, booleans by any spelling', () => {
    expect(rowsOf(small, f({ column: 2, op: 'in', values: ['a'] }))).toEqual([1, 3]);
    expect(rowsOf(small, f({ column: 2, op: 'in', values: ['a', 'c'], includeMissing: true }))).toEqual([1, 3, 4, 5]);
    expect(rowsOf(small, f({ column: 2, op: 'in', values: [], includeMissing: true }))).toEqual([4]);
    expect(rowsOf(small, f({ column: 2, op: 'in', values: [] }))).toEqual([]);
    expect(rowsOf(small, f({ column: 1, op: 'in', values: ['5', '-1'] }))).toEqual([1, 4, 5]);
    expect(rowsOf(small, f({ column: 1, op: 'in', values: ['5.0'] }))).toEqual([]);
    const flag = small.columns[4];
    expect(flag.kind).toBe('boolean');
    expect(rowsOf(small, f({ column: 4, op: 'in', values: ['true'] }))).toEqual([1, 3, 6]);
    expect(rowsOf(small, f({ column: 4, op: 'in', values: ['false'], includeMissing: true }))).toEqual([2, 4, 5, 7]);
  });

  it('contains: case-insensitive by default, Unicode-aware, or exact case', () => {
    expect(rowsOf(small, f({ column: 3, op: 'contains', text: 'hello' }))).toEqual([1, 7]);
    expect(rowsOf(small, f({ column: 3, op: 'contains', text: 'hello', caseSensitive: true }))).toEqual([7]);
    expect(rowsOf(small, f({ column: 3, op: 'contains', text: 'HELLO W', caseSensitive: false }))).toEqual([1]);
    // Non-ASCII needles fold with JavaScript's toLowerCase: É finds é and the reverse.
    expect(rowsOf(small, f({ column: 3, op: 'contains', text: 'école' }))).toEqual([5]);
    expect(rowsOf(small, f({ column: 3, op: 'contains', text: 'STRAßE' }))).toEqual([5]);
    expect(rowsOf(small, f({ column: 3, op: 'contains', text: 'école', caseSensitive: true }))).toEqual([]);
    expect(rowsOf(small, f({ column: 3, op: 'contains', text: 'ÉCOLE', caseSensitive: true }))).toEqual([5]);
    // Empty text matches every present value.
    expect(rowsOf(small, f({ column: 3, op: 'contains', text: '' }))).toEqual([1, 2, 3, 4, 5, 7]);
  });

  it('contains matches quotes, %, _ and backslashes literally (no injection, no wildcards)', () => {
    const find = (text: string, caseSensitive = false) => rowsOf(small, f({ column: 3, op: 'contains', text, caseSensitive }));
    for (const cs of [false, true]) {
      expect(find('%', cs)).toEqual([2]);
      expect(find('_', cs)).toEqual([2, 7]);
      expect(find('0% s', cs)).toEqual([2]);
      expect(find('o_w', cs)).toEqual([7]);
      expect(find('\\', cs)).toEqual([4]);
      expect(find('k\\s', cs)).toEqual([4]);
      expect(find("'", cs)).toEqual([3]);
      expect(find('"quote"', cs)).toEqual([3]);
      expect(find("x' OR '1'='1", cs)).toEqual([]);
      expect(find("'); DROP TABLE datasets; --", cs)).toEqual([]);
      expect(find('%%', cs)).toEqual([]);
      expect(find('\\%', cs)).toEqual([]);
    }
    expect(escapeLike('a%b_c\\d')).toBe('a\\%b\\_c\\\\d');
    expect(getDataset(t.wb.db, small.id).rows).toBe(7);
  });

  it('missing and present', () => {
    expect(rowsOf(small, f({ column: 1, op: 'missing' }))).toEqual([2]);
    expect(rowsOf(small, f({ column: 2, op: 'present' }))).toEqual([1, 2, 3, 5, 6, 7]);
    expect(rowsOf(small, f({ column: 3, op: 'missing' }))).toEqual([6]);
  });

  it('filters combine with AND, and with a sort', () => {
    const q: GridQuery = {
      sort: { column: 1, descending: true },
      filters: [
        { column: 2, op: 'in', values: ['a', 'b'] },
        { column: 1, op: 'range', min: 2 },
        { column: 3, op: 'present' },
      ],
    };
    expect(rowsOf(small, q)).toEqual([7, 1, 3]);
    expect(queryCount(t.wb.db, small, q)).toBe(3);
  });
});

describe('counts and positions', () => {
  it('counts the filtered view', () => {
    const db = t.wb.db;
    expect(queryCount(db, small, { filters: [] })).toBe(7);
    expect(queryCount(db, small, { sort: { column: 1, descending: false }, filters: [] })).toBe(7);
    expect(queryCount(db, small, f({ column: 1, op: 'missing' }))).toBe(1);
    expect(queryCount(db, small, f({ column: 2, op: 'in', values: ['zzz'] }))).toBe(0);
  });

  it('finds where a row lands, or null when it is filtered out', () => {
    const db = t.wb.db;
    const sorted: GridQuery = { sort: { column: 1, descending: false }, filters: [] };
    expect([1, 2, 3, 4, 5, 6, 7].map((r) => queryPosition(db, small, sorted, r))).toEqual([3, 6, 1, 4, 0, 2, 5]);
    const filtered: GridQuery = { sort: null, filters: [{ column: 2, op: 'in', values: ['b'] }] };
    expect([1, 2, 6, 7].map((r) => queryPosition(db, small, filtered, r))).toEqual([null, 0, 1, 2]);
    expect(queryPosition(db, small, { filters: [] }, 4)).toBe(3);
    for (const bad of [0, 8, -1, 2.5]) {
      expect(queryPosition(db, small, { filters: [] }, bad)).toBeNull();
      expect(queryPosition(db, small, sorted, bad)).toBeNull();
    }
  });

  it('pages past the end are short or empty', () => {
    const db = t.wb.db;
    const sorted: GridQuery = { sort: { column: 1, descending: false }, filters: [] };
    expect([...queryPage(db, small, sorted, 5, 10).rowNumbers]).toEqual([7, 2]);
    expect(queryPage(db, small, sorted, 50, 10).rowNumbers.length).toBe(0);
    expect(queryPage(db, small, { filters: [] }, 50, 10).columns[0]).toEqual([]);
    expect([...queryPage(db, small, { filters: [] }, 5, 10).rowNumbers]).toEqual([6, 7]);
  });
});

// ---------------------------------------------------------------------------
// A reference implementation in memory, to check paging across the view.

type Row = { rid: number; cells: Cell[] };

/** SQLite's order for untyped values: numbers by value, then text by code point. */
function compareCells(a: Cell, b: Cell): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function referenceMatch(info: DatasetInfo, filter: Filter, v: Cell): boolean {
  switch (filter.op) {
    case 'range':
      return typeof v === 'number' && (filter.min === undefined || v >= filter.min) && (filter.max === undefined || v <= filter.max);
    case 'in':
      return v === null ? !!filter.includeMissing : filter.values.includes(String(v));
    case 'contains':
      if (v === null) return false;
      return filter.caseSensitive ? String(v).includes(filter.text) : String(v).toLowerCase().includes(filter.text.toLowerCase());
    case 'missing':
      return v === null;
    case 'present':
      return v !== null;
  }
}

function referenceView(info: DatasetInfo, all: Cell[][], q: GridQuery): number[] {
  const rows: Row[] = [];
  for (let r = 0; r < info.rows; r++) rows.push({ rid: r + 1, cells: all.map((c) => c[r]) });
  const pos = (i: number) => info.columns.findIndex((c) => c.index === i);
  let view = rows.filter((row) => q.filters.every((flt) => referenceMatch(info, flt, row.cells[pos(flt.column)])));
  if (q.sort) {
    const s = q.sort;
    const j = pos(s.column);
    view = [...view].sort((a, b) => {
      const x = a.cells[j];
      const y = b.cells[j];
      if (x === null || y === null) return x === y ? a.rid - b.rid : x === null ? 1 : -1;
      const c = compareCells(x, y);
      return (s.descending ? -c : c) || a.rid - b.rid;
    });
  }
  return view.map((r) => r.rid);
}

describe('a 5,000-row generated dataset against an in-memory reference', () => {
  it('pages across the materialized view equal slices of the reference', async () => {
    const out = `${t.dir}/claims.csv`;
    writeSample({ rows: 5000, seed: 7, out });
    const info = await t.wb.importFile({ path: out, name: 'claims' });
    const db = t.wb.db;
    const all = readColumns(db, info, 0, info.rows);
    const col = (name: string) => info.columns.find((c) => c.name === name)!.index;
    const views = col('video_view_count');
    const likes = col('video_like_count');
    const status = col('claim_status');
    const text = col('video_transcription_text');
    const ban = col('author_ban_status');
    const queries: GridQuery[] = [
      { filters: [] },
      { sort: { column: views, descending: false }, filters: [] },
      { sort: { column: views, descending: true }, filters: [] },
      { sort: { column: status, descending: true }, filters: [] },
      { sort: { column: text, descending: false }, filters: [] },
      { sort: { column: ban, descending: false }, filters: [{ column: likes, op: 'range', min: 100, max: 20_000 }] },
      { filters: [{ column: status, op: 'in', values: ['opinion'], includeMissing: true }] },
      { sort: { column: likes, descending: true }, filters: [{ column: text, op: 'contains', text: 'THE' }] },
      { filters: [{ column: text, op: 'contains', text: 'the', caseSensitive: true }, { column: views, op: 'range', max: 5000 }] },
      { sort: { column: views, descending: false }, filters: [{ column: views, op: 'missing' }] },
      { sort: { column: col('video_duration_sec'), descending: true }, filters: [{ column: status, op: 'present' }] },
    ];
    for (const q of queries) {
      const expected = referenceView(info, all, q);
      expect(queryCount(db, info, q), JSON.stringify(q)).toBe(expected.length);
      const got: number[] = [];
      for (let offset = 0; offset < expected.length + 300; offset += 293) {
        const page = queryPage(db, info, q, offset, 293);
        got.push(...page.rowNumbers);
        // Cells come from the rows named by rowNumbers.
        page.rowNumbers.forEach((rid, k) => {
          expect(page.columns[views][k]).toBe(all[views][rid - 1]);
        });
      }
      expect(got, JSON.stringify(q)).toEqual(expected);
      for (const k of [0, Math.floor(expected.length / 2), expected.length - 1]) {
        if (k >= 0 && k < expected.length) expect(queryPosition(db, info, q, expected[k])).toBe(k);
      }
    }
    // The missing-label block sorts last in both directions, in row order.
    const missing = referenceView(info, all, { filters: [{ column: status, op: 'missing' }] });
    expect(missing.length).toBeGreaterThan(0);
    const down = rowsOf(info, { sort: { column: status, descending: true }, filters: [] });
    expect(down.slice(-missing.length)).toEqual(missing);
  });
});

describe('bad queries', () => {
  it('the schema rejects unknown ops, bad columns, too many filters and long text with clear messages', () => {
    const bad = (q: unknown) => {
      const r = parseGridQuery(q);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.message;
    };
    expect(bad({ filters: [{ column: 0, op: 'regex', text: 'a' }] })).toMatch(/filters\.0\.op: a filter's op must be one of "range", "in"/);
    expect(bad({ filters: [{ column: -1, op: 'missing' }] })).toMatch(/filters\.0\.column: a column index cannot be negative/);
    expect(bad({ filters: [{ column: 1.5, op: 'missing' }] })).toMatch(/whole number/);
    expect(bad({ sort: { column: -2, descending: false }, filters: [] })).toMatch(/sort\.column/);
    expect(bad({ filters: new Array(21).fill({ column: 0, op: 'present' }) })).toMatch(/at most 20 filters/);
    expect(bad({ filters: [{ column: 0, op: 'contains', text: 'x'.repeat(501) }] })).toMatch(/at most 500 characters/);
    expect(bad({ filters: [{ column: 0, op: 'range', min: 3, max: 1 }] })).toMatch(/min ≤ max/);
    expect(bad({ filters: [{ column: 0, op: 'missing', extra: 1 }] })).toMatch(/extra/);
    expect(bad({})).toMatch(/filters/);
    expect(gridQuerySchema.safeParse({ sort: null, filters: [{ column: 0, op: 'contains', text: 'x'.repeat(500) }] }).success).toBe(true);
  });

  it('queryPage checks column indexes against the dataset', () => {
    const db = t.wb.db;
    const err = (fn: () => unknown): ApiError => {
      try {
        fn();
      } catch (e) {
        return e as ApiError;
      }
      throw new Error('expected an error');
    };
    const e1 = err(() => queryPage(db, small, f({ column: 5, op: 'missing' }), 0, 10));
    expect(e1).toBeInstanceOf(ApiError);
    expect(e1.code).toBe('bad-input');
    expect(e1.message).toBe('Column 5 does not exist: dataset "small" has 5 columns (0–4).');
    expect(err(() => queryCount(db, small, { sort: { column: 99, descending: true }, filters: [] })).message).toMatch(/has 5 columns/);
    expect(err(() => queryPosition(db, small, f({ column: 7, op: 'present' }), 1)).code).toBe('bad-input');
    const e2 = err(() => queryPage(db, small, { filters: [{ column: 0, op: 'like' }] } as unknown as GridQuery, 0, 10));
    expect(e2.code).toBe('bad-input');
    expect(e2.message).toMatch(/Invalid grid query: filters\.0\.op/);
    expect(err(() => queryPage(db, small, { filters: [] }, -1, 10)).code).toBe('bad-input');
  });
});

describe('the view cache', () => {
  const sorted: GridQuery = { sort: { column: 1, descending: false }, filters: [] };

  it('materializes a view once and reuses it; identity queries need none', () => {
    const db = t.wb.db;
    queryPage(db, small, { filters: [] }, 0, 10);
    expect(cachedViewIds(db)).toEqual([]);
    queryCount(db, small, sorted);
    const [view] = cachedViewIds(db);
    queryPage(db, small, sorted, 0, 10);
    expect(cachedViewIds(db)).toEqual([view]);
    // The same rows in the same order: filter order and in-value order do not matter.
    queryCount(db, small, { filters: [{ column: 2, op: 'in', values: ['b', 'a'] }, { column: 1, op: 'present' }] });
    queryCount(db, small, { filters: [{ column: 1, op: 'present' }, { column: 2, op: 'in', values: ['a', 'b', 'a'] }] });
    expect(cachedViewIds(db)).toHaveLength(2);
    expect(tempTables()).toEqual([]); // views live in memory, never in the project's databases
  });

  it('keeps the few most recent views', () => {
    const db = t.wb.db;
    for (let v = 0; v < VIEW_CACHE_SIZE + 3; v++) queryCount(db, small, f({ column: 1, op: 'range', min: v }));
    expect(cachedViewIds(db)).toHaveLength(VIEW_CACHE_SIZE);
    expect(rowsOf(small, f({ column: 1, op: 'range', min: 5 }))).toEqual([1, 4, 7]);
  });

  it('an import (one long transaction) works after a query created a view, and the view survives it', async () => {
    const db = t.wb.db;
    expect(rowsOf(small, sorted)).toEqual([5, 3, 6, 1, 4, 7, 2]);
    const big = await t.wb.importFile({ path: t.file('big.csv', bigCsv(20000)), chunkSize: 4096 });
    expect(big.rows).toBe(20000);
    expect(db.inTransaction).toBe(false);
    expect(rowsOf(small, sorted)).toEqual([5, 3, 6, 1, 4, 7, 2]);
    expect(queryCount(db, big, f({ column: 1, op: 'in', values: ['a'] }))).toBe(6666);
    // Writes through the lock still work too.
    await t.wb.write((d) => setColumnKind(d, small.id, 3, 'text'));
  });

  it('a view built inside an import that is then cancelled still serves the right rows', async () => {
    const db = t.wb.db;
    const controller = new AbortController();
    const q = f({ column: 2, op: 'in', values: ['b'] });
    let inside = false;
    let during: number[] = [];
    let duringViews: number[] = [];
    const failed = await t.wb
      .importFile({
        path: t.file('cancel.csv', bigCsv(20000)),
        chunkSize: 4096,
        signal: controller.signal,
        onProgress: () => {
          if (inside) return;
          inside = db.inTransaction;
          during = rowsOf(small, q); // built inside the import's transaction
          duringViews = cachedViewIds(db);
          controller.abort();
        },
      })
      .then(
        () => null,
        (e: unknown) => e as ApiError,
      );
    expect(inside).toBe(true);
    expect(failed?.code).toBe('cancelled');
    expect(during).toEqual([2, 6, 7]);
    expect(db.inTransaction).toBe(false);
    expect(duringViews).toHaveLength(1);
    expect(rowsOf(small, q)).toEqual([2, 6, 7]);
    expect(queryCount(db, small, q)).toBe(3);
    expect(cachedViewIds(db)).toEqual(duringViews);
  });

  it('deleting a dataset invalidates its views (explicitly, and by the next query otherwise)', async () => {
    const db = t.wb.db;
    const other = await t.wb.importFile({ path: t.file('other.csv', SMALL_CSV + '\n'), name: 'other' });
    queryCount(db, small, sorted);
    queryCount(db, other, sorted);
    const [, otherView] = cachedViewIds(db);
    await t.wb.write((d) => {
      deleteDataset(d, small.id);
      forgetDatasetViews(d, small.id);
    });
    expect(cachedViewIds(db)).toEqual([otherView]);
    expect(() => queryCount(db, small, sorted)).toThrow(/no dataset/);

    // Without the explicit call, the next view built sweeps the deleted dataset's views.
    queryCount(db, other, f({ column: 1, op: 'missing' }));
    await t.wb.write((d) => deleteDataset(d, other.id));
    const third = await t.wb.importFile({ path: t.file('third.csv', SMALL_CSV + '\n'), name: 'third' });
    expect(queryCount(db, third, sorted)).toBe(7);
    expect(cachedViewIds(db)).toHaveLength(1);
  });

  it('a changed column kind drops the views built before it', async () => {
    const db = t.wb.db;
    queryCount(db, small, sorted);
    const [before] = cachedViewIds(db);
    const changed = await t.wb.write((d) => setColumnKind(d, small.id, 2, 'text'));
    expect(queryCount(db, changed, sorted)).toBe(7);
    expect(cachedViewIds(db)).toHaveLength(1);
    expect(cachedViewIds(db)[0]).not.toBe(before);
  });
});

describe('wire format and status line', () => {
  it('a query page encodes as Arrow with the row numbers as the last field', () => {
    const page = queryPage(t.wb.db, small, { sort: { column: 1, descending: true }, filters: [] }, 0, 3);
    const table = tableFromIPC(encodeQueryPage(small.columns, page));
    expect(table.numCols).toBe(6);
    expect(table.schema.fields[5].name).toBe('__row_number__');
    expect([...table.getChildAt(5)!.toArray()]).toEqual([7, 1, 4]);
    expect(table.getChildAt(1)!.get(1)).toBe(5); // num of row 1, as Float64
    expect(table.getChildAt(4)!.get(1)).toBe(true);
  });

  it('describes a query in one line', () => {
    const columns = [
      { index: 0, name: 'video_view_count' },
      { index: 1, name: 'claim_status' },
      { index: 2, name: 'text' },
    ];
    expect(
      describeQuery(
        {
          filters: [
            { column: 0, op: 'range', min: 1000, max: 50_000 },
            { column: 1, op: 'in', values: ['claim'] },
          ],
        },
        columns,
      ),
    ).toBe('video_view_count between 1,000 and 50,000 · claim_status in claim');
    expect(
      describeQuery(
        {
          sort: { column: 0, descending: true },
          filters: [
            { column: 0, op: 'range', min: 2.5 },
            { column: 1, op: 'in', values: ['a', 'b', 'c', 'd', 'e'], includeMissing: true },
            { column: 2, op: 'contains', text: 'drone "x"', caseSensitive: true },
            { column: 2, op: 'missing' },
            { column: 9, op: 'present' },
          ],
        },
        columns,
      ),
    ).toBe(
      'video_view_count ≥ 2.5 · claim_status in a, b, c and 2 more or missing · text contains "drone \\"x\\"" (match case) · ' +
        'text is missing · column 9 is present · sorted by video_view_count, descending',
    );
    expect(describeQuery({ filters: [] }, columns)).toBe('all rows');
  });
});
