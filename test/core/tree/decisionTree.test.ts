/**
 * Our decision tree against scikit-learn's DecisionTreeClassifier, recorded by
 * scripts/fixtures/tree_fixtures.py on integer features (≤ 101 distinct values,
 * so binning is exact and our thresholds are scikit-learn's midpoints).
 */
import { describe, expect, it } from 'vitest';
import { decisionTree } from '../../../src-main/core/ml/tree/decisionTree';
import { leafOfRaw } from '../../../src-main/core/ml/tree/predictor';
import { labelsOf, loadFixture, matrixOf, positiveColumn } from './helpers';
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

  it('raw and binned prediction paths agree on training rows', () => {
    const model = decisionTree.fit(Xtr, ytr, 2, { maxDepth: null });
    const tree = model.trees[0];
    // a fully grown tree is pure on distinct training points, so leaves agree with labels where points are unique
    let leaves = 0;
    for (let i = 0; i < Xtr.rows; i++) if (leafOfRaw(tree, Xtr.columns, i) >= 0) leaves++;
    expect(leaves).toBe(Xtr.rows);
  });

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
