/**
 * XGBoost's gbtree with objective binary:logistic (two classes) or
 * multi:softprob (k > 2), on binned features.
 *
 * Two classes: with margins F (base_score 0.5 → F₀ = 0) and p = σ(F), each
 * round fits one tree to g = p − y, h = max(p(1 − p), 1e-16).
 *
 * k classes (multi:softprob): each row has k margins, all starting at
 * base_score itself (XGBoost 1.7 does not transform it for softmax, so the
 * default 0.5 shifts every class alike); each round computes p = softmax(F)
 * once and fits one tree per class c to g = p_c − [y = c],
 * h = max(2·p_c(1 − p_c), 1e-16) (XGBoost's softmax gradient, factor 2
 * included), tree t belonging to class t mod k.
 *
 * Every tree is grown by XGBoost's gain (see GradientCriterion), leaves
 * −G/(H+λ)·η, then pruned bottom-up where loss_chg < γ. Training margins are
 * updated through the leaf each row landed in (no re-prediction). Rows are
 * subsampled per tree (Bernoulli(subsample)) and features per tree
 * (colsample_bytree).
 *
 * XGBoost 1.7 trains such data with its exact greedy method; histogram
 * splits on ≤ 511 bins per feature by default (`maxBins`) give statistically
 * equivalent models.
 */
import { ApiError } from '../../api/errors';
import type { ClassifierSpec, ColumnReplacer, FeatureMatrix, FitOptions, ProbabilityMatrix, StagedClassifier } from '../types';
import { binTrainingData, ENSEMBLE_MAX_BINS } from '../tree/binning';
import { TreeGrower } from '../tree/grower';
import { addTreesValues, leafOfBinned, RowLeaves, treeToJSON } from '../tree/predictor';
import type { FlatTree } from '../tree/predictor';
import { TreeRng } from '../tree/random';
import { GradientCriterion } from '../tree/splitting';
import { throwIfAborted } from '../tree/treeClassifier';

export const BOOSTING_OBJECTIVES = ['binary:logistic', 'multi:softprob'] as const;
export type BoostingObjective = (typeof BOOSTING_OBJECTIVES)[number];

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
  /** null / absent: chosen from the number of classes; given, it must agree with them. */
  objective?: string | null;
  /** Most bins per feature (see BinMapper); default ENSEMBLE_MAX_BINS (511). */
  maxBins?: number;
}

export type ImportanceType = 'weight' | 'gain' | 'total_gain' | 'cover' | 'total_cover';

const sigmoid = (m: number) => 1 / (1 + Math.exp(-m));

/** The objective XGBoost uses for a target of `nClasses` classes. */
export function objectiveFor(nClasses: number): BoostingObjective {
  return nClasses > 2 ? 'multi:softprob' : 'binary:logistic';
}

/** The objective to fit with: `objective` if it fits the target, else a refusal naming both. */
export function resolveObjective(objective: string | null | undefined, nClasses: number): BoostingObjective {
  const wanted = objectiveFor(nClasses);
  if (objective === null || objective === undefined) return wanted;
  if (!(BOOSTING_OBJECTIVES as readonly string[]).includes(objective)) {
    throw new ApiError('bad-input', `Gradient boosting: objective "${objective}" is not one Assay fits; leave it out or use ${BOOSTING_OBJECTIVES.map((o) => `"${o}"`).join(' or ')}.`);
  }
  if (objective !== wanted) {
    const needs = objective === 'binary:logistic' ? 'two classes' : 'more than two classes';
    throw new ApiError(
      'bad-input',
      `Gradient boosting: objective "${objective}" needs ${needs}, but this target has ${nClasses}; use "${wanted}" or leave objective out (it is chosen from the target).`,
    );
  }
  return objective;
}

/** In place: row i of the n × k margins `m` becomes its softmax (max subtracted first, as XGBoost does). */
function softmaxRows(m: Float64Array, n: number, k: number): void {
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let max = -Infinity;
    for (let c = 0; c < k; c++) if (m[o + c] > max) max = m[o + c];
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp(m[o + c] - max);
      m[o + c] = e;
      sum += e;
    }
    for (let c = 0; c < k; c++) m[o + c] /= sum;
  }
}

