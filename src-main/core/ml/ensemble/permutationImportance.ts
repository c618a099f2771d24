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
 *
 * `maxSamples` (a row count, as scikit-learn's `max_samples` given as an
 * integer): with more rows than that, every feature is shuffled within one
 * seeded sample of that many rows drawn without replacement, and the baseline
 * is scored on the same sample (scikit-learn scores its baseline on all rows,
 * which mixes two row sets in one difference). The shuffles are the same
 * stream as without sampling; the sample itself is not scikit-learn's draw.
 */
import { RandomState } from '../../random/randomState';
import type { FeatureMatrix, FittedClassifier, ProbabilityMatrix } from '../types';

export interface PermutationImportanceResult {
  baseline: number;
  mean: Float64Array;
  std: Float64Array;
  /** importances[f][repeat] = baseline − permuted score. */
  importances: Float64Array[];
  /** How many rows were scored: all of X's, or the sample's. */
  rows: number;
}

/** The rows `maxSamples` keeps, ascending: all of them when there are no more than that. */
function sampleRows(n: number, maxSamples: number | undefined, seed: number): Int32Array | null {
  if (maxSamples === undefined || n <= maxSamples) return null;
  if (!Number.isInteger(maxSamples) || maxSamples < 1) throw new RangeError(`permutationImportance: maxSamples must be a whole number ≥ 1, got ${maxSamples}.`);
  return new RandomState(seed).choiceWithoutReplacement(n, maxSamples).sort();
}

function takeSample(X: FeatureMatrix, y: Int32Array, rows: Int32Array): { X: FeatureMatrix; y: Int32Array } {
  const pick = (c: ArrayLike<number>) => {
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = c[rows[i]];
    return out;
  };
  const ys = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) ys[i] = y[rows[i]];
  return { X: { rows: rows.length, columns: X.columns.map(pick), names: X.names }, y: ys };
}

// The row loops are functions of their own so that each is optimised once
// and stays so (see core/ml/linear/columnKernels.ts): this runs once per run.

function identity(n: number): Int32Array {
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  return index;
}

/** out[i] = column[index[i]]. */
function gather(column: Float64Array, index: Int32Array): Float64Array {
  const out = new Float64Array(index.length);
  for (let i = 0; i < index.length; i++) out[i] = column[index[i]];
  return out;
}

export function permutationImportance(
  model: FittedClassifier,
  X: FeatureMatrix,
  y: Int32Array,
  scorer: (yTrue: Int32Array, proba: ProbabilityMatrix) => number,
  options: { nRepeats?: number; randomState?: number; maxSamples?: number } = {},
): PermutationImportanceResult {
  const nRepeats = options.nRepeats ?? 5;
  const seed = new RandomState(options.randomState ?? 0).randint(2 ** 31)[0];
  const sample = sampleRows(X.rows, options.maxSamples, seed);
  if (sample) ({ X, y } = takeSample(X, y, sample));
  const baseline = scorer(y, model.predictProba(X));
  const p = X.columns.length;
  const mean = new Float64Array(p);
  const std = new Float64Array(p);
  const importances: Float64Array[] = [];
  // Tree models re-walk only the rows whose path tests the shuffled column; the probabilities are the same.
  const replacer = model.columnReplacer?.(X) ?? null;
  for (let f = 0; f < p; f++) {
    const rs = new RandomState(seed);
    const index = identity(X.rows);
    let column: Float64Array = Float64Array.from(X.columns[f]);
    const scores = new Float64Array(nRepeats);
    // With a replacer every shuffle of the column is predicted in one pass over the trees; without, one at a time.
    const shuffled: Float64Array[] = [];
    for (let rep = 0; rep < nRepeats; rep++) {
      rs.shuffle(index);
      column = gather(column, index);
      if (replacer) {
        shuffled.push(column);
        continue;
      }
      const columns = X.columns.slice();
      columns[f] = column;
      scores[rep] = baseline - scorer(y, model.predictProba({ rows: X.rows, columns, names: X.names }));
    }
    if (replacer) replacer(f, shuffled).forEach((proba, rep) => (scores[rep] = baseline - scorer(y, proba)));
    let m = 0;
    for (const s of scores) m += s;
    m /= nRepeats;
    let v = 0;
    for (const s of scores) v += (s - m) * (s - m);
    mean[f] = m;
    std[f] = Math.sqrt(v / nRepeats);
    importances.push(scores);
  }
  return { baseline, mean, std, importances, rows: X.rows };
}
