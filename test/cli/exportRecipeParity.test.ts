import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportRecipeCommand } from '../../src-main/cli/commands/exportRecipeCommand';
import { kFold, stratifiedKFold } from '../../src-main/core/modelSelection/kFold';
import { makeFrame, type Frame, type FrameColumn } from '../../src-main/core/recipe/frame';
import { prepare, type PreparedData } from '../../src-main/core/recipe/pipeline';
import { parseRecipe, type Recipe, type RecipeInput } from '../../src-main/core/recipe/schema';
import type { Notebook } from '../../src-main/core/recipeExport/notebookJson';
import { runRecipe } from '../../src-main/node/search/runRecipe';
import { sampleFrame } from '../core/recipe/sampleFrame';

/**
 * The exported programs run by the real libraries on the bundled sample: the
 * same split sizes, n-gram vocabulary, training rows and fold of every
 * training row as Assay, best cross-validated scores within the engine's
 * parity tolerance (the logistic regression's to rounding), the notebook
 * valid nbformat 4 and giving the script's numbers, and the Dask program the
 * plain one's on a LocalCluster of two workers. The grids are cut to one or
 * two candidates to keep the run short; the full grids were run by hand (see
 * the README).
 */

const PYTHON = '/usr/bin/python3';
const has = (modules: string) => existsSync(PYTHON) && spawnSync(PYTHON, ['-c', `import ${modules}`], { stdio: 'ignore' }).status === 0;
const SKLEARN = has('sklearn, pandas, xgboost');
const DASK = SKLEARN && has('dask.distributed, joblib');
const NBFORMAT = SKLEARN && has('nbformat');

/** Assay's forests and boosting against scikit-learn's and XGBoost's best CV score (as test/node/course6Grids.test.ts holds them). */
const PARITY = 0.005;
const SAMPLE = resolve('resources/sample/tiktok_claims_sample.csv');
const SAMPLE_HASH = 'c569170fee95d060b04672238feadf672ab2c559008f8b039c2f757fb8412125';

type Json = Record<string, unknown>;
interface ModelOut {
  id: string;
  bestParams: Json;
  bestCv: Record<string, number>;
  validation: { rows: number; confusion: number[][] } | null;
  candidates: number;
}
interface ProgramOut {
  recipe: string;
  dataset: { rows: number; contentHash: string };
  classes: string[];
  features: string[];
  rows: { train: number; validation: number; test: number };
  leakage: Json[];
  models: ModelOut[];
  champion: { modelId: string; rule: string; test: { rows: number; confusion: number[][]; metrics: Record<string, number> } };
  debug: { learned: Record<string, { vocabulary?: string[] }>; folds: number[]; trainTarget: number[]; featureSums: Record<string, Record<string, number>> };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-export-parity-'));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs Python and resolves with its standard output; a failure rejects with its standard error. */
function python(args: string[], o: { cwd?: string } = {}): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(PYTHON, args, { cwd: o.cwd ?? dir, env: { ...process.env, ASSAY_EXPORT_DEBUG: '1', PYTHONHASHSEED: '0' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done(Buffer.concat(out).toString('utf8')) : fail(new Error(`python ${args.join(' ')} exited ${code}:\n${Buffer.concat(err).toString('utf8').slice(-4000)}`)),
    );
  });
}

/** A shipped recipe with its grids cut short, its data file the bundled sample, written to the test folder. */
function smallRecipe(name: string, grids: Record<string, Record<string, (string | number | boolean | null)[]>> = {}): { path: string; recipe: Recipe } {
  const input = JSON.parse(readFileSync(`resources/recipes/${name}.json`, 'utf8')) as RecipeInput & { models: { id: string; grid?: unknown }[] };
  for (const m of input.models) if (grids[m.id]) m.grid = grids[m.id];
  input.dataset = { ...input.dataset, file: SAMPLE };
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(input));
  return { path, recipe: parseRecipe(input) };
}

async function exported(recipePath: string, out: string, ...flags: string[]): Promise<string> {
  expect(await exportRecipeCommand([recipePath, '--out', join(dir, out), ...flags])).toBe(0);
  return join(dir, out);
}

