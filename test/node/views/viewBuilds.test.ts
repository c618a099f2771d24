import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import type { DatasetInfo } from '../../../src-main/core/data/columns';
import type { GridQuery } from '../../../src-main/core/data/query';
import type { ViewBuildProgress } from '../../../src-main/core/data/viewBuildProgress';
import { ApiError } from '../../../src-main/core/api/errors';
import { cachedViewIds, forgetDatasetViews, hasView, queryCount, queryPage, VIEW_CACHE_SIZE } from '../../../src-main/node/store/query';
import { setColumnKind } from '../../../src-main/node/store/columnKinds';
import { readViewOrder } from '../../../src-main/node/views/viewOrder';
import { ViewBuilds, type ViewBuilder } from '../../../src-main/node/views/viewBuilds';
import type { ThreadBuild } from '../../../src-main/node/views/viewThread';
import { bigCsv, tempWorkbench, type TempWorkbench } from '../helpers';

/**
 * A builder whose builds finish only when the test says so: each computes
 * the real order on the host connection, then waits to be released.
 */
class GatedBuilder implements ViewBuilder {
  disabled = false;
  readonly started: { query: GridQuery; progress(p: ViewBuildProgress): void; release(): void; fail(e: Error): void; cancelled: boolean }[] = [];

  constructor(private readonly db: () => Database.Database) {}

  build(_path: string, info: DatasetInfo, dataTable: string, query: GridQuery, onProgress: (p: ViewBuildProgress) => void): ThreadBuild {
    let release!: () => void;
    let fail!: (e: Error) => void;
    const entry = {
      query,
      progress: onProgress,
      release: () => release(),
      fail: (e: Error) => fail(e),
      cancelled: false,
    };
    const order = new Promise<Uint32Array | null>((resolve, reject) => {
      release = () => resolve(readViewOrder(this.db(), info, dataTable, query));
      fail = reject;
    });
    this.started.push(entry);
    return {
      order,
      cancel: () => {
        entry.cancelled = true;
        fail(new ApiError('cancelled', 'Building the view was cancelled.'));
      },
    };
  }
}

/** Records the order in which promises settle. */
function settleLog() {
  const log: string[] = [];
  const track = <T>(name: string, p: Promise<T>) =>
    p.then(
      (v) => {
        log.push(name);
        return v;
      },
      (e: unknown) => {
        log.push(`${name} failed`);
        throw e;
      },
    );
  return { log, track };
}

const flush = () => new Promise<void>((r) => setImmediate(r));

let t: TempWorkbench;
let big: DatasetInfo;
let other: DatasetInfo;
let builder: GatedBuilder;
let views: ViewBuilds;
const byValue: GridQuery = { sort: { column: 2, descending: false }, filters: [] };
const byValueDown: GridQuery = { sort: { column: 2, descending: true }, filters: [] };

beforeEach(async () => {
  t = await tempWorkbench();
  big = await t.wb.importFile({ path: t.file('big.csv', bigCsv(3000)) });
  other = await t.wb.importFile({ path: t.file('other.csv', bigCsv(50)), name: 'other' });
  builder = new GatedBuilder(() => t.wb.db);
  views = new ViewBuilds(builder);
});
afterEach(() => t.dispose());

