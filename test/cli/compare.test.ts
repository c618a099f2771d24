import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparedPair } from '../../src-main/core/compare/types';
import type { HeldOutScores, RunRecord } from '../../src-main/core/search/runRecord';
import { assay, isolatedEnv } from './cliProcess';
import { exactMcNemarP } from '../core/compare/exactMcNemar';

let root: string;
let env: NodeJS.ProcessEnv;
const inRoot = (...args: string[]) => assay(args, { cwd: root, env });

/**
 * The Course 6 recipe on the bundled sample with a small grid (as runRecipe's
 * tests use it), so a run takes seconds; and a tiny forest (3 trees of
 * depth 2), which disagrees with rf on some validation rows (rf and xgb of
 * this grid predict alike, which would leave McNemar's b = c = 0).
 */
function smallCourse6(): unknown {
  const r = JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')) as {
    dataset: { file: string };
    models: { id: string; type: string; params: object; grid: Record<string, unknown[]> }[];
  };
  r.dataset.file = resolve('resources/sample/tiktok_claims_sample.csv');
  r.models[0].grid = { max_depth: [4, null], max_features: [0.6], max_samples: [0.7], n_estimators: [10, 20] };
  r.models[1].grid = { max_depth: [3], min_child_weight: [5], learning_rate: [0.1], n_estimators: [20, 40] };
  r.models.push({ id: 'tiny', type: 'randomForest', params: { random_state: 0 }, grid: { n_estimators: [3], max_depth: [2], max_features: [0.3] } });
  return r;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'assay-cli-compare-'));
  const home = join(root, 'home');
  mkdirSync(home);
  env = isolatedEnv(home);
  writeFileSync(join(root, 'recipe.json'), JSON.stringify(smallCourse6()));
  // The run and its re-run, side by side (one worker each on two cores).
  const runs = await Promise.all(['out1', 'out2'].map((out) => inRoot('run', 'recipe.json', '--out', out, '--workers', '1')));
  for (const r of runs) expect(r.stderr.replace(/\r[^\n]*/g, '')).toBe('');
  for (const r of runs) expect(r.code).toBe(0);
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const readRun = (out: string) => JSON.parse(readFileSync(join(root, out, 'run.json'), 'utf8')) as RunRecord;

/** McNemar's discordant counts and each model's misses and false alarms, recomputed from the held-out scores: predicted positive iff p > 0.5. */
function discordant(a: HeldOutScores, b: HeldOutScores) {
  let onlyA = 0;
  let onlyB = 0;
  const misses = [0, 0];
  const alarms = [0, 0];
  a.y.forEach((y, i) => {
    const [saysA, saysB] = [a.score[i] > 0.5, b.score[i] > 0.5];
    const rightA = saysA === (y === 1);
    const rightB = saysB === (b.y[i] === 1);
    if (rightA && !rightB) onlyA++;
    if (rightB && !rightA) onlyB++;
    [saysA, saysB].forEach((says, k) => {
      if (y === 1 && !says) misses[k]++;
      if (y === 0 && says) alarms[k]++;
    });
  });
  return { b: onlyA, c: onlyB, misses, alarms };
}


