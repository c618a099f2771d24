/**
 * scikit-learn's scoring names (`GridSearchCV(scoring=...)`, `refit=...`) as
 * functions of the true labels and the predicted probabilities (n × k). Scores from
 * labels use `predictFromProba` (argmax, ties to the lower class); scores from
 * scores use the positive class's probability column, as scikit-learn's
 * scorers do for a model without `decision_function`. Greater is better:
 * losses are negated (`neg_log_loss`, `neg_brier_score`). The scorings of one
 * positive class refuse k > 2 classes (see `scorerNeedsTwoClasses`).
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
import { rocAucMulticlass } from './multiclassCurves';
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
  'precision_weighted',
  'recall_weighted',
  'precision_micro',
  'recall_micro',
  'f1_micro',
  'roc_auc_ovr',
  'roc_auc_ovo',
] as const;

export type ScorerName = (typeof SCORER_NAMES)[number];

/**
 * What to use instead of a binary-only scoring on k > 2 classes (the names of
 * scikit-learn's averaged scorers).
 */
const MULTICLASS_ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  precision: ['precision_macro', 'precision_weighted', 'precision_micro'],
  recall: ['recall_macro', 'recall_weighted', 'recall_micro'],
  f1: ['f1_macro', 'f1_weighted', 'f1_micro'],
  roc_auc: ['roc_auc_ovr', 'roc_auc_ovo'],
  average_precision: ['roc_auc_ovr', 'roc_auc_ovo'],
  neg_brier_score: ['neg_log_loss'],
};

/**
 * True for the scorings that score one positive class and so need a binary
 * target (`precision`, `recall`, `f1`, `roc_auc`, `average_precision`,
 * `neg_brier_score`); the others take any number of classes.
 */
export function scorerNeedsTwoClasses(name: string): boolean {
  return Object.hasOwn(MULTICLASS_ALTERNATIVES, name);
}

/** The averaged scorings to suggest in place of a binary-only one (empty for the others). */
export function multiclassAlternatives(name: string): readonly string[] {
  return scorerNeedsTwoClasses(name) ? MULTICLASS_ALTERNATIVES[name] : [];
}

function orList(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * The message for a binary-only scoring asked of a k-class target:
 * "scoring 'recall' needs two classes; for 3 classes use recall_macro,
 * recall_weighted or recall_micro".
 */
export function twoClassScoringMessage(name: string, nClasses: number): string {
  return `scoring '${name}' needs two classes; for ${nClasses} classes use ${orList(multiclassAlternatives(name))}`;
}

function requireBinary(name: string, proba: ProbabilityMatrix): void {
  if (proba.classes !== 2) throw new ApiError('bad-input', `${twoClassScoringMessage(name, proba.classes)}.`);
}

const fromLabels =
  (score: (yTrue: Int32Array, yPred: Int32Array, positive: number) => number): Scorer =>
  (yTrue, proba, positive = 1) =>
    score(yTrue, predictFromProba(proba), positive);

/** A label scorer for one positive class: refused on k > 2 classes rather than scored on the classes that happen to occur. */
const binaryFromLabels = (name: ScorerName, score: (yTrue: Int32Array, yPred: Int32Array, positive: number) => number): Scorer => {
  const scorer = fromLabels(score);
  return (yTrue, proba, positive) => {
    requireBinary(name, proba);
    return scorer(yTrue, proba, positive);
  };
};

export const SCORERS: Readonly<Record<ScorerName, Scorer>> = {
  accuracy: fromLabels((y, p) => accuracyScore(y, p)),
  precision: binaryFromLabels('precision', (y, p, pos) => precisionScore(y, p, { posLabel: pos })),
  recall: binaryFromLabels('recall', (y, p, pos) => recallScore(y, p, { posLabel: pos })),
  f1: binaryFromLabels('f1', (y, p, pos) => f1Score(y, p, { posLabel: pos })),
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
  precision_weighted: fromLabels((y, p) => precisionScore(y, p, { average: 'weighted' })),
  recall_weighted: fromLabels((y, p) => recallScore(y, p, { average: 'weighted' })),
  precision_micro: fromLabels((y, p) => precisionScore(y, p, { average: 'micro' })),
  recall_micro: fromLabels((y, p) => recallScore(y, p, { average: 'micro' })),
  f1_micro: fromLabels((y, p) => f1Score(y, p, { average: 'micro' })),
  // scikit-learn's scorers: macro averages; on a binary problem the AUC of class 1's column.
  roc_auc_ovr: (y, proba) => rocAucMulticlass(y, proba, { multiClass: 'ovr', average: 'macro' }),
  roc_auc_ovo: (y, proba) => rocAucMulticlass(y, proba, { multiClass: 'ovo', average: 'macro' }),
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
