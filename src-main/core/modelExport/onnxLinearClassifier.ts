/**
 * Logistic regression as an `ai.onnx.ml` LinearClassifier. Binary: written as
 * skl2onnx writes scikit-learn's as an `ai.onnx.ml` LinearClassifier, written as
 * skl2onnx writes scikit-learn's: two rows of coefficients [−w, w] and
 * intercepts [−b, b], multi_class 0 (a single int: one-vs-rest), post_transform
 * LOGISTIC. onnxruntime then outputs [σ(−η), σ(η)] for η = b + x·w, Assay's
 * two probabilities, and labels by argmax with a tie (η = 0) to class 0.
 * Multinomial (k > 2): the k coefficient rows and intercepts as they are,
 * multi_class 1 and post_transform SOFTMAX, so onnxruntime outputs the same
 * softmax of b_c + x·w_c that Assay's predictProba does.
 */
import type { ExportableModel } from './exportableModel';
import type { OnnxNode } from './onnxProto';
import { ONNX_ML_DOMAIN } from './onnxProto';

type LinearModel = Extract<ExportableModel, { type: 'logisticRegression' | 'multinomialLogisticRegression' }>;

export function linearClassifierNode(model: LinearModel, classes: string[], input: string, outputs: [string, string]): OnnxNode {
  if (model.type === 'multinomialLogisticRegression') {
    return {
      opType: 'LinearClassifier',
      domain: ONNX_ML_DOMAIN,
      name: model.type,
      inputs: [input],
      outputs,
      attributes: [
        ['classlabels_strings', { strings: classes }],
        ['coefficients', { floats: model.coefficients.flatMap((w) => Array.from(w)) }],
        ['intercepts', { floats: Array.from(model.intercepts) }],
        ['multi_class', { int: 1 }],
        ['post_transform', { string: 'SOFTMAX' }],
      ],
    };
  }
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
