/**
 * Profile benchmark: Assay's profile against pandas on the same file, each
 * run in a fresh process, alternating; medians reported. Two comparisons:
 *
 * 1. `assay profile FILE` (the built CLI, `node out/main/cli.js profile FILE
 *    --json --no-spearman`: import into a throwaway project, then profile)
 *    against a Python process doing `pd.read_csv` + the same figures below.
 *    Wall time of each whole process, so process start (Node and the CLI's
 *    modules; Python and `import pandas`) is counted on both sides. Spearman
 *    is left out because pandas' corr() default is Pearson.
 * 2. The app's profile of a stored dataset (imported once before, not
 *    timed): `load` (reading it from the project file into memory) plus
 *    `profile` (info, describe of every column, missing counts, duplicated
 *    rows, value counts, histograms, Pearson matrix), in a fresh process
 *    (bench/profileOnce.ts), against pandas' `read_csv` plus
 *    `describe(include='all')`, `isna().sum()`, `duplicated().sum()` and
 *    `corr(numeric_only=True)`, timed inside the Python process (process
 *    start counted on neither side). `include='all'` because the profile
 *    describes the text columns too; the numeric-only `describe()` and the
 *    comparison without read_csv (data already in memory) are printed as well.
 *    The variance inflation factors the app adds are timed apart, not compared.
 *
 * Both record goal lines for bench/summary.ts (target ≤ 1.5× each): goal 3
 * below 10M rows, goal 2 ("profile at most 1.5× pandas") at 10M and more.
 * Benchmarks are not tests: over target is printed, never an exit code.
 *
 *   npm run bench:profile [-- --rows N] [--data FILE] [--runs N] [--json]
 *
 * --rows  rows to generate (default 1,000,000), kept in the benchmark data folder for reruns;
 *         10,000,000 is goal 2's profile: use --runs 1 (pandas then needs several GB)
 * --data  measure this CSV instead
 * --runs  runs per side (default 3)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PYTHON, pandasVersion, runJson } from './lib/childJson';
import { benchDataset } from './lib/dataset';
import { recordGoals } from './lib/goalResults';
import type { GoalLine } from './lib/goalTable';
import { machine } from './lib/machine';
import { measureTree } from './lib/processTree';
import { rowsLabel } from './lib/rowsLabel';
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
/** Where goal 3 (1M rows) ends and goal 2 (10M rows) begins. */
const GOAL2_ROWS = 10_000_000;
const CLI = resolve('out/main/cli.js');
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

/** A whole process's wall time and peak memory (with its children). */
interface ProcessRun {
  wallSeconds: number;
  peakMB: number;
}

/** The last line a process printed, as JSON. */
const lastJson = <T>(stdout: string): T => JSON.parse(stdout.trim().split('\n').pop()!) as T;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'assay-bench-profile-'));
  try {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (assay profile is timed as users run it, built).`);
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
    const cliRuns: ProcessRun[] = [];
    const pandasProcessRuns: ProcessRun[] = [];
    for (let i = 0; i < runs; i++) {
      const c = await measureTree(process.execPath, [CLI, 'profile', file, '--json', '--no-spearman']);
      cliRuns.push({ wallSeconds: c.wallSeconds, peakMB: c.peakTreeMB });
      log(`  assay profile FILE run ${i + 1}: ${c.wallSeconds.toFixed(2)} s (whole process), ${c.peakTreeMB.toFixed(0)} MB`);
      const a = await runJson<AssayRun>(tsx, [resolve('bench/profileOnce.ts'), project]);
      assayRuns.push(a);
      log(`  assay  run ${i + 1}: ${(a.load + a.profile).toFixed(2)} s (load ${a.load.toFixed(2)} s + profile ${a.profile.toFixed(2)} s; vif ${a.vif.toFixed(2)} s apart)`);
      if (havePandas) {
        const measured = await measureTree(PYTHON, ['-c', PANDAS_SCRIPT, file]);
        const p = lastJson<PandasRun>(measured.stdout);
        pandasRuns.push(p);
        pandasProcessRuns.push({ wallSeconds: measured.wallSeconds, peakMB: measured.peakTreeMB });
        log(
          `  pandas run ${i + 1}: ${pandasTotal(p, true).toFixed(2)} s with describe(include='all'), ${pandasTotal(p, false).toFixed(2)} s with describe(); ` +
            `whole process ${measured.wallSeconds.toFixed(2)} s, ${measured.peakTreeMB.toFixed(0)} MB`,
        );
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
    const processes = {
      assayCli: { wallSeconds: median(cliRuns.map((r) => r.wallSeconds)), peakMB: median(cliRuns.map((r) => r.peakMB)) },
      pandas: havePandas
        ? { wallSeconds: median(pandasProcessRuns.map((r) => r.wallSeconds)), peakMB: median(pandasProcessRuns.map((r) => r.peakMB)) }
        : null,
    };
    const goal = imported.rows >= GOAL2_ROWS ? 2 : 3;
    const on = `${args.data ? file : rowsLabel(imported.rows) + ' generated'} (${sizeMB.toFixed(0)} MB), median of ${runs}`;
    const goals: GoalLine[] = [
      {
        goal,
        what: `${rowsLabel(imported.rows)}: assay profile FILE vs pandas read_csv + the same figures (whole processes)`,
        unit: 's',
        assay: processes.assayCli.wallSeconds,
        reference: processes.pandas?.wallSeconds ?? null,
        target: { kind: 'ratio', max: TARGET },
        on,
      },
      {
        goal,
        what: `${rowsLabel(imported.rows)}: app's profile of the stored dataset, load + profile, vs pandas read_csv + the same figures`,
        unit: 's',
        assay: assay.total,
        reference: pandas ? pandas.parts.readCsv + pandas.all : null,
        target: { kind: 'ratio', max: TARGET },
        on,
      },
    ];
    recordGoals(goals);
    if (args.json) {
      console.log(
        JSON.stringify({ file, rows: imported.rows, runs, machine: m, assay, pandas, ratio, processes, target: TARGET, assayRuns, pandasRuns, cliRuns, pandasProcessRuns, goals }, null, 2),
      );
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
    const cli = processes.assayCli;
    console.log(`  assay profile FILE, whole process     ${cli.wallSeconds.toFixed(2)}   (peak ${cli.peakMB.toFixed(0)} MB)`);
    if (processes.pandas) {
      const pp = processes.pandas;
      console.log(`  python read_csv + the set, whole process ${pp.wallSeconds.toFixed(2)}   (peak ${pp.peakMB.toFixed(0)} MB)`);
      console.log(`  Assay / pandas, process start included on both sides: ${(cli.wallSeconds / pp.wallSeconds).toFixed(2)}× (target ≤ ${TARGET}×)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
