/**
 * Logistic regression as an `ai.onnx.ml` LinearClassifier. Binary: written as
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

/** The LinearClassifier attributes that differ between the binary and the multinomial model. */
interface LinearRows {
  coefficients: number[];
  intercepts: number[];
  multiClass: 0 | 1;
  postTransform: 'LOGISTIC' | 'SOFTMAX';
}

function linearRows(model: LinearModel): LinearRows {
  if (model.type === 'multinomialLogisticRegression')
    return {
      coefficients: model.coefficients.flatMap((w) => Array.from(w)),
      intercepts: Array.from(model.intercepts),
      multiClass: 1,
      postTransform: 'SOFTMAX',
    };
  const w = Array.from(model.coefficients);
  return { coefficients: [...w.map((c) => -c), ...w], intercepts: [-model.intercept, model.intercept], multiClass: 0, postTransform: 'LOGISTIC' };
}

export function linearClassifierNode(model: LinearModel, classes: string[], input: string, outputs: [string, string]): OnnxNode {
  const rows = linearRows(model);
  return {
    opType: 'LinearClassifier',
    domain: ONNX_ML_DOMAIN,
    name: model.type,
    inputs: [input],
    outputs,
    attributes: [
      ['classlabels_strings', { strings: classes }],
      ['coefficients', { floats: rows.coefficients }],
      ['intercepts', { floats: rows.intercepts }],
      ['multi_class', { int: rows.multiClass }],
      ['post_transform', { string: rows.postTransform }],
    ],
  };
}
