/**
 * A classifier that averages the leaf class proportions of its trees — one
 * tree for a decision tree, many for a random forest (scikit-learn's
 * `predict_proba` for both). Importances are scikit-learn's mean decrease in
 * impurity: per tree Σ_splits (W_t·i_t − W_L·i_L − W_R·i_R) / W_root per
 * feature, normalised to sum 1; averaged over trees with at least one split;
 * normalised again.
 */
import type { ColumnReplacer, FeatureMatrix, ProbabilityMatrix, StagedClassifier } from '../types';
import { addTreesValues, RowLeaves, treeToJSON } from './predictor';
import type { FlatTree } from './predictor';

/** Leaf values summed over `trees` trees, as the mean: the class proportions predict_proba gives. */
function averaged(sum: Float64Array, rows: number, classes: number, trees: number): ProbabilityMatrix {
  const data = new Float64Array(sum.length);
  const inv = trees > 0 ? 1 / trees : 0;
  for (let i = 0; i < sum.length; i++) data[i] = sum[i] * inv;
  return { rows, classes, data };
}

export class AveragedTreesClassifier implements StagedClassifier {
  constructor(
    readonly kind: string,
    readonly nClasses: number,
    readonly nFeatures: number,
    readonly trees: FlatTree[],
  ) {}

  get nMembers(): number {
    return this.trees.length;
  }

  predictProba(X: FeatureMatrix): ProbabilityMatrix {
    return this.predictProbaStaged(X, [this.trees.length])[0];
  }

  predictProbaStaged(X: FeatureMatrix, counts: readonly number[]): ProbabilityMatrix[] {
    const k = this.nClasses;
    const sum = new Float64Array(X.rows * k);
    const out: ProbabilityMatrix[] = [];
    let done = 0;
    for (const m of counts) {
      const upto = Math.min(m, this.trees.length);
      if (upto < done) throw new RangeError('predictProbaStaged: counts must be ascending');
      addTreesValues(this.trees.slice(done, upto), X, sum);
      done = upto;
      out.push(averaged(sum, X.rows, k, upto));
    }
    return out;
  }

  columnReplacer(X: FeatureMatrix): ColumnReplacer | null {
    const leaves = RowLeaves.of(this.trees, X);
    if (!leaves) return null;
    const k = this.nClasses;
    return (feature, replacements) => {
      const sums = replacements.map(() => new Float64Array(X.rows * k));
      leaves.addTreesValuesReplacing(feature, replacements, sums);
      return sums.map((sum) => averaged(sum, X.rows, k, this.trees.length));
    };
  }

  /** One tree's normalised impurity importances (all zeros for a single-leaf tree). */
  static treeImportances(tree: FlatTree, nFeatures: number): Float64Array {
    const imp = new Float64Array(nFeatures);
    for (let n = 0; n < tree.nNodes; n++) if (tree.feature[n] >= 0) imp[tree.feature[n]] += tree.gain[n];
    const root = tree.cover[0];
    let total = 0;
    for (let f = 0; f < nFeatures; f++) {
      imp[f] /= root;
      total += imp[f];
    }
    if (total > 0) for (let f = 0; f < nFeatures; f++) imp[f] /= total;
    return imp;
  }

  featureImportances(): Float64Array {
    const p = this.nFeatures;
    const mean = new Float64Array(p);
    let used = 0;
    for (const t of this.trees) {
      if (t.nNodes <= 1) continue;
      const imp = AveragedTreesClassifier.treeImportances(t, p);
      for (let f = 0; f < p; f++) mean[f] += imp[f];
      used++;
    }
    if (used === 0) return mean;
    let total = 0;
    for (let f = 0; f < p; f++) total += mean[f] / used;
    for (let f = 0; f < p; f++) mean[f] = total > 0 ? mean[f] / used / total : 0;
    return mean;
  }

  toJSON(): unknown {
    return { kind: this.kind, nClasses: this.nClasses, nFeatures: this.nFeatures, trees: this.trees.map(treeToJSON) };
  }
}

/** Throws the AbortError every model throws when `signal.aborted` is set between units of work. */
export function throwIfAborted(signal: { readonly aborted: boolean } | undefined): void {
  if (signal?.aborted) {
    const e = new Error('The fit was aborted.');
    e.name = 'AbortError';
    throw e;
  }
}

/**
 * scikit-learn's `max_features`: null = all; 'sqrt' / 'log2' = max(1, int(f(p)));
 * a number in (0, 1] is a fraction, max(1, int(x·p)) (so 1 means all features,
 * as scikit-learn's default 1.0); a whole number > 1 is a count.
 */
export function resolveMaxFeatures(maxFeatures: number | string | null | undefined, p: number): number {
  if (maxFeatures === null || maxFeatures === undefined) return p;
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(p)));
  if (maxFeatures === 'log2') return Math.max(1, Math.floor(Math.log2(p)));
  if (typeof maxFeatures === 'number') {
    if (maxFeatures > 0 && maxFeatures <= 1) return Math.max(1, Math.floor(maxFeatures * p));
    if (Number.isInteger(maxFeatures) && maxFeatures > 1) return Math.min(p, maxFeatures);
  }
  throw new RangeError(`max_features: unsupported value ${JSON.stringify(maxFeatures)}`);
}
