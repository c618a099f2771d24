/**
 * Gradient boosting against XGBoost 1.7's XGBClassifier (binary:logistic),
 * fixtures from scripts/fixtures/tree_fixtures.py. XGBoost 1.7 trains this
 * data with its exact greedy method; we split on ≤ 511 bins, so scores are
 * compared with tolerances (2,000 noisy rows; both sides deterministic):
 * accuracy and AUC 0.005, recall 0.01. The data include a feature with 10 %
 * NaN (the missing path).
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { fitGradientBoosting, gradientBoosting } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import type { GradientBoostingParams } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import { labelsOf, loadFixture, matrixOf, positiveColumn, score, trainRows } from '../tree/helpers';
import { expectTopRanksAsReference } from '../tree/importanceRanks';
import type { Scores, TreeData } from '../tree/helpers';

interface CvFixture {
  xgb: { params: Record<string, number>; scores: Scores }[];
  xgb_importances: { params: Record<string, number>; feature_importances: number[]; weight: Record<string, number> };
}

const data = loadFixture<TreeData>('data.json');
const cv = loadFixture<CvFixture>('cv_scores.json');
const features = [0, 1, 2, 3, 4, 5, 6, 7];
/** Top-ranked importances the reference puts within 1 % of the total of each other may swap. */
const IMPORTANCE_NEAR_TIE = 0.01;

const ours = (p: Record<string, number>): GradientBoostingParams => ({
  nEstimators: p.n_estimators,
  maxDepth: p.max_depth,
  minChildWeight: p.min_child_weight,
  learningRate: p.learning_rate,
  randomState: 0,
});