/** Each training row's fold as Assay assigns it. */
function assayFolds(recipe: Recipe, prepared: PreparedData): number[] {
  const y = prepared.train.y;
  const folds = recipe.cv.stratified ? stratifiedKFold(y, recipe.cv.folds) : kFold(y.length, recipe.cv.folds);
  const of = new Array<number>(y.length).fill(-1);
  folds.forEach((f, k) => f.test.forEach((row) => (of[row] = k)));
  return of;
}

function columnSums(part: PreparedData['train']): Record<string, number> {
  return Object.fromEntries(part.X.names.map((name, j) => [name, part.X.columns[j].reduce((s, v) => (Number.isNaN(v) ? s : s + v), 0)]));
}

/** The program's rows, vocabulary, training rows and folds against Assay's preparation of the same frame. */
function expectSamePreparation(out: ProgramOut, recipe: Recipe, prepared: PreparedData): void {
  expect(out.rows).toEqual({ train: prepared.train.y.length, validation: prepared.validation?.y.length ?? 0, test: prepared.test.y.length });
  expect(out.features).toEqual(prepared.features);
  expect(out.classes).toEqual(prepared.classes);
  expect(out.leakage).toEqual(prepared.leakage);
  recipe.steps.forEach((s, i) => {
    if (s.op === 'countVectorizer') expect(out.debug.learned[String(i)].vocabulary).toEqual((prepared.learned[i] as { vocabulary: string[] }).vocabulary);
  });
  expect(out.debug.trainTarget).toEqual(Array.from(prepared.train.y));
  expect(out.debug.folds).toEqual(assayFolds(recipe, prepared));
  const parts = { train: prepared.train, validation: prepared.validation, test: prepared.test };
  for (const [name, part] of Object.entries(parts)) {
    if (!part) continue;
    const ours = columnSums(part);
    const theirs = out.debug.featureSums[name];
    expect(Object.keys(theirs)).toEqual(Object.keys(ours));
    for (const [feature, sum] of Object.entries(ours)) expect(theirs[feature], `${name} · ${feature}`).toBeCloseTo(sum, 6);
  }
}

/** Everything of a result but the times, which differ from run to run. */
function withoutTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !['seconds', 'meanFitSeconds', 'meanScoreSeconds'].includes(k))
        .map(([k, v]) => [k, withoutTimes(v)]),
    );
  }
  return value;
}

const COURSE6_GRIDS = {
  rf: { max_depth: [5], max_features: [0.6], max_samples: [0.7], min_samples_leaf: [1], min_samples_split: [2], n_estimators: [50, 75] },
  xgb: { max_depth: [4], min_child_weight: [3], learning_rate: [0.1], n_estimators: [100] },
};

