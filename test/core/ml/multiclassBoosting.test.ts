/**
 * Gradient boosting on three classes (XGBoost's multi:softprob) against
 * XGBoost 1.7.4 (fixtures: scripts/fixtures/multiclass_model_fixtures.py).
 * On features Assay bins exactly, histogram splits are XGBoost's exact
 * splits, so one model's margins and probabilities agree up to XGBoost's
 * float32 arithmetic. On all features (quantile bins against exact greedy)
 * CV scores are held to the binary parity tolerances — accuracy 0.005,
 * macro-F1 0.01 (as recall there) — or, where larger, to the gap between
 * XGBoost's own histogram and exact methods on the same folds (a deep,
 * 300-round model on these heavy-tailed counts moves 0.007 in accuracy
 * from binning alone).
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { fitGradientBoosting, gradientBoosting, resolveObjective } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import type { GradientBoostingParams } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import { expectTopRanksAsReference } from '../tree/importanceRanks';
import { ALL_FEATURES, argmax, fixture, kScores, labels, matrix, trainRows } from './multiclassFixture';

const K = 3;
const ours = (p: Record<string, number>): GradientBoostingParams => ({
  nEstimators: p.n_estimators,
  maxDepth: p.max_depth,
  minChildWeight: p.min_child_weight,
  learningRate: p.learning_rate,
  randomState: 0,
});

describe('gradientBoosting multi:softprob vs XGBoost 1.7', () => {
  const ex = fixture.xgboost.exact;
  const tr = trainRows(ex.fold);
  const Xtr = matrix(ex.features, tr);
  const Xte = matrix(ex.features, fixture.folds[ex.fold]);
  const model = gradientBoosting.fit(Xtr, labels(tr), K, ours(ex.params));

  it('keeps one tree per class per round, in XGBoost\'s order, and base_score 0.5 untransformed', () => {
    expect(fixture.versions.xgboost).toBe('1.7.4');
    expect(ex.num_class).toBe(3);
    expect(model.objective).toBe('multi:softprob');
    expect(model.nMembers).toBe(ex.params.n_estimators);
    expect(model.trees).toHaveLength(ex.tree_info.length);
    expect(model.trees.map((_, t) => t % K)).toEqual(ex.tree_info);
    expect(model.baseMargin).toBe(ex.base_score);
    const [start] = model.marginsStaged(Xte, [0]);
    expect(new Set(start)).toEqual(new Set([0.5]));
  });

  it('on exactly binned features: the margins and predict_proba of XGBoost, to float32 rounding', () => {
    const [margin] = model.marginsStaged(Xte, [model.nMembers]);
    const proba = model.predictProba(Xte);
    expect(proba.classes).toBe(K);
    expect(margin).toHaveLength(ex.margin_test.length);
    let worstMargin = 0;
    margin.forEach((m, i) => (worstMargin = Math.max(worstMargin, Math.abs(m - ex.margin_test[i]))));
    let worstProba = 0;
    proba.data.forEach((p, i) => (worstProba = Math.max(worstProba, Math.abs(p - ex.proba_test[i]))));
    expect(worstMargin).toBeLessThan(1e-5);
    expect(worstProba).toBeLessThan(1e-6);
  });

  for (const ref of fixture.xgboost.cv) {
    it(`CV accuracy and macro-F1 on all features for ${JSON.stringify(ref.params)}`, () => {
      const sum = { accuracy: 0, f1_macro: 0 };
      for (let k = 0; k < 5; k++) {
        const rows = trainRows(k);
        const te = fixture.folds[k];
        const m = gradientBoosting.fit(matrix(ALL_FEATURES, rows), labels(rows), K, ours(ref.params));
        const s = kScores(labels(te), argmax(m.predictProba(matrix(ALL_FEATURES, te)).data, K), K);
        sum.accuracy += s.accuracy / 5;
        sum.f1_macro += s.f1_macro / 5;
      }
      const FLOOR = { accuracy: 0.005, f1_macro: 0.01 };
      for (const m of ['accuracy', 'f1_macro'] as const) {
        const binningGap = Math.abs(ref.hist_scores[m] - ref.scores[m]);
        const tol = Math.max(FLOOR[m], binningGap + 1e-9);
        expect(Math.abs(sum[m] - ref.scores[m]), `${m}: ours ${sum[m]}, XGBoost exact ${ref.scores[m]}, hist ${ref.hist_scores[m]}`).toBeLessThanOrEqual(tol);
      }
    });
  }

  it('feature_importances_ (gain over every class\'s trees) rank the top features as XGBoost and sum to 1', () => {
    const ref = fixture.xgboost.importances;
    const all = fixture.y.map((_, i) => i);
    const m = gradientBoosting.fit(matrix(ALL_FEATURES, all), labels(all), K, ours(ref.params));
    const imp = m.featureImportances();
    expect(imp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // XGBoost ranks features 9, 7, 6, 8 within 0.004 of each other (0.1373, 0.1367, 0.1344, 0.1333); at 511 bins
    // Assay's second is feature 8 (0.1326) by 0.001 over feature 7 (at 255 bins: 9, 7). A swap among them is a tie.
    expectTopRanksAsReference(imp, ref.feature_importances, 2, 0.01);
    ref.feature_importances.forEach((v, f) => expect(Math.abs(imp[f] - v), `feature ${f}`).toBeLessThan(0.05));
    const splits = m.trees.reduce((a, t) => a + Array.from(t.feature).filter((f) => f >= 0).length, 0);
    expect(m.rawImportance('weight').reduce((a, b) => a + b, 0)).toBe(splits);
  });
});

describe('gradientBoosting multi:softprob mechanics', () => {
  const tr = trainRows(2);
  const X = matrix(ALL_FEATURES, tr);
  const y = labels(tr);
  const Xv = matrix(ALL_FEATURES, fixture.folds[2]);

  it('staged probabilities (in rounds) equal fitting fewer rounds; rows sum to 1', () => {
    const params = { maxDepth: 4, learningRate: 0.2, subsample: 0.8, colsampleBytree: 0.7, randomState: 5 };
    const big = gradientBoosting.fit(X, y, K, { ...params, nEstimators: 12 });
    expect(big.nMembers).toBe(12);
    expect(big.trees).toHaveLength(36);
    const staged = big.predictProbaStaged(Xv, [4, 12]);
    for (const [i, m] of [4, 12].entries()) {
      const small = gradientBoosting.fit(X, y, K, { ...params, nEstimators: m });
      expect(Array.from(staged[i].data)).toEqual(Array.from(small.predictProba(Xv).data));
    }
    const p = staged[1].data;
    for (let i = 0; i < Xv.rows; i++) expect(p[3 * i] + p[3 * i + 1] + p[3 * i + 2]).toBeCloseTo(1, 12);
  });

  const updatePaths: [string, GradientBoostingParams][] = [
    ['row partition', { nEstimators: 8, maxDepth: 6 }],
    ['leafOfBinned after row and column subsampling', { nEstimators: 8, maxDepth: 6, subsample: 0.7, colsampleBytree: 0.6, randomState: 3 }],
    ['leafOfBinned after γ pruning', { nEstimators: 8, maxDepth: 8, gamma: 1 }],
  ];
  for (const [path, params] of updatePaths) {
    it(`training margins (n × 3) kept through the ${path} equal re-prediction`, () => {
      const { model, trainingMargins } = fitGradientBoosting(X, y, K, params);
      const [predicted] = model.marginsStaged(X, [model.nMembers]);
      expect(trainingMargins).toHaveLength(X.rows * K);
      if (params.gamma) expect(model.trees.some((t) => t.feature.some((f, n) => f < 0 && t.left[n] >= 0))).toBe(true);
      const off: string[] = [];
      for (let i = 0; i < trainingMargins.length; i++) {
        if (!(Math.abs(trainingMargins[i] - predicted[i]) <= 1e-12)) off.push(`row ${Math.floor(i / K)} class ${i % K}: kept ${trainingMargins[i]}, predicted ${predicted[i]}`);
      }
      expect(off).toEqual([]);
    });
  }

  it('the objective comes from the class count; one that contradicts it is refused by name', () => {
    expect(resolveObjective(null, 3)).toBe('multi:softprob');
    expect(resolveObjective(undefined, 2)).toBe('binary:logistic');
    expect(resolveObjective('multi:softprob', 4)).toBe('multi:softprob');
    expect(() => gradientBoosting.fit(X, y, K, { objective: 'binary:logistic' })).toThrow(ApiError);
    expect(() => gradientBoosting.fit(X, y, K, { objective: 'binary:logistic' })).toThrow(/"binary:logistic" needs two classes, but this target has 3; use "multi:softprob"/);
    const y2 = Int32Array.from(y, (v) => (v === 0 ? 0 : 1));
    expect(() => gradientBoosting.fit(X, y2, 2, { objective: 'multi:softprob' })).toThrow(/"multi:softprob" needs more than two classes, but this target has 2/);
    expect(() => gradientBoosting.fit(X, y, K, { objective: 'multi:softmax' })).toThrow(/objective "multi:softmax" is not one Assay fits/);
    expect(() => gradientBoosting.fit(X, y, 1, {})).toThrow(/at least two classes/);
  });

  it('reports progress per round and aborts between rounds', () => {
    const signal = { aborted: false };
    const seen: number[] = [];
    let err: unknown;
    try {
      gradientBoosting.fit(X, y, K, { nEstimators: 50, maxDepth: 2 }, { signal, onProgress: (d, t) => (seen.push(d * 100 + t), (signal.aborted = d === 3)) });
    } catch (e) {
      err = e;
    }
    expect((err as Error).name).toBe('AbortError');
    expect(seen).toEqual([150, 250, 350]);
  });
});
