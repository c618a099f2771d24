/**
 * The pandas read_csv fixture through the whole import: each case's CSV is
 * imported into a project (importDelimited, then the store), read back
 * through the grid page the renderer receives (Arrow, typed by kind), and
 * compared with pandas' values and dtypes, as the parser-level test does
 * (test/core/ingest/pandasParity.test.ts).
 */
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeQueryPage, queryPage } from '../../../src-main/node/store/query';
import { expectLikePandas, fixture } from '../../core/ingest/pandasFixture';
import { tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
beforeAll(async () => {
  t = await tempWorkbench();
});
afterAll(() => t.dispose());

describe(`pandas ${fixture.pandas} read_csv parity, through a real import and the grid page`, () => {
  for (const [n, c] of fixture.cases.entries()) {
    it(c.name, async () => {
      const info = await t.wb.importFile({ path: t.file(`case${n}.csv`, c.csv), name: `case${n}` });
      expect(info.columns.map((col) => col.name)).toEqual(c.columns);
      expect(info.rows).toBe(c.rows.length);
      const page = queryPage(t.wb.db, info, { sort: null, filters: [] }, 0, info.rows);
      const grid = tableFromIPC(encodeQueryPage(info.columns, page));
      const columns = info.columns.map((col, j) => {
        // Iterated, not toArray(): a Float64 column's array has no nulls.
        const values = [...grid.getChildAt(j)!] as (number | string | boolean | null)[];
        const numericDtype = /^(u?int|float)/.test(c.dtypes[j]);
        const exactText = c.rows.some((r) => typeof r[j] === 'bigint');
        if (!numericDtype || exactText || (col.kind !== 'identifier' && col.kind !== 'categorical')) return values;
        // A numeric column the grid shows as text (an integer id): its text must be the number itself.
        return Array.from(values, (v) => {
          if (typeof v !== 'string') return v;
          expect(String(Number(v)), `${c.name}: ${col.name} shows ${v}`).toBe(v);
          return Number(v);
        });
      });
      const rows = Array.from({ length: info.rows }, (_, i) => columns.map((col) => col[i]));
      expectLikePandas(c, { rows, kinds: info.columns.map((col) => col.kind) });
    });
  }
});