describe('exported programs against Assay on the bundled sample', () => {
  if (!SKLEARN) {
    it.skip('(skipped: /usr/bin/python3 lacks scikit-learn, pandas or XGBoost; apt-get install -y python3-sklearn python3-pandas python3-xgboost)', () => {});
    return;
  }
  const outputs = new Map<string, ProgramOut>();

  it.each([
    ['claims-course6', COURSE6_GRIDS],
    ['verified-course5', {}],
    ['verified-course5-no-leak', {}],
  ])('%s: the same rows, vocabulary and folds; best CV scores within the parity tolerance', async (name, grids) => {
    const { path, recipe } = smallRecipe(name, grids as Record<string, Record<string, (string | number | boolean | null)[]>>);
    const program = await exported(path, `${name}.py`, '--format', 'sklearn');
    const out = JSON.parse(await python([program])) as ProgramOut;
    outputs.set(name, out);
    expect(out.dataset).toMatchObject({ contentHash: SAMPLE_HASH, rows: 19382 });
    const prepared = prepare(recipe, sampleFrame());
    expectSamePreparation(out, recipe, prepared);

    const record = await runRecipe(recipe, sampleFrame(), { workers: 2, dataset: { name: 'sample', contentHash: null } });
    expect(out.models.map((m) => m.id)).toEqual(record.models.map((m) => m.modelId));
    record.models.forEach((m, i) => {
      const theirs = out.models[i];
      expect(theirs.candidates).toBe(m.candidates);
      expect(Math.abs(theirs.bestCv[recipe.refit] - m.bestCv[recipe.refit]), `${m.modelId} best CV ${recipe.refit}`).toBeLessThanOrEqual(PARITY);
      expect(theirs.validation?.rows ?? 0).toBe(record.rows.validation);
    });
    expect(out.champion.test.rows).toBe(record.rows.test);
    if (recipe.models.every((m) => m.type === 'logisticRegression')) {
      // Newton's method on both sides: the same optimum, so the same scores and the same predictions.
      record.models.forEach((m, i) => {
        for (const metric of recipe.scoring) expect(out.models[i].bestCv[metric]).toBeCloseTo(m.bestCv[metric], 9);
      });
      expect(out.champion.test.confusion).toEqual(record.champion!.test.confusion);
    }
  }, 600_000);

  it.skipIf(!NBFORMAT)('the notebook is valid nbformat 4, and its cells give the script\'s numbers', async () => {
    const { path } = smallRecipe('verified-course5-no-leak');
    const nbPath = await exported(path, 'course5.ipynb', '--format', 'notebook');
    await python(['-c', 'import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print("valid")', nbPath]);
    const nb = JSON.parse(readFileSync(nbPath, 'utf8')) as Notebook;
    const cells = join(dir, 'course5-cells.py');
    writeFileSync(cells, nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join('')).join('\n\n\n'));
    // Jupyter runs a notebook in its own folder, where the notebook's DATA is relative to.
    const fromNotebook = JSON.parse(await python([cells], { cwd: dir })) as ProgramOut;
    const script = outputs.get('verified-course5-no-leak') ?? (JSON.parse(await python([await exported(path, 'course5.py')])) as ProgramOut);
    expect(withoutTimes(fromNotebook)).toEqual(withoutTimes(script));
  }, 600_000);

  it.skipIf(!NBFORMAT)('an invalid notebook is refused by nbformat (the validation can fail)', async () => {
    const broken = join(dir, 'broken.ipynb');
    const { path } = smallRecipe('verified-course5-no-leak');
    const nb = JSON.parse(readFileSync(await exported(path, 'ok.ipynb'), 'utf8')) as Notebook;
    writeFileSync(broken, JSON.stringify({ ...nb, cells: nb.cells.map((c) => ({ ...c, outputs: 'none' })) }));
    await expect(python(['-c', 'import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))', broken])).rejects.toThrow(/ValidationError/);
  }, 120_000);

  it.skipIf(!DASK)('--dask on a LocalCluster of two workers gives the plain program\'s numbers', async () => {
    const { path } = smallRecipe('claims-course6', COURSE6_GRIDS);
    const plain = outputs.get('claims-course6') ?? (JSON.parse(await python([await exported(path, 'plain.py')])) as ProgramOut);
    const program = await exported(path, 'on_dask.py', '--dask');
    const onDask = JSON.parse(await python([program, '--workers', '2'])) as ProgramOut;
    expect(withoutTimes(onDask)).toEqual(withoutTimes(plain));
  }, 600_000);
});

