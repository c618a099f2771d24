import { Field, Int64, Schema, Table, Uint64, tableFromIPC, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { setColumnKind } from '../../../src-main/node/store/columnKinds';
import { dataTableOf, getDataset, readColumns } from '../../../src-main/node/store/datasets';
import { encodeQueryPage, queryPage } from '../../../src-main/node/store/query';
import { tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

const N = 40;
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
/** 40 consecutive integers just below 2^63: as doubles they are all 2^63. */
const NEAR_INT64_MAX = Array.from({ length: N }, (_, i) => INT64_MAX - BigInt(i));
const NEAR_INT64_MIN = Array.from({ length: N }, (_, i) => -(2n ** 63n) + BigInt(i));
const NEAR_UINT64_MAX = Array.from({ length: N }, (_, i) => UINT64_MAX - BigInt(i));

function tableOf(columns: Record<string, Vector>): Table {
  const fields = Object.entries(columns).map(([name, v]) => new Field(name, v.type, true));
  return new Table(new Schema(fields), columns);
}

function wideTable(): Table {
  return tableOf({
    key: vectorFromArray(NEAR_INT64_MAX, new Int64()),
    // Not named like a key, with a repeat and a missing value: still kept exact.
    amount: vectorFromArray([...NEAR_INT64_MIN.slice(0, N - 2), NEAR_INT64_MIN[0], null], new Int64()),
    u: vectorFromArray(NEAR_UINT64_MAX, new Uint64()),
    // Small values first, one wide value last: the whole column ends up as text.
    mixed: vectorFromArray([...Array.from({ length: N - 1 }, (_, i) => BigInt(i)), 2n ** 53n + 1n], new Int64()),
    small: vectorFromArray(Array.from({ length: N }, (_, i) => BigInt(i * 3)), new Int64()),
  });
}

function distinctStored(info: { id: number }, column: number): number {
  const table = dataTableOf(t.wb.db, info.id);
  return (t.wb.db.prepare(`SELECT COUNT(DISTINCT c${column}) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('Arrow int64 and uint64 beyond 2^53 stay exact', () => {
  for (const format of ['file', 'stream'] as const) {
    it(`stores 40 distinct values near 2^63 and 2^64 − 1 as 40 exact texts (${format} format)`, async () => {
      const info = await t.wb.importFile({ path: t.file(`ids.${format === 'file' ? 'arrow' : 'arrows'}`, tableToIPC(wideTable(), format)) });
      expect(info.columns.map((c) => [c.name, c.kind])).toEqual([
        ['key', 'identifier'],
        ['amount', 'identifier'],
        ['u', 'identifier'],
        ['mixed', 'identifier'],
        ['small', 'integer'],
      ]);
      expect(info.columns.map((c) => c.distinct)).toEqual([40, 38, 40, 40, 40]);
      expect([0, 1, 2, 3, 4].map((j) => distinctStored(info, j))).toEqual([40, 38, 40, 40, 40]);
      const cols = readColumns(t.wb.db, info, 0, N);
      expect(cols[0]).toEqual(NEAR_INT64_MAX.map(String));
      expect(cols[1]).toEqual([...NEAR_INT64_MIN.slice(0, N - 2), NEAR_INT64_MIN[0]].map(String).concat([null as never]));
      expect(cols[2]).toEqual(NEAR_UINT64_MAX.map(String));
      // One storage class per column: the small values of a wide column are text too, so it sorts and filters as one.
      expect(cols[3]).toEqual([...Array.from({ length: N - 1 }, (_, i) => String(i)), '9007199254740993']);
      // Within ±2^53, today's behaviour: numbers.
      expect(cols[4]).toEqual(Array.from({ length: N }, (_, i) => i * 3));
      expect(info.notes.filter((n) => /beyond ±9,007,199,254,740,991/.test(n))).toHaveLength(4);
    });
  }

  it('gives the exact text back from the grid page, sorts by it and finds one value', async () => {
    const info = await t.wb.importFile({ path: t.file('ids.arrow', tableToIPC(wideTable(), 'file')) });
    const sorted = { sort: { column: 2, descending: false }, filters: [] };
    const page = queryPage(t.wb.db, info, sorted, 0, N);
    const grid = tableFromIPC(encodeQueryPage(info.columns, page));
    expect(grid.getChild('u')!.toArray()).toEqual([...NEAR_UINT64_MAX].reverse().map(String));
    expect(grid.getChild('key')!.get(N - 1)).toBe(String(INT64_MAX));
    const one = queryPage(t.wb.db, info, { sort: null, filters: [{ column: 0, op: 'in', values: [String(INT64_MAX - 7n)], includeMissing: false }] }, 0, N);
    expect(Array.from(one.rowNumbers)).toEqual([8]);
  });

  it('sorts ids of different lengths and signs as numbers, not as text', async () => {
    const values = [9007199254740993n, -3n, 10n, 9n, -20n, -(2n ** 63n), 0n, null, 123456789012345678n];
    const info = await t.wb.importFile({ path: t.file('ids.arrow', tableToIPC(tableOf({ id: vectorFromArray(values, new Int64()) }), 'file')) });
    expect(info.columns[0].kind).toBe('identifier');
    const numeric = ['-9223372036854775808', '-20', '-3', '0', '9', '10', '9007199254740993', '123456789012345678'];
    const up = queryPage(t.wb.db, info, { sort: { column: 0, descending: false }, filters: [] }, 0, 9);
    expect(up.columns[0]).toEqual([...numeric, null]);
    const down = queryPage(t.wb.db, info, { sort: { column: 0, descending: true }, filters: [] }, 0, 9);
    expect(down.columns[0]).toEqual([...numeric.reverse(), null]);
    // The small values of the 'mixed' column (0–38, then 2^53 + 1) sort as numbers too.
    const mixed = await t.wb.importFile({ path: t.file('wide.arrow', tableToIPC(wideTable(), 'file')) });
    const page = queryPage(t.wb.db, mixed, { sort: { column: 3, descending: false }, filters: [] }, 0, N);
    expect(page.columns[3]).toEqual([...Array.from({ length: N - 1 }, (_, i) => String(i)), '9007199254740993']);
  });

  it('refuses to make a wide column a number, and leaves it exact', async () => {
    const info = await t.wb.importFile({ path: t.file('ids.arrow', tableToIPC(wideTable(), 'file')) });
    for (const kind of ['integer', 'float'] as const) {
      const err = (() => {
        try {
          setColumnKind(t.wb.db, info.id, 2, kind);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err).toBeInstanceOf(ApiError);
      // The reason and the row of the first value a double would round (2^64 − 1, row 1).
      expect((err as ApiError).message).toBe(
        `Column "u" cannot be ${kind}: values beyond ±2^53 such as 18446744073709551615 on row 1 cannot be held exactly as numbers.`,
      );
    }
    expect(getDataset(t.wb.db, info.id).columns[2].kind).toBe('identifier');
    expect(readColumns(t.wb.db, info, 0, N)[2]).toEqual(NEAR_UINT64_MAX.map(String));
  });
});
