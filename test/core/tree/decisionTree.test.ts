/**
 * Our decision tree against scikit-learn's DecisionTreeClassifier, recorded by
 * scripts/fixtures/tree_fixtures.py on integer features (≤ 101 distinct values,
 * so binning is exact and our thresholds are scikit-learn's midpoints).
 */
import { describe, expect, it } from 'vitest';
import { decisionTree } from '../../../src-main/core/ml/tree/decisionTree';
import { binTrainingData } from '../../../src-main/core/ml/tree/binning';
import { leafOfBinned, leafOfRaw } from '../../../src-main/core/ml/tree/predictor';
import type { DecisionTreeParams } from '../../../src-main/core/ml/tree/decisionTree';
import { labelsOf, loadFixture, matrixOf, positiveColumn, withColumn } from './helpers';
import type { TreeData } from './helpers';

interface DtFixture {
  features: number[];
  train: number[];
  test: number[];
  trees: {
    max_depth: number;
    pred_train: number[];
    pred_test: number[];
    proba_test: number[];
    importances: number[];
    root: { feature: number; threshold: number };
    n_nodes: number;
  }[];
}

const data = loadFixture<TreeData>('data.json');
const fx = loadFixture<DtFixture>('decision_tree.json');

describe('decisionTree vs scikit-learn DecisionTreeClassifier', () => {
  const Xtr = matrixOf(data, fx.features, fx.train);
  const ytr = labelsOf(data, fx.train);
  const Xte = matrixOf(data, fx.features, fx.test);
  for (const ref of fx.trees) {
    it(`max_depth=${ref.max_depth}: same root split, node count, predictions, probabilities and importances`, () => {
      const model = decisionTree.fit(Xtr, ytr, 2, { maxDepth: ref.max_depth, randomState: 0 });
      const tree = model.trees[0];
      expect(tree.feature[0]).toBe(ref.root.feature);
      expect(tree.threshold[0]).toBe(ref.root.threshold);
      expect(tree.nNodes).toBe(ref.n_nodes);
      const predTrain = Array.from(positiveColumn(model.predictProba(Xtr).data), (p) => (p > 0.5 ? 1 : 0));
      expect(predTrain).toEqual(ref.pred_train);
      const probaTest = positiveColumn(model.predictProba(Xte).data);
      expect(Array.from(probaTest, (p) => (p > 0.5 ? 1 : 0))).toEqual(ref.pred_test);
      probaTest.forEach((p, i) => expect(p).toBeCloseTo(ref.proba_test[i], 12));
      const imp = model.featureImportances();
      ref.importances.forEach((v, f) => expect(Math.abs(imp[f] - v)).toBeLessThan(1e-9));
    });
  }

  it('min_samples_leaf and min_samples_split bound the leaves', () => {
    const model = decisionTree.fit(Xtr, ytr, 2, { minSamplesLeaf: 20, minSamplesSplit: 50 });
    const tree = model.trees[0];
    const counts = new Map<number, number>();
    for (let i = 0; i < Xtr.rows; i++) {
      const leaf = leafOfRaw(tree, Xtr.columns, i);
      counts.set(leaf, (counts.get(leaf) ?? 0) + 1);
    }
    for (const c of counts.values()) expect(c).toBeGreaterThanOrEqual(20);
  });
});

/**
 * Training rows are routed by bin (the grower's partition, boosting's margin
 * updates), new rows by raw value: both must reach the same leaf. The data
 * make binning matter: f0, f1, f5 and f7 have > 255 distinct values (quantile
 * bins, thresholds between bins), f7 is about 10 % NaN, and an extra copy of f6
 * (101 values, exact bins, node-local midpoints) is NaN on every 7th row.
 */
describe('decisionTree raw and binned prediction paths', () => {
  const f6 = data.columns[6];
  const X = withColumn(
    matrixOf(data, [0, 1, 2, 3, 4, 5, 6, 7]),
    'f6 with gaps',
    Float64Array.from(f6, (v, i) => (i % 7 === 0 || v === null ? NaN : v)),
  );
  const y = labelsOf(data);
  const { mapper, binned } = binTrainingData(X);
  const cases: [string, DecisionTreeParams][] = [
    ['fully grown', { maxDepth: null }],
    ['max_depth=8, min_samples_leaf=5', { maxDepth: 8, minSamplesLeaf: 5 }],
    ['max_features=sqrt', { maxFeatures: 'sqrt', randomState: 7 }],
  ];
  for (const [name, params] of cases) {
    it(`${name}: every training row reaches the same leaf by bin as by raw value`, () => {
      const tree = decisionTree.fit(X, y, 2, params).trees[0];
      const off: string[] = [];
      for (let i = 0; i < X.rows; i++) {
        const byBin = leafOfBinned(tree, binned, i);
        const byValue = leafOfRaw(tree, X.columns, i);
        if (byBin !== byValue) off.push(`row ${i}: leaf ${byBin} by bin, ${byValue} by raw value`);
      }
      expect(off).toEqual([]);

      // the comparison means something only if rows met both kinds of split and the missing bin on the way
      let quantileSplits = 0;
      let exactSplits = 0;
      let missingRouted = 0;
      for (let i = 0; i < X.rows; i++) {
        for (let node = 0; tree.feature[node] >= 0; ) {
          const f = tree.feature[node];
          const v = X.columns[f][i];
          if (v !== v) missingRouted++;
          else if (mapper.binValues[f] === null) quantileSplits++;
          else exactSplits++;
          node = (v !== v ? tree.missingLeft[node] === 1 : v <= tree.threshold[node]) ? tree.left[node] : tree.right[node];
        }
      }
      expect(quantileSplits).toBeGreaterThan(X.rows);
      expect(exactSplits).toBeGreaterThan(X.rows / 10);
      expect(missingRouted).toBeGreaterThan(X.rows / 100);
    });
  }
});
