/**
 * A fitted model as an ONNX file: one float32 input "input" [N, n_features]
 * of prepared features (NaN = missing), outputs "label" [N] (the class names)
 * and "probabilities" [N, n_classes] (a plain float tensor, no ZipMap). The
 * feature names, classes, positive class and Assay's decision threshold go
 * into the doc string and metadata_props; the label is the argmax rule's,
 * whatever threshold was chosen in Assay.
 */
import type { FittedClassifier } from '../ml/types';
import { ASSAY_VERSION } from '../version';
import { checkExportInfo, exportableModel, MODEL_TYPE_WORDS } from './exportableModel';
import type { ExportInfo } from './exportableModel';
import { linearClassifierNode } from './onnxLinearClassifier';
import { encodeOnnxModel, TENSOR_FLOAT, TENSOR_STRING } from './onnxProto';
import { treeEnsembleGraph } from './onnxTreeEnsemble';

export const ONNX_INPUT = 'input';
export const ONNX_OUTPUTS: [string, string] = ['label', 'probabilities'];

export function exportOnnx(fitted: FittedClassifier, info: ExportInfo): Uint8Array {
  const model = exportableModel(fitted);
  checkExportInfo(fitted, model, info);
  const graph =
    model.type === 'logisticRegression' || model.type === 'multinomialLogisticRegression'
      ? { nodes: [linearClassifierNode(model, info.classes, ONNX_INPUT, ONNX_OUTPUTS)], initializers: [] }
      : treeEnsembleGraph(model, info.classes, ONNX_INPUT, ONNX_OUTPUTS);
  const p = info.features.length;
  const k = info.classes.length;
  const doc = [
    `${MODEL_TYPE_WORDS[model.type]} exported by Assay${info.source ? ` (${info.source})` : ''}.`,
    `Input "${ONNX_INPUT}": float32 [N, ${p}], the prepared features in this order (NaN = missing): ${info.features.join(', ')}.`,
    `Outputs: "label" (${info.classes.join(' / ')}, the argmax rule) and "probabilities" [N, ${k}] in that class order.`,
    info.threshold != null ? `Assay's decision threshold on P(${info.positiveClass ?? info.classes[k - 1]}) is ${info.threshold}; apply it to the probabilities.` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const metadata: [string, string][] = [
    ['assay_model_type', model.type],
    ['feature_names', JSON.stringify(info.features)],
    ['classes', JSON.stringify(info.classes)],
  ];
  if (info.positiveClass != null) metadata.push(['positive_class', info.positiveClass]);
  if (info.threshold != null) metadata.push(['threshold', String(info.threshold)]);
  if (info.source) metadata.push(['source', info.source]);
  return encodeOnnxModel({
    graphName: `assay_${model.type}`,
    ...graph,
    input: { name: ONNX_INPUT, elemType: TENSOR_FLOAT, shape: ['N', p], doc: 'prepared features, NaN = missing' },
    outputs: [
      { name: ONNX_OUTPUTS[0], elemType: TENSOR_STRING, shape: ['N'] },
      { name: ONNX_OUTPUTS[1], elemType: TENSOR_FLOAT, shape: ['N', k] },
    ],
    producerVersion: ASSAY_VERSION,
    docString: doc,
    metadata,
  });
}
