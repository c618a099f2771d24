/**
 * Best split of a node from its histograms. Every criterion reads per-bin
 * statistics whose first entry is the row count (exact under subtraction), and
 * scans the bins of one feature left to right: a candidate puts bins ≤ b on
 * the left and bins > b on the right, tried with the missing bin on the right
 * and, when the node has missing values, on the left. Only positions between
 * two non-empty bins are candidates, so (as scikit-learn's exact splitter) a
 * split always separates distinct values present in the node.
 *
 * The scan itself is one skeleton (`BinScanCriterion.scan`); a criterion
 * supplies only the score of a candidate from its left child's sums.
 */

/** What a scan found; `score` is the criterion's proxy (higher is better). */
export class SplitCandidate {
  score = -Infinity;
  feature = -1;
  /** Last value bin going left. */
  bin = -1;
  /** First value bin going right, or -1 when only the missing bin goes right. */
  nextBin = -1;
  missingLeft = false;
  /** Statistics of the left child (length = stride). */
  readonly left: Float64Array;
  constructor(stride: number) {
    this.left = new Float64Array(stride);
  }
  reset(): void {
    this.score = -Infinity;
    this.feature = -1;
    this.bin = -1;
    this.nextBin = -1;
    this.missingLeft = false;
  }
}

export interface Criterion {
  /** Statistics per row / bin: [count, ...]. */
  readonly stride: number;
  /** True when a node with these statistics must not be split whatever its rows. */
  cannotSplit(stats: Float64Array, so: number): boolean;
  /**
   * Scans one feature's slots: value slots k = 0..nValue−1 at h[base + k·stride]
   * holding bin `binOf ? binOf[k] : k`, and the missing slot at h[missBase]
   * (missBase < 0: none). Updates `best` when strictly better; returns whether
   * the feature takes more than one value in the node (is not constant).
   */
  scan(
    h: Float64Array,
    base: number,
    nValue: number,
    binOf: Uint16Array | null,
    missBase: number,
    parent: Float64Array,
    po: number,
    feature: number,
    best: SplitCandidate,
  ): boolean;
  /** The candidate is a real split (e.g. positive gain). */
  accept(best: SplitCandidate, parent: Float64Array, po: number): boolean;
  /** The importance credited to the split's feature (see each criterion). */
  splitGain(best: SplitCandidate, parent: Float64Array, po: number): number;
  /** Number of values a leaf stores. */
  readonly valueSize: number;
  leafValue(stats: Float64Array, so: number, out: Float64Array, oo: number): void;
  /** The node's weight for importances ('cover'): Σw for Gini, Σh for gradients. */
  cover(stats: Float64Array, so: number): number;
}

/** How a candidate's left child is made of the scan's running sums L and the missing slot M. */
export const enum Side {
  /** left = L, right = parent − L (the missing rows, if any, go right) */
  ValuesLeft = 0,
  /** left = L + M, right = parent − L − M */
  MissingLeft = 1,
  /** left = L (every value row), right = M (the missing rows alone) */
  MissingAlone = 2,
}

/**
 * The scan every criterion shares: running sums L over the value slots left
 * to right, and at each position between two non-empty bins the candidates
 * of `score` (missing right, then missing left); last, the missing rows alone
 * on the right.
 */
abstract class BinScanCriterion implements Criterion {
  abstract readonly stride: number;
  abstract readonly valueSize: number;
  /** The scan's running sums (stride entries). */
  protected sums = new Float64Array(0);

  /**
   * The criterion's proxy for the candidate `side` makes of L (at `l`), the
   * missing slot (h[m..]) and the parent (at `po`); −Infinity when the
   * children break a constraint (min_samples_leaf, min_child_weight).
   */
  protected abstract score(L: Float64Array, h: Float64Array, m: number, side: Side, parent: Float64Array, po: number): number;

