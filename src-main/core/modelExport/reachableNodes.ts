/**
 * The nodes of a fitted tree that a row can reach, renumbered breadth-first
 * from the root (0, 1, 2, …), each split's children next to each other.
 * Pruning (gradient boosting's γ) turns a split into a leaf in place and
 * leaves its former children in the arrays, unreachable; exported formats
 * want exactly the live nodes, numbered from 0 without gaps. The walk is the
 * model loader's shape check (core/ml/treeShape), so a tree it refuses is
 * refused here in the same words.
 */
import { ApiError } from '../api/errors';
import type { FlatTree } from '../ml/tree/predictor';
import { treeShape, type ReachableNodes } from '../ml/treeShape';

export type { ReachableNodes };

/** `where` names the tree in a refusal ("tree 3 of 75"). */
export function reachableNodes(tree: FlatTree, where = 'the tree'): ReachableNodes {
  const shape = treeShape(tree);
  if (!shape.ok) throw new ApiError('bad-input', `The model cannot be exported: ${where} is damaged: ${shape.problem}.`);
  return shape.nodes;
}
