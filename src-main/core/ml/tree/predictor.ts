/**
 * A fitted tree as flat typed arrays (node 0 is the root; feature −1 marks a
 * leaf). A row goes left at a split when its value is ≤ `threshold` (raw units)
 * or, on binned data, when its bin is ≤ `binThreshold`; a missing value (NaN,
 * or the feature's missing bin) goes left iff `missingLeft`. On training rows
 * both paths agree; new data goes through the raw path.
 */
import type { BinnedMatrix } from './binning';
import type { FeatureMatrix } from '../types';

export interface FlatTree {
  nNodes: number;
  feature: Int32Array;
  threshold: Float64Array;
  binThreshold: Uint8Array | Uint16Array;
  missingLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** Values per node (valueSize each): class proportions, or a boosting leaf weight. */
  valueSize: number;
  value: Float64Array;
  /** Per split node: the criterion's gain (impurity decrease, or XGBoost's loss_chg). */
  gain: Float64Array;
  /** Per node: Σ weights (forests) or Σ hessians (boosting). */
  cover: Float64Array;
}

/** Leaf index of `row` on raw data. */
export function leafOfRaw(tree: FlatTree, columns: Float64Array[], row: number): number {
  const feature = tree.feature;
  let node = 0;
  let f = feature[0];
  while (f >= 0) {
    const v = columns[f][row];
    const goLeft = v !== v ? tree.missingLeft[node] === 1 : v <= tree.threshold[node];
    node = goLeft ? tree.left[node] : tree.right[node];
    f = feature[node];
  }
  return node;
}

/** Leaf index of `row` on data binned by the training BinMapper (fast path). */
export function leafOfBinned(tree: FlatTree, binned: BinnedMatrix, row: number): number {
  const feature = tree.feature;
  const nBins = binned.nBins;
  let node = 0;
  let f = feature[0];
  while (f >= 0) {
    const b = binned.columns[f][row];
    const goLeft = b === nBins[f] ? tree.missingLeft[node] === 1 : b <= tree.binThreshold[node];
    node = goLeft ? tree.left[node] : tree.right[node];
    f = feature[node];
  }
  return node;
}

/** out[i·valueSize + j] += scale · value of the leaf row i reaches (raw data). */
export function addTreeValues(tree: FlatTree, X: FeatureMatrix, out: Float64Array, scale = 1): void {
  const k = tree.valueSize;
  const value = tree.value;
  for (let i = 0; i < X.rows; i++) {
    const leaf = leafOfRaw(tree, X.columns, i) * k;
    for (let j = 0; j < k; j++) out[i * k + j] += scale * value[leaf + j];
  }
}

/**
 * Rows per block in addTreesValues: a block's slice of every column (25
 * features × 2,048 rows × 8 bytes = 400 KB) stays in cache while each tree
 * walks it, instead of every column streaming through the cache once per tree.
 */
export const PREDICT_BLOCK_ROWS = 2048;

/**
 * addTreeValues for many trees, by blocks of rows: every tree over one block
 * of rows, then the next block. Tree t adds to group t mod `groups` —
 * out[i·groups·valueSize + (t mod groups)·valueSize + j] — so one call serves
 * a forest (groups = 1) and boosting's rounds of one tree per class. Each
 * row's sum is taken in tree order, as tree-by-tree addition takes it, so the
 * result is bit for bit the same.
 */
export function addTreesValues(trees: readonly FlatTree[], X: FeatureMatrix, out: Float64Array, scale = 1, groups = 1, blockRows = PREDICT_BLOCK_ROWS): void {
  if (trees.length === 0) return;
  const k = trees[0].valueSize;
  const stride = groups * k;
  const columns = X.columns;
  for (let start = 0; start < X.rows; start += blockRows) {
    const end = Math.min(X.rows, start + blockRows);
    for (let t = 0; t < trees.length; t++) {
      const tree = trees[t];
      const value = tree.value;
      const offset = (t % groups) * k;
      for (let i = start; i < end; i++) {
        const leaf = leafOfRaw(tree, columns, i) * k;
        const at = i * stride + offset;
        for (let j = 0; j < k; j++) out[at + j] += scale * value[leaf + j];
      }
    }
  }
}

/** As addTreeValues on binned rows. */
export function addTreeValuesBinned(tree: FlatTree, binned: BinnedMatrix, out: Float64Array, scale = 1): void {
  const k = tree.valueSize;
  const value = tree.value;
  for (let i = 0; i < binned.rows; i++) {
    const leaf = leafOfBinned(tree, binned, i) * k;
    for (let j = 0; j < k; j++) out[i * k + j] += scale * value[leaf + j];
  }
}

export function treeToJSON(tree: FlatTree): unknown {
  return {
    feature: Array.from(tree.feature),
    threshold: Array.from(tree.threshold, (t) => (Number.isFinite(t) ? t : null)),
    missingLeft: Array.from(tree.missingLeft),
    left: Array.from(tree.left),
    right: Array.from(tree.right),
    value: Array.from(tree.value),
  };
}

/** Depth of the deepest leaf (root = 0). */
export function treeDepth(tree: FlatTree): number {
  const depth = new Int32Array(tree.nNodes);
  let max = 0;
  for (let n = 0; n < tree.nNodes; n++) {
    if (tree.feature[n] >= 0) {
      depth[tree.left[n]] = depth[n] + 1;
      depth[tree.right[n]] = depth[n] + 1;
    }
    if (depth[n] > max) max = depth[n];
  }
  return max;
}
