import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { machine } from './lib/machine';
import { measureTree } from './lib/processTree';

/**
 * `npm run bench` (engine part): the Course 6 random-forest and boosting grids
 * and the Course 5 logistic regression, run by Assay's CLI and, in the same
 * run, by ../shared/reference with scikit-learn and XGBoost (n_jobs=-1).
 */
const { values: args } = parseArgs({
  options: { data: { type: 'string' }, json: { type: 'boolean' }, only: { type: 'string' } },
});
const PYTHON = '/usr/bin/python3';
const REFERENCE = resolve('..', 'shared', 'reference');
const data = resolve(args.data ?? 'resources/sample/tiktok_claims_sample.csv');
const cli = resolve('out/main/cli.js');
const log = (s: string) => process.stderr.write(s + '\n');

interface Side {
  seconds: number;
  peakMB: number;
  bestCvRecall: number | null;
  bestParams?: unknown;
  val?: unknown;
}

interface Row {
  task: string;
  assay: Side;
  reference: Side | null;
}

function pythonHas(modules: string[]): boolean {
  if (!existsSync(PYTHON) || !existsSync(REFERENCE)) return false;
  try {
    return spawnSync(PYTHON, ['-c', `import ${modules.join(', ')}`]).status === 0;
  } catch {
    return false;
  }
}

function recipeWith(name: string, models: string[] | null, dir: string): string {
  const r = JSON.parse(readFileSync(`resources/recipes/${name}.json`, 'utf8'));
  if (models) r.models = r.models.filter((m: { id: string }) => models.includes(m.id));
  r.dataset.file = data;
  const path = join(dir, `${name}-${models?.join('-') ?? 'all'}.json`);
  writeFileSync(path, JSON.stringify(r));
  return path;
}

async function assay(recipePath: string): Promise<Side> {
  const m = await measureTree(process.execPath, [cli, 'run', recipePath, '--json']);
  const out = JSON.parse(m.stdout);
  const model = out.models[0];
  return {
    seconds: model ? model.seconds.search + model.seconds.refit : out.seconds.total,
    peakMB: m.peakTreeMB,
    bestCvRecall: model?.bestCv.recall ?? null,
    bestParams: model?.bestParams,
    val: model?.validation ? { ...model.validation.metrics, confusion: model.validation.confusion } : out.champion?.test,
  };
}

async function reference6(which: 'rf' | 'xgb'): Promise<Side> {
  const m = await measureTree(PYTHON, [join(REFERENCE, 'course6_sklearn.py'), data, which, '-1']);
  const stage = m.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .find((s) => s.stage === `${which}_grid`);
  return { seconds: stage.fit_seconds, peakMB: m.peakTreeMB, bestCvRecall: stage.best_cv_recall, bestParams: stage.best_params, val: stage.val };
}

async function reference5(): Promise<Side> {
  const m = await measureTree(PYTHON, [join(REFERENCE, 'course5_sklearn.py'), data]);
  const out = JSON.parse(m.stdout);
  return { seconds: out.seconds, peakMB: m.peakTreeMB, bestCvRecall: null, val: { accuracy: out.accuracy, recall: out.recall_verified, confusion: out.confusion } };
}

const fmt = (x: number | null | undefined, d = 2) => (x === null || x === undefined ? '—' : x.toFixed(d));

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error('Build first: npm run build (the benchmark runs the built CLI and workers).');
  const dir = mkdtempSync(join(tmpdir(), 'assay-bench-engine-'));
  const withRef = pythonHas(['sklearn', 'xgboost', 'pandas']);
  if (!withRef) log('No /usr/bin/python3 with scikit-learn, XGBoost and pandas, or no ../shared/reference: reporting Assay alone.');
  const tasks: { task: string; run: () => Promise<Side>; ref: () => Promise<Side> }[] = [
    { task: 'Course 6 random-forest grid (72 × 5)', run: () => assay(recipeWith('claims-course6', ['rf'], dir)), ref: () => reference6('rf') },
    { task: 'Course 6 XGBoost grid (24 × 5)', run: () => assay(recipeWith('claims-course6', ['xgb'], dir)), ref: () => reference6('xgb') },
    { task: 'Course 5 logistic regression', run: () => assay(recipeWith('verified-course5', null, dir)), ref: reference5 },
  ].filter((t) => !args.only || t.task.toLowerCase().includes(args.only.toLowerCase()));
  const rows: Row[] = [];
  try {
    for (const t of tasks) {
      log(`${t.task}: Assay…`);
      const a = await t.run();
      log(`${t.task}: reference…`);
      const r = withRef ? await t.ref() : null;
      rows.push({ task: t.task, assay: a, reference: r });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const m = machine();
  if (args.json) {
    process.stdout.write(JSON.stringify({ machine: m, data, rows }, null, 2) + '\n');
    return;
  }
  console.log(`${m.cpu}, ${m.cores} cores, ${m.ramGB} GB RAM, Node ${m.node}; data: ${data}`);
  console.log('| task | Assay s | reference s | ratio | Assay peak MB | reference peak MB | Assay best CV recall | reference best CV recall |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const ratio = r.reference ? `${(r.assay.seconds / r.reference.seconds).toFixed(2)}×` : '—';
    console.log(
      `| ${r.task} | ${fmt(r.assay.seconds)} | ${fmt(r.reference?.seconds)} | ${ratio} | ${fmt(r.assay.peakMB, 0)} | ${fmt(r.reference?.peakMB, 0)} | ${fmt(r.assay.bestCvRecall, 4)} | ${fmt(r.reference?.bestCvRecall, 4)} |`,
    );
  }
  for (const r of rows) {
    console.log(`\n${r.task}\n  Assay best:     ${JSON.stringify(r.assay.bestParams ?? null)}\n  reference best: ${JSON.stringify(r.reference?.bestParams ?? null)}`);
    console.log(`  Assay val/test:     ${JSON.stringify(r.assay.val)}\n  reference val/test: ${JSON.stringify(r.reference?.val ?? null)}`);
  }
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exit(1);
});
