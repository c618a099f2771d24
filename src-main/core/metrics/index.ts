/** Classification metrics that reproduce scikit-learn 1.2's numbers. */
export { confusionMatrix, normalizeRows } from './confusionMatrix';
export {
  accuracyScore,
  balancedAccuracy,
  classificationReport,
  classificationReportDict,
  f1Score,
  formatClassificationReport,
  matthewsCorrcoef,
  precisionRecallFscoreSupport,
  precisionScore,
  presentLabels,
  recallScore,
  type Average,
  type AverageScores,
  type ClassificationReport,
  type ClassificationReportDict,
  type ReportDictRow,
  type ClassScores,
  type PrfResult,
  type ScoreOptions,
  type ZeroDivision,
} from './classificationReport';
export {
  averagePrecision,
  precisionRecallCurve,
  rocAucScore,
  rocCurve,
  trapezoid,
  type CurveOptions,
  type PrecisionRecallCurve,
  type RocCurve,
} from './curves';
export {
  interp,
  macroAverageRoc,
  oneVsRestCurves,
  rocAucMulticlass,
  type ClassCurves,
  type MacroRoc,
  type MulticlassAverage,
  type MulticlassStrategy,
  type OneVsRestCurves,
} from './multiclassCurves';
export { binaryLogLoss, brierScore, logLoss, probabilityColumn, type LogLossOptions } from './probabilistic';
export {
  confusionAtThreshold,
  DEFAULT_THRESHOLD,
  predictFromProba,
  predictsPositive,
  strictestThresholdForRecall,
  type BinaryConfusion,
  type RecallCut,
} from './thresholds';
export {
  scorerFor,
  isScorerName,
  multiclassAlternatives,
  scorerNeedsTwoClasses,
  SCORER_NAMES,
  SCORERS,
  twoClassScoringMessage,
  type Scorer,
  type ScorerName,
} from './scorers';
export { formatFixed } from './pythonFormat';
