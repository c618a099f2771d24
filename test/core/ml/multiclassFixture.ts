/**
 * The three-class fixture of scripts/fixtures/multiclass_model_fixtures.py
 * (author_ban_status on the bundled sample's first 4,000 complete rows) and
 * the few k-class scores its tests compare: accuracy and macro-F1 of the
 * argmax prediction, written out here so these tests stand apart from the
 * metrics module.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureMatrix } from '../../../src-main/core/ml/types';

export interface MulticlassFixture {
  versions: { sklearn: string; xgboost: string };
  names: string[];
  classes: string[];
  columns: number[][];
  y: number[];
  folds: number[][];
  decision_tree: {
    features: number[];
    fold: number;
    trees: { max_depth: number; n_nodes: number; root: { feature: number; threshold: number }; proba_test: number[]; importances: number[] }[];
  };
  forest: { params: Record<string, number | null>; scores: KScores; spread: KScores }[];
  xgboost: {
    /** hist_scores: the same CV with tree_method="hist" (XGBoost's own binning). */
    cv: { params: Record<string, number>; scores: KScores; hist_scores: KScores }[];
    exact: {
      features: number[];
      fold: number;
      params: Record<string, number>;
      base_score: number;
      num_class: number;
      tree_info: number[];
      proba_test: number[];
      margin_test: number[];
    };
    importances: { params: Record<string, number>; feature_importances: number[] };
  };
}

export interface KScores {
  accuracy: number;
  f1_macro: number;
}

export const fixture: MulticlassFixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'multiclass', 'models.json'), 'utf8'),
) as MulticlassFixture;

export const ALL_FEATURES = fixture.names.map((_, f) => f);

export function trainRows(fold: number): number[] {
  const test = new Set(fixture.folds[fold]);
  return fixture.y.map((_, i) => i).filter((i) => !test.has(i));
}

export function matrix(features: number[], rows: number[]): FeatureMatrix {
  return {
    rows: rows.length,
    columns: features.map((f) => Float64Array.from(rows, (i) => fixture.columns[f][i])),
    names: features.map((f) => fixture.names[f]),
  };
}

export function labels(rows: number[]): Int32Array {
  return Int32Array.from(rows, (i) => fixture.y[i]);
}

/** Index of the largest probability per row, the first on ties (numpy's argmax). */
export function argmax(proba: Float64Array, k: number): Int32Array {
  const out = new Int32Array(proba.length / k);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[i * k + c] > proba[i * k + best]) best = c;
    out[i] = best;
  }
  return out;
}

/** Accuracy and scikit-learn's f1_score(average='macro') (a class with no true or predicted rows scores 0). */
export function kScores(y: Int32Array, pred: Int32Array, k: number): KScores {
  let ok = 0;
  const tp = new Float64Array(k);
  const predicted = new Float64Array(k);
  const actual = new Float64Array(k);
  for (let i = 0; i < y.length; i++) {
    if (y[i] === pred[i]) {
      ok++;
      tp[y[i]]++;
    }
    predicted[pred[i]]++;
    actual[y[i]]++;
  }
  let f1 = 0;
  for (let c = 0; c < k; c++) f1 += predicted[c] + actual[c] > 0 ? (2 * tp[c]) / (predicted[c] + actual[c]) : 0;
  return { accuracy: ok / y.length, f1_macro: f1 / k };
}
