import { describe, expect, it } from 'vitest';
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
