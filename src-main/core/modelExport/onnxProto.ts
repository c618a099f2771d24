/**
 * The ONNX messages an exported classifier needs (onnx/onnx.proto, field
 * numbers as there): ModelProto, GraphProto, NodeProto, AttributeProto,
 * TensorProto (string constants), ValueInfoProto with tensor types.
 */
import { ProtoWriter } from './protobuf';

/** IR version 8 (ONNX 1.10+): read by every onnxruntime since 1.10. */
export const ONNX_IR_VERSION = 8;
export const ONNX_OPSET = 17;
/** ai.onnx.ml 3: TreeEnsembleClassifier-3 and LinearClassifier-1. */
export const ONNX_ML_OPSET = 3;
export const ONNX_ML_DOMAIN = 'ai.onnx.ml';

export const TENSOR_FLOAT = 1;
export const TENSOR_INT64 = 7;
export const TENSOR_STRING = 8;

const ATTRIBUTE_FLOAT = 1;
const ATTRIBUTE_INT = 2;
const ATTRIBUTE_STRING = 3;
const ATTRIBUTE_FLOATS = 6;
const ATTRIBUTE_INTS = 7;
const ATTRIBUTE_STRINGS = 8;

export type AttributeValue =
  | { float: number }
  | { int: number }
  | { string: string }
  | { floats: ArrayLike<number> }
  | { ints: ArrayLike<number> }
  | { strings: readonly string[] };

function attribute(name: string, value: AttributeValue): ProtoWriter {
  const a = new ProtoWriter().string(1, name);
  if ('float' in value) a.float(2, value.float).int(20, ATTRIBUTE_FLOAT);
  else if ('int' in value) a.int(3, value.int).int(20, ATTRIBUTE_INT);
  else if ('string' in value) a.string(4, value.string).int(20, ATTRIBUTE_STRING);
  else if ('floats' in value) a.packedFloats(7, value.floats).int(20, ATTRIBUTE_FLOATS);
  else if ('ints' in value) a.packedInts(8, value.ints).int(20, ATTRIBUTE_INTS);
  else {
    for (const s of value.strings) a.string(9, s);
    a.int(20, ATTRIBUTE_STRINGS);
  }
  return a;
}

export interface OnnxNode {
  opType: string;
  domain: string;
  name: string;
  inputs: string[];
  outputs: string[];
  attributes: [string, AttributeValue][];
}

function node(n: OnnxNode): ProtoWriter {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name).string(4, n.opType);
  for (const [name, value] of n.attributes) w.message(5, attribute(name, value));
  return w.string(7, n.domain);
}

/** A dimension: a fixed size, or a named symbolic one (the batch). */
export type Dim = number | string;

export interface TensorInfo {
  name: string;
  elemType: number;
  shape: Dim[];
  doc?: string;
}

function valueInfo(t: TensorInfo): ProtoWriter {
  const shape = new ProtoWriter();
  for (const d of t.shape) shape.message(1, typeof d === 'number' ? new ProtoWriter().int(1, d) : new ProtoWriter().string(2, d));
  const tensorType = new ProtoWriter().int(1, t.elemType).message(2, shape);
  const w = new ProtoWriter().string(1, t.name).message(2, new ProtoWriter().message(1, tensorType));
  if (t.doc) w.string(3, t.doc);
  return w;
}

/** A constant 1-D string tensor (the class names a label is picked from). */
export interface StringConstant {
  name: string;
  values: readonly string[];
}

function stringTensor(c: StringConstant): ProtoWriter {
  const t = new ProtoWriter().int(1, c.values.length).int(2, TENSOR_STRING);
  for (const v of c.values) t.string(6, v);
  return t.string(8, c.name);
}

export interface OnnxModel {
  graphName: string;
  /** In execution order. */
  nodes: OnnxNode[];
  initializers: StringConstant[];
  input: TensorInfo;
  outputs: TensorInfo[];
  producerVersion: string;
  docString: string;
  metadata: [string, string][];
}

export function encodeOnnxModel(m: OnnxModel): Uint8Array {
  const graph = new ProtoWriter();
  for (const n of m.nodes) graph.message(1, node(n));
  graph.string(2, m.graphName);
  for (const c of m.initializers) graph.message(5, stringTensor(c));
  graph.string(10, m.docString).message(11, valueInfo(m.input));
  for (const o of m.outputs) graph.message(12, valueInfo(o));
  const model = new ProtoWriter()
    .int(1, ONNX_IR_VERSION)
    .string(2, 'Assay')
    .string(3, m.producerVersion)
    .string(6, m.docString)
    .message(7, graph)
    .message(8, new ProtoWriter().string(1, '').int(2, ONNX_OPSET))
    .message(8, new ProtoWriter().string(1, ONNX_ML_DOMAIN).int(2, ONNX_ML_OPSET));
  for (const [key, value] of m.metadata) model.message(14, new ProtoWriter().string(1, key).string(2, value));
  return model.finish();
}
