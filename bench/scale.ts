/**
 * Scale benchmark (issue 16, goals 1 and 2): `assay run` of
 * bench/recipes/scale-course6.json — the Course 6 preparation, one random
 * forest (100 trees) and one boosting model (300 rounds, depth 8), 5-fold
 * stratified CV, no grids — on N generated rows, through the built CLI in a
 * fresh process. Measures the wall time of the whole command (import,
 * preparation, search, held-out scoring, importances, exit), the record's
 * own seconds (prepare, search, total) and the peak resident memory of the
 * whole process tree (CLI and every worker), sampled every 100 ms.
 *
 * Goal lines (bench/summary.ts prints them with the others):
 * - below 10M rows, goal 1: wall time / search time ≤ 1.5×; peak ≤ 1,536 MB;
 * - at 10M rows and more, goal 2: the same ratio, and the run completing
 *   with the process tree under 8 GB (8,192 MB). Goal 2's import and
 *   profile are bench/ingest.ts and bench/profile.ts with the same --rows.
 *
 *   npm run bench:scale [-- --rows N] [--seed S] [--data FILE] [--workers N] [--json]
 *
 * --rows     rows to generate (default 1,000,000; 10,000,000 is goal 2, ~1.7 GB and hours of work on 2 cores)
 * --seed     the generator's seed (default its own); the CSV is kept in the benchmark data folder
 *            ($ASSAY_BENCH_DIR, default <tmp>/assay-bench-data) by rows and seed, so reruns skip generating it
 * --data     measure this CSV instead of generated rows
 * --workers  passed to assay run (default: one per core)
 * --json     one JSON document on stdout (progress and the goal table on stderr)
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDataset } from './lib/dataset';
import { recordGoals } from './lib/goalResults';
import type { GoalLine } from './lib/goalTable';
import { machine } from './lib/machine';
import { measureTree } from './lib/processTree';
import { rowsLabel } from './lib/rowsLabel';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    seed: { type: 'string' },
    data: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const RECIPE = resolve('bench/recipes/scale-course6.json');
const CLI = resolve('out/main/cli.js');
/** Where goal 1 (1M rows) ends and goal 2 (10M rows) begins. */
const GOAL2_ROWS = 10_000_000;
const TOTAL_OVER_SEARCH = 1.5;
const GOAL1_PEAK_MB = 1536;
const GOAL2_PEAK_MB = 8192;
const log = (s: string) => process.stderr.write(s + '\n');

/** The parts of `assay run --json` this benchmark reads. */
interface RunOutput {
  dataset: { rows: number };
  rows: { train: number; validation: number; test: number };
  features: string[];
  models: { id: string; bestCv: Record<string, number>; validation: { confusion: number[][] } | null; seconds: { search: number; refit: number } }[];
  seconds: { prepare: number; search: number; total: number };
}

function wholeNumber(text: string, flag: string): number {
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag} must be a positive whole number, got ${text}`);
  return n;
}

const offDiagonal = (m: number[][]) => m.reduce((s, row, i) => s + row.reduce((t, x, j) => t + (i === j ? 0 : x), 0), 0);

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (the benchmark runs the built CLI and workers).`);
  const rows = wholeNumber(args.rows, '--rows');
  const seed = args.seed === undefined ? undefined : wholeNumber(args.seed, '--seed');
  const workers = args.workers === undefined ? [] : ['--workers', String(wholeNumber(args.workers, '--workers'))];
  const data = benchDataset({ data: args.data, rows, seed, log });
  log(`${data.path}: ${data.sizeMB.toFixed(0)} MB; assay run ${basename(RECIPE)} …`);

  const m = await measureTree(process.execPath, [CLI, 'run', RECIPE, '--data', data.path, '--json', ...workers]);
  const out = JSON.parse(m.stdout) as RunOutput;
  const s = out.seconds;
  const n = out.dataset.rows;
  const on = args.data ? `${basename(data.path)} (${n.toLocaleString('en-US')} rows)` : `${rowsLabel(n)} generated (${data.sizeMB.toFixed(0)} MB)`;
  const big = n >= GOAL2_ROWS;
  const goal = big ? 2 : 1;
  const goals: GoalLine[] = [
    { goal, what: `${rowsLabel(n)}: assay run wall time / its search time`, unit: 's', assay: m.wallSeconds, reference: s.search, target: { kind: 'ratio', max: TOTAL_OVER_SEARCH }, on },
    big
      ? { goal, what: `${rowsLabel(n)}: training completes; peak memory of the process tree`, unit: 'MB', assay: m.peakTreeMB, reference: null, target: { kind: 'max', max: GOAL2_PEAK_MB, strict: true }, on }
      : { goal, what: `${rowsLabel(n)}: peak memory of the process tree`, unit: 'MB', assay: m.peakTreeMB, reference: null, target: { kind: 'max', max: GOAL1_PEAK_MB }, on },
  ];
  const phases = {
    wall: m.wallSeconds,
    // What the record does not see: starting the process, importing the CSV, loading the frame, writing the output.
    outsideRecord: m.wallSeconds - s.total,
    prepare: s.prepare,
    search: s.search,
    // Refits, held-out scoring and importances after the search.
    afterSearch: s.total - s.prepare - s.search,
  };
  const models = out.models.map((x) => ({
    id: x.id,
    seconds: x.seconds,
    bestCvRecall: x.bestCv.recall ?? null,
    validationErrors: x.validation ? offDiagonal(x.validation.confusion) : null,
  }));
  recordGoals(goals);
  if (args.json) {
    process.stdout.write(JSON.stringify({ machine: machine(), file: data.path, rows: out.rows, features: out.features.length, phases, peakTreeMB: m.peakTreeMB, models, goals }, null, 2) + '\n');
    return;
  }
  const mc = machine();
  console.log(`\n${mc.cpu}, ${mc.cores} cores, ${mc.ramGB} GB RAM, Node ${mc.node}; ${on}`);
  console.log(`train / validation / test rows: ${out.rows.train} / ${out.rows.validation} / ${out.rows.test}; ${out.features.length} features`);
  console.log('| phase | seconds |\n|---|---|');
  console.log(`| whole command (wall) | ${phases.wall.toFixed(1)} |`);
  console.log(`| start, import, load, output (wall − record total) | ${phases.outsideRecord.toFixed(1)} |`);
  console.log(`| prepare | ${phases.prepare.toFixed(1)} |`);
  console.log(`| search (5-fold CV of both models) | ${phases.search.toFixed(1)} |`);
  console.log(`| refit, held-out scoring, importances | ${phases.afterSearch.toFixed(1)} |`);
  console.log(`peak memory of the process tree: ${m.peakTreeMB.toFixed(0)} MB`);
  for (const x of models) {
    console.log(`${x.id}: search ${x.seconds.search.toFixed(1)} s, refit ${x.seconds.refit.toFixed(1)} s, best CV recall ${x.bestCvRecall?.toFixed(4) ?? '—'}, validation errors ${x.validationErrors ?? '—'}`);
  }
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exit(1);
});
