import type { ParamValue } from '../ml/params';
import type { CvResults } from './cvResults';

/** How a set of predictions scored: every recipe metric, the confusion matrix and the report. */
export interface Evaluation {
  rows: number;
  metrics: Record<string, number>;
  /** Rows = true class, columns = predicted, in `classes` order. */
  confusion: number[][];
  report: unknown;
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
  seconds: { search: number; refit: number };
  failedFits: { candidate: number; fold: number; error: string }[];
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
  classes: [string, string];
  features: string[];
  rows: { train: number; validation: number; test: number };
  leakage: LeakNote[];
  notes: string[];
  models: ModelResult[];
  champion: { modelId: string; rule: string; test: Evaluation } | null;
  seconds: { prepare: number; search: number; total: number };
  status: 'complete' | 'cancelled' | 'failed';
}
