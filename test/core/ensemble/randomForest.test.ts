/**
 * Random forest against scikit-learn's RandomForestClassifier (fixtures from
 * scripts/fixtures/tree_fixtures.py). Forests are random, so both sides are
 * averaged over the same five seeds (random_state 0..4) of 5-fold CV, and each
 * parameter set is held to scikit-learn's own seed-to-seed spread there (the
 * range of its five runs), with a floor for sets where that spread is tiny:
 * accuracy 0.005, recall 0.01, AUC 0.005. The 0.005 recall check of the whole
 * grid runs on the sample in test/node/course6Grids.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { randomForest } from '../../../src-main/core/ml/ensemble/randomForest';
import type { RandomForestParams } from '../../../src-main/core/ml/ensemble/randomForest';
import { resolveMaxFeatures } from '../../../src-main/core/ml/tree/treeClassifier';
import { labelsOf, loadFixture, matrixOf, positiveColumn, score, trainRows } from '../tree/helpers';
import type { Scores, TreeData } from '../tree/helpers';

interface CvFixture {
  rf: { params: Record<string, number | string | null>; scores: Scores; spread: Scores }[];
}
interface DtFixture {
  forest_importances: { features: number[]; importances: number[] };
}

const data = loadFixture<TreeData>('data.json');
const cv = loadFixture<CvFixture>('cv_scores.json');
const features = [0, 1, 2, 3, 4, 5, 6];

function ours(p: Record<string, number | string | null>, randomState = 0): RandomForestParams {
  return {
    nEstimators: p.n_estimators as number,
    maxDepth: p.max_depth as number | null,
    maxFeatures: p.max_features as number | 'sqrt',
    maxSamples: p.max_samples as number | null,
    minSamplesLeaf: p.min_samples_leaf as number,
    minSamplesSplit: p.min_samples_split as number,
    randomState,
  };
}

function cvScores(params: RandomForestParams): Scores {
  const sum = { accuracy: 0, recall: 0, auc: 0 };
  for (let k = 0; k < 5; k++) {
    const tr = trainRows(data, k);
    const model = randomForest.fit(matrixOf(data, features, tr), labelsOf(data, tr), 2, params);
    const s = score(labelsOf(data, data.folds[k]), positiveColumn(model.predictProba(matrixOf(data, features, data.folds[k])).data));
    sum.accuracy += s.accuracy / 5;
    sum.recall += s.recall / 5;
    sum.auc += s.auc / 5;
  }
  return sum;
}

const SEEDS = 5;
const METRICS = ['accuracy', 'recall', 'auc'] as const;
const FLOOR: Scores = { accuracy: 0.005, recall: 0.01, auc: 0.005 };

describe('randomForest vs scikit-learn', () => {
  for (const ref of cv.rf) {
    it(`CV scores for ${JSON.stringify(ref.params)}`, () => {
      const s = { accuracy: 0, recall: 0, auc: 0 };
      for (let seed = 0; seed < SEEDS; seed++) {
        const one = cvScores(ours(ref.params, seed));
        for (const k of METRICS) s[k] += one[k] / SEEDS;
      }
      for (const k of METRICS) {
        expect(Math.abs(s[k] - ref.scores[k]), `${k}: ours ${s[k]}, scikit-learn ${ref.scores[k]}`).toBeLessThanOrEqual(Math.max(ref.spread[k], FLOOR[k]));
      }
    });
  }

  // Fully grown trees: scikit-learn's impurity importances favour features with
  // many distinct values (the noise feature f5 gets 0.14 there); binning to 255
  // bins damps that bias (0.12 here), and f2 / f6 are within 0.003 of each other
  // in scikit-learn, so we check the top two and closeness of all.
  it('ranks the top features as scikit-learn does', () => {
    const fx = loadFixture<DtFixture>('decision_tree.json').forest_importances;
    const model = randomForest.fit(matrixOf(data, fx.features), labelsOf(data), 2, { nEstimators: 300, maxFeatures: null });
    const imp = model.featureImportances();
    expect(imp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const rank = (v: ArrayLike<number>) => Array.from(v, (x, i) => [x, i]).sort((a, b) => b[0] - a[0]).map((p) => p[1]);
    expect(rank(imp).slice(0, 2)).toEqual(rank(fx.importances).slice(0, 2));
    // Feature 0 (2,000 distinct values) is where Assay is furthest from scikit-learn: 0.3327 against 0.2823
    // at 511 bins, 0.3254 at 255 and 0.3382 splitting on every value (65535 bins) — the gap grows as the
    // splits approach scikit-learn's exact ones, so it is not bin resolution; 0.06 holds it at every bin count.
    fx.importances.forEach((v, f) => expect(Math.abs(imp[f] - v), `feature ${f}`).toBeLessThan(0.06));
  });
});

describe('randomForest mechanics', () => {
  const tr = trainRows(data, 0);
  const X = matrixOf(data, features, tr);
  const y = labelsOf(data, tr);
  const Xv = matrixOf(data, features, data.folds[0]);

  it('staged probabilities equal fitting fewer trees with the same seed', () => {
    const big = randomForest.fit(X, y, 2, { nEstimators: 30, maxFeatures: 0.6, maxSamples: 0.7, randomState: 3 });
    const staged = big.predictProbaStaged(Xv, [5, 12, 30]);
    for (const [i, m] of [5, 12, 30].entries()) {
      const small = randomForest.fit(X, y, 2, { nEstimators: m, maxFeatures: 0.6, maxSamples: 0.7, randomState: 3 });
      expect(Array.from(staged[i].data)).toEqual(Array.from(small.predictProba(Xv).data));
    }
    expect(big.nMembers).toBe(30);
  });

  it('rows of predictProba sum to 1; the same seed gives the same forest', () => {
    const a = randomForest.fit(X, y, 2, { nEstimators: 10, randomState: 1 });
    const b = randomForest.fit(X, y, 2, { nEstimators: 10, randomState: 1 });
    const pa = a.predictProba(Xv).data;
    expect(Array.from(pa)).toEqual(Array.from(b.predictProba(Xv).data));
    for (let i = 0; i < Xv.rows; i++) expect(pa[2 * i] + pa[2 * i + 1]).toBeCloseTo(1, 12);
  });

  it('reports progress per tree and aborts between trees', () => {
    const seen: number[] = [];
    randomForest.fit(X, y, 2, { nEstimators: 4 }, { onProgress: (d, t) => seen.push(d * 10 + t) });
    expect(seen).toEqual([14, 24, 34, 44]);
    const signal = { aborted: false };
    let err: unknown;
    try {
      randomForest.fit(X, y, 2, { nEstimators: 50 }, { signal, onProgress: (d) => (signal.aborted = d === 2) });
    } catch (e) {
      err = e;
    }
    expect((err as Error).name).toBe('AbortError');
  });

  it('respects max_depth', () => {
    const model = randomForest.fit(X, y, 2, { nEstimators: 5, maxDepth: 3 });
    for (const t of model.trees) expect(t.nNodes).toBeLessThanOrEqual(15);
  });

  it("resolves max_features as scikit-learn", () => {
    expect(resolveMaxFeatures('sqrt', 25)).toBe(5);
    expect(resolveMaxFeatures('log2', 25)).toBe(4);
    expect(resolveMaxFeatures(0.3, 25)).toBe(7);
    expect(resolveMaxFeatures(0.6, 25)).toBe(15);
    expect(resolveMaxFeatures(0.01, 25)).toBe(1);
    expect(resolveMaxFeatures(3, 25)).toBe(3);
    expect(resolveMaxFeatures(null, 25)).toBe(25);
  });
});
