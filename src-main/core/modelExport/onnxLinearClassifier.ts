/**
 * Binary logistic regression as an `ai.onnx.ml` LinearClassifier, written as
 * skl2onnx writes scikit-learn's: two rows of coefficients [−w, w] and
 * intercepts [−b, b], multi_class 0 (a single int: one-vs-rest), post_transform
 * LOGISTIC. onnxruntime then outputs [σ(−η), σ(η)] for η = b + x·w, Assay's
 * two probabilities, and labels by argmax with a tie (η = 0) to class 0.
 */
import type { ExportableModel } from './exportableModel';
import type { OnnxNode } from './onnxProto';
import { ONNX_ML_DOMAIN } from './onnxProto';

type LinearModel = Extract<ExportableModel, { type: 'logisticRegression' }>;

export function linearClassifierNode(model: LinearModel, classes: string[], input: string, outputs: [string, string]): OnnxNode {
  const w = Array.from(model.coefficients);
  return {
    opType: 'LinearClassifier',
    domain: ONNX_ML_DOMAIN,
    name: model.type,
    inputs: [input],
    outputs,
    attributes: [
      ['classlabels_strings', { strings: classes }],
      ['coefficients', { floats: [...w.map((c) => -c), ...w] }],
      ['intercepts', { floats: [-model.intercept, model.intercept] }],
      ['multi_class', { int: 0 }],
      ['post_transform', { string: 'LOGISTIC' }],
    ],
  };
}
