import type { ParamValue } from '../ml/params';
import type { LeakNote, RunRecord } from '../search/runRecord';

/**
 * The comparison of 2–4 models, from one run or several: what `assay compare
 * --json` prints and what the comparison view shows. `models` and `pairs`
 * keep the field names the CLI promises; the rest is for the view.
 */

/** Where a compared model comes from: a run of the project (its id) or a run.json file (its path as given). */
export type RunRef = number | string;

export interface ComparedEvaluation {
  rows: number;
  metrics: Record<string, number>;
  /** Rows = true class, columns = predicted, in `classes` order. */
  confusion: number[][];
}

export interface ComparedModel {
  run: RunRef;
  /** The run's title (or recipe name when it has none). */
  runTitle: string;
  modelId: string;
  /** Short label for columns and legends: `rf` within one run, `#12 rf` (or `run.json#rf`) across runs. */
  label: string;
  type: string;
  champion: boolean;
  /** The best candidate's parameters (the refitted model's). */
  params: Record<string, ParamValue>;
  /** Cross-validation of the best candidate per metric: mean, population std (as cv_results_), per-fold scores. */
  cv: Record<string, { mean: number; std: number; folds: number[] }>;
  validation: ComparedEvaluation | null;
  /** Only a run's champion is scored on the test rows. */
  test: ComparedEvaluation | null;
  /** [negative, positive] for two classes; the sorted classes for more. */
  classes: string[];
  dataset: { name: string; contentHash: string | null };
  rows: { train: number; validation: number; test: number };
  leakage: LeakNote[];
}

export interface McNemarResult {
  /** The held-out set both models predicted. */
  set: 'validation' | 'test';
  rows: number;
  /** Rows A got right and B wrong. */
  b: number;
  /** Rows B got right and A wrong. */
  c: number;
  /** true: the exact two-sided binomial test; false: the continuity-corrected χ² (1 df). */
  exact: boolean;
  /** χ² statistic, or null for the exact test. */
  statistic: number | null;
  pValue: number;
}

export interface CvTestResult {
  metric: string;
  /** A − B per fold, in fold order. */
  differences: number[];
  /** Rows a fold model trained on and scored, for the Nadeau–Bengio correction. */
  trainRows: number;
  testRows: number;
  t: number;
  df: number;
  pValue: number;
  /** Bayesian reading (Orange, Benavoli et al.): posterior Student t of the mean difference. */
  pBetterA: number;
  pBetterB: number;
  pRope: number;
  /** Half-width of the region of practical equivalence. */
  rope: number;
}

export interface ComparedPair {
  /** Indexes into `models`. */
  a: number;
  b: number;
  mcnemar: McNemarResult | null;
  cvTest: CvTestResult | null;
  /** Why a test is null (both reasons joined), or null when both apply. */
  reason: string | null;
  reasons: { mcnemar: string | null; cvTest: string | null };
  /**
   * The same model with the same results: the same type, parameters, recipe
   * steps and data, and the same metrics, b = c = 0 and zero fold differences.
   * Different models that agree on everything measured are not identical
   * (the verdict says they make the same predictions).
   */
  identical: boolean;
  /** Plain-language reading of the tests. */
  verdict: string;
}

export interface ParamRow {
  name: string;
  /** One per model; undefined where the model type has no such parameter. */
  values: (ParamValue | undefined)[];
  differs: boolean;
}

export interface MetricRow {
  metric: string;
  cv: ({ mean: number; std: number } | null)[];
  validation: (number | null)[];
  test: (number | null)[];
  /** Indexes of the best model(s) per column (ties share), empty when no value. */
  best: { cv: number[]; validation: number[]; test: number[] };
}

export interface StepsSide {
  /** The recipe's steps in words, in order. */
  steps: string[];
  leakage: LeakNote[];
}

export interface ComparisonSettings {
  /** The metric of the corrected t-test. */
  metric: string;
  rope: number;
  exactMcNemar: boolean;
  /** The decision rule behind predictions: positive iff p > threshold. */
  threshold: number;
}

export interface Comparison {
  models: ComparedModel[];
  pairs: ComparedPair[];
  settings: ComparisonSettings;
  params: ParamRow[];
  /** One side per model; `differ` false when every model ran the same steps. */
  steps: { differ: boolean; sides: StepsSide[] };
  metrics: MetricRow[];
  /** The held-out set every model was scored on with the same rows, for side-by-side matrices. */
  confusion: { set: 'validation' | 'test' | null; reason: string | null; matrices: (number[][] | null)[] };
  /** Aligned feature importances of a kind every model has (null when none is shared: different kinds are not on one scale), top features by the largest value. */
  importances: { kind: string; features: string[]; values: (number | null)[][] } | null;
}

/** One model to compare, with the run it comes from (built by the host from the project, or by the CLI from run.json). */
export interface CompareInput {
  run: RunRef;
  /** The run's title (the CLI passes the recipe name). */
  title: string;
  record: RunRecord;
  modelId: string;
}

export interface CompareOptions {
  /** The metric of the corrected t-test; default the first model's refit metric (its recipe's `refit`). */
  metric?: string;
  /** Half-width of the region of practical equivalence; default DEFAULT_ROPE. */
  rope?: number;
  /** McNemar's exact binomial test (default) or the continuity-corrected χ². */
  exactMcNemar?: boolean;
}

export const DEFAULT_ROPE = 0.01;

/** A rope half-width: from 0 to below 1, in the metric's units (the API contract says the same: min 0, below 1). */
export const isRope = (x: number): boolean => Number.isFinite(x) && x >= 0 && x < 1;