describe('a hostile data file and recipe, run by Python', () => {
  if (!SKLEARN) {
    it.skip('(skipped: /usr/bin/python3 lacks scikit-learn, pandas or XGBoost)', () => {});
    return;
  }

  const TARGET = 'cl"ass\\';
  const TEXT = 'new\nline text';
  const CATEGORY = '"); import os; os.system("touch PWNED"); ("';
  const NUMBER = 'café ☕';
  const ID = '{id} %(x)s';
  const OTHER = '\u202eevil';
  const OUTPUT = '#len';
  const POSITIVE = 'yes"\n';
  const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'omega', 'claim', 'opinion', 'think', 'read'];

  /** 240 rows from a fixed generator: the class shows in the words and the numbers. */
  function rows(): Record<string, (string | number | null)[]> {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const data: Record<string, (string | number | null)[]> = { [ID]: [], [TARGET]: [], [TEXT]: [], [CATEGORY]: [], [NUMBER]: [], [OTHER]: [] };
    for (let i = 0; i < 240; i++) {
      const yes = next() < 0.5;
      data[ID].push(1000 + i);
      data[TARGET].push(i === 17 ? null : yes ? POSITIVE : 'no');
      data[TEXT].push(Array.from({ length: 6 }, (_, k) => WORDS[Math.floor(next() * 5) + (yes && k < 2 ? 4 : 0)]).join(' '));
      data[CATEGORY].push(['x', 'y', 'z'][Math.floor(next() * 3)]);
      data[NUMBER].push(Math.round((yes ? 50 : 20) + next() * 40 + (i % 50 === 0 ? 500 : 0)));
      data[OTHER].push(Math.round(next() * 1000) / 10);
    }
    return data;
  }

  const csvField = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);

  function frameOf(data: Record<string, (string | number | null)[]>): Frame {
    const names = Object.keys(data);
    const entries: [string, FrameColumn][] = names.map((n) => {
      const values = data[n];
      return typeof values[0] === 'number'
        ? [n, { type: 'number', values: Float64Array.from(values, (v) => (v === null ? NaN : (v as number))) }]
        : [n, { type: 'string', values: values.map((v) => (v === null ? null : String(v))) }];
    });
    return makeFrame(data[names[0]].length, entries);
  }

  it('runs, keeps every name exactly, executes nothing from them, and prepares what Assay prepares', async () => {
    const data = rows();
    const names = Object.keys(data);
    const csv = [names.map(csvField).join(','), ...data[ID].map((_, i) => names.map((n) => csvField(data[n][i])).join(','))].join('\n') + '\n';
    const csvPath = join(dir, 'hostile.csv');
    writeFileSync(csvPath, csv);
    const input: RecipeInput = {
      version: 1,
      name: `hostile ${CATEGORY}\n"""`,
      description: `${TEXT} <script>alert(1)</script>`,
      dataset: { name: CATEGORY, file: csvPath },
      target: { column: TARGET, positive: POSITIVE },
      steps: [
        { op: 'dropMissing' },
        { op: 'textLength', column: TEXT, output: OUTPUT },
        { op: 'dropColumns', columns: [ID] },
        { op: 'oneHot', columns: [CATEGORY], dropFirst: true },
        { op: 'split', test: 0.25, validation: 0.2, randomState: 3, stratify: true },
        { op: 'capOutliersIqr', columns: [NUMBER] },
        { op: 'countVectorizer', column: TEXT, ngramRange: [1, 1], maxFeatures: 5 },
      ],
      models: [{ id: `it's"model\n`, type: 'decisionTree', grid: { max_depth: [2, 3] } }],
      cv: { folds: 3, stratified: true },
    };
    const recipePath = join(dir, 'hostile.json');
    writeFileSync(recipePath, JSON.stringify(input));
    const recipe = parseRecipe(input);
    for (const format of ['sklearn', 'notebook'] as const) {
      const program = await exported(recipePath, format === 'sklearn' ? 'hostile.py' : 'hostile.ipynb', '--format', format);
      const source = format === 'sklearn' ? program : join(dir, 'hostile-cells.py');
      if (format === 'notebook') {
        const nb = JSON.parse(readFileSync(program, 'utf8')) as Notebook;
        writeFileSync(source, nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join('')).join('\n\n\n'));
      }
      // Every name is a string constant of the program, and no call reaches os or system.
      const constants = JSON.parse(
        await python([
          '-c',
          [
            'import ast, json, sys',
            'tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())',
            'calls = sorted({n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "") for n in ast.walk(tree) if isinstance(n, ast.Call)})',
            'strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]',
            'print(json.dumps({"calls": calls, "strings": strings}))',
          ].join('\n'),
          source,
        ]),
      ) as { calls: string[]; strings: string[] };
      for (const n of [TARGET, TEXT, CATEGORY, NUMBER, ID, OUTPUT, POSITIVE, `it's"model\n`]) expect(constants.strings).toContain(n);
      expect(constants.calls).not.toContain('system');
      const out = JSON.parse(await python([source], { cwd: dir })) as ProgramOut;
      expect(existsSync(join(dir, 'PWNED'))).toBe(false);
      expect(readdirSync(dir)).not.toContain('PWNED');
      expect(out.classes).toEqual(['no', POSITIVE]);
      expect(out.models[0].id).toBe(`it's"model\n`);
      const prepared = prepare(recipe, frameOf(data));
      expectSamePreparation(out, recipe, prepared);
      expect(out.features).toContain(NUMBER);
      expect(out.features).toContain(OTHER);
      expect(out.features).toContain(`${CATEGORY}_y`);
    }
  }, 300_000);
});
