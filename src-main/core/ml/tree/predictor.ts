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

/** Leaf index of `row` on raw data, from `node` down (the root by default). */
export function leafOfRaw(tree: FlatTree, columns: Float64Array[], row: number, node = 0): number {
  const feature = tree.feature;
  let f = feature[node];
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

/**
 * Per node of `tree`: the first node on the path from the root to it (the node
 * itself not counted) that tests `feature`, or −1 when none does. A row whose
 * leaf has −1 reaches that leaf whatever `feature` holds; the others need a
 * walk from that node only.
 */
function firstTesting(tree: FlatTree, feature: number): Int32Array {
  const first = new Int32Array(tree.nNodes).fill(-1);
  const stack = new Int32Array(tree.nNodes);
  let top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const n = stack[--top];
    const f = tree.feature[n];
    if (f < 0) continue;
    const start = first[n] >= 0 ? first[n] : f === feature ? n : -1;
    first[tree.left[n]] = start;
    first[tree.right[n]] = start;
    stack[top++] = tree.left[n];
    stack[top++] = tree.right[n];
  }
  return first;
}

/**
 * Every split's children are nodes of the tree and every node has one parent
 * at most: what firstTesting relies on (a shared child would inherit one
 * parent's path, a dangling one would loop). Trees the app grows or restores
 * are; any node order is.
 */
function isProperTree(tree: FlatTree): boolean {
  const n = tree.nNodes;
  if (n < 1) return false;
  const seen = new Uint8Array(n);
  const stack = [0];
  seen[0] = 1;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (tree.feature[node] < 0) continue;
    for (const child of [tree.left[node], tree.right[node]]) {
      if (!Number.isInteger(child) || child < 0 || child >= n || seen[child] === 1) return false;
      seen[child] = 1;
      stack.push(child);
    }
  }
  return true;
}

/** Above this the leaf table is not kept and callers predict the plain way. */
const ROW_LEAVES_MAX_BYTES = 128 * 2 ** 20;

/**
 * The leaf every row of X reaches in every tree, kept so that predictions
 * with one column replaced (permutation importance) walk again only the rows
 * whose path tests that column: the others reach the same leaf whatever the
 * column holds. A path rarely tests more than a few of the features, so most
 * of the walks are saved.
 */
export class RowLeaves {
  private constructor(
    private readonly trees: readonly FlatTree[],
    private readonly X: FeatureMatrix,
    /** leaves[t·rows + i]: the leaf row i reaches in tree t. */
    private readonly leaves: Int32Array,
  ) {}

  /** null when the table would take more than `maxBytes`, or a tree is not a tree (see isProperTree): callers then predict the plain way. */
  static of(trees: readonly FlatTree[], X: FeatureMatrix, maxBytes = ROW_LEAVES_MAX_BYTES): RowLeaves | null {
    if (trees.length * X.rows * 4 > maxBytes) return null;
    if (!trees.every(isProperTree)) return null;
    const leaves = new Int32Array(trees.length * X.rows);
    for (let t = 0; t < trees.length; t++) {
      const tree = trees[t];
      const base = t * X.rows;
      for (let i = 0; i < X.rows; i++) leaves[base + i] = leafOfRaw(tree, X.columns, i);
    }
    return new RowLeaves(trees, X, leaves);
  }

  /**
   * For each r, what addTreesValues(trees, X with column `feature` replaced
   * by replacements[r], outs[r], scale, groups) adds, bit for bit: each
   * row's sum is taken in tree order with the same products.
   */
  addTreesValuesReplacing(feature: number, replacements: readonly Float64Array[], outs: readonly Float64Array[], scale = 1, groups = 1): void {
    if (this.trees.length === 0) return;
    const rows = this.X.rows;
    const k = this.trees[0].valueSize;
    const stride = groups * k;
    const columns = replacements.map((c) => {
      if (c.length !== rows) throw new RangeError(`RowLeaves: a replacement column has ${c.length} values for ${rows} rows`);
      const cs = this.X.columns.slice();
      cs[feature] = c;
      return cs;
    });
    for (let t = 0; t < this.trees.length; t++) {
      const tree = this.trees[t];
      const value = tree.value;
      const offset = (t % groups) * k;
      const first = firstTesting(tree, feature);
      const base = t * rows;
      for (let i = 0; i < rows; i++) {
        const cached = this.leaves[base + i];
        const from = first[cached];
        const at = i * stride + offset;
        for (let r = 0; r < columns.length; r++) {
          const leaf = (from < 0 ? cached : leafOfRaw(tree, columns[r], i, from)) * k;
          const out = outs[r];
          for (let j = 0; j < k; j++) out[at + j] += scale * value[leaf + j];
        }
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
