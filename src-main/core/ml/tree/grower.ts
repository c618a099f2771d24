/**
 * Grows one tree depth-first over an array of row indices that is partitioned
 * in place: a node is the range rows[start..end). Large nodes keep all
 * features' histograms (the smaller child built from rows, the larger one by
 * subtraction from the parent); nodes with fewer than `SMALL_NODE` rows build,
 * for each feature they look at, a compact histogram of just the bins present,
 * which is cheaper than scanning 255 mostly empty bins.
 *
 * Features per node: `maxFeatures` drawn without replacement as scikit-learn's
 * splitter does — features found constant in the node count as visited, but
 * drawing goes on past `maxFeatures` until at least one non-constant feature
 * has been seen (or none are left).
 */
import type { BinMapper, BinnedMatrix } from './binning';
import { buildHistograms, compactHistogram, histogramLayout, HistogramPool, rowMajorSlots, subtractHistogram } from './histogram';
import type { HistogramLayout } from './histogram';
import { partitionRows } from './partition';
import type { FlatTree } from './predictor';
import type { TreeRng } from './random';
import { SplitCandidate } from './splitting';
import type { Criterion } from './splitting';

export interface GrowOptions {
  /** Infinity for unlimited. */
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** Features examined per node (≥ 1; ≥ the number allowed means all, in a fixed order). */
  maxFeatures: number;
  rng: TreeRng;
}

/** Nodes with fewer rows than this use compact per-feature histograms. */
export const SMALL_NODE = 64;

class GrowableTree {
  n = 0;
  cap = 0;
  feature = new Int32Array(0);
  threshold = new Float64Array(0);
  binThreshold = new Uint16Array(0);
  missingLeft = new Uint8Array(0);
  left = new Int32Array(0);
  right = new Int32Array(0);
  value = new Float64Array(0);
  gain = new Float64Array(0);
  cover = new Float64Array(0);
  start = new Int32Array(0);
  end = new Int32Array(0);
  stats = new Float64Array(0);

  constructor(
    readonly valueSize: number,
    readonly stride: number,
  ) {
    this.grow(64);
  }

  private grow(cap: number): void {
    const g = <T extends Int32Array | Float64Array | Uint8Array | Uint16Array>(a: T, size: number): T => {
      const b = new (a.constructor as { new (n: number): T })(size);
      b.set(a);
      return b;
    };
    this.feature = g(this.feature, cap);
    this.threshold = g(this.threshold, cap);
    this.binThreshold = g(this.binThreshold, cap);
    this.missingLeft = g(this.missingLeft, cap);
    this.left = g(this.left, cap);
    this.right = g(this.right, cap);
    this.value = g(this.value, cap * this.valueSize);
    this.gain = g(this.gain, cap);
    this.cover = g(this.cover, cap);
    this.start = g(this.start, cap);
    this.end = g(this.end, cap);
    this.stats = g(this.stats, cap * this.stride);
    this.cap = cap;
  }

  reset(): void {
    this.n = 0;
  }

  add(start: number, end: number): number {
    if (this.n === this.cap) this.grow(this.cap * 2);
    const id = this.n++;
    this.feature[id] = -1;
    this.left[id] = -1;
    this.right[id] = -1;
    this.gain[id] = 0;
    this.start[id] = start;
    this.end[id] = end;
    return id;
  }

  toFlat(): FlatTree {
    const n = this.n;
    return {
      nNodes: n,
      feature: this.feature.slice(0, n),
      threshold: this.threshold.slice(0, n),
      binThreshold: this.binThreshold.slice(0, n),
      missingLeft: this.missingLeft.slice(0, n),
      left: this.left.slice(0, n),
      right: this.right.slice(0, n),
      valueSize: this.valueSize,
      value: this.value.slice(0, n * this.valueSize),
      gain: this.gain.slice(0, n),
      cover: this.cover.slice(0, n),
    };
  }
}

/** Reusable state for growing many trees on one binned matrix. */
export class TreeGrower {
  readonly layout: HistogramLayout;
  private readonly pool: HistogramPool;
  private readonly tree: GrowableTree;
  private readonly best: SplitCandidate;
  private readonly scratch: Float64Array;
  private readonly seen: Uint8Array;
  private readonly bins: Uint16Array;
  private readonly compact: Float64Array;
  private readonly featureOrder: Int32Array;
  private readonly slots: Uint16Array | Int32Array;
  /** Row indices of the last tree, partitioned so each node is a range (see nodeRange). */
  rows: Int32Array;
  /** The children's histograms childHistograms hands back. */
  private leftHist: Float64Array | null = null;
  private rightHist: Float64Array | null = null;

