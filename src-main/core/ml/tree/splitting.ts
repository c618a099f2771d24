/**
 * Best split of a node from its histograms. Every criterion reads per-bin
 * statistics whose first entry is the row count (exact under subtraction), and
 * scans the bins of one feature left to right: a candidate puts bins ≤ b on
 * the left and bins > b on the right, tried with the missing bin on the right
 * and, when the node has missing values, on the left. Only positions between
 * two non-empty bins are candidates, so (as scikit-learn's exact splitter) a
 * split always separates distinct values present in the node.
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
    binOf: Uint8Array | null,
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

/**
 * Gini impurity, scikit-learn's criterion='gini'. Statistics per row:
 * (1, w·[y=0], …, w·[y=k−1]) with w the sample weight (bootstrap count).
 * A node with class weights w_c, W = Σ w_c has impurity i = 1 − Σ (w_c/W)².
 * Maximising the weighted decrease W·i − W_L·i_L − W_R·i_R is maximising the
 * proxy Σ w_Lc²/W_L + Σ w_Rc²/W_R. Children need ≥ minSamplesLeaf rows.
 */
export class GiniCriterion implements Criterion {
  readonly stride: number;
  readonly valueSize: number;
  constructor(
    readonly nClasses: number,
    readonly minSamplesLeaf: number,
  ) {
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

  scan(
    h: Float64Array,
    base: number,
    nValue: number,
    binOf: Uint8Array | null,
    missBase: number,
    parent: Float64Array,
    po: number,
    feature: number,
    best: SplitCandidate,
  ): boolean {
    const k = this.nClasses;
    const S = this.stride;
    const msl = this.minSamplesLeaf;
    const nTotal = parent[po];
    const hasMissing = missBase >= 0 && h[missBase] > 0;
    const mCount = hasMissing ? h[missBase] : 0;
    if (k === 2) {
      const P0 = parent[po + 1];
      const P1 = parent[po + 2];
      const m0 = hasMissing ? h[missBase + 1] : 0;
      const m1 = hasMissing ? h[missBase + 2] : 0;
      let c = 0;
      let l0 = 0;
      let l1 = 0;
      let prev = -1;
      let nonEmpty = 0;
      for (let j = 0; j < nValue; j++) {
        const s = base + j * 3;
        const cnt = h[s];
        if (cnt === 0) continue;
        nonEmpty++;
        const bin = binOf === null ? j : binOf[j];
        if (prev >= 0) {
          // missing right
          if (c >= msl && nTotal - c >= msl) {
            const r0 = P0 - l0;
            const r1 = P1 - l1;
            const sc = (l0 * l0 + l1 * l1) / (l0 + l1) + (r0 * r0 + r1 * r1) / (r0 + r1);
            if (sc > best.score) {
              best.score = sc;
              best.feature = feature;
              best.bin = prev;
              best.nextBin = bin;
              best.missingLeft = false;
              best.left[0] = c;
              best.left[1] = l0;
              best.left[2] = l1;
            }
          }
          if (hasMissing) {
            const cm = c + mCount;
            if (cm >= msl && nTotal - cm >= msl) {
              const a0 = l0 + m0;
              const a1 = l1 + m1;
              const r0 = P0 - a0;
              const r1 = P1 - a1;
              const sc = (a0 * a0 + a1 * a1) / (a0 + a1) + (r0 * r0 + r1 * r1) / (r0 + r1);
              if (sc > best.score) {
                best.score = sc;
                best.feature = feature;
                best.bin = prev;
                best.nextBin = bin;
                best.missingLeft = true;
                best.left[0] = cm;
                best.left[1] = a0;
                best.left[2] = a1;
              }
            }
          }
        }
        c += cnt;
        l0 += h[s + 1];
        l1 += h[s + 2];
        prev = bin;
      }
      if (hasMissing) {
        nonEmpty++;
        if (prev >= 0 && c >= msl && mCount >= msl) {
          const sc = (l0 * l0 + l1 * l1) / (l0 + l1) + (m0 * m0 + m1 * m1) / (m0 + m1);
          if (sc > best.score) {
            best.score = sc;
            best.feature = feature;
            best.bin = prev;
            best.nextBin = -1;
            best.missingLeft = false;
            best.left[0] = c;
            best.left[1] = l0;
            best.left[2] = l1;
          }
        }
      }
      return nonEmpty > 1;
    }
    // general k
    const L = new Float64Array(S);
    let prev = -1;
    let nonEmpty = 0;
    const evaluate = (withMissing: boolean, bin: number, nextBin: number) => {
      let cl = L[0];
      if (withMissing) cl += mCount;
      if (cl < msl || nTotal - cl < msl) return;
      let wl = 0;
      let sl = 0;
      let wr = 0;
      let sr = 0;
      for (let c = 1; c <= k; c++) {
        const a = L[c] + (withMissing ? h[missBase + c] : 0);
        const b = parent[po + c] - a;
        wl += a;
        sl += a * a;
        wr += b;
        sr += b * b;
      }
      const sc = sl / wl + sr / wr;
      if (sc > best.score) {
        best.score = sc;
        best.feature = feature;
        best.bin = bin;
        best.nextBin = nextBin;
        best.missingLeft = withMissing;
        for (let c = 0; c < S; c++) best.left[c] = L[c] + (withMissing ? h[missBase + c] : 0);
      }
    };
    for (let j = 0; j < nValue; j++) {
      const s = base + j * S;
      if (h[s] === 0) continue;
      nonEmpty++;
      const bin = binOf === null ? j : binOf[j];
      if (prev >= 0) {
        evaluate(false, prev, bin);
        if (hasMissing) evaluate(true, prev, bin);
      }
      for (let c = 0; c < S; c++) L[c] += h[s + c];
      prev = bin;
    }
    if (hasMissing) {
      nonEmpty++;
      if (prev >= 0) evaluate(false, prev, -1);
    }
    return nonEmpty > 1;
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
export class GradientCriterion implements Criterion {
  readonly stride = 3;
  readonly valueSize = 1;
  constructor(
    readonly lambda: number,
    readonly minChildWeight: number,
    readonly learningRate: number,
  ) {}

  gain(G: number, H: number): number {
    return H < this.minChildWeight ? 0 : (G * G) / (H + this.lambda);
  }

  cannotSplit(stats: Float64Array, so: number): boolean {
    return stats[so + 2] < 2 * this.minChildWeight || stats[so] < 2;
  }

  scan(
    h: Float64Array,
    base: number,
    nValue: number,
    binOf: Uint8Array | null,
    missBase: number,
    parent: Float64Array,
    po: number,
    feature: number,
    best: SplitCandidate,
  ): boolean {
    const lambda = this.lambda;
    const mcw = this.minChildWeight;
    const G = parent[po + 1];
    const H = parent[po + 2];
    const nTotal = parent[po];
    const hasMissing = missBase >= 0 && h[missBase] > 0;
    const mc = hasMissing ? h[missBase] : 0;
    const mg = hasMissing ? h[missBase + 1] : 0;
    const mh = hasMissing ? h[missBase + 2] : 0;
    let c = 0;
    let gl = 0;
    let hl = 0;
    let prev = -1;
    let nonEmpty = 0;
    for (let j = 0; j < nValue; j++) {
      const s = base + j * 3;
      const cnt = h[s];
      if (cnt === 0) continue;
      nonEmpty++;
      const bin = binOf === null ? j : binOf[j];
      if (prev >= 0) {
        const hr = H - hl;
        if (hl >= mcw && hr >= mcw) {
          const gr = G - gl;
          const sc = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda);
          if (sc > best.score) {
            best.score = sc;
            best.feature = feature;
            best.bin = prev;
            best.nextBin = bin;
            best.missingLeft = false;
            best.left[0] = c;
            best.left[1] = gl;
            best.left[2] = hl;
          }
        }
        if (hasMissing) {
          const a = gl + mg;
          const ah = hl + mh;
          const rh = H - ah;
          if (ah >= mcw && rh >= mcw) {
            const rg = G - a;
            const sc = (a * a) / (ah + lambda) + (rg * rg) / (rh + lambda);
            if (sc > best.score) {
              best.score = sc;
              best.feature = feature;
              best.bin = prev;
              best.nextBin = bin;
              best.missingLeft = true;
              best.left[0] = c + mc;
              best.left[1] = a;
              best.left[2] = ah;
            }
          }
        }
      }
      c += cnt;
      gl += h[s + 1];
      hl += h[s + 2];
      prev = bin;
    }
    if (hasMissing) {
      nonEmpty++;
      if (prev >= 0 && hl >= mcw && mh >= mcw) {
        const sc = (gl * gl) / (hl + lambda) + (mg * mg) / (mh + lambda);
        if (sc > best.score) {
          best.score = sc;
          best.feature = feature;
          best.bin = prev;
          best.nextBin = -1;
          best.missingLeft = false;
          best.left[0] = c;
          best.left[1] = gl;
          best.left[2] = hl;
        }
      }
    }
    void nTotal;
    return nonEmpty > 1;
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
