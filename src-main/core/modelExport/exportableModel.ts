/**
 * What an exporter needs to know about a fitted model and the data it reads:
 * the model's kind and parameters, the prepared features in column order,
 * and the classes in the model's index order (Assay's binary order is
 * [negative, positive]).
 */
import { ApiError } from '../api/errors';
import { GradientBoostingModel } from '../ml/ensemble/gradientBoosting';
import { LogisticRegressionModel } from '../ml/linear/logisticRegression';
import { MultinomialLogisticRegressionModel } from '../ml/linear/multinomialLogisticRegression';
import type { FittedClassifier } from '../ml/types';
import type { FlatTree } from '../ml/tree/predictor';
import { AveragedTreesClassifier } from '../ml/tree/treeClassifier';

export interface ExportInfo {
  /** Prepared feature names, in the model's column order. */
  features: string[];
  /** Class names in the model's index order. */
  classes: string[];
  positiveClass?: string | null;
  /** The decision threshold chosen in Assay (null: the argmax rule). Recorded, not applied. */
  threshold?: number | null;
  /** Where the model came from, for the exported file's description (e.g. "run 12, model rf"). */
  source?: string;
}

export type ExportableModel =
  | { type: 'decisionTree' | 'randomForest'; nClasses: number; nFeatures: number; trees: FlatTree[] }
  /** k > 2: multi:softprob, tree t for class t mod k, every class's margin starting at `baseMargin`. */
  | { type: 'gradientBoosting'; nClasses: number; baseMargin: number; nFeatures: number; trees: FlatTree[] }
  | { type: 'logisticRegression'; coefficients: Float64Array; intercept: number }
  /** k > 2: one coefficient vector and one intercept per class, probabilities their softmax. */
  | { type: 'multinomialLogisticRegression'; coefficients: Float64Array[]; intercepts: Float64Array };

/** Model type names as the CLI and the app show them. */
export const MODEL_TYPE_WORDS: Record<ExportableModel['type'], string> = {
  decisionTree: 'decision tree',
  randomForest: 'random forest',
  gradientBoosting: 'gradient boosting',
  logisticRegression: 'logistic regression',
  multinomialLogisticRegression: 'multinomial logistic regression',
};

/** Sorts a fitted model into the kinds the exporters know; anything else is refused by name. */
export function exportableModel(model: FittedClassifier): ExportableModel {
  if (model instanceof GradientBoostingModel) {
    return { type: 'gradientBoosting', nClasses: model.nClasses, baseMargin: model.baseMargin, nFeatures: model.nFeatures, trees: model.trees };
  }
  if (model instanceof LogisticRegressionModel) {
    return { type: 'logisticRegression', coefficients: model.coefficients, intercept: model.intercept };
  }
  if (model instanceof MultinomialLogisticRegressionModel) {
    return { type: 'multinomialLogisticRegression', coefficients: model.coefficients, intercepts: model.intercepts };
  }
  if (model instanceof AveragedTreesClassifier && (model.kind === 'decisionTree' || model.kind === 'randomForest')) {
    return { type: model.kind, nClasses: model.nClasses, nFeatures: model.nFeatures, trees: model.trees };
  }
  const kind = model instanceof AveragedTreesClassifier ? model.kind : model.constructor?.name;
  throw new ApiError('bad-input', `Models of type "${kind ?? 'unknown'}" cannot be exported; Assay exports decision trees, random forests, gradient boosting and logistic regression.`);
}

/** Checks that `info` fits the model: one name per feature the model reads, one class per class it predicts. */
export function checkExportInfo(model: FittedClassifier, exportable: ExportableModel, info: ExportInfo): void {
  if (info.classes.length !== model.nClasses) {
    throw new ApiError('bad-input', `The model predicts ${model.nClasses} classes but ${info.classes.length} class names were given (${info.classes.join(', ')}).`);
  }
  if (new Set(info.classes).size !== info.classes.length) throw new ApiError('bad-input', `The class names repeat: ${info.classes.join(', ')}.`);
  const p = info.features.length;
  if (exportable.type === 'logisticRegression') {
    if (exportable.coefficients.length !== p) {
      throw new ApiError('bad-input', `The model has ${exportable.coefficients.length} coefficients but ${p} feature names were given.`);
    }
    return;
  }
  if (exportable.type === 'multinomialLogisticRegression') {
    const wrong = exportable.coefficients.findIndex((w) => w.length !== p);
    if (wrong >= 0) throw new ApiError('bad-input', `The model has ${exportable.coefficients[wrong].length} coefficients for class ${info.classes[wrong]} but ${p} feature names were given.`);
    return;
  }
  if (exportable.nFeatures !== p) {
    throw new ApiError('bad-input', `The model reads ${exportable.nFeatures} features but ${p} feature names were given.`);
  }
  exportable.trees.forEach((tree, t) => {
    for (let n = 0; n < tree.nNodes; n++) {
      if (tree.feature[n] >= p) {
        throw new ApiError('bad-input', `Tree ${t + 1} splits on feature #${tree.feature[n] + 1} but only ${p} feature names were given.`);
      }
    }
  });
}