  constructor(
    readonly binned: BinnedMatrix,
    readonly mapper: BinMapper,
    readonly criterion: Criterion,
  ) {
    const S = criterion.stride;
    this.layout = histogramLayout(binned.nBins, S);
    this.pool = new HistogramPool(this.layout.size);
    this.tree = new GrowableTree(criterion.valueSize, S);
    this.best = new SplitCandidate(S);
    // a small node's compact histogram holds at most every bin of one feature
    let widest = 0;
    for (let f = 0; f < binned.nBins.length; f++) widest = Math.max(widest, binned.nBins[f] + 1);
    this.seen = new Uint8Array(widest);
    this.bins = new Uint16Array(widest);
    this.scratch = new Float64Array(widest * S);
    this.compact = new Float64Array(widest * S);
    this.featureOrder = new Int32Array(binned.columns.length);
    this.rows = new Int32Array(binned.rows);
    this.slots = rowMajorSlots(binned, this.layout);
  }

  /** Start/end (into `rows`) of a node of the last tree grown. */
  nodeRange(node: number): [number, number] {
    return [this.tree.start[node], this.tree.end[node]];
  }

  /**
   * Grows a tree on the rows `rowIdx[0..nRows)` with per-row statistics
   * `rowStats` (criterion.stride per row, indexed by row number). `allowed`
   * restricts the features (XGBoost's colsample_bytree); null = all.
   * Each node goes through scikit-learn's steps: the split search
   * (findSplit), the partition of its rows (splitNode), and the children's
   * histograms (childHistograms).
   */
  grow(rowIdx: ArrayLike<number>, nRows: number, rowStats: Float64Array, opts: GrowOptions, allowed: Int32Array | null = null): FlatTree {
    const crit = this.criterion;
    const S = crit.stride;
    const tree = this.tree;
    const rows = this.rows;
    const order = this.featureOrder;
    const p = this.binned.columns.length;
    tree.reset();
    for (let i = 0; i < nRows; i++) rows[i] = rowIdx[i];

    let nAllowed = p;
    if (allowed) {
      nAllowed = allowed.length;
      for (let i = 0; i < nAllowed; i++) order[i] = allowed[i];
    } else {
      for (let i = 0; i < p; i++) order[i] = i;
    }
    const maxDepth = opts.maxDepth;
    const minSplit = Math.max(opts.minSamplesSplit, 2 * opts.minSamplesLeaf, 2);
    const needsHist = (n: number, depth: number) => n >= SMALL_NODE && depth < maxDepth && n >= minSplit;

    const root = tree.add(0, nRows);
    const rs = tree.stats;
    for (let j = 0; j < S; j++) rs[j] = 0;
    for (let i = 0; i < nRows; i++) {
      const o = rows[i] * S;
      for (let j = 0; j < S; j++) rs[j] += rowStats[o + j];
    }
    const hists: (Float64Array | null)[] = [];
    const stackNode: number[] = [root];
    const stackDepth: number[] = [0];
    if (needsHist(nRows, 0)) {
      const h = this.pool.acquire();
      buildHistograms(this.slots, p, S, rows, 0, nRows, rowStats, h);
      hists.push(h);
    } else hists.push(null);

    while (stackNode.length > 0) {
      const node = stackNode.pop()!;
      const depth = stackDepth.pop()!;
      const hist = hists.pop()!;
      const start = tree.start[node];
      const end = tree.end[node];
      const so = node * S;
      crit.leafValue(tree.stats, so, tree.value, node * crit.valueSize);
      tree.cover[node] = crit.cover(tree.stats, so);
      const n = end - start;
      if (depth >= maxDepth || n < minSplit || crit.cannotSplit(tree.stats, so) || !this.findSplit(node, hist, nAllowed, opts, rowStats)) {
        if (hist) this.pool.release(hist);
        continue;
      }
      const mid = this.splitNode(node);
      this.childHistograms(hist, start, mid, end, needsHist(mid - start, depth + 1), needsHist(end - mid, depth + 1), rowStats);
      stackNode.push(tree.right[node], tree.left[node]);
      stackDepth.push(depth + 1, depth + 1);
      hists.push(this.rightHist, this.leftHist);
    }
    return tree.toFlat();
  }

  /**
   * The split search: the best split of `node` over `maxFeatures` features
   * drawn without replacement (see the file's note), left in `this.best`;
   * false when the criterion accepts none.
   */
  private findSplit(node: number, hist: Float64Array | null, nAllowed: number, opts: GrowOptions, rowStats: Float64Array): boolean {
    const crit = this.criterion;
    const S = crit.stride;
    const nBins = this.binned.nBins;
    const offsets = this.layout.offsets;
    const order = this.featureOrder;
    const best = this.best;
    const stats = this.tree.stats;
    const so = node * S;
    const start = this.tree.start[node];
    const end = this.tree.end[node];
    const sampleFeatures = opts.maxFeatures < nAllowed;
    best.reset();
    let visited = 0;
    let foundNonConstant = false;
    while (visited < nAllowed && (!sampleFeatures || visited < opts.maxFeatures || !foundNonConstant)) {
      if (sampleFeatures) {
        const j = visited + opts.rng.int(nAllowed - visited);
        const t = order[j];
        order[j] = order[visited];
        order[visited] = t;
      }
      const f = order[visited++];
      let nonConstant: boolean;
      if (hist) {
        const base = offsets[f] * S;
        const nb = nBins[f];
        nonConstant = crit.scan(hist, base, nb, null, base + nb * S, stats, so, f, best);
      } else {
        nonConstant = this.scanSmall(f, start, end, rowStats, stats, so);
      }
      if (nonConstant) foundNonConstant = true;
    }
    return crit.accept(best, stats, so);
  }

