/**
 * XGBoost's gbtree with objective binary:logistic, on binned features.
 *
 * With margins F (base_score 0.5 → F₀ = 0) and p = σ(F), each round fits a
 * tree to g = p − y, h = max(p(1 − p), 1e-16) by XGBoost's gain (see
 * GradientCriterion), leaves −G/(H+λ)·η, then prunes splits whose loss_chg < γ
 * bottom-up. Training margins are updated through the leaf each row landed
 * in (no re-prediction). Rows are subsampled per tree (Bernoulli(subsample))
 * and features per tree (colsample_bytree).
 *
 * XGBoost 1.7 trains such data with its exact greedy method; histogram
 * splits on ≤ 255 bins give statistically equivalent models.
 */
import { ApiError } from '../../api/errors';
import type { ClassifierSpec, FeatureMatrix, FitOptions, ProbabilityMatrix, StagedClassifier } from '../types';
import { binTrainingData } from '../tree/binning';
import { TreeGrower } from '../tree/grower';
import { leafOfBinned, leafOfRaw, treeToJSON } from '../tree/predictor';
import type { FlatTree } from '../tree/predictor';
import { TreeRng } from '../tree/random';
import { GradientCriterion } from '../tree/splitting';
import { throwIfAborted } from '../tree/treeClassifier';

export interface GradientBoostingParams {
  nEstimators?: number;
  learningRate?: number;
  maxDepth?: number;
  minChildWeight?: number;
  regLambda?: number;
  gamma?: number;
  subsample?: number;
  colsampleBytree?: number;
  baseScore?: number;
  randomState?: number;
}

export type ImportanceType = 'weight' | 'gain' | 'total_gain' | 'cover' | 'total_cover';

const sigmoid = (m: number) => 1 / (1 + Math.exp(-m));

export class GradientBoostingModel implements StagedClassifier {
  readonly nClasses = 2;
  constructor(
    readonly nFeatures: number,
    readonly baseMargin: number,
    readonly trees: FlatTree[],
  ) {}

  get nMembers(): number {
    return this.trees.length;
  }

  /** Raw margins F(x) after each count of trees in `counts` (ascending). */
  marginsStaged(X: FeatureMatrix, counts: readonly number[]): Float64Array[] {
    const margin = new Float64Array(X.rows).fill(this.baseMargin);
    const out: Float64Array[] = [];
    let done = 0;
    for (const m of counts) {
      const upto = Math.min(m, this.trees.length);
      if (upto < done) throw new RangeError('predictProbaStaged: counts must be ascending');
      for (; done < upto; done++) {
        const tree = this.trees[done];
        for (let i = 0; i < X.rows; i++) margin[i] += tree.value[leafOfRaw(tree, X.columns, i)];
      }
      out.push(margin.slice());
    }
    return out;
  }

  predictProba(X: FeatureMatrix): ProbabilityMatrix {
    return this.predictProbaStaged(X, [this.trees.length])[0];
  }

  predictProbaStaged(X: FeatureMatrix, counts: readonly number[]): ProbabilityMatrix[] {
    return this.marginsStaged(X, counts).map((margin) => {
      const data = new Float64Array(X.rows * 2);
      for (let i = 0; i < X.rows; i++) {
        const p = sigmoid(margin[i]);
        data[2 * i] = 1 - p;
        data[2 * i + 1] = p;
      }
      return { rows: X.rows, classes: 2, data };
    });
  }

  /**
   * `get_booster().get_score(importance_type)` as a dense vector (0 for
   * features never split on): weight = number of splits, total_gain / total_cover
   * = Σ loss_chg / Σ hessian cover of those splits, gain / cover = their means.
   */
  rawImportance(type: ImportanceType): Float64Array {
    const p = this.nFeatures;
    const weight = new Float64Array(p);
    const gain = new Float64Array(p);
    const cover = new Float64Array(p);
    for (const t of this.trees) {
      for (let n = 0; n < t.nNodes; n++) {
        const f = t.feature[n];
        if (f < 0) continue;
        weight[f] += 1;
        gain[f] += t.gain[n];
        cover[f] += t.cover[n];
      }
    }
    switch (type) {
      case 'weight':
        return weight;
      case 'total_gain':
        return gain;
      case 'total_cover':
        return cover;
      case 'gain':
        return gain.map((g, f) => (weight[f] > 0 ? g / weight[f] : 0));
      case 'cover':
        return cover.map((c, f) => (weight[f] > 0 ? c / weight[f] : 0));
    }
  }

  /** The sklearn wrapper's `feature_importances_` for `importance_type`: get_score normalised to sum 1. */
  importance(type: ImportanceType = 'gain'): Float64Array {
    const v = this.rawImportance(type);
    let total = 0;
    for (const x of v) total += x;
    return total === 0 ? v : v.map((x) => x / total);
  }

  /** XGBClassifier.feature_importances_ (1.7: importance_type 'gain' for gbtree). */
  featureImportances(): Float64Array {
    return this.importance('gain');
  }