export class GradientBoostingModel implements StagedClassifier {
  /**
   * Binary: `baseMargin` is logit(base_score), one tree per round. k > 2:
   * `baseMargin` is every class's starting margin (base_score itself) and the
   * trees come k per round, tree t for class t mod k.
   */
  constructor(
    readonly nFeatures: number,
    readonly baseMargin: number,
    readonly trees: FlatTree[],
    readonly nClasses = 2,
  ) {
    if (!Number.isInteger(nClasses) || nClasses < 2) throw new RangeError(`gradient boosting: ${nClasses} classes`);
    if (trees.length % this.groups !== 0) throw new RangeError(`gradient boosting: ${trees.length} trees do not make whole rounds of ${this.groups}`);
  }

  get objective(): BoostingObjective {
    return objectiveFor(this.nClasses);
  }

  /** Margins per row (and trees per round): 1 for binary:logistic, k for multi:softprob. */
  get groups(): number {
    return this.nClasses > 2 ? this.nClasses : 1;
  }

  /** Boosting rounds (trees ÷ groups). */
  get nMembers(): number {
    return this.trees.length / this.groups;
  }

  /** Raw margins after each count of rounds in `counts` (ascending): n values, or n × k row-major for k > 2. */
  marginsStaged(X: FeatureMatrix, counts: readonly number[]): Float64Array[] {
    const G = this.groups;
    const margin = new Float64Array(X.rows * G).fill(this.baseMargin);
    const out: Float64Array[] = [];
    let done = 0;
    for (const m of counts) {
      const upto = Math.min(m, this.nMembers) * G;
      if (upto < done) throw new RangeError('predictProbaStaged: counts must be ascending');
      // `done` is a whole number of rounds, so the slice's tree t is for class t mod G.
      addTreesValues(this.trees.slice(done, upto), X, margin, 1, G);
      done = upto;
      out.push(margin.slice());
    }
    return out;
  }

  predictProba(X: FeatureMatrix): ProbabilityMatrix {
    return this.predictProbaStaged(X, [this.nMembers])[0];
  }

  predictProbaStaged(X: FeatureMatrix, counts: readonly number[]): ProbabilityMatrix[] {
    return this.marginsStaged(X, counts).map((margin) => this.probaOfMargin(margin, X.rows));
  }

  columnReplacer(X: FeatureMatrix): ColumnReplacer | null {
    const leaves = RowLeaves.of(this.trees, X);
    if (!leaves) return null;
    const G = this.groups;
    return (feature, replacements) => {
      const margins = replacements.map(() => new Float64Array(X.rows * G).fill(this.baseMargin));
      leaves.addTreesValuesReplacing(feature, replacements, margins, 1, G);
      return margins.map((margin) => this.probaOfMargin(margin, X.rows));
    };
  }

