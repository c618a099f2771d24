/**
 * scikit-learn's `permutation_importance`: for each feature, the drop in score
 * when that column's values are shuffled, repeated `nRepeats` times;
 * importances_mean / importances_std (population std, ddof = 0) over repeats.
 */
import type { FeatureMatrix, FittedClassifier, ProbabilityMatrix } from '../types';
import { TreeRng } from '../tree/random';

export interface PermutationImportanceResult {
  baseline: number;
  mean: Float64Array;
  std: Float64Array;
  /** importances[f][repeat] = baseline − permuted score. */
  importances: Float64Array[];
}

export function permutationImportance(
  model: FittedClassifier,
  X: FeatureMatrix,
  y: Int32Array,
  scorer: (yTrue: Int32Array, proba: ProbabilityMatrix) => number,
  options: { nRepeats?: number; randomState?: number } = {},
): PermutationImportanceResult {
  const nRepeats = options.nRepeats ?? 5;
  const rng = new TreeRng(options.randomState ?? 0);
  const baseline = scorer(y, model.predictProba(X));
  const p = X.columns.length;
  const mean = new Float64Array(p);
  const std = new Float64Array(p);
  const importances: Float64Array[] = [];
  const perm = new Int32Array(X.rows);
  for (let f = 0; f < p; f++) {
    const original = X.columns[f];
    const shuffled = new Float64Array(X.rows);
    const scores = new Float64Array(nRepeats);
    for (let rep = 0; rep < nRepeats; rep++) {
      for (let i = 0; i < X.rows; i++) perm[i] = i;
      for (let i = X.rows - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      for (let i = 0; i < X.rows; i++) shuffled[i] = original[perm[i]];
      const columns = X.columns.slice();
      columns[f] = shuffled;
      scores[rep] = baseline - scorer(y, model.predictProba({ rows: X.rows, columns, names: X.names }));
    }
    let m = 0;
    for (const s of scores) m += s;
    m /= nRepeats;
    let v = 0;
    for (const s of scores) v += (s - m) * (s - m);
    mean[f] = m;
    std[f] = Math.sqrt(v / nRepeats);
    importances.push(scores);
  }
  return { baseline, mean, std, importances };
}
