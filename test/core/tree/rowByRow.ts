/** The trees and predictions stored in fixtures/tree/rowByRowPredictions.json, as models. */
import { GradientBoostingModel } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import type { FlatTree } from '../../../src-main/core/ml/tree/predictor';
import { AveragedTreesClassifier } from '../../../src-main/core/ml/tree/treeClassifier';
import type { ImportanceSet } from '../../../src-main/core/search/runRecord';
import { labelsOf, loadFixture, matrixOf, type TreeData } from './helpers';

interface TreeJson {
  nNodes: number;
  valueSize: number;
  feature: number[];
  /** Non-finite thresholds as strings ("Infinity"). */
  threshold: (number | string)[];
  missingLeft: number[];
  left: number[];
  right: number[];
  value: number[];
}

/**
 * Trees fitted on the tree fixture (train = all but folds[0]) and what the
 * row-by-row, tree-by-tree predictor gave for folds[0] before predictions
 * went by blocks of rows. The trees are stored, not refitted, so a change in
 * how trees are grown does not move this test.
 */
export interface RowByRow {
  forestTrees: TreeJson[];
  boostingModel: { nFeatures: number; baseMargin: number; nClasses: number; trees: TreeJson[] };
  forest: number[];
  forestStaged: number[][];
  boosting: number[];
  boostingStaged: number[][];
  /** permutationSet(forest, folds[0], 'recall', 'validation') before held-out rows were sampled. */
  permutation: ImportanceSet;
}

function flatTree(t: TreeJson): FlatTree {
  return {
    nNodes: t.nNodes,
    feature: Int32Array.from(t.feature),
    threshold: Float64Array.from(t.threshold, Number),
    binThreshold: new Uint8Array(t.nNodes),
    missingLeft: Uint8Array.from(t.missingLeft),
    left: Int32Array.from(t.left),
    right: Int32Array.from(t.right),
    valueSize: t.valueSize,
    value: Float64Array.from(t.value),
    gain: new Float64Array(t.nNodes),
    cover: new Float64Array(t.nNodes),
  };
}

export const data = loadFixture<TreeData>('data.json');
export const before = loadFixture<RowByRow>('rowByRowPredictions.json');
export const features = data.names.map((_, i) => i);
export const held = matrixOf(data, features, data.folds[0]);
export const heldLabels = labelsOf(data, data.folds[0]);

export function storedForest(): AveragedTreesClassifier {
  return new AveragedTreesClassifier('randomForest', 2, features.length, before.forestTrees.map(flatTree));
}

export function storedBoosting(): GradientBoostingModel {
  const b = before.boostingModel;
  return new GradientBoostingModel(b.nFeatures, b.baseMargin, b.trees.map(flatTree), b.nClasses);
}