  /** Probabilities from margins (taking over `margin` for more than two classes). */
  private probaOfMargin(margin: Float64Array, rows: number): ProbabilityMatrix {
    const k = this.nClasses;
    if (k > 2) {
      softmaxRows(margin, rows, k);
      return { rows, classes: k, data: margin };
    }
    const data = new Float64Array(rows * 2);
    for (let i = 0; i < rows; i++) {
      const p = sigmoid(margin[i]);
      data[2 * i] = 1 - p;
      data[2 * i + 1] = p;
    }
    return { rows, classes: 2, data };
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
    const trees = this.trees.map(treeToJSON);
    // Binary documents stay as they were before k classes (no nClasses: 2 is implied).
    if (this.nClasses === 2) return { kind: 'gradientBoosting', nFeatures: this.nFeatures, baseMargin: this.baseMargin, trees };
    return { kind: 'gradientBoosting', nClasses: this.nClasses, nFeatures: this.nFeatures, baseMargin: this.baseMargin, trees };
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
 * leaf each row landed in (n values, or n × k row-major for k > 2). They are
 * what each round's gradients came from, so they must equal the model's own
 * prediction of the training rows; returning them lets a test hold the binned
 * update path to the raw prediction path.
 */
export interface BoostingFit {
  model: GradientBoostingModel;
  trainingMargins: Float64Array;
}

/** Per-row (1, g, h) of class `c` (k > 2) from the softmax probabilities `p` (n × k). */
function softmaxStats(p: Float64Array, y: Int32Array, k: number, c: number, stats: Float64Array): void {
  for (let r = 0; r < y.length; r++) {
    const pc = p[r * k + c];
    const o = r * 3;
    stats[o] = 1;
    stats[o + 1] = y[r] === c ? pc - 1 : pc;
    stats[o + 2] = Math.max(2 * pc * (1 - pc), 1e-16);
  }
}

/** Per-row (1, g, h) of binary:logistic from the margins. */
function logisticStats(margin: Float64Array, y: Int32Array, stats: Float64Array): void {
  for (let r = 0; r < y.length; r++) {
    const pr = sigmoid(margin[r]);
    const o = r * 3;
    stats[o] = 1;
    stats[o + 1] = pr - y[r];
    stats[o + 2] = Math.max(pr * (1 - pr), 1e-16);
  }
}

export function fitGradientBoosting(
  X: FeatureMatrix,
  y: Int32Array,
  nClasses: number,
  params: GradientBoostingParams,
  opts: FitOptions = {},
): BoostingFit {
  if (!Number.isInteger(nClasses) || nClasses < 2) {
    throw new ApiError('bad-input', `Gradient boosting needs a target with at least two classes; this one has ${nClasses}.`);
  }
  const objective = resolveObjective(params.objective, nClasses);
  const multi = objective === 'multi:softprob';
  const G = multi ? nClasses : 1;
  const nTrees = params.nEstimators ?? 100;
  const lr = params.learningRate ?? 0.3;
  const gamma = params.gamma ?? 0;
  const subsample = params.subsample ?? 1;
  const colsample = params.colsampleBytree ?? 1;
  const baseScore = params.baseScore ?? 0.5;
  let baseMargin: number;
  if (multi) {
    if (!Number.isFinite(baseScore)) throw new ApiError('bad-input', `base_score must be a finite number; got ${baseScore}.`);
    baseMargin = baseScore;
  } else {
    if (!(baseScore > 0 && baseScore < 1)) throw new ApiError('bad-input', `base_score must be in (0, 1); got ${baseScore}.`);
    baseMargin = Math.log(baseScore / (1 - baseScore));
  }
  const n = X.rows;
  const p = X.columns.length;
  throwIfAborted(opts.signal);

  const { mapper, binned } = binTrainingData(X, params.maxBins ?? ENSEMBLE_MAX_BINS);
  const criterion = new GradientCriterion(params.regLambda ?? 1, params.minChildWeight ?? 1, lr);
  const grower = new TreeGrower(binned, mapper, criterion);
  const rng = new TreeRng(params.randomState ?? 0);
  const growOpts = { maxDepth: params.maxDepth ?? 6, minSamplesSplit: 2, minSamplesLeaf: 1, maxFeatures: p, rng };
  const margin = new Float64Array(n * G).fill(baseMargin);
  const proba = multi ? new Float64Array(n * G) : null;
  const stats = new Float64Array(n * 3);
  const rows = new Int32Array(n);
  const nCols = Math.max(1, Math.floor(colsample * p));
  const allFeatures = Int32Array.from({ length: p }, (_, f) => f);
  const trees: FlatTree[] = [];

  for (let t = 0; t < nTrees; t++) {
    throwIfAborted(opts.signal);
    // Every class's gradients of a round come from the margins before the round.
    if (proba) {
      proba.set(margin);
      softmaxRows(proba, n, G);
    }
    for (let c = 0; c < G; c++) {
      if (proba) softmaxStats(proba, y, G, c, stats);
      else logisticStats(margin, y, stats);
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
        for (let r = 0; r < n; r++) margin[r * G + c] += tree.value[leafOfBinned(tree, binned, r)];
      } else {
        const part = grower.rows;
        for (let node = 0; node < tree.nNodes; node++) {
          if (tree.feature[node] >= 0) continue;
          const v = tree.value[node];
          const [s, e] = grower.nodeRange(node);
          for (let i = s; i < e; i++) margin[part[i] * G + c] += v;
        }
      }
      trees.push(tree);
    }
    opts.onProgress?.(t + 1, nTrees);
  }
  return { model: new GradientBoostingModel(p, baseMargin, trees, nClasses), trainingMargins: margin };
}

export const gradientBoosting = {
  name: 'gradientBoosting',
  fit(X: FeatureMatrix, y: Int32Array, nClasses: number, params: GradientBoostingParams, opts: FitOptions = {}): GradientBoostingModel {
    return fitGradientBoosting(X, y, nClasses, params, opts).model;
  },
} satisfies ClassifierSpec<GradientBoostingParams>;