  scan(
    h: Float64Array,
    base: number,
    nValue: number,
    binOf: Uint16Array | null,
    missBase: number,
    parent: Float64Array,
    po: number,
    feature: number,
    best: SplitCandidate,
  ): boolean {
    const S = this.stride;
    if (this.sums.length !== S) this.sums = new Float64Array(S);
    const L = this.sums;
    L.fill(0);
    const hasMissing = missBase >= 0 && h[missBase] > 0;
    let prev = -1;
    let nonEmpty = 0;
    for (let j = 0; j < nValue; j++) {
      const s = base + j * S;
      if (h[s] === 0) continue;
      nonEmpty++;
      const bin = binOf === null ? j : binOf[j];
      if (prev >= 0) {
        const sc = this.score(L, h, missBase, Side.ValuesLeft, parent, po);
        if (sc > best.score) record(best, sc, feature, prev, bin, false, L, h, -1);
        if (hasMissing) {
          const sm = this.score(L, h, missBase, Side.MissingLeft, parent, po);
          if (sm > best.score) record(best, sm, feature, prev, bin, true, L, h, missBase);
        }
      }
      for (let c = 0; c < S; c++) L[c] += h[s + c];
      prev = bin;
    }
    if (hasMissing) {
      nonEmpty++;
      if (prev >= 0) {
        const sc = this.score(L, h, missBase, Side.MissingAlone, parent, po);
        if (sc > best.score) record(best, sc, feature, prev, -1, false, L, h, -1);
      }
    }
    return nonEmpty > 1;
  }

  abstract cannotSplit(stats: Float64Array, so: number): boolean;
  abstract accept(best: SplitCandidate, parent: Float64Array, po: number): boolean;
  abstract splitGain(best: SplitCandidate, parent: Float64Array, po: number): number;
  abstract leafValue(stats: Float64Array, so: number, out: Float64Array, oo: number): void;
  abstract cover(stats: Float64Array, so: number): number;
}

/** Makes the candidate the best so far; its left child is L, plus the missing slot at m when m ≥ 0. */
function record(best: SplitCandidate, score: number, feature: number, bin: number, nextBin: number, missingLeft: boolean, L: Float64Array, h: Float64Array, m: number): void {
  best.score = score;
  best.feature = feature;
  best.bin = bin;
  best.nextBin = nextBin;
  best.missingLeft = missingLeft;
  const left = best.left;
  if (m >= 0) for (let c = 0; c < left.length; c++) left[c] = L[c] + h[m + c];
  else for (let c = 0; c < left.length; c++) left[c] = L[c];
}

/**
 * Gini impurity, scikit-learn's criterion='gini'. Statistics per row:
 * (1, w·[y=0], …, w·[y=k−1]) with w the sample weight (bootstrap count).
 * A node with class weights w_c, W = Σ w_c has impurity i = 1 − Σ (w_c/W)².
 * Maximising the weighted decrease W·i − W_L·i_L − W_R·i_R is maximising the
 * proxy Σ w_Lc²/W_L + Σ w_Rc²/W_R. Children need ≥ minSamplesLeaf rows.
 */
export class GiniCriterion extends BinScanCriterion {
  readonly stride: number;
  readonly valueSize: number;
  constructor(
    readonly nClasses: number,
    readonly minSamplesLeaf: number,
  ) {
    super();
    this.stride = nClasses + 1;
    this.valueSize = nClasses;
  }

  static impurity(stats: Float64Array, so: number, k: number): number {
    let W = 0;
    let sq = 0;
    for (let c = 1; c <= k; c++) {
      const w = stats[so + c];
      W += w;
      sq += w * w;
    }
    return W > 0 ? 1 - sq / (W * W) : 0;
  }

  cannotSplit(stats: Float64Array, so: number): boolean {
    return GiniCriterion.impurity(stats, so, this.nClasses) <= 2.220446049250313e-16;
  }

  protected score(L: Float64Array, h: Float64Array, m: number, side: Side, parent: Float64Array, po: number): number {
    const msl = this.minSamplesLeaf;
    const nTotal = parent[po];
    const withMissing = side === Side.MissingLeft;
    const cl = withMissing ? L[0] + h[m] : L[0];
    const cr = side === Side.MissingAlone ? h[m] : nTotal - cl;
    if (cl < msl || cr < msl) return -Infinity;
    if (this.nClasses === 2) {
      const l0 = withMissing ? L[1] + h[m + 1] : L[1];
      const l1 = withMissing ? L[2] + h[m + 2] : L[2];
      const r0 = side === Side.MissingAlone ? h[m + 1] : parent[po + 1] - l0;
      const r1 = side === Side.MissingAlone ? h[m + 2] : parent[po + 2] - l1;
      return (l0 * l0 + l1 * l1) / (l0 + l1) + (r0 * r0 + r1 * r1) / (r0 + r1);
    }
    let wl = 0;
    let sl = 0;
    let wr = 0;
    let sr = 0;
    for (let c = 1; c <= this.nClasses; c++) {
      const a = withMissing ? L[c] + h[m + c] : L[c];
      const b = side === Side.MissingAlone ? h[m + c] : parent[po + c] - a;
      wl += a;
      sl += a * a;
      wr += b;
      sr += b * b;
    }
    return sl / wl + sr / wr;
  }

