/**
 * Grid query benchmark: sorting, filtering, counting and deep paging of a
 * generated claims dataset (1,000,000 rows by default) through
 * `src-main/node/store/query.ts`, the way the EDA grid asks for them.
 *
 *   npx tsx bench/gridQuery.ts [--rows N] [--runs N] [--json]
 *
 * "cold" is the first use of a query (it materializes the view), "warm"
 * the median of --runs later uses of the cached view.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { GridQuery } from '../src-main/core/data/query';
import { Workbench } from '../src-main/node/app/workbench';
import { dataTableOf, getDataset } from '../src-main/node/store/datasets';
import { forgetDatasetViews, queryCount, queryPage, queryPosition } from '../src-main/node/store/query';
import { writeSample } from '../scripts/generate-sample';
import { machine } from './lib/machine';
import { median } from './lib/stats';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
  },
});
const rows = Number(args.rows);
const runs = Math.max(1, Number(args.runs));
const log = (s: string) => {
  if (!args.json) console.log(s);
};

function ms<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

const results: Record<string, number> = {};
function record(name: string, t: number, detail = ''): void {
  results[name] = Math.round(t * 10) / 10;
  log(`${name.padEnd(52)} ${t.toFixed(1).padStart(9)} ms${detail ? `  ${detail}` : ''}`);
}

/** Times the first call (cold) and the median of `runs` more (warm). */
function coldWarm<T>(name: string, fn: () => T, describe: (v: T) => string = () => ''): T {
  const cold = ms(fn);
  record(`${name} (cold)`, cold.ms, describe(cold.value));
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push(ms(fn).ms);
  record(`${name} (warm)`, median(warm));
  return cold.value;
}

const dir = mkdtempSync(join(tmpdir(), 'assay-gridquery-'));
try {
  const csv = join(dir, 'claims.csv');
  const gen = ms(() => writeSample({ rows, out: csv }));
  log(`generated ${rows.toLocaleString('en-US')} rows (${(gen.value.bytes / 2 ** 20).toFixed(0)} MB) in ${(gen.ms / 1000).toFixed(1)} s`);
  const wb = await Workbench.start({ home: join(dir, 'home'), resources: 'resources', empty: true });
  wb.create(join(dir, 'bench.assay'));
  const t0 = performance.now();
  const imported = await wb.importFile({ path: csv, name: 'claims' });
  record('import', performance.now() - t0, `${imported.rows.toLocaleString('en-US')} rows`);

  const db = wb.db;
  const info = getDataset(db, imported.id);
  const col = (name: string) => info.columns.find((c) => c.name === name)!.index;
  const views = col('video_view_count');
  const text = col('video_transcription_text');
  const status = col('claim_status');

  const range: GridQuery = { filters: [{ column: views, op: 'range', min: 1000, max: 50_000 }] };
  const sorted: GridQuery = { sort: { column: views, descending: true }, filters: [] };
  const contains: GridQuery = { filters: [{ column: text, op: 'contains', text: 'capybara' }] };
  const unicode: GridQuery = { filters: [{ column: text, op: 'contains', text: 'capybarä' }] };
  const combined: GridQuery = {
    sort: { column: views, descending: false },
    filters: [
      { column: status, op: 'in', values: ['claim'] },
      { column: views, op: 'range', min: 1000, max: 50_000 },
    ],
  };
  const deep = Math.min(900_000, Math.max(0, rows - 200));

  log('');
  coldWarm('count, range filter on video_view_count', () => queryCount(db, info, range), (n) => `${n.toLocaleString('en-US')} rows`);
  coldWarm('sort by video_view_count (first page)', () => queryPage(db, info, sorted, 0, 200), (p) => `${p.rowNumbers.length} rows`);
  coldWarm(`sorted view, page at offset ${deep.toLocaleString('en-US')}`, () => queryPage(db, info, sorted, deep, 200));
  const tempMB = () =>
    ((db.pragma('temp.page_count', { simple: true }) as number) * (db.pragma('temp.page_size', { simple: true }) as number)) / 2 ** 20;
  log(`temp database with the range and sorted views: ${tempMB().toFixed(1)} MB`);
  coldWarm('jump to row 777,777 in the sorted view', () => queryPosition(db, info, sorted, Math.min(777_777, rows)), (p) => `position ${p}`);
  coldWarm('contains "capybara" on the transcription (count)', () => queryCount(db, info, contains), (n) => `${n.toLocaleString('en-US')} rows`);
  coldWarm('contains "capybarä" (non-ASCII: folded in JS)', () => queryCount(db, info, unicode), (n) => `${n.toLocaleString('en-US')} rows`);
  coldWarm('claim_status in claim + range, sorted (count)', () => queryCount(db, info, combined), (n) => `${n.toLocaleString('en-US')} rows`);
  coldWarm(`unsorted, unfiltered page at offset ${deep.toLocaleString('en-US')}`, () => queryPage(db, info, { filters: [] }, deep, 200));

  // What the view replaces: ORDER BY … LIMIT … OFFSET walks the whole prefix on every page.
  const table = dataTableOf(db, info.id);
  const c = `c${views}`;
  const naive = db.prepare(`SELECT rowid FROM ${table} ORDER BY (${c} IS NULL), ${c} DESC, rowid LIMIT 200 OFFSET ?`).pluck();
  record(`naive ORDER BY … OFFSET ${deep.toLocaleString('en-US')} (for comparison)`, ms(() => naive.all(deep)).ms);

  // A second import while views are cached: TEMP tables take no lock on the project file.
  const small = join(dir, 'small.csv');
  writeSample({ rows: 1000, out: small });
  const t1 = performance.now();
  await wb.importFile({ path: small, name: 'small' });
  record('import of 1,000 rows with views cached', performance.now() - t1);
  forgetDatasetViews(db, info.id);

  if (args.json) console.log(JSON.stringify({ rows, runs, machine: machine(), ms: results }));
  else log(`\n${JSON.stringify(machine())}`);
  wb.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
