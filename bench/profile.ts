/**
 * Profile benchmark: Assay's profile of a stored 1,000,000-row dataset against
 * pandas on the same file, alternating, each run in a fresh process; medians
 * reported. What each side's time covers:
 *
 * - Assay: reading the stored dataset from the project file into memory
 *   (`load`; the CSV was imported before and that is not timed) plus the
 *   profile of it (`profile`: info, describe of every column, missing counts,
 *   duplicated rows, value counts, histograms, Pearson matrix). The ratio
 *   uses their sum. The variance inflation factors the app adds are timed
 *   apart and not in the ratio.
 * - pandas: from the DataFrame in memory (read_csv not timed) to
 *   `describe(include='all')`, `isna().sum()`, `duplicated().sum()` and
 *   `corr(numeric_only=True)`. The ratio uses `include='all'`, because the
 *   profile describes the text columns too; the numeric-only `describe()`
 *   is timed and printed as well.
 *
 * Benchmarks are not tests: over target is printed, never an exit code.
 *
 *   npm run bench:profile [-- --rows N] [--data FILE] [--runs N] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PYTHON, pandasVersion, runJson } from './lib/childJson';
import { benchDataset } from './lib/dataset';
import { machine } from './lib/machine';
import { median } from './lib/stats';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});

const TARGET = 1.5;
const runs = Math.max(1, Number(args.runs));
const log = (s: string) => {
  if (!args.json) console.log(s);
};

const PANDAS_SCRIPT = `
import sys, time, json
import pandas as pd
def timed(f):
    t = time.perf_counter(); r = f(); return time.perf_counter() - t, r
t_read, df = timed(lambda: pd.read_csv(sys.argv[1]))
t_num, _ = timed(lambda: df.describe())
t_all, _ = timed(lambda: df.describe(include='all'))
t_na, na = timed(lambda: df.isna().sum())
t_dup, dup = timed(lambda: int(df.duplicated().sum()))
t_corr, _ = timed(lambda: df.corr(numeric_only=True))
print(json.dumps({"readCsv": t_read, "describeNumeric": t_num, "describeAll": t_all, "isna": t_na, "duplicated": t_dup, "corr": t_corr,
                  "duplicates": dup, "missingCells": int(na.sum()), "version": pd.__version__}))
`;

interface AssayRun {
  rows: number;
  duplicates: number;
  missingCells: number;
  load: number;
  profile: number;
  vif: number;
}
interface PandasRun {
  readCsv: number;
  describeNumeric: number;
  describeAll: number;
  isna: number;
  duplicated: number;
  corr: number;
  duplicates: number;
  missingCells: number;
  version: string;
}

const pandasTotal = (r: PandasRun, all: boolean) => (all ? r.describeAll : r.describeNumeric) + r.isna + r.duplicated + r.corr;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'assay-bench-profile-'));
  try {
    const { path: file, sizeMB } = benchDataset({ data: args.data, rows: Number(args.rows), log });
    const tsx = resolve('node_modules/.bin/tsx');
    const project = join(dir, 'profile.assay');
    const imported = await runJson<{ seconds: number; rows: number }>(tsx, [resolve('bench/importOnce.ts'), file, project]);
    const version = await pandasVersion();
    const m = { ...machine(), pandas: version };
    log(`${file}: ${sizeMB.toFixed(1)} MB, ${imported.rows.toLocaleString('en')} rows, imported in ${imported.seconds.toFixed(2)} s (not part of the comparison)`);
    log(`${m.cpu}, ${m.cores} cores, ${m.ramGB} GB RAM, Node ${m.node}, pandas ${version ?? '(not available)'}`);
    const havePandas = version !== null;
    if (!havePandas) log(`Python with pandas is not available (${PYTHON}); reporting Assay alone.`);

    const assayRuns: AssayRun[] = [];
    const pandasRuns: PandasRun[] = [];
    for (let i = 0; i < runs; i++) {
      const a = await runJson<AssayRun>(tsx, [resolve('bench/profileOnce.ts'), project]);
      assayRuns.push(a);
      log(`  assay  run ${i + 1}: ${(a.load + a.profile).toFixed(2)} s (load ${a.load.toFixed(2)} s + profile ${a.profile.toFixed(2)} s; vif ${a.vif.toFixed(2)} s apart)`);
      if (havePandas) {
        const p = await runJson<PandasRun>(PYTHON, ['-c', PANDAS_SCRIPT, file]);
        pandasRuns.push(p);
        log(`  pandas run ${i + 1}: ${pandasTotal(p, true).toFixed(2)} s with describe(include='all'), ${pandasTotal(p, false).toFixed(2)} s with describe()`);
        if (p.duplicates !== a.duplicates || p.missingCells !== a.missingCells) {
          log(`  !! the two sides disagree: duplicates ${a.duplicates} vs ${p.duplicates}, missing cells ${a.missingCells} vs ${p.missingCells}`);
        }
      }
    }
    const assay = {
      total: median(assayRuns.map((r) => r.load + r.profile)),
      load: median(assayRuns.map((r) => r.load)),
      profile: median(assayRuns.map((r) => r.profile)),
      vif: median(assayRuns.map((r) => r.vif)),
    };
    const pandas = havePandas
      ? {
          version: pandasRuns[0].version,
          all: median(pandasRuns.map((r) => pandasTotal(r, true))),
          numeric: median(pandasRuns.map((r) => pandasTotal(r, false))),
          parts: {
            describeNumeric: median(pandasRuns.map((r) => r.describeNumeric)),
            describeAll: median(pandasRuns.map((r) => r.describeAll)),
            isna: median(pandasRuns.map((r) => r.isna)),
            duplicated: median(pandasRuns.map((r) => r.duplicated)),
            corr: median(pandasRuns.map((r) => r.corr)),
            readCsv: median(pandasRuns.map((r) => r.readCsv)),
          },
        }
      : null;
    const ratio = pandas ? assay.total / pandas.all : null;
    if (args.json) {
      console.log(JSON.stringify({ file, rows: imported.rows, runs, machine: m, assay, pandas, ratio, target: TARGET, assayRuns, pandasRuns }, null, 2));
      return;
    }
    console.log(`\nMedian of ${runs} run${runs === 1 ? '' : 's'} (seconds):`);
    console.log(`  Assay load + profile                 ${assay.total.toFixed(2)}   (load from the project ${assay.load.toFixed(2)}, profile ${assay.profile.toFixed(2)}; VIF ${assay.vif.toFixed(2)} not counted)`);
    if (pandas && ratio !== null) {
      const p = pandas.parts;
      console.log(`  pandas ${pandas.version} describe(include='all') set  ${pandas.all.toFixed(2)}   (describe ${p.describeAll.toFixed(2)}, isna ${p.isna.toFixed(2)}, duplicated ${p.duplicated.toFixed(2)}, corr ${p.corr.toFixed(2)}; read_csv not counted)`);
      console.log(`  pandas numeric describe() set        ${pandas.numeric.toFixed(2)}   (describe ${p.describeNumeric.toFixed(2)})`);
      console.log(`  Assay / pandas: ${ratio.toFixed(2)}× (target ≤ ${TARGET}×${ratio <= TARGET ? '' : ', over target'})`);
      console.log(`    profile alone (data already in memory, like pandas): ${(assay.profile / pandas.all).toFixed(2)}×; against the numeric-only describe(): ${(assay.total / pandas.numeric).toFixed(2)}×`);
      console.log(`    from storage on both sides (Assay load + profile vs pandas read_csv ${p.readCsv.toFixed(2)} + the set): ${(assay.total / (p.readCsv + pandas.all)).toFixed(2)}×`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
