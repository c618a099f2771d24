/**
 * Predictions with one column replaced, from each row's stored leaves: the
 * same doubles as predicting the replaced matrix from scratch, for forests and
 * boosting, every feature, missing values and odd rows included — so
 * permutation importance is unchanged by taking the short way.
 */
import { describe, expect, it } from 'vitest';
import { GradientBoostingModel } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import { permutationImportance } from '../../../src-main/core/ml/ensemble/permutationImportance';
import { addTreesValues, RowLeaves, type FlatTree } from '../../../src-main/core/ml/tree/predictor';
import type { FeatureMatrix, FittedClassifier, ProbabilityMatrix } from '../../../src-main/core/ml/types';
import { matrixOf } from './helpers';
import { data, features, held, heldLabels, storedBoosting, storedForest } from './rowByRow';

const forest = storedForest();
const boosting = storedBoosting();

/** X with column f replaced. */
const replaced = (X: FeatureMatrix, f: number, column: Float64Array): FeatureMatrix => {
  const columns = X.columns.slice();
  columns[f] = column;
  return { rows: X.rows, columns, names: X.names };
};

/** Replacement columns that move rows across splits: reversed, missing in places, extreme values. */
function replacements(X: FeatureMatrix, f: number): Float64Array[] {
  const c = X.columns[f];
  const reversed = Float64Array.from(c).reverse();
  const gappy = Float64Array.from(c, (v, i) => (i % 3 === 0 ? NaN : v * 1.5 + 1));
  const extreme = Float64Array.from(c, (_, i) => (i % 2 ? Number.MAX_VALUE : -Number.MAX_VALUE));
  return [reversed, gappy, extreme];
}

const asArrays = (ps: ProbabilityMatrix[]) => ps.map((p) => Array.from(p.data));

/** A classifier that predicts as `model` does, without its short way. */
const plain = (model: FittedClassifier): FittedClassifier => ({ nClasses: model.nClasses, predictProba: (X) => model.predictProba(X), toJSON: () => null });

describe('RowLeaves: one column replaced, only the rows whose path tests it walked again', () => {
  it('adds what addTreesValues adds on the replaced matrix, bit for bit, for every feature, with scale and groups', () => {
    // Rows with missing values, repeated rows, more than one prediction block.
    const rows = Array.from({ length: 2100 }, (_, i) => (i * 7) % data.y.length);
    const X = matrixOf(data, features, rows);
    const leaves = RowLeaves.of(forest.trees, X)!;
    const k = forest.trees[0].valueSize;
    for (const f of features) {
      const reps = replacements(X, f);
      const outs = reps.map(() => new Float64Array(X.rows * k));
      leaves.addTreesValuesReplacing(f, reps, outs, 0.5);
      reps.forEach((col, r) => {
        const expected = new Float64Array(X.rows * k);
        addTreesValues(forest.trees, replaced(X, f, col), expected, 0.5);
        expect(Array.from(outs[r]), `feature ${f}, replacement ${r}`).toEqual(Array.from(expected));
      });
    }
    // Trees in groups (boosting's one tree per class).
    const trees = forest.trees.slice(0, 9);
    const grouped = RowLeaves.of(trees, X)!;
    const reps = replacements(X, 2);
    const outs = reps.map(() => new Float64Array(X.rows * 3 * k));
    grouped.addTreesValuesReplacing(2, reps, outs, 1, 3);
    reps.forEach((col, r) => {
      const expected = new Float64Array(X.rows * 3 * k);
      addTreesValues(trees, replaced(X, 2, col), expected, 1, 3);
      expect(Array.from(outs[r])).toEqual(Array.from(expected));
    });
  });

  it('a one-leaf tree and a tree whose root tests the column', () => {
    const leaf: FlatTree = {
      nNodes: 1, feature: Int32Array.of(-1), threshold: Float64Array.of(0), binThreshold: new Uint8Array(1), missingLeft: new Uint8Array(1),
      left: Int32Array.of(-1), right: Int32Array.of(-1), valueSize: 1, value: Float64Array.of(0.25), gain: new Float64Array(1), cover: new Float64Array(1),
    };
    const stump: FlatTree = {
      nNodes: 3, feature: Int32Array.of(0, -1, -1), threshold: Float64Array.of(1, 0, 0), binThreshold: new Uint8Array(3), missingLeft: Uint8Array.of(0, 0, 0),
      left: Int32Array.of(1, -1, -1), right: Int32Array.of(2, -1, -1), valueSize: 1, value: Float64Array.of(0, 10, 20), gain: new Float64Array(3), cover: new Float64Array(3),
    };
    const X: FeatureMatrix = { rows: 3, columns: [Float64Array.of(0, 2, NaN)], names: ['a'] };
    const out = [new Float64Array(3)];
    RowLeaves.of([leaf, stump], X)!.addTreesValuesReplacing(0, [Float64Array.of(5, 0, 1)], out);
    expect(Array.from(out[0])).toEqual([20.25, 10.25, 10.25]);
  });

  it('refuses a replacement of the wrong length, and keeps no table past its memory limit', () => {
    const leaves = RowLeaves.of(forest.trees, held)!;
    expect(() => leaves.addTreesValuesReplacing(0, [new Float64Array(held.rows - 1)], [new Float64Array(held.rows * 2)])).toThrow(
      `RowLeaves: a replacement column has ${held.rows - 1} values for ${held.rows} rows`,
    );
    expect(RowLeaves.of(forest.trees, held, forest.trees.length * held.rows * 4 - 1)).toBeNull();
    expect(RowLeaves.of(forest.trees, held, forest.trees.length * held.rows * 4)).not.toBeNull();
  });
});

