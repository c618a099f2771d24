/**
 * scikit-learn's DecisionTreeClassifier (criterion='gini', splitter='best')
 * on binned features: the same splits as scikit-learn's wherever binning is
 * exact (≤ 255 distinct training values per feature), thresholds at the
 * midpoints between the node's neighbouring values.
 */
import type { ClassifierSpec, FeatureMatrix, FitOptions } from '../types';
import { binTrainingData } from './binning';
import { TreeGrower } from './grower';
import { TreeRng } from './random';
import { GiniCriterion } from './splitting';
import { AveragedTreesClassifier, resolveMaxFeatures, throwIfAborted } from './treeClassifier';

export interface DecisionTreeParams {
  maxDepth?: number | null;
  minSamplesSplit?: number;
  minSamplesLeaf?: number;
  maxFeatures?: number | 'sqrt' | 'log2' | null;
  criterion?: 'gini';
  randomState?: number;
}

/** Per-row Gini statistics (1, w·[y=0], …, w·[y=k−1]); rows with w = 0 are left out by the caller. */
export function giniRowStats(y: Int32Array, weights: ArrayLike<number> | null, nClasses: number, out?: Float64Array): Float64Array {
  const S = nClasses + 1;
  const stats = out ?? new Float64Array(y.length * S);
  stats.fill(0);
  for (let r = 0; r < y.length; r++) {
    const w = weights ? weights[r] : 1;
    if (w === 0) continue;
    stats[r * S] = 1;
    stats[r * S + 1 + y[r]] = w;
  }
  return stats;
}

export const decisionTree = {
  name: 'decisionTree',
  fit(X: FeatureMatrix, y: Int32Array, nClasses: number, params: DecisionTreeParams, opts: FitOptions = {}): AveragedTreesClassifier {
    throwIfAborted(opts.signal);
    const { mapper, binned } = binTrainingData(X);
    const p = X.columns.length;
    const criterion = new GiniCriterion(nClasses, params.minSamplesLeaf ?? 1);
    const grower = new TreeGrower(binned, mapper, criterion);
    const rows = new Int32Array(X.rows);
    for (let i = 0; i < X.rows; i++) rows[i] = i;
    const tree = grower.grow(rows, X.rows, giniRowStats(y, null, nClasses), {
      maxDepth: params.maxDepth ?? Infinity,
      minSamplesSplit: params.minSamplesSplit ?? 2,
      minSamplesLeaf: params.minSamplesLeaf ?? 1,
      maxFeatures: resolveMaxFeatures(params.maxFeatures ?? null, p),
      rng: new TreeRng(params.randomState ?? 0),
    });
    opts.onProgress?.(1, 1);
    return new AveragedTreesClassifier('decisionTree', nClasses, p, [tree]);
  },
} satisfies ClassifierSpec<DecisionTreeParams>;
