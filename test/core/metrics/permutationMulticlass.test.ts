/**
 * Permutation importance on a 3-class problem against scikit-learn 1.2.1's
 * `permutation_importance(n_repeats=5, random_state=0)`, for k-class scorings.
 * The "model" is a lookup table on three thresholds (as in
 * scripts/fixtures/multiclass_metrics_fixtures.py), so both sides predict the
 * same doubles and only the shuffles and the scoring can differ.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { permutationImportance } from '../../../src-main/core/ml/ensemble/permutationImportance';
import type { FeatureMatrix, FittedClassifier, ProbabilityMatrix } from '../../../src-main/core/ml/types';
import { scorerFor } from '../../../src-main/core/metrics/scorers';
import { permutationSet } from '../../../src-main/core/search/importances';

interface PermutationFixture {
  thresholds: number[];
  table: number[][];
  X: number[][];
  y: number[];
  results: Record<string, { importances: number[][]; mean: number[]; std: number[] }>;
}

const fx = JSON.parse(readFileSync('test/fixtures/metrics/permutation/multiclass_permutation.json', 'utf8')) as PermutationFixture;

function tableModel(thresholds: number[], table: number[][]): FittedClassifier {
  const k = table[0].length;
  return {
    nClasses: k,
    predictProba(X: FeatureMatrix): ProbabilityMatrix {
      const data = new Float64Array(X.rows * k);
      for (let i = 0; i < X.rows; i++) {
        const cell = (X.columns[0][i] > thresholds[0] ? 1 : 0) + (X.columns[1][i] > thresholds[1] ? 2 : 0) + (X.columns[2][i] > thresholds[2] ? 4 : 0);
        for (let j = 0; j < k; j++) data[i * k + j] = table[cell][j];
      }
      return { rows: X.rows, classes: k, data };
    },
    toJSON: () => ({ kind: 'table' }),
  };
}

const model = tableModel(fx.thresholds, fx.table);
const X: FeatureMatrix = { rows: fx.y.length, columns: fx.X.map((c) => Float64Array.from(c)), names: fx.X.map((_, j) => `x${j}`) };
const y = Int32Array.from(fx.y);

describe('permutation importance for three classes (against sklearn.inspection.permutation_importance)', () => {
  it('has a three-class target and the k-class scorings', () => {
    expect(new Set(fx.y).size).toBe(3);
    expect(Object.keys(fx.results)).toEqual(expect.arrayContaining(['f1_macro', 'neg_log_loss', 'roc_auc_ovr', 'roc_auc_ovo']));
  });

  for (const [metric, want] of Object.entries(fx.results)) {
    it(`gives scikit-learn's importances, the same doubles, for scoring='${metric}'`, () => {
      const scorer = scorerFor(metric);
      const r = permutationImportance(model, X, y, (yt, p) => scorer(yt, p, 1), { nRepeats: 5, randomState: 0 });
      expect(r.importances.map((row) => Array.from(row))).toEqual(want.importances);
      expect(Array.from(r.mean)).toEqual(want.mean);
      expect(Array.from(r.std)).toEqual(want.std);
    });
  }

  it('permutationSet scores with the metric it is given (the refit metric) for k classes', () => {
    const set = permutationSet(model, X, y, 'f1_macro', 'validation');
    expect(set.kind).toBe('permutation');
    expect(set.title).toBe('Permutation (f1_macro, validation)');
    expect(set.features.map((f) => f.value)).toEqual(fx.results.f1_macro.mean);
    expect(set.features.map((f) => f.std)).toEqual(fx.results.f1_macro.std);
  });

  it('refuses a binary-only scoring on three classes, naming the alternatives', () => {
    expect(() => permutationSet(model, X, y, 'recall', 'test')).toThrow(
      "scoring 'recall' needs two classes; for 3 classes use recall_macro, recall_weighted or recall_micro",
    );
  });
});