describe('gradientBoosting vs XGBoost', () => {
  for (const ref of cv.xgb) {
    it(`CV scores for ${JSON.stringify(ref.params)}`, () => {
      const sum = { accuracy: 0, recall: 0, auc: 0 };
      for (let k = 0; k < 5; k++) {
        const tr = trainRows(data, k);
        const model = gradientBoosting.fit(matrixOf(data, features, tr), labelsOf(data, tr), 2, ours(ref.params));
        const s = score(labelsOf(data, data.folds[k]), positiveColumn(model.predictProba(matrixOf(data, features, data.folds[k])).data));
        sum.accuracy += s.accuracy / 5;
        sum.recall += s.recall / 5;
        sum.auc += s.auc / 5;
      }
      // Both sides are deterministic: these are the differences of histogram splits against exact ones, not noise.
      expect(Math.abs(sum.accuracy - ref.scores.accuracy)).toBeLessThan(0.005);
      expect(Math.abs(sum.recall - ref.scores.recall)).toBeLessThan(0.01);
      expect(Math.abs(sum.auc - ref.scores.auc)).toBeLessThan(0.005);
    });
  }

  it('feature_importances_ (gain) rank the top features as XGBoost and sum to 1', () => {
    const ref = cv.xgb_importances;
    const model = gradientBoosting.fit(matrixOf(data, features), labelsOf(data), 2, ours(ref.params));
    const imp = model.featureImportances();
    expect(imp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // XGBoost's top two (features 2 and 0) are 0.0051 apart; at 511 bins Assay puts them 0.0008 apart in the
    // other order (2, 0 at 255 bins). Every importance stays within 0.01 of XGBoost's either way.
    expectTopRanksAsReference(imp, ref.feature_importances, 2, IMPORTANCE_NEAR_TIE);
    ref.feature_importances.forEach((v, f) => expect(Math.abs(imp[f] - v)).toBeLessThan(0.05));
    // 'weight' counts splits; XGBoost's total over features is the number of split nodes
    const weight = model.rawImportance('weight');
    const splits = model.trees.reduce((a, t) => a + Array.from(t.feature).filter((f) => f >= 0).length, 0);
    expect(weight.reduce((a, b) => a + b, 0)).toBe(splits);
    const total = model.rawImportance('total_gain');
    const mean = model.rawImportance('gain');
    for (let f = 0; f < 8; f++) if (weight[f] > 0) expect(mean[f]).toBeCloseTo(total[f] / weight[f], 9);
  });
});

describe('gradientBoosting mechanics', () => {
  const tr = trainRows(data, 1);
  const X = matrixOf(data, features, tr);
  const y = labelsOf(data, tr);
  const Xv = matrixOf(data, features, data.folds[1]);

  it('staged probabilities equal fitting fewer rounds', () => {
    const params = { maxDepth: 5, minChildWeight: 3, learningRate: 0.1, subsample: 0.8, colsampleBytree: 0.7, randomState: 2 };
    const big = gradientBoosting.fit(X, y, 2, { ...params, nEstimators: 40 });
    const staged = big.predictProbaStaged(Xv, [10, 40]);
    for (const [i, m] of [10, 40].entries()) {
      const small = gradientBoosting.fit(X, y, 2, { ...params, nEstimators: m });
      const p = small.predictProba(Xv).data;
      staged[i].data.forEach((v, j) => expect(v).toBeCloseTo(p[j], 12));
    }
  });

  // The loop updates training margins through the binned path (the grower's
  // row partition, or leafOfBinned after subsampling or pruning); prediction
  // walks raw values. Both must put every row in the same leaf of every tree.
  // Features 0, 1, 5, 7 have > 511 distinct values (quantile bins) and f7 is
  // about 10 % NaN, so thresholds and the missing bin are both exercised.
  const updatePaths: [string, GradientBoostingParams][] = [
    ['row partition', { nEstimators: 30, maxDepth: 6 }],
    ['leafOfBinned after row and column subsampling', { nEstimators: 30, maxDepth: 6, subsample: 0.7, colsampleBytree: 0.6, randomState: 3 }],
    ['leafOfBinned after γ pruning', { nEstimators: 30, maxDepth: 8, gamma: 1 }],
  ];
  for (const [path, params] of updatePaths) {
    it(`training margins kept through the ${path} equal re-prediction of every training row`, () => {
      const { model, trainingMargins } = fitGradientBoosting(X, y, 2, params);
      const [predicted] = model.marginsStaged(X, [model.nMembers]);
      expect(model.nMembers).toBe(30);
      // γ must really have collapsed a split (a leaf that kept its children), or this case tests the partition again
      if (params.gamma) expect(model.trees.some((t) => t.feature.some((f, n) => f < 0 && t.left[n] >= 0))).toBe(true);
      const off: string[] = [];
      for (let i = 0; i < X.rows; i++) {
        if (!(Math.abs(trainingMargins[i] - predicted[i]) <= 1e-12)) off.push(`row ${i}: kept ${trainingMargins[i]}, predicted ${predicted[i]}`);
      }
      expect(off).toEqual([]);
    });
  }

  it('γ prunes splits with loss_chg < γ', () => {
    const plain = gradientBoosting.fit(X, y, 2, { nEstimators: 5, maxDepth: 6 });
    const pruned = gradientBoosting.fit(X, y, 2, { nEstimators: 5, maxDepth: 6, gamma: 5 });
    const splits = (m: typeof plain) => m.trees.reduce((a, t) => a + Array.from(t.feature).filter((f) => f >= 0).length, 0);
    expect(splits(pruned)).toBeLessThan(splits(plain));
    for (const t of pruned.trees)
      for (let n = 0; n < t.nNodes; n++)
        if (t.feature[n] >= 0 && t.feature[t.left[n]] < 0 && t.feature[t.right[n]] < 0) expect(t.gain[n]).toBeGreaterThanOrEqual(5);
  });

  // More than two classes are fitted with multi:softprob (test/core/ml/multiclassBoosting.test.ts);
  // an objective that contradicts the target is refused naming the class count.
  it('rejects binary:logistic for three classes with a message naming the count', () => {
    const y3 = Int32Array.from(y, (v, i) => (i % 7 === 0 ? 2 : v));
    expect(() => gradientBoosting.fit(X, y3, 3, { objective: 'binary:logistic' })).toThrow(ApiError);
    expect(() => gradientBoosting.fit(X, y3, 3, { objective: 'binary:logistic' })).toThrow(/needs two classes, but this target has 3/);
  });

  it('reports progress and aborts between trees', () => {
    const signal = { aborted: false };
    const seen: number[] = [];
    let err: unknown;
    try {
      gradientBoosting.fit(X, y, 2, { nEstimators: 100 }, { signal, onProgress: (d) => (seen.push(d), (signal.aborted = d === 3)) });
    } catch (e) {
      err = e;
    }
    expect((err as Error).name).toBe('AbortError');
    expect(seen).toEqual([1, 2, 3]);
  });
});
