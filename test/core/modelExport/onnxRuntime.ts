/**
 * Scores an exported ONNX model with onnxruntime-web (its WASM build, run in
 * Node on one thread: onnxruntime-node downloads binaries when installed).
 */
import * as ort from 'onnxruntime-web';
import type { FeatureMatrix } from '../../../src-main/core/ml/types';

ort.env.wasm.numThreads = 1;

export interface OnnxScores {
  labels: string[];
  /** Row-major N × k, float32. */
  probabilities: Float32Array;
  inputNames: readonly string[];
  outputNames: readonly string[];
}

/** The matrix as onnxruntime reads it: row-major float32, NaN = missing. */
export function float32Rows(X: FeatureMatrix): Float32Array {
  const p = X.columns.length;
  const out = new Float32Array(X.rows * p);
  for (let j = 0; j < p; j++) {
    const c = X.columns[j];
    for (let i = 0; i < X.rows; i++) out[i * p + j] = c[i];
  }
  return out;
}

export async function scoreOnnx(bytes: Uint8Array, X: FeatureMatrix): Promise<OnnxScores> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const input = new ort.Tensor('float32', float32Rows(X), [X.rows, X.columns.length]);
    const out = await session.run({ input });
    return {
      labels: Array.from(out.label.data as string[]),
      probabilities: out.probabilities.data as Float32Array,
      inputNames: session.inputNames,
      outputNames: session.outputNames,
    };
  } finally {
    await session.release();
  }
}
