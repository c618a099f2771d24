/** Fixture loading and the few metrics the tree tests score with. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureMatrix } from '../../../src-main/core/ml/types';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'tree');

export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(DIR, name), 'utf8')) as T;
}

export interface TreeData {
  names: string[];
  columns: (number | null)[][];
  y: number[];
  folds: number[][];
}

export function matrixOf(data: TreeData, features: number[], rows?: number[]): FeatureMatrix {
  const idx = rows ?? data.y.map((_, i) => i);
  return {
    rows: idx.length,
    columns: features.map((f) => Float64Array.from(idx, (i) => data.columns[f][i] ?? NaN)),
    names: features.map((f) => data.names[f]),
  };
}

/** `X` with one more feature column appended (a new matrix; `X` is not touched). */
export function withColumn(X: FeatureMatrix, name: string, column: Float64Array): FeatureMatrix {
  if (column.length !== X.rows) throw new RangeError(`${name}: ${column.length} values for ${X.rows} rows`);
  return { rows: X.rows, columns: [...X.columns, column], names: [...X.names, name] };
}

export function labelsOf(data: TreeData, rows?: number[]): Int32Array {
  const idx = rows ?? data.y.map((_, i) => i);
  return Int32Array.from(idx, (i) => data.y[i]);
}

export function trainRows(data: TreeData, fold: number): number[] {
  const test = new Set(data.folds[fold]);
  return data.y.map((_, i) => i).filter((i) => !test.has(i));
}

export interface Scores {
  accuracy: number;
  recall: number;
  auc: number;
}

/** Accuracy and recall at p > 0.5, and ROC AUC (ties count one half), for the positive class 1. */
export function score(y: Int32Array, p1: ArrayLike<number>): Scores {
  let ok = 0;
  let tp = 0;
  let pos = 0;
  for (let i = 0; i < y.length; i++) {
    const pred = p1[i] > 0.5 ? 1 : 0;
    if (pred === y[i]) ok++;
    if (y[i] === 1) {
      pos++;
      if (pred === 1) tp++;
    }
  }
  const order = Array.from(y, (_, i) => i).sort((a, b) => p1[a] - p1[b]);
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && p1[order[j]] === p1[order[i]]) j++;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (y[order[k]] === 1) rankSum += rank;
    i = j;
  }
  const neg = y.length - pos;
  return { accuracy: ok / y.length, recall: tp / pos, auc: (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) };
}

export function positiveColumn(data: Float64Array, k = 2): Float64Array {
  const out = new Float64Array(data.length / k);
  for (let i = 0; i < out.length; i++) out[i] = data[i * k + 1];
  return out;
}