describe('building views off the host thread', () => {
  it('answers identity pages and already-built views of another dataset while a sort builds', async () => {
    const db = t.wb.db;
    await readyNow(other, byValueDown);
    const { log, track } = settleLog();
    const sorting = track('sort', views.ready(db, big, byValue));
    const identity = track('identity page', views.ready(db, big, { filters: [] }).then(() => queryPage(db, big, { filters: [] }, 0, 5)));
    const otherSorted = track('other dataset', views.ready(db, other, byValueDown).then(() => queryPage(db, other, byValueDown, 0, 5)));
    expect([...(await identity).rowNumbers]).toEqual([1, 2, 3, 4, 5]);
    expect([...(await otherSorted).rowNumbers]).toEqual([50, 49, 48, 47, 46]);
    await flush();
    expect(log).toEqual(['identity page', 'other dataset']); // the sort is still building
    expect(hasView(db, big, byValue)).toBe(false);
    builder.started[1].release();
    await sorting;
    expect(log).toEqual(['identity page', 'other dataset', 'sort']);
    expect(hasView(db, big, byValue)).toBe(true);
    expect(queryCount(db, big, byValue)).toBe(3000);
  });

  it('a second request for the same view joins the build, hearing its progress', async () => {
    const db = t.wb.db;
    const heardFirst: number[] = [];
    const heardSecond: number[] = [];
    const first = views.ready(db, big, byValue, { onProgress: (p) => heardFirst.push(p.done) });
    builder.started[0].progress({ phase: 'reading', done: 1000, total: 3000 });
    // Filter order does not make another view; neither does asking again.
    const second = views.ready(db, big, { ...byValue }, { onProgress: (p) => heardSecond.push(p.done) });
    builder.started[0].progress({ phase: 'reading', done: 2000, total: 3000 });
    expect(builder.started).toHaveLength(1);
    expect(views.building(db)).toBe(1);
    builder.started[0].release();
    await Promise.all([first, second]);
    expect(heardFirst).toEqual([1000, 2000]);
    expect(heardSecond).toEqual([1000, 2000]); // the latest progress first, then what follows
    expect(cachedViewIds(db)).toHaveLength(1);
    expect(views.building(db)).toBe(0);
  });

  it('another sort while one builds: the abandoned build is cancelled and never installed', async () => {
    const db = t.wb.db;
    const before = new AbortController();
    const abandoned = views.ready(db, big, byValue, { signal: before.signal }).then(
      () => 'built',
      (e: ApiError) => e.code,
    );
    const replacing = views.ready(db, big, byValueDown);
    before.abort();
    expect(await abandoned).toBe('cancelled');
    expect(builder.started[0].cancelled).toBe(true);
    expect(builder.started[1].cancelled).toBe(false);
    builder.started[1].release();
    await replacing;
    expect(hasView(db, big, byValue)).toBe(false);
    expect([...queryPage(db, big, byValueDown, 0, 2).rowNumbers]).toEqual([3000, 2999]);
    expect(cachedViewIds(db)).toHaveLength(1);
    // Asked for again, the abandoned view starts a fresh build.
    const again = views.ready(db, big, byValue);
    expect(builder.started).toHaveLength(3);
    builder.started[2].release();
    await again;
    expect([...queryPage(db, big, byValue, 0, 2).rowNumbers]).toEqual([1, 2]);
  });

  it('a build is cancelled only when every request waiting for it is', async () => {
    const db = t.wb.db;
    const a = new AbortController();
    const first = views.ready(db, big, byValue, { signal: a.signal }).catch((e: ApiError) => e.code);
    const second = views.ready(db, big, byValue);
    a.abort();
    expect(await first).toBe('cancelled');
    expect(builder.started[0].cancelled).toBe(false);
    builder.started[0].release();
    await second;
    expect(hasView(db, big, byValue)).toBe(true);
  });

  it('a failed build reaches every waiter as its message and leaves the cache as it was', async () => {
    const db = t.wb.db;
    await readyNow(big, byValueDown);
    const ids = cachedViewIds(db);
    const first = views.ready(db, big, byValue).catch((e: Error) => e.message);
    const second = views.ready(db, big, byValue).catch((e: Error) => e.message);
    builder.started[1].fail(new Error('disk I/O error reading dataset "big"'));
    expect(await first).toBe('disk I/O error reading dataset "big"');
    expect(await second).toBe('disk I/O error reading dataset "big"');
    expect(cachedViewIds(db)).toEqual(ids);
    expect(views.building(db)).toBe(0);
  });

  it('builds finishing out of order keep the cache to its size, each view whole', async () => {
    const db = t.wb.db;
    const queries: GridQuery[] = Array.from({ length: VIEW_CACHE_SIZE + 2 }, (_, v) => ({
      sort: { column: 2, descending: v % 2 === 1 },
      filters: [{ column: 0, op: 'range', min: v * 10 }],
    }));
    const waits = queries.map((q) => views.ready(db, big, q));
    for (let i = builder.started.length - 1; i >= 0; i--) builder.started[i].release();
    await Promise.all(waits);
    expect(cachedViewIds(db)).toHaveLength(VIEW_CACHE_SIZE);
    // Released last to first: the first queries were installed last, so they are the ones kept.
    const kept = queries.filter((q) => hasView(db, big, q));
    expect(kept).toEqual(queries.slice(0, VIEW_CACHE_SIZE));
    for (const q of kept) expect(queryCount(db, big, q)).toBe(Math.min(3000, 3001 - (q.filters[0] as { min: number }).min));
  });

  it('a thread snapshot that is not the host\'s falls back to building on the host', async () => {
    const db = t.wb.db;
    const stale: ViewBuilder = { disabled: false, build: () => ({ order: Promise.resolve(null), cancel: () => {} }) };
    await new ViewBuilds(stale).ready(db, big, byValue);
    expect(hasView(db, big, byValue)).toBe(false);
    expect(queryCount(db, big, byValue)).toBe(3000); // built in place, as without a thread
  });

  it('a build that ends after its dataset changed installs nothing, keeping the current views', async () => {
    const db = t.wb.db;
    const held = views.ready(db, big, byValue);
    const changed = t.wb.write((w) => {
      const info = setColumnKind(w, big.id, 2, 'text');
      forgetDatasetViews(w, big.id);
      return info;
    });
    const now = await changed;
    await readyNow(now, byValueDown);
    expect(hasView(db, now, byValueDown)).toBe(true);
    builder.started[0].release();
    await held;
    expect(hasView(db, now, byValueDown)).toBe(true); // not swept away by the stale view
    expect(hasView(db, big, byValue)).toBe(false);
    expect(cachedViewIds(db)).toHaveLength(1);
  });

  it('bad queries are refused before any build starts', async () => {
    const e = await views.ready(t.wb.db, big, { sort: { column: 9, descending: false }, filters: [] }).catch((err: ApiError) => err);
    expect((e as ApiError).code).toBe('bad-input');
    expect((e as ApiError).message).toMatch(/Column 9 does not exist/);
    expect(builder.started).toHaveLength(0);
  });
});

/** Builds a view through the gated builder and releases it at once. */
async function readyNow(info: DatasetInfo, q: GridQuery): Promise<void> {
  const p = views.ready(t.wb.db, info, q);
  builder.started[builder.started.length - 1].release();
  await p;
}
