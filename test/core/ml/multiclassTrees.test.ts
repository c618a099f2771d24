/**
 * Decision tree and random forest on three classes against scikit-learn 1.2
 * (fixtures: scripts/fixtures/multiclass_model_fixtures.py on author_ban_status).
 * The decision tree is compared where binning is exact and scikit-learn's tree
 * does not depend on its random feature order: same tree, same probabilities.
 * Forests are random: both sides average five seeds of 5-fold CV and are held
 * to scikit-learn's own seed-to-seed range, with floors as in the binary
 * parity tests (accuracy 0.005; macro-F1 0.01, as recall there).
 */
import { describe, expect, it } from 'vitest';
import { randomForest } from '../../../src-main/core/ml/ensemble/randomForest';
import type { RandomForestParams } from '../../../src-main/core/ml/ensemble/randomForest';
import { decisionTree } from '../../../src-main/core/ml/tree/decisionTree';
import { addTreeValues } from '../../../src-main/core/ml/tree/predictor';
import { ALL_FEATURES, argmax, fixture, kScores, labels, matrix, trainRows } from './multiclassFixture';
import type { KScores } from './multiclassFixture';

const K = 3;

describe('decisionTree, three classes, vs scikit-learn DecisionTreeClassifier', () => {
  const dt = fixture.decision_tree;
  const tr = trainRows(dt.fold);
  const Xtr = matrix(dt.features, tr);
  const Xte = matrix(dt.features, fixture.folds[dt.fold]);
  const ytr = labels(tr);

  it('the fixture is the three classes in sorted order', () => {
    expect(fixture.classes).toEqual(['active', 'banned', 'under review']);
    expect(new Set(fixture.y)).toEqual(new Set([0, 1, 2]));
  });

  for (const ref of dt.trees) {
    it(`max_depth=${ref.max_depth}: same root, node count, predict_proba per class and importances`, () => {
      const model = decisionTree.fit(Xtr, ytr, K, { maxDepth: ref.max_depth, randomState: 0 });
      const tree = model.trees[0];
      expect(tree.valueSize).toBe(K);
      expect(tree.feature[0]).toBe(ref.root.feature);
      expect(tree.threshold[0]).toBe(ref.root.threshold);
      expect(tree.nNodes).toBe(ref.n_nodes);
      const proba = model.predictProba(Xte);
      expect(proba.classes).toBe(K);
      expect(proba.data).toHaveLength(ref.proba_test.length);
      let worst = 0;
      proba.data.forEach((p, i) => (worst = Math.max(worst, Math.abs(p - ref.proba_test[i]))));
      expect(worst).toBeLessThan(1e-12);
      const imp = model.featureImportances();
      ref.importances.forEach((v, f) => expect(Math.abs(imp[f] - v), `feature ${f}`).toBeLessThan(1e-9));
    });
  }
});

function ours(p: Record<string, number | null>, randomState: number): RandomForestParams {
  return {
    nEstimators: p.n_estimators as number,
    maxDepth: p.max_depth,
    maxFeatures: p.max_features as number,
    minSamplesLeaf: p.min_samples_leaf as number,
    randomState,
  };
}

function cvScores(params: RandomForestParams): KScores {
  const sum = { accuracy: 0, f1_macro: 0 };
  for (let k = 0; k < 5; k++) {
    const tr = trainRows(k);
    const te = fixture.folds[k];
    const model = randomForest.fit(matrix(ALL_FEATURES, tr), labels(tr), K, params);
    const s = kScores(labels(te), argmax(model.predictProba(matrix(ALL_FEATURES, te)).data, K), K);
    sum.accuracy += s.accuracy / 5;
    sum.f1_macro += s.f1_macro / 5;
  }
  return sum;
}

const FLOOR: KScores = { accuracy: 0.005, f1_macro: 0.01 };

describe('randomForest, three classes, vs scikit-learn RandomForestClassifier', () => {
  for (const ref of fixture.forest) {
    it(`CV accuracy and macro-F1 for ${JSON.stringify(ref.params)}`, () => {
      const s = { accuracy: 0, f1_macro: 0 };
      for (let seed = 0; seed < 5; seed++) {
        const one = cvScores(ours(ref.params, seed));
        s.accuracy += one.accuracy / 5;
        s.f1_macro += one.f1_macro / 5;
      }
      for (const m of ['accuracy', 'f1_macro'] as const) {
        expect(Math.abs(s[m] - ref.scores[m]), `${m}: ours ${s[m]}, scikit-learn ${ref.scores[m]}`).toBeLessThanOrEqual(Math.max(ref.spread[m], FLOOR[m]));
      }
    });
  }

  it("predict_proba is the mean of the trees' class shares; rows sum to 1; importances sum to 1", () => {
    const tr = trainRows(0);
    const X = matrix(ALL_FEATURES, tr);
    const Xv = matrix(ALL_FEATURES, fixture.folds[0]);
    const model = randomForest.fit(X, labels(tr), K, { nEstimators: 15, maxFeatures: 0.6, minSamplesLeaf: 3, randomState: 4 });
    const proba = model.predictProba(Xv);
    expect(proba.classes).toBe(K);
    const mean = new Float64Array(Xv.rows * K);
    for (const t of model.trees) addTreeValues(t, Xv, mean, 1 / model.trees.length);
    let worst = 0;
    proba.data.forEach((p, i) => (worst = Math.max(worst, Math.abs(p - mean[i]))));
    expect(worst).toBeLessThan(1e-12);
    for (let i = 0; i < Xv.rows; i++) expect(proba.data[i * K] + proba.data[i * K + 1] + proba.data[i * K + 2]).toBeCloseTo(1, 12);
    // every class is predicted somewhere (the rare classes are not swallowed by "active")
    expect(new Set(argmax(proba.data, K))).toEqual(new Set([0, 1, 2]));
    expect(model.featureImportances().reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
