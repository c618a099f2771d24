/**
 * The shape a fitted tree must have before anything walks it: from the root,
 * every split's two children are distinct nodes inside the arrays, each added
 * after its parent, and no node is reached twice (two splits sharing a child,
 * or a split whose children are the same node). A tree Assay grows always has
 * it; a damaged or hostile model file may not, and is refused by this one
 * check when it is opened and again before an export walks it.
 *
 * Nodes no row can reach (gradient boosting's pruning turns a split into a
 * leaf in place and leaves its former children behind) are allowed and left
 * out: the walk numbers the live nodes breadth-first from the root (0, 1,
 * 2, …), each split's children next to each other, as exported formats want.
 */

/** What the check reads of a tree: its node count and, per node, split feature (−1 = leaf) and children. */
export interface TreeLinks {
  nNodes: number;
  feature: ArrayLike<number>;
  left: ArrayLike<number>;
  right: ArrayLike<number>;
}

export interface ReachableNodes {
  /** Old node index of each new node, in new order. */
  order: Int32Array;
  /** New index of an old node, −1 if unreachable. */
  newIndex: Int32Array;
  /** Per new node: the new index of its parent, −1 for the root. */
  parent: Int32Array;
}

export type TreeShape = { ok: true; nodes: ReachableNodes } | { ok: false; node: number; problem: string };

/** The tree's live nodes, or the first node whose links break the shape (in words, naming the node). */
export function treeShape(tree: TreeLinks): TreeShape {
  const n = tree.nNodes;
  if (n < 1) return { ok: false, node: 0, problem: 'the tree has no nodes' };
  const newIndex = new Int32Array(n).fill(-1);
  const parentOld = new Int32Array(n).fill(-1);
  const order: number[] = [0];
  const parent: number[] = [-1];
  newIndex[0] = 0;
  for (let i = 0; i < order.length; i++) {
    const node = order[i];
    if (tree.feature[node] < 0) continue;
    const left = tree.left[node];
    const right = tree.right[node];
    if (left === right) return { ok: false, node, problem: `node ${node}'s two children are both node ${left}` };
    for (const child of [left, right]) {
      if (!Number.isInteger(child) || child < 0 || child >= n) {
        return { ok: false, node, problem: `node ${node} has child ${child}, but the tree's nodes are 0…${n - 1}` };
      }
      // Children are always added after their parent; this also rules out cycles.
      if (child <= node) return { ok: false, node, problem: `node ${node} has child ${child}, which comes before it (a child follows its parent)` };
      if (newIndex[child] >= 0) {
        return { ok: false, node, problem: `node ${node} has child ${child}, which is already the child of node ${parentOld[child]}` };
      }
      newIndex[child] = order.length;
      parentOld[child] = node;
      order.push(child);
      parent.push(i);
    }
  }
  return { ok: true, nodes: { order: Int32Array.from(order), newIndex, parent: Int32Array.from(parent) } };
}
