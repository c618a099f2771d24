/**
 * scikit-learn's RandomForestClassifier on binned features. Each tree is
 * grown on a bootstrap sample — max(round(n·max_samples), 1) rows drawn with
 * replacement (n when max_samples is null), the draw counts acting as sample
 * weights as in scikit-learn — with `max_features` features drawn per node.
 * predict_proba is the mean over trees of their leaves' weighted class
 * proportions. Trees come from our own PRNG (one seed per tree, drawn in
 * order), so a forest of m trees is exactly the first m trees of a larger one
 * with the same random_state: `predictProbaStaged` scores every prefix.
 */
import type { ClassifierSpec, FeatureMatrix, FitOptions } from '../types';
import { binTrainingData, ENSEMBLE_MAX_BINS } from '../tree/binning';
import { giniRowStats } from '../tree/decisionTree';
import { TreeGrower } from '../tree/grower';
import type { FlatTree } from '../tree/predictor';
import { TreeRng } from '../tree/random';
import { GiniCriterion } from '../tree/splitting';
import { AveragedTreesClassifier, resolveMaxFeatures, throwIfAborted } from '../tree/treeClassifier';

export interface RandomForestParams {
  nEstimators?: number;
  maxDepth?: number | null;
  maxFeatures?: number | 'sqrt' | 'log2' | null;
  maxSamples?: number | null;
  minSamplesLeaf?: number;
  minSamplesSplit?: number;
  bootstrap?: boolean;
  randomState?: number;
  classWeight?: null;
  /** Most bins per feature (see BinMapper); default ENSEMBLE_MAX_BINS (511). */
  maxBins?: number;
}

export type RandomForestModel = AveragedTreesClassifier;

export const randomForest = {
  name: 'randomForest',
  fit(X: FeatureMatrix, y: Int32Array, nClasses: number, params: RandomForestParams, opts: FitOptions = {}): RandomForestModel {
    const nTrees = params.nEstimators ?? 100;
    const n = X.rows;
    const p = X.columns.length;
    const bootstrap = params.bootstrap ?? true;
    const nDraw = params.maxSamples == null ? n : Math.max(Math.round(n * params.maxSamples), 1);
    const minSamplesLeaf = params.minSamplesLeaf ?? 1;
    throwIfAborted(opts.signal);

    const { mapper, binned } = binTrainingData(X, params.maxBins ?? ENSEMBLE_MAX_BINS);
    const grower = new TreeGrower(binned, mapper, new GiniCriterion(nClasses, minSamplesLeaf));
    const growOpts = {
      maxDepth: params.maxDepth ?? Infinity,
      minSamplesSplit: params.minSamplesSplit ?? 2,
      minSamplesLeaf,
      maxFeatures: resolveMaxFeatures(params.maxFeatures === undefined ? 'sqrt' : params.maxFeatures, p),
      rng: new TreeRng(0),
    };
    const master = new TreeRng(params.randomState ?? 0);
    const counts = new Float64Array(n);
    const rows = new Int32Array(n);
    const stats = new Float64Array(n * (nClasses + 1));
    const trees: FlatTree[] = [];
    for (let t = 0; t < nTrees; t++) {
      throwIfAborted(opts.signal);
      const rng = new TreeRng(master.fork());
      let nRows = 0;
      if (bootstrap) {
        counts.fill(0);
        for (let d = 0; d < nDraw; d++) counts[rng.int(n)] += 1;
        for (let r = 0; r < n; r++) if (counts[r] > 0) rows[nRows++] = r;
      } else {
        counts.fill(1);
        for (let r = 0; r < n; r++) rows[nRows++] = r;
      }
      giniRowStats(y, counts, nClasses, stats);
      growOpts.rng = rng;
      trees.push(grower.grow(rows, nRows, stats, growOpts));
      opts.onProgress?.(t + 1, nTrees);
    }
    return new AveragedTreesClassifier('randomForest', nClasses, p, trees);
  },
} satisfies ClassifierSpec<RandomForestParams>;