  toJSON(): unknown {
    return { kind: 'gradientBoosting', nFeatures: this.nFeatures, baseMargin: this.baseMargin, trees: this.trees.map(treeToJSON) };
  }
}

/** Collapses, bottom-up, splits whose children are leaves and whose loss_chg < γ (XGBoost's prune updater). */
function pruneTree(tree: FlatTree, gamma: number): boolean {
  let pruned = false;
  for (let n = tree.nNodes - 1; n >= 0; n--) {
    if (tree.feature[n] < 0) continue;
    const l = tree.left[n];
    const r = tree.right[n];
    if (tree.feature[l] < 0 && tree.feature[r] < 0 && tree.gain[n] < gamma) {
      tree.feature[n] = -1;
      tree.gain[n] = 0;
      pruned = true;
    }
  }
  return pruned;
}

/**
 * A fitted model with the training margins the boosting loop kept through the
 * leaf each row landed in. They are what each round's gradients came from, so
 * they must equal the model's own prediction of the training rows; returning
 * them lets a test hold the binned update path to the raw prediction path.
 */
export interface BoostingFit {
  model: GradientBoostingModel;
  trainingMargins: Float64Array;
}

export function fitGradientBoosting(
  X: FeatureMatrix,
  y: Int32Array,
  nClasses: number,
  params: GradientBoostingParams,
  opts: FitOptions = {},
): BoostingFit {
  if (nClasses > 2) {
    throw new ApiError(
      'bad-input',
      `Gradient boosting supports binary targets only for now; this target has ${nClasses} classes. Choose a binary target or another model.`,
    );
  }
  const nTrees = params.nEstimators ?? 100;
  const lr = params.learningRate ?? 0.3;
  const gamma = params.gamma ?? 0;
  const subsample = params.subsample ?? 1;
  const colsample = params.colsampleBytree ?? 1;
  const baseScore = params.baseScore ?? 0.5;
  if (!(baseScore > 0 && baseScore < 1)) throw new ApiError('bad-input', `base_score must be in (0, 1); got ${baseScore}.`);
  const baseMargin = Math.log(baseScore / (1 - baseScore));
  const n = X.rows;
  const p = X.columns.length;
  throwIfAborted(opts.signal);

  const { mapper, binned } = binTrainingData(X);
  const criterion = new GradientCriterion(params.regLambda ?? 1, params.minChildWeight ?? 1, lr);
  const grower = new TreeGrower(binned, mapper, criterion);
  const rng = new TreeRng(params.randomState ?? 0);
  const growOpts = { maxDepth: params.maxDepth ?? 6, minSamplesSplit: 2, minSamplesLeaf: 1, maxFeatures: p, rng };
  const margin = new Float64Array(n).fill(baseMargin);
  const stats = new Float64Array(n * 3);
  const rows = new Int32Array(n);
  const nCols = Math.max(1, Math.floor(colsample * p));
  const allFeatures = Int32Array.from({ length: p }, (_, f) => f);
  const trees: FlatTree[] = [];

  for (let t = 0; t < nTrees; t++) {
    throwIfAborted(opts.signal);
    for (let r = 0; r < n; r++) {
      const pr = sigmoid(margin[r]);
      const o = r * 3;
      stats[o] = 1;
      stats[o + 1] = pr - y[r];
      stats[o + 2] = Math.max(pr * (1 - pr), 1e-16);
    }
    let nRows = 0;
    if (subsample < 1) {
      for (let r = 0; r < n; r++) if (rng.next() < subsample) rows[nRows++] = r;
    } else {
      for (let r = 0; r < n; r++) rows[nRows++] = r;
    }
    let allowed: Int32Array | null = null;
    if (nCols < p) {
      for (let i = 0; i < nCols; i++) {
        const j = i + rng.int(p - i);
        const tmp = allFeatures[i];
        allFeatures[i] = allFeatures[j];
        allFeatures[j] = tmp;
      }
      allowed = allFeatures.slice(0, nCols).sort();
    }
    const tree = grower.grow(rows, nRows, stats, growOpts, allowed);
    const pruned = gamma > 0 && pruneTree(tree, gamma);
    if (pruned || nRows < n) {
      for (let r = 0; r < n; r++) margin[r] += tree.value[leafOfBinned(tree, binned, r)];
    } else {
      const part = grower.rows;
      for (let node = 0; node < tree.nNodes; node++) {
        if (tree.feature[node] >= 0) continue;
        const v = tree.value[node];
        const [s, e] = grower.nodeRange(node);
        for (let i = s; i < e; i++) margin[part[i]] += v;
      }
    }
    trees.push(tree);
    opts.onProgress?.(t + 1, nTrees);
  }
  return { model: new GradientBoostingModel(p, baseMargin, trees), trainingMargins: margin };
}

export const gradientBoosting = {
  name: 'gradientBoosting',
  fit(X: FeatureMatrix, y: Int32Array, nClasses: number, params: GradientBoostingParams, opts: FitOptions = {}): GradientBoostingModel {
    return fitGradientBoosting(X, y, nClasses, params, opts).model;
  },
} satisfies ClassifierSpec<GradientBoostingParams>;
