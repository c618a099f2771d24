import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCvJob, type SearchData } from '../../../src-main/core/search/jobs';
import { OutOfFoldScores } from '../../../src-main/core/search/outOfFold';
import { planModel } from '../../../src-main/core/search/plan';
import { stratifiedKFold } from '../../../src-main/core/modelSelection/kFold';
import type { ModelConfig } from '../../../src-main/core/recipe/schema';

/** cross_val_predict(LogisticRegression(C=1), cv=StratifiedKFold(5), method='predict_proba') (scripts/fixtures/decision_rule_fixtures.py). */
const FX = (JSON.parse(readFileSync('test/fixtures/evaluation/decision_rule.json', 'utf8')) as {
  outOfFold: { columns: number[][]; y: number[]; folds: number[][]; oof: number[] };
}).outOfFold;

function searchData(): SearchData {
  const y = Int32Array.from(FX.y);
  const X = { rows: y.length, columns: FX.columns.map((c) => Float64Array.from(c)), names: ['a', 'b', 'c'] };
  const folds = stratifiedKFold(y, 5);
  return { train: { X, y }, validation: null, test: { X, y }, folds, nClasses: 2, classes: ['no', 'yes'], metrics: ['recall'], refit: 'recall' };
}

describe('out-of-fold predictions', () => {
  it("are scikit-learn's cross_val_predict for the candidate, row by row", () => {
    const data = searchData();
    // Assay's folds are StratifiedKFold's, so each row is scored by the same fold model.
    expect(data.folds.map((f) => Array.from(f.test))).toEqual(FX.folds);
    const plan = planModel({ id: 'lr', type: 'logisticRegression', params: { tol: 1e-10, max_iter: 1000 }, grid: { C: [0.01, 1] } } as unknown as ModelConfig, '$.models[0]');
    const oof = new OutOfFoldScores(FX.y.length);
    for (const group of plan.groups) {
      for (let fold = 0; fold < 5; fold++) {
        const r = runCvJob(data, group, fold);
        group.candidates.forEach((c, i) => oof.add(c, data.folds[fold].test, r.outOfFold[i]));
      }
    }
    const got = oof.scores(1, FX.y)!;
    expect(got.y).toEqual(FX.y);
    for (let i = 0; i < FX.oof.length; i++) expect(Math.abs(got.score[i] - FX.oof[i]), `row ${i}`).toBeLessThan(1e-6);
    // The other candidate (C = 0.01) is a different model.
    expect(Math.max(...oof.scores(0, FX.y)!.score.map((s, i) => Math.abs(s - FX.oof[i])))).toBeGreaterThan(1e-3);
  });

  it('are null when a fold of the candidate is missing (its fit failed)', () => {
    const oof = new OutOfFoldScores(4);
    oof.add(0, [0, 2], [0.1, 0.2]);
    expect(oof.scores(0, [0, 1, 0, 1])).toBeNull();
    oof.add(0, [1, 3], [0.7, 0.9]);
    expect(oof.scores(0, [0, 1, 0, 1])).toEqual({ y: [0, 1, 0, 1], score: [0.1, 0.7, 0.2, 0.9] });
    expect(oof.scores(5, [0, 1, 0, 1])).toBeNull();
  });
});