describe('RowLeaves refuses node graphs that are not trees (callers then predict the plain way)', () => {
  const node = (feature: number[], left: number[], right: number[], value: number[]): FlatTree => ({
    nNodes: feature.length, feature: Int32Array.from(feature), threshold: new Float64Array(feature.length).fill(0.5), binThreshold: new Uint8Array(feature.length),
    missingLeft: new Uint8Array(feature.length), left: Int32Array.from(left), right: Int32Array.from(right), valueSize: 1, value: Float64Array.from(value),
    gain: new Float64Array(feature.length), cover: new Float64Array(feature.length),
  });
  const X: FeatureMatrix = { rows: 2, columns: [Float64Array.of(0, 1), Float64Array.of(1, 0)], names: ['a', 'b'] };

  it('a child shared by two splits (its path is not one path), a dangling child, a child out of range', () => {
    const shared = node([0, 1, 1, -1, -1], [1, 3, 3, -1, -1], [2, 4, 4, -1, -1], [0, 0, 0, 1, 2]);
    const dangling = node([0, -1], [1, -1], [-1, -1], [0, 1]);
    const outOfRange = node([0, -1, -1], [1, -1, -1], [7, -1, -1], [0, 1, 2]);
    for (const bad of [shared, dangling, outOfRange]) expect(RowLeaves.of([bad], X)).toBeNull();
  });

  it('children stored before their parents are still a tree, and predict as the plain walk does', () => {
    // Node 3 splits on a into nodes 1 and 2, stored before it.
    const reordered = node([1, -1, -1, 0, -1], [3, -1, -1, 1, -1], [4, -1, -1, 2, -1], [0, 10, 20, 0, 30]);
    const leaves = RowLeaves.of([reordered], X)!;
    expect(leaves).not.toBeNull();
    const col = Float64Array.of(1, 0);
    const out = [new Float64Array(2)];
    leaves.addTreesValuesReplacing(0, [col], out);
    const expected = new Float64Array(2);
    addTreesValues([reordered], { ...X, columns: [col, X.columns[1]] }, expected);
    expect(Array.from(out[0])).toEqual(Array.from(expected));
    // Row 2 moved from node 2 to node 1 with its new value of a; row 1 never tests a.
    expect(Array.from(out[0])).toEqual([30, 10]);
  });
});

describe('columnReplacer: the models predict the replaced matrix exactly as predictProba does', () => {
  // Boosting's trees as three classes (one tree per class per round): the same code path as a 3-class fit.
  const rounds = Math.floor(boosting.trees.length / 3) * 3;
  const boosting3 = new GradientBoostingModel(boosting.nFeatures, boosting.baseMargin, boosting.trees.slice(0, rounds), 3);
  const models: [string, FittedClassifier][] = [
    ['forest', forest],
    ['boosting', boosting],
    ['3-class boosting', boosting3],
  ];
  for (const [name, model] of models) {
    it(name, () => {
      const replace = model.columnReplacer!(held)!;
      for (const f of features) {
        const reps = replacements(held, f);
        expect(asArrays(replace(f, reps)), `feature ${f}`).toEqual(asArrays(reps.map((c) => model.predictProba(replaced(held, f, c)))));
      }
    });
  }

  it('permutation importance is the same, shuffle for shuffle, with and without the short way', () => {
    const accuracy = (y: Int32Array, p: ProbabilityMatrix) => {
      let ok = 0;
      for (let i = 0; i < y.length; i++) {
        let best = 0;
        for (let j = 1; j < p.classes; j++) if (p.data[i * p.classes + j] > p.data[i * p.classes + best]) best = j;
        if (best === y[i]) ok++;
      }
      return ok / y.length;
    };
    for (const [, model] of models) {
      const fast = permutationImportance(model, held, heldLabels, accuracy, { nRepeats: 3, randomState: 4 });
      const slow = permutationImportance(plain(model), held, heldLabels, accuracy, { nRepeats: 3, randomState: 4 });
      expect(fast.importances.map((a) => Array.from(a))).toEqual(slow.importances.map((a) => Array.from(a)));
      expect(fast.importances.some((a) => a.some((v) => v !== 0))).toBe(true);
    }
  });
});
