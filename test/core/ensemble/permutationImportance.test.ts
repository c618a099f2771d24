import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { logisticRegression } from '../../../src-main/core/ml/linear/logisticRegression';
import { scorerFor } from '../../../src-main/core/metrics/scorers';
import { permutationImportance } from '../../../src-main/core/ml/ensemble/permutationImportance';
import { randomForest } from '../../../src-main/core/ml/ensemble/randomForest';
import type { ProbabilityMatrix } from '../../../src-main/core/ml/types';
import { labelsOf, loadFixture, matrixOf, trainRows } from '../tree/helpers';
import type { TreeData } from '../tree/helpers';

const data = loadFixture<TreeData>('data.json');
const accuracy = (y: Int32Array, p: ProbabilityMatrix) => {
  let ok = 0;
  for (let i = 0; i < y.length; i++) if ((p.data[2 * i + 1] > 0.5 ? 1 : 0) === y[i]) ok++;
  return ok / y.length;
};

describe('permutationImportance', () => {
  const tr = trainRows(data, 0);
  const features = [0, 1, 5];
  const model = randomForest.fit(matrixOf(data, features, tr), labelsOf(data, tr), 2, { nEstimators: 30, maxDepth: 6 });
  const Xv = matrixOf(data, features, data.folds[0]);
  const yv = labelsOf(data, data.folds[0]);

  it('credits the strong feature, not the noise, and is reproducible', () => {
    const r = permutationImportance(model, Xv, yv, accuracy, { nRepeats: 5, randomState: 0 });
    expect(r.baseline).toBeCloseTo(accuracy(yv, model.predictProba(Xv)), 12);
    expect(r.mean[0]).toBeGreaterThan(0.05);
    expect(Math.abs(r.mean[2])).toBeLessThan(0.02);
    for (let f = 0; f < 3; f++) {
      const m = r.importances[f].reduce((a, b) => a + b, 0) / 5;
      expect(r.mean[f]).toBeCloseTo(m, 12);
      expect(r.std[f]).toBeGreaterThanOrEqual(0);
    }
    const again = permutationImportance(model, Xv, yv, accuracy, { nRepeats: 5, randomState: 0 });
    expect(Array.from(again.mean)).toEqual(Array.from(r.mean));
  });

  it('does not modify the caller\'s matrix', () => {
    const before = Array.from(Xv.columns[0]);
    permutationImportance(model, Xv, yv, accuracy, { nRepeats: 2 });
    expect(Array.from(Xv.columns[0])).toEqual(before);
  });
});

describe('permutationImportance against scikit-learn', () => {
  const fx = JSON.parse(readFileSync('test/fixtures/linear/permutation.json', 'utf8')) as {
    Xtrain: number[][];
    ytrain: number[];
    Xtest: number[][];
    ytest: number[];
    probaTest: number[];
    results: Record<'recall' | 'accuracy', { importances: number[][]; mean: number[]; std: number[] }>;
  };
  const names = fx.Xtrain.map((_, j) => `x${j}`);
  const matrix = (cols: number[][]) => ({ rows: cols[0].length, columns: cols.map((c) => Float64Array.from(c)), names });
  const model = logisticRegression.fit(matrix(fx.Xtrain), Int32Array.from(fx.ytrain), 2, { C: 1, tol: 1e-10 });
  const Xte = matrix(fx.Xtest);
  const yte = Int32Array.from(fx.ytest);

  it('the model predicts as scikit-learn’s does, so only the shuffles can differ', () => {
    const p = model.predictProba(Xte);
    fx.probaTest.forEach((v, i) => expect(p.data[2 * i + 1]).toBeCloseTo(v, 6));
  });

  for (const metric of ['recall', 'accuracy'] as const) {
    it(`gives scikit-learn's importances for scoring='${metric}' (n_repeats=5, random_state=0)`, () => {
      const scorer = scorerFor(metric);
      const r = permutationImportance(model, Xte, yte, (y, p) => scorer(y, p, 1), { nRepeats: 5, randomState: 0 });
      const want = fx.results[metric];
      r.importances.forEach((row, f) => Array.from(row).forEach((v, k) => expect(v).toBeCloseTo(want.importances[f][k], 12)));
      Array.from(r.mean).forEach((v, f) => expect(v).toBeCloseTo(want.mean[f], 12));
      Array.from(r.std).forEach((v, f) => expect(v).toBeCloseTo(want.std[f], 12));
    });
  }
});