  accept(best: SplitCandidate): boolean {
    return best.feature >= 0;
  }

  /** W·i − W_L·i_L − W_R·i_R, scikit-learn's (unnormalised) impurity decrease. */
  splitGain(best: SplitCandidate, parent: Float64Array, po: number): number {
    const k = this.nClasses;
    const R = new Float64Array(this.stride);
    let W = 0;
    let WL = 0;
    for (let c = 1; c <= k; c++) {
      R[c] = parent[po + c] - best.left[c];
      W += parent[po + c];
      WL += best.left[c];
    }
    return (
      W * GiniCriterion.impurity(parent, po, k) -
      WL * GiniCriterion.impurity(best.left, 0, k) -
      (W - WL) * GiniCriterion.impurity(R, 0, k)
    );
  }

  leafValue(stats: Float64Array, so: number, out: Float64Array, oo: number): void {
    const k = this.nClasses;
    let W = 0;
    for (let c = 1; c <= k; c++) W += stats[so + c];
    for (let c = 0; c < k; c++) out[oo + c] = W > 0 ? stats[so + 1 + c] / W : 1 / k;
  }

  cover(stats: Float64Array, so: number): number {
    let W = 0;
    for (let c = 1; c <= this.nClasses; c++) W += stats[so + c];
    return W;
  }
}

/**
 * XGBoost's second-order gain. Statistics per row: (1, g, h). With
 * gain(G, H) = G²/(H + λ) (0 when H < min_child_weight), a split's loss change
 * is gain(G_L, H_L) + gain(G_R, H_R) − gain(G, H) — XGBoost's `loss_chg`,
 * which is twice the textbook ½[…] form — and a split needs H_L, H_R ≥
 * min_child_weight and loss_chg > 1e-6 (XGBoost's kRtEps). γ (min_split_loss)
 * is applied afterwards by pruning, as XGBoost's `prune` updater does. The leaf
 * weight is −G/(H + λ) (0 when H < min_child_weight), times the learning rate.
 */
export class GradientCriterion extends BinScanCriterion {
  readonly stride = 3;
  readonly valueSize = 1;
  constructor(
    readonly lambda: number,
    readonly minChildWeight: number,
    readonly learningRate: number,
  ) {
    super();
  }

  gain(G: number, H: number): number {
    return H < this.minChildWeight ? 0 : (G * G) / (H + this.lambda);
  }

  cannotSplit(stats: Float64Array, so: number): boolean {
    return stats[so + 2] < 2 * this.minChildWeight || stats[so] < 2;
  }

  protected score(L: Float64Array, h: Float64Array, m: number, side: Side, parent: Float64Array, po: number): number {
    const lambda = this.lambda;
    const mcw = this.minChildWeight;
    const withMissing = side === Side.MissingLeft;
    const gl = withMissing ? L[1] + h[m + 1] : L[1];
    const hl = withMissing ? L[2] + h[m + 2] : L[2];
    const gr = side === Side.MissingAlone ? h[m + 1] : parent[po + 1] - gl;
    const hr = side === Side.MissingAlone ? h[m + 2] : parent[po + 2] - hl;
    if (hl < mcw || hr < mcw) return -Infinity;
    return (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda);
  }

  accept(best: SplitCandidate, parent: Float64Array, po: number): boolean {
    return best.feature >= 0 && best.score - this.gain(parent[po + 1], parent[po + 2]) > 1e-6;
  }

  splitGain(best: SplitCandidate, parent: Float64Array, po: number): number {
    return best.score - this.gain(parent[po + 1], parent[po + 2]);
  }

  leafValue(stats: Float64Array, so: number, out: Float64Array, oo: number): void {
    const G = stats[so + 1];
    const H = stats[so + 2];
    out[oo] = H < this.minChildWeight || H <= 0 ? 0 : (-G / (H + this.lambda)) * this.learningRate;
  }

  cover(stats: Float64Array, so: number): number {
    return stats[so + 2];
  }
}
