import type { ParamValue } from '../ml/params';
import type { CvResults } from './cvResults';
import type { DummyFeature } from './dummyFeatures';

/** How a set of predictions scored: every recipe metric, the confusion matrix and the report. */
export interface Evaluation {
  rows: number;
  metrics: Record<string, number>;
  /** Rows = true class, columns = predicted, in `classes` order. */
  confusion: number[][];
  report: unknown;
}

/**
 * Held-out rows as the curves and the threshold slider need them, row by
 * row. Two classes: the true class (1 = the recipe's positive class) and the
 * predicted probability of the positive class in `score`. More classes: `y`
 * holds class indices into `classes`, `score` is empty and `proba` holds
 * every class's probability, row-major (n × k).
 */
export interface HeldOutScores {
  y: number[];
  score: number[];
  /** Present exactly when the target has more than two classes. */
  proba?: number[];
}

/** What a feature-importance list measures. */
export type ImportanceKind = 'impurity' | 'gain' | 'weight' | 'permutation' | 'coefficient' | 'oddsRatio';

export interface FeatureWeight {
  feature: string;
  value: number;
  /** Spread over permutation repeats (population std). */
  std?: number;
  /** A 95% interval, for logistic-regression coefficients and odds ratios fitted without a penalty. */
  low?: number;
  high?: number;
}

export interface ImportanceSet {
  kind: ImportanceKind;
  /** Short name for a picker: "Permutation (recall, validation)". */
  title: string;
  /** One sentence on what the numbers mean. */
  description: string;
  /** In feature order (not sorted). */
  features: FeatureWeight[];
  /** Permutation importance scored on a random sample of the held-out rows: how many rows it used, out of how many. Absent when it used them all. */
  sample?: { rows: number; of: number };
}

export interface ModelResult {
  modelId: string;
  type: string;
  candidates: number;
  fits: number;
  bestParams: Record<string, ParamValue>;
  /** Mean cross-validation score of the best candidate, for every metric. */
  bestCv: Record<string, number>;
  cv: CvResults;
  validation: Evaluation | null;
  featureImportances: { feature: string; importance: number }[] | null;
  /** Model-specific detail (coefficients, inference, warnings). */
  model: unknown;
  /** search: the whole search's wall time; fits: this model's cross-validation fit time summed over jobs (what estimates learn from). */
  seconds: { search: number; refit: number; fits?: number };
  failedFits: { candidate: number; fold: number; error: string }[];
  /**
   * Validation predictions of every model; test predictions of the champion
   * only (the test set is looked at once); and the best candidate's
   * out-of-fold predictions of the training rows (each row scored by the fold
   * model that did not see it, as `cross_val_predict` gives them), for tuning
   * a threshold without touching the test set. Absent in runs recorded
   * before they were kept, null when a fold of the best candidate failed.
   */
  heldOut: { validation: HeldOutScores | null; test: HeldOutScores | null; outOfFold?: HeldOutScores | null };
  /** Every importance the model offers: impurity or gain/weight, permutation, coefficients and odds ratios. */
  importances: ImportanceSet[];
  /** True when the run stopped before this model was refitted: only the cross-validation rows it finished are here. */
  partial: boolean;
}

export interface LeakNote {
  step: number;
  op: string;
  message: string;
}

/** Everything a run did and found; stored in the project and printed by `assay run --json`. */
export interface RunRecord {
  recipeName: string;
  recipe: unknown;
  assayVersion: string;
  startedAt: string;
  dataset: { name: string; rows: number; contentHash: string | null; expectedHash: string | null };
  /** Two classes: [negative, positive]. More: the sorted training classes; class indices refer to this order. */
  classes: string[];
  features: string[];
  /** The features that are 0/1 indicators of a oneHot step (absent in runs recorded before they were kept). */
  dummies?: DummyFeature[];
  rows: { train: number; validation: number; test: number };
  leakage: LeakNote[];
  notes: string[];
  models: ModelResult[];
  champion: { modelId: string; rule: string; test: Evaluation } | null;
  seconds: { prepare: number; search: number; total: number };
  status: 'complete' | 'cancelled' | 'failed';
}