/** A p-value as the verdict states it. */
const pText = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${Number(p.toPrecision(2))}`);

interface CompareJson {
  models: { run: string; modelId: string; type: string; params: object; cv: Record<string, { mean: number; std: number; folds: number[] }>; validation: object | null; test: object | null }[];
  pairs: ComparedPair[];
}

describe('assay compare', () => {
  it('compares two models of a Course 6 run that disagree: McNemar on the validation rows, the corrected t-test on the folds', async () => {
    const r = await inRoot('compare', 'out1/run.json#rf', 'out1/run.json#tiny', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as CompareJson;
    expect(Object.keys(doc)).toEqual(['models', 'pairs']);
    expect(doc.models.map((m) => [m.run, m.modelId, m.type])).toEqual([
      ['out1/run.json', 'rf', 'randomForest'],
      ['out1/run.json', 'tiny', 'randomForest'],
    ]);
    expect(Object.keys(doc.models[0])).toEqual(['run', 'modelId', 'type', 'params', 'cv', 'validation', 'test']);

    const run = readRun('out1');
    const model = (id: string) => run.models.find((m) => m.modelId === id)!;
    const [rf, tiny] = [model('rf'), model('tiny')];
    const [pair] = doc.pairs;
    expect(Object.keys(pair)).toEqual(['a', 'b', 'mcnemar', 'cvTest', 'reason', 'reasons', 'identical', 'verdict']);
    const counts = discordant(rf.heldOut.validation!, tiny.heldOut.validation!);
    expect(counts.b + counts.c).toBeGreaterThan(0);
    const p = exactMcNemarP(counts.b, counts.c);
    expect(pair.mcnemar).toMatchObject({ set: 'validation', rows: 3817, exact: true, b: counts.b, c: counts.c, statistic: null });
    // Relative: the p-value may be far below any absolute tolerance.
    expect(Math.abs(pair.mcnemar!.pValue / p - 1)).toBeLessThan(1e-9);

    const best = (m: RunRecord['models'][number]) => m.cv.rows.find((row) => row.candidate === m.cv.best)!.split.recall;
    expect(pair.cvTest!.metric).toBe('recall');
    expect(pair.cvTest!.differences).toEqual(best(rf).map((v, i) => v - best(tiny)[i]));
    expect(pair.cvTest!.differences).toHaveLength(5);
    // The first of 5 stratified folds of the 11,450 training rows.
    expect(pair.cvTest!.trainRows + pair.cvTest!.testRows).toBe(11450);
    expect(pair.cvTest!.testRows).toBe(2290);
    expect(pair.reason).toBeNull();
    expect(pair.identical).toBe(false);

    // The verdict states the counts and the p-value: of misses when the false alarms are equal (b − c is then the difference in misses), else of the disagreements.
    const [missRf, missTiny] = counts.misses;
    const [worse, better] = missRf > missTiny ? ['rf', 'tiny'] : ['tiny', 'rf'];
    const head =
      counts.alarms[0] === counts.alarms[1] && missRf !== missTiny
        ? `${worse} misses ${Math.abs(missRf - missTiny).toLocaleString('en-US')} more claims than ${better} on the same 3,817 validation rows; a difference this large would arise by chance with ${pText(p)}`
        : `rf and tiny disagree on ${(counts.b + counts.c).toLocaleString('en-US')} of the same 3,817 validation rows (rf right on ${counts.b.toLocaleString('en-US')}, tiny on ${counts.c.toLocaleString('en-US')})`;
    expect(pair.verdict.startsWith(head)).toBe(true);
    expect(pair.verdict).toContain(pText(p));
    if (missRf !== missTiny) expect(pair.verdict).toContain(`${worse} misses ${Math.abs(missRf - missTiny).toLocaleString('en-US')} more claims than ${better}`);
    expect(pair.verdict).toContain('Over the same 5 cross-validation folds');
  }, 60_000);

  it('finds a run and its re-run identical', async () => {
    const r = await inRoot('compare', 'out1/run.json', 'out2/run.json', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as CompareJson;
    const champion = readRun('out1').champion!.modelId;
    expect(doc.models.map((m) => [m.run, m.modelId])).toEqual([
      ['out1/run.json', champion],
      ['out2/run.json', champion],
    ]);
    expect(doc.models[1].cv).toEqual(doc.models[0].cv);
    expect(doc.models[1].test).toEqual(doc.models[0].test);
    const [pair] = doc.pairs;
    expect(pair.identical).toBe(true);
    expect(pair.mcnemar).toMatchObject({ set: 'validation', rows: 3817, b: 0, c: 0, pValue: 1 });
    expect(pair.cvTest!.differences).toEqual([0, 0, 0, 0, 0]);
    expect(pair.verdict).toBe(
      `${champion} (out1/run.json) and ${champion} (out2/run.json) are identical: the same predictions on every validation row and the same score on every fold.`,
    );
  }, 60_000);

  it('prints a readable table without --json', async () => {
    const r = await inRoot('compare', 'out1/run.json#rf', 'out1/run.json#xgb', '--chi2', '--metric', 'f1');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Models\n/);
    expect(r.stdout).toMatch(/\naccuracy +0\.\d{4} ± 0\.\d{4}/);
    expect(r.stdout).toContain('Validation (3,817 rows)');
    expect(r.stdout).toContain('rf vs xgb\n  McNemar (χ² = ');
    expect(r.stdout).toContain('Corrected t-test on f1 over 5 folds');
  }, 60_000);

  it('says which file is missing, where a JSON file is broken, and which models a run has', async () => {
    const missing = await inRoot('compare', 'nowhere/run.json', 'out1/run.json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`assay: ${join(root, 'nowhere', 'run.json')} does not exist or cannot be read.\n`);

    writeFileSync(join(root, 'broken.json'), '{\n  "models": [\n    1\n    2\n  ]\n}\n');
    const broken = await inRoot('compare', 'broken.json', 'out1/run.json');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^assay: broken\.json, line 4, column 5: not valid JSON/);

    writeFileSync(join(root, 'other.json'), '{"models": []}');
    const other = await inRoot('compare', 'other.json', 'out1/run.json');
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^assay: other\.json is not a run record .*: it has no "classes"/);

    const unknown = await inRoot('compare', 'out1/run.json#svm', 'out1/run.json#rf');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('assay: out1/run.json has no model "svm"; its models: rf, xgb, tiny.\n');

    // A record missing what the comparison reads is refused by field, never with JavaScript's words.
    const damaged = readRun('out1') as unknown as { models: { cv: { rows: Record<string, unknown>[] } }[] };
    delete damaged.models[0].cv.rows[1].split;
    writeFileSync(join(root, 'damaged.json'), JSON.stringify(damaged));
    const refused = await inRoot('compare', 'damaged.json#rf', 'out1/run.json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('assay: damaged.json cannot be compared: models[0].cv.rows[1].split is missing (an object of fold scores per metric).\n');

    const one = await inRoot('compare', 'out1/run.json');
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/^usage: assay compare /);
  }, 60_000);
});
