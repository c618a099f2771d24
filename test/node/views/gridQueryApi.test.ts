import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../../src-main/core/api/contract';
import type { DatasetInfo } from '../../../src-main/core/data/columns';
import type { GridQuery } from '../../../src-main/core/data/query';
import { join } from 'node:path';
import { ApiError } from '../../../src-main/core/api/errors';
import { createHandlers } from '../../../src-main/node/api/handlers';
import { cachedViewIds } from '../../../src-main/node/store/query';
import { Router } from '../../../src-main/node/api/router';
import { bigCsv, tempWorkbench, type TempWorkbench } from '../helpers';

// The API as the grid uses it, with the real view thread: 40,000 rows give a few progress steps.
const ROWS = 40_000;
const byValueDown: GridQuery = { sort: { column: 2, descending: true }, filters: [] };

let t: TempWorkbench;
let big: DatasetInfo;
let router: Router;

beforeEach(async () => {
  t = await tempWorkbench();
  big = await t.wb.importFile({ path: t.file('big.csv', bigCsv(ROWS)) });
  router = new Router(createHandlers(t.wb, { host: 'web', version: 'test' }));
});
afterEach(() => t.dispose());

const ctx = (progress: (p: Progress) => void = () => {}, signal = new AbortController().signal) => ({ signal, progress });

describe('grid queries while a view builds', () => {
  it('other requests are answered while the first sort builds on the view thread, which reports progress', async () => {
    const settled: string[] = [];
    let firstProgress!: () => void;
    const building = new Promise<void>((r) => (firstProgress = r));
    const progress: Progress[] = [];
    const count = router
      .dispatch('dataset.queryCount', { id: big.id, query: byValueDown }, ctx((p) => {
        progress.push(p);
        firstProgress();
      }))
      .then((v) => {
        settled.push('sorted count');
        return v as { rows: number };
      });
    const page = router.dispatch('dataset.queryPage', { id: big.id, query: byValueDown, offset: 0, limit: 3 }, ctx()).then((v) => {
      settled.push('sorted page');
      return v;
    });
    await building; // the thread is mid-build now
    await router.dispatch('dataset.page', { id: big.id, offset: 0, limit: 10 }, ctx());
    await router.dispatch('dataset.queryPage', { id: big.id, query: { filters: [] }, offset: 100, limit: 10 }, ctx());
    await router.dispatch('dataset.list', {}, ctx());
    settled.push('others');
    expect((await count).rows).toBe(ROWS);
    await page;
    expect(settled).toEqual(['others', 'sorted count', 'sorted page']);
    expect(progress[0]).toEqual({ done: 16384, total: ROWS, unit: 'rows', message: 'Sorting 40,000 rows by value: reading rows' });
    expect(progress.map((p) => p.message?.replace(/.*: /, ''))).toContain('ordering them');
  });

  it('a build whose requests are all cancelled ends with a cancelled error; the view is then built afresh', async () => {
    const abort = new AbortController();
    const cancelled = router
      .dispatch('dataset.queryPage', { id: big.id, query: byValueDown, offset: 0, limit: 3 }, ctx(() => abort.abort(), abort.signal))
      .catch((e: { code: string }) => e.code);
    expect(await cancelled).toBe('cancelled');
    const position = (await router.dispatch('dataset.queryPosition', { id: big.id, query: byValueDown, row: ROWS }, ctx())) as { position: number };
    expect(position.position).toBe(0);
  });

  it('a bad query is refused with a message naming the column', async () => {
    const e = await router
      .dispatch('dataset.queryCount', { id: big.id, query: { sort: { column: 7, descending: false }, filters: [] } }, ctx())
      .catch((err: Error) => err.message);
    expect(e).toMatch(/Column 7 does not exist: dataset "big" has 4 columns/);
  });

  /** Dispatches `method` and runs `meanwhile` at the build's first progress report, while the view thread is mid-build. */
  async function midBuild(method: 'dataset.queryPage' | 'dataset.queryCount', params: object, meanwhile: () => unknown): Promise<unknown> {
    let heard = false;
    let during: unknown;
    const answer = router.dispatch(method, { id: big.id, query: byValueDown, ...params }, ctx(() => {
      if (heard) return;
      heard = true;
      during = meanwhile();
    }));
    const settled = await answer.then(
      (v) => ({ v }),
      (e: unknown) => ({ e }),
    );
    await during;
    expect(heard).toBe(true);
    if ('e' in settled) throw settled.e;
    return settled.v;
  }

  it('a column kind changed mid-build: the answer is the view of the dataset as it is now', async () => {
    const page = (await midBuild('dataset.queryPage', { offset: 0, limit: 5 }, () =>
      router.dispatch('dataset.setColumnKind', { id: big.id, column: 2, kind: 'text' }, ctx()),
    )) as Uint8Array;
    const now = (await router.dispatch('dataset.queryPage', { id: big.id, query: byValueDown, offset: 0, limit: 5 }, ctx())) as Uint8Array;
    // The page's schema carries the column's kind: a stale answer still says numeric.
    expect(Buffer.from(page).equals(Buffer.from(now))).toBe(true);
  });

  it('the project switched mid-build: the request is refused, naming why, and nothing is installed in the new project', async () => {
    const e = await midBuild('dataset.queryCount', {}, () => t.wb.create(join(t.dir, 'other.assay'))).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('cancelled');
    expect((e as ApiError).message).toMatch(/project .*(closed|switched)/i);
    expect(cachedViewIds(t.wb.db)).toEqual([]);
  });
});

