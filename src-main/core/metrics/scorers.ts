/**
 * scikit-learn's scoring names (`GridSearchCV(scoring=...)`, `refit=...`) as
 * functions of the true labels and the predicted probabilities. Scores from
 * labels use `predictFromProba` (argmax, ties to the lower class); scores from
 * scores use the positive class's probability column, as scikit-learn's
 * scorers do for a model without `decision_function`. Greater is better:
 * losses are negated (`neg_log_loss`, `neg_brier_score`).
 */
import { ApiError } from '../api/errors';
import type { ProbabilityMatrix } from '../ml/types';
import {
  accuracyScore,
  balancedAccuracy,
  f1Score,
  matthewsCorrcoef,
  precisionScore,
  recallScore,
} from './classificationReport';
import { averagePrecision, rocAucScore } from './curves';
import { binaryLogLoss, brierScore, logLoss, probabilityColumn } from './probabilistic';
import { predictFromProba } from './thresholds';

/** `positive` is the class index counted as positive where a metric needs one (default 1). */
export type Scorer = (yTrue: Int32Array, proba: ProbabilityMatrix, positive?: number) => number;

export const SCORER_NAMES = [
  'accuracy',
  'precision',
  'recall',
  'f1',
  'roc_auc',
  'average_precision',
  'neg_log_loss',
  'balanced_accuracy',
  'matthews_corrcoef',
  'f1_macro',
  'f1_weighted',
  'precision_macro',
  'recall_macro',
  'neg_brier_score',
] as const;

export type ScorerName = (typeof SCORER_NAMES)[number];

function requireBinary(name: string, proba: ProbabilityMatrix): void {
  if (proba.classes !== 2) {
    throw new ApiError('bad-input', `The scoring '${name}' needs a binary problem, but the model has ${proba.classes} classes.`);
  }
}

const fromLabels =
  (score: (yTrue: Int32Array, yPred: Int32Array, positive: number) => number): Scorer =>
  (yTrue, proba, positive = 1) =>
    score(yTrue, predictFromProba(proba), positive);

export const SCORERS: Readonly<Record<ScorerName, Scorer>> = {
  accuracy: fromLabels((y, p) => accuracyScore(y, p)),
  precision: fromLabels((y, p, pos) => precisionScore(y, p, { posLabel: pos })),
  recall: fromLabels((y, p, pos) => recallScore(y, p, { posLabel: pos })),
  f1: fromLabels((y, p, pos) => f1Score(y, p, { posLabel: pos })),
  roc_auc: (y, proba, pos = 1) => {
    requireBinary('roc_auc', proba);
    return rocAucScore(y, probabilityColumn(proba, pos), { posLabel: pos });
  },
  average_precision: (y, proba, pos = 1) => {
    requireBinary('average_precision', proba);
    return averagePrecision(y, probabilityColumn(proba, pos), { posLabel: pos });
  },
  // scikit-learn's scorer passes the column of classes_[1] to log_loss on a
  // binary problem; the loss does not depend on which class is "positive".
  neg_log_loss: (y, proba) =>
    proba.classes === 2 ? -binaryLogLoss(y, probabilityColumn(proba, 1)) : -logLoss(y, proba),
  balanced_accuracy: fromLabels((y, p) => balancedAccuracy(y, p)),
  matthews_corrcoef: fromLabels((y, p) => matthewsCorrcoef(y, p)),
  f1_macro: fromLabels((y, p) => f1Score(y, p, { average: 'macro' })),
  f1_weighted: fromLabels((y, p) => f1Score(y, p, { average: 'weighted' })),
  precision_macro: fromLabels((y, p) => precisionScore(y, p, { average: 'macro' })),
  recall_macro: fromLabels((y, p) => recallScore(y, p, { average: 'macro' })),
  neg_brier_score: (y, proba, pos = 1) => {
    requireBinary('neg_brier_score', proba);
    return -brierScore(y, probabilityColumn(proba, pos), pos);
  },
};

export function isScorerName(name: string): name is ScorerName {
  return (SCORER_NAMES as readonly string[]).includes(name);
}

/** The scorer for a scikit-learn scoring name; an unknown name is a bad-input error listing the valid ones. */
export function scorerFor(name: string): Scorer {
  if (!isScorerName(name)) {
    throw new ApiError('bad-input', `Unknown scoring '${name}'. Valid scorings: ${SCORER_NAMES.join(', ')}.`);
  }
  return SCORERS[name];
}
