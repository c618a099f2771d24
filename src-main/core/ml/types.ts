/**
 * Shapes shared by every model, metric and search. Features are column-major
 * Float64 (NaN = missing); labels are class indices 0..k-1 into `classes`.
 * Interfaces are written for k classes; binary is the case every model must
 * support now.
 */
export interface FeatureMatrix {
  rows: number;
  /** One Float64Array of length `rows` per feature. */
  columns: Float64Array[];
  names: string[];
}

export interface ClassLabels {
  /** y[i] is an index into `classes`. */
  y: Int32Array;
  classes: string[];
}

/** Row-major n × k class probabilities. */
export interface ProbabilityMatrix {
  rows: number;
  classes: number;
  data: Float64Array;
}

/** predictProba of X with column `feature` replaced by each of `replacements` in turn, bit for bit. */
export type ColumnReplacer = (feature: number, replacements: readonly Float64Array[]) => ProbabilityMatrix[];

export interface FittedClassifier {
  readonly nClasses: number;
  predictProba(X: FeatureMatrix): ProbabilityMatrix;
  /** A faster way to predict X with one column replaced (permutation importance), or null where the model has none. */
  columnReplacer?(X: FeatureMatrix): ColumnReplacer | null;
  /** One value per feature, in the sense the model defines (see each model). */
  featureImportances?(): Float64Array;
  toJSON(): unknown;
}

/** Ensembles can be scored at several prefixes of their members from one fit. */
export interface StagedClassifier extends FittedClassifier {
  readonly nMembers: number;
  /** Probabilities using only the first `m` members, for each m in `counts` (ascending). */
  predictProbaStaged(X: FeatureMatrix, counts: readonly number[]): ProbabilityMatrix[];
}

export interface ClassifierSpec<P> {
  readonly name: string;
  fit(X: FeatureMatrix, y: Int32Array, nClasses: number, params: P, opts?: FitOptions): FittedClassifier;
}

export interface FitOptions {
  /** Checked between units of work (trees, iterations); throw when set. */
  signal?: { readonly aborted: boolean };
  /** Called after each unit of work. */
  onProgress?(done: number, total: number): void;
}

/** Selects rows of a matrix (e.g. a fold) without copying the caller's data more than once. */
export function takeRows(X: FeatureMatrix, idx: ArrayLike<number>): FeatureMatrix {
  const n = idx.length;
  const columns = X.columns.map((col) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = col[idx[i]];
    return out;
  });
  return { rows: n, columns, names: X.names };
}

export function takeLabels(y: Int32Array, idx: ArrayLike<number>): Int32Array {
  const out = new Int32Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = y[idx[i]];
  return out;
}
