/**
 * scikit-learn's `permutation_importance`: for each feature, the drop in score
 * when that column's values are shuffled, repeated `nRepeats` times;
 * importances_mean / importances_std (population std, ddof = 0) over repeats.
 *
 * The shuffles are scikit-learn 1.2's own: one seed drawn with
 * `RandomState(random_state).randint(2**31)`, then for every feature a fresh
 * `RandomState(seed)` shuffling one index array in place repeat after repeat,
 * each repeat applied to the column as the previous repeat left it. So a
 * model that predicts like scikit-learn's gets the same importances.
 */
import { RandomState } from '../../random/randomState';
import type { FeatureMatrix, FittedClassifier, ProbabilityMatrix } from '../types';

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
  const seed = new RandomState(options.randomState ?? 0).randint(2 ** 31)[0];
  const baseline = scorer(y, model.predictProba(X));
  const p = X.columns.length;
  const mean = new Float64Array(p);
  const std = new Float64Array(p);
  const importances: Float64Array[] = [];
  for (let f = 0; f < p; f++) {
    const rs = new RandomState(seed);
    const index = new Int32Array(X.rows);
    for (let i = 0; i < X.rows; i++) index[i] = i;
    let column = Float64Array.from(X.columns[f]);
    const scores = new Float64Array(nRepeats);
    for (let rep = 0; rep < nRepeats; rep++) {
      rs.shuffle(index);
      const next = new Float64Array(X.rows);
      for (let i = 0; i < X.rows; i++) next[i] = column[index[i]];
      column = next;
      const columns = X.columns.slice();
      columns[f] = column;
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
