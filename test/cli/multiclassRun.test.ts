/**
 * `assay run resources/recipes/ban-status-multiclass.json --json --out out`:
 * the shipped three-class recipe on the bundled sample, end to end. The
 * record names the three classes, every confusion matrix is 3 × 3, held-out
 * rows keep n × 3 probabilities, and each model's best cross-validated
 * macro-F1 is within 0.01 of scikit-learn's and XGBoost's on the same split
 * and folds (test/fixtures/recipe/multiclass_run.json, from
 * scripts/fixtures/multiclass_run_fixtures.py). The saved models score a
 * CSV with one p_<class> column per class and the most probable class as
 * the prediction; a threshold is refused for them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src-main/core/search/runRecord';
import { assay, isolatedEnv, type Finished } from './cliProcess';
import { readCsv } from './readCsv';

const RECIPE = resolve('resources/recipes/ban-status-multiclass.json');
const SAMPLE = resolve('resources/sample/tiktok_claims_sample.csv');
const CLASSES = ['active', 'banned', 'under review'];

interface Fixture {
  classes: string[];
  rows: { train: number; validation: number; test: number };
  models: Record<string, { best_cv: Record<string, number>; best_params: Record<string, unknown>; val_confusion: number[][] }>;
}
const fixture = JSON.parse(readFileSync('test/fixtures/recipe/multiclass_run.json', 'utf8')) as Fixture;

let root: string;
let env: NodeJS.ProcessEnv;
let run: Finished;
const inRoot = (args: string[]) => assay(args, { cwd: root, env });
/** stderr without the progress bar's carriage-return lines. */
const errors = (s: string) => s.replace(/\r[^\n]*/g, '').trim();
const sum = (m: number[][]) => m.flat().reduce((a, b) => a + b, 0);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'assay-cli-multiclass-'));
  mkdirSync(join(root, 'home'));
  env = isolatedEnv(join(root, 'home'));
  run = await inRoot(['run', RECIPE, '--json', '--out', 'out']);
}, 1_200_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('assay run of the shipped three-class recipe', () => {
  it('prints a record of the three classes with 3 × 3 confusion matrices', () => {
    expect(errors(run.stderr)).toBe('');
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout) as ReturnType<typeof import('../../src-main/cli/commands/runCommand').runJson>;
    expect(r.classes).toEqual(CLASSES);
    expect(r.rows).toEqual({ train: fixture.rows.train, validation: fixture.rows.validation, test: fixture.rows.test });
    expect(r.models.map((m) => m.id)).toEqual(['rf', 'xgb']);
    for (const m of r.models) {
      expect(m.candidates).toBe(m.id === 'rf' ? 16 : 8);
      expect(m.failedFits).toEqual([]);
      expect(Object.keys(m.bestCv).sort()).toEqual(['accuracy', 'f1_macro', 'precision_macro', 'recall_macro']);
      expect(m.validation!.confusion).toHaveLength(3);
      for (const row of m.validation!.confusion) expect(row).toHaveLength(3);
      expect(sum(m.validation!.confusion)).toBe(fixture.rows.validation);
      expect(Object.keys(m.validation!.metrics).sort()).toEqual(['accuracy', 'f1_macro', 'precision_macro', 'recall_macro']);
    }
    expect(r.champion!.rule).toBe('highest validation f1_macro');
    const best = r.models.reduce((a, b) => (b.validation!.metrics.f1_macro > a.validation!.metrics.f1_macro ? b : a));
    expect(r.champion!.modelId).toBe(best.id);
    expect(r.champion!.test.confusion.map((row) => row.length)).toEqual([3, 3, 3]);
    expect(sum(r.champion!.test.confusion)).toBe(fixture.rows.test);
  });

  it("reaches scikit-learn's and XGBoost's best cross-validated macro-F1 within 0.01 per model", () => {
    const r = JSON.parse(run.stdout) as { models: { id: string; bestCv: Record<string, number> }[] };
    for (const m of r.models) {
      const ref = fixture.models[m.id].best_cv.f1_macro;
      expect(Math.abs(m.bestCv.f1_macro - ref), `${m.id}: ${m.bestCv.f1_macro} against ${ref}`).toBeLessThanOrEqual(0.01);
    }
  });

  it('keeps held-out rows as class indices with n × 3 probabilities (run.json)', () => {
    const r = JSON.parse(readFileSync(join(root, 'out', 'run.json'), 'utf8')) as RunRecord;
    const champion = r.models.find((m) => m.modelId === r.champion!.modelId)!;
    for (const m of r.models) {
      const v = m.heldOut.validation!;
      expect(v.score).toEqual([]);
      expect(v.proba).toHaveLength(r.rows.validation * 3);
      expect(new Set(v.y)).toEqual(new Set([0, 1, 2]));
      const oof = m.heldOut.outOfFold!;
      expect(oof.proba).toHaveLength(r.rows.train * 3);
      for (let i = 0; i < 30; i++) expect(oof.proba![3 * i] + oof.proba![3 * i + 1] + oof.proba![3 * i + 2]).toBeCloseTo(1, 9);
    }
    expect(champion.heldOut.test!.proba).toHaveLength(r.rows.test * 3);
  });
});

describe('assay score with a three-class model', () => {
  it('writes p_<class> for each class and predicts the most probable class', async () => {
    const s = await inRoot(['score', 'out/rf.assaymodel', SAMPLE, '--out', 'preds.csv']);
    expect(errors(s.stderr)).toBe('');
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('predicting the most probable of its 3 classes (active, banned, under review)');
    expect(s.stdout).toMatch(/accuracy \d\.\d{4} {2}precision \d\.\d{4} {2}recall \d\.\d{4} {2}f1 \d\.\d{4} {2}\(macro averages over the classes\)/);
    const { header, rows } = readCsv(join(root, 'preds.csv'));
    expect(header).toEqual(['row', 'prediction', 'p_active', 'p_banned', 'p_under review', 'note']);
    let scored = 0;
    for (const row of rows) {
      if (row[1] === '') continue;
      scored++;
      const p = row.slice(2, 5).map(Number);
      expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 6);
      expect(row[1]).toBe(CLASSES[p.indexOf(Math.max(...p))]);
    }
    expect(scored).toBeGreaterThan(18000);
  });

  it('refuses --threshold, naming the classes', async () => {
    const s = await inRoot(['score', 'out/xgb.assaymodel', SAMPLE, '--out', 'x.csv', '--threshold', '0.3']);
    expect(s.code).not.toBe(0);
    expect(errors(s.stderr)).toBe(
      'assay: --threshold applies to a model of two classes, but this one predicts 3 (active, banned, under review) and takes the most probable class for each row; score without a threshold.',
    );
  });
});