  /**
   * Applies `this.best` to `node`: its threshold in raw units (the midpoint
   * between the neighbouring values present when the bins are exact), the
   * partition of its rows, and its two children with their statistics.
   * Returns where the right child's rows start.
   */
  private splitNode(node: number): number {
    const crit = this.criterion;
    const S = crit.stride;
    const binned = this.binned;
    const nBins = binned.nBins;
    const tree = this.tree;
    const best = this.best;
    const so = node * S;
    const start = tree.start[node];
    const end = tree.end[node];
    const f = best.feature;
    const bv = this.mapper.binValues[f];
    let binThr = best.bin;
    let thr: number;
    if (best.nextBin < 0) {
      thr = best.bin < nBins[f] - 1 ? binned.thresholds[f][best.bin] : Infinity;
    } else if (bv) {
      thr = (bv[best.bin] + bv[best.nextBin]) * 0.5;
      while (binThr + 1 < best.nextBin && bv[binThr + 1] <= thr) binThr++;
    } else {
      thr = binned.thresholds[f][best.bin];
    }
    tree.feature[node] = f;
    tree.threshold[node] = thr;
    tree.binThreshold[node] = binThr;
    tree.missingLeft[node] = best.missingLeft ? 1 : 0;
    tree.gain[node] = crit.splitGain(best, tree.stats, so);

    const mid = partitionRows(this.rows, start, end, binned.columns[f], nBins[f], binThr, best.missingLeft);
    const leftId = tree.add(start, mid);
    const rightId = tree.add(mid, end);
    const stats = tree.stats; // add() may have reallocated it
    tree.left[node] = leftId;
    tree.right[node] = rightId;
    const lo = leftId * S;
    const ro = rightId * S;
    for (let c = 0; c < S; c++) {
      stats[lo + c] = best.left[c];
      stats[ro + c] = stats[so + c] - best.left[c];
    }
    return mid;
  }

  /**
   * The children's histograms, into leftHist / rightHist (null where a child
   * needs none): the smaller child's built from its rows, the larger one's by
   * subtraction from the parent's `hist` (or built too when the parent had none).
   * Takes over `hist`.
   */
  private childHistograms(hist: Float64Array | null, start: number, mid: number, end: number, needL: boolean, needR: boolean, rowStats: Float64Array): void {
    const S = this.criterion.stride;
    const p = this.binned.columns.length;
    const rows = this.rows;
    let hL: Float64Array | null = null;
    let hR: Float64Array | null = null;
    if (needL || needR) {
      const smallIsLeft = mid - start <= end - mid;
      const small = this.pool.acquire();
      if (smallIsLeft) buildHistograms(this.slots, p, S, rows, start, mid, rowStats, small);
      else buildHistograms(this.slots, p, S, rows, mid, end, rowStats, small);
      let large: Float64Array;
      if (hist) {
        subtractHistogram(hist, small);
        large = hist;
      } else {
        large = this.pool.acquire();
        if (smallIsLeft) buildHistograms(this.slots, p, S, rows, mid, end, rowStats, large);
        else buildHistograms(this.slots, p, S, rows, start, mid, rowStats, large);
      }
      if (smallIsLeft) {
        hL = small;
        hR = large;
      } else {
        hL = large;
        hR = small;
      }
      if (!needL) {
        this.pool.release(hL);
        hL = null;
      }
      if (!needR) {
        this.pool.release(hR);
        hR = null;
      }
    } else if (hist) this.pool.release(hist);
    this.leftHist = hL;
    this.rightHist = hR;
  }

  /** Split search on one feature of a small node through its compact histogram. */
  private scanSmall(f: number, start: number, end: number, rowStats: Float64Array, stats: Float64Array, so: number): boolean {
    const S = this.criterion.stride;
    const t = compactHistogram(this.binned.columns[f], this.rows, start, end, rowStats, S, this.scratch, this.seen, this.bins, this.compact);
    const hasMissing = this.bins[t - 1] === this.binned.nBins[f];
    const nValue = hasMissing ? t - 1 : t;
    return this.criterion.scan(this.compact, 0, nValue, this.bins, hasMissing ? nValue * S : -1, stats, so, f, this.best);
  }
}
