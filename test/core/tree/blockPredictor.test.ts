import { describe, expect, it } from 'vitest';
import { addTreesValues, addTreeValues } from '../../../src-main/core/ml/tree/predictor';
import { matrixOf } from './helpers';
import { before, data, features, held, storedBoosting, storedForest } from './rowByRow';

const forest = storedForest();
const boosting = storedBoosting();

describe('predictions by blocks of rows × trees', () => {
  it('a forest predicts bit for bit what it predicted row by row', () => {
    expect(Array.from(forest.predictProba(held).data)).toEqual(before.forest);
    expect(forest.predictProbaStaged(held, [1, 7, 25]).map((p) => Array.from(p.data))).toEqual(before.forestStaged);
  });

  it('boosting predicts bit for bit what it predicted row by row', () => {
    expect(Array.from(boosting.predictProba(held).data)).toEqual(before.boosting);
    expect(boosting.predictProbaStaged(held, [1, 13, 40]).map((p) => Array.from(p.data))).toEqual(before.boostingStaged);
  });

  it('adds many trees as adding them one at a time does, across block edges and with missing values', () => {
    // More rows than one block, and a row count that is no multiple of it.
    const rows = Array.from({ length: 2 * 2048 + 17 }, (_, i) => (i * 7) % data.y.length);
    const X = matrixOf(data, features, rows);
    const one = new Float64Array(X.rows * 2);
    for (const t of forest.trees) addTreeValues(t, X, one, 0.5);
    const many = new Float64Array(X.rows * 2);
    addTreesValues(forest.trees, X, many, 0.5);
    expect(Array.from(many)).toEqual(Array.from(one));
    // Small blocks: many block edges.
    const small = new Float64Array(X.rows * 2);
    addTreesValues(forest.trees, X, small, 0.5, 1, 100);
    expect(Array.from(small)).toEqual(Array.from(one));
  });

  it('adds trees to their group (boosting’s one tree per class) across block edges, for 0, 1 and 2,049 rows', () => {
    const groups = 3;
    const trees = forest.trees.slice(0, 9);
    for (const n of [0, 1, 2049]) {
      const rows = Array.from({ length: n }, (_, i) => (i * 5) % data.y.length);
      const X = matrixOf(data, features, rows);
      const k = trees[0].valueSize;
      const one = new Float64Array(X.rows * groups * k);
      trees.forEach((t, ti) => {
        const part = new Float64Array(X.rows * k);
        addTreeValues(t, X, part);
        for (let i = 0; i < X.rows; i++) for (let j = 0; j < k; j++) one[i * groups * k + (ti % groups) * k + j] += part[i * k + j];
      });
      const many = new Float64Array(X.rows * groups * k);
      addTreesValues(trees, X, many, 1, groups, 100);
      expect(Array.from(many)).toEqual(Array.from(one));
    }
  });
});
