/**
 * Trees, forests and boosted models as `ai.onnx.ml` tree ensembles.
 *
 * Splits are BRANCH_LEQ on r = the largest float32 ≤ Assay's threshold (see
 * float32.ts); a missing value follows `nodes_missing_value_tracks_true`,
 * set where Assay sends missing values left (the "true" branch of x ≤ r).
 *
 * What onnxruntime does with the leaves (tree_ensemble_aggregator.h) decides
 * the rest:
 * - a decision tree and a boosted model are one TreeEnsembleClassifier.
 *   Binary models write only the positive class's weights, under class id 0,
 *   as skl2onnx does (a second class id makes onnxruntime read the model as
 *   two-class multiclass and label every row with any vote for class 1
 *   positive). The tree's weights are its leaves' class proportions, post
 *   transform NONE: outputs [1 − p, p], positive iff p > 0.5. Boosting writes
 *   the leaf values, base_values [Assay's base margin] and post_transform
 *   LOGISTIC: outputs [σ(−F), σ(F)], positive iff F > 0. onnxruntime only
 *   applies the logistic when some weight is negative; a model whose leaves
 *   are all ≥ 0 gets a constant tree of weight −1 and its base margin raised
 *   by 1, which keeps the sum. A boosted model of k > 2 classes
 *   (multi:softprob) votes each tree's leaf value for its class (tree t for
 *   class t mod k), base_values [Assay's base margin] × k and post_transform
 *   SOFTMAX: onnxruntime then outputs softmax(F), labelled by argmax.
 * - a random forest is a TreeEnsembleRegressor averaging every class's leaf
 *   proportions (aggregate AVERAGE, one target per class), then ArgMax and a
 *   Gather of the class names for the label. A classifier would have to sum
 *   proportions ÷ n_trees in float32, and such a sum of a tie lands on
 *   either side of 0.5 (a 20-tree forest labelled 7 of 7 tied rows
 *   positive); the regressor sums the proportions (exact for pure leaves)
 *   and divides once, so a tie is exactly 0.5 and ArgMax sends it to the
 *   first class, as Assay does.
 */
import { ApiError } from '../api/errors';
import type { ExportableModel } from './exportableModel';
import { floor32 } from './float32';
import type { AttributeValue, OnnxNode, StringConstant } from './onnxProto';
import { ONNX_ML_DOMAIN } from './onnxProto';
import { reachableNodes } from './reachableNodes';
import type { FlatTree } from '../ml/tree/predictor';

type TreeModel = Extract<ExportableModel, { trees: unknown }>;

/** The `nodes_*` attributes and the leaves' votes (class or target id, weight). */
class EnsembleArrays {
  treeIds: number[] = [];
  nodeIds: number[] = [];
  featureIds: number[] = [];
  modes: string[] = [];
  values: number[] = [];
  trueIds: number[] = [];
  falseIds: number[] = [];
  missingTracksTrue: number[] = [];
  voteTreeIds: number[] = [];
  voteNodeIds: number[] = [];
  voteIds: number[] = [];
  voteWeights: number[] = [];

  leaf(treeId: number, nodeId: number): void {
    this.node(treeId, nodeId, 0, 'LEAF', 0, 0, 0, 0);
  }

  node(treeId: number, nodeId: number, feature: number, mode: string, value: number, trueId: number, falseId: number, missingTrue: number): void {
    this.treeIds.push(treeId);
    this.nodeIds.push(nodeId);
    this.featureIds.push(feature);
    this.modes.push(mode);
    this.values.push(value);
    this.trueIds.push(trueId);
    this.falseIds.push(falseId);
    this.missingTracksTrue.push(missingTrue);
  }

  vote(treeId: number, nodeId: number, id: number, weight: number): void {
    this.voteTreeIds.push(treeId);
    this.voteNodeIds.push(nodeId);
    this.voteIds.push(id);
    this.voteWeights.push(weight);
  }

  /** Adds every tree; `votes(tree, oldNode, treeId, newNode)` adds a leaf's votes. */
  addTrees(trees: FlatTree[], votes: (tree: FlatTree, old: number, treeId: number, nodeId: number) => void): void {
    trees.forEach((tree, treeId) => {
      const { order, newIndex } = reachableNodes(tree, `tree ${treeId + 1} of ${trees.length}`);
      order.forEach((old, id) => {
        const f = tree.feature[old];
        if (f < 0) {
          this.leaf(treeId, id);
          votes(tree, old, treeId, id);
        } else {
          const r = floor32(tree.threshold[old]);
          this.node(treeId, id, f, 'BRANCH_LEQ', r, newIndex[tree.left[old]], newIndex[tree.right[old]], tree.missingLeft[old] ? 1 : 0);
        }
      });
    });
  }

  nodeAttributes(): [string, AttributeValue][] {
    return [
      ['nodes_falsenodeids', { ints: this.falseIds }],
      ['nodes_featureids', { ints: this.featureIds }],
      ['nodes_missing_value_tracks_true', { ints: this.missingTracksTrue }],
      ['nodes_modes', { strings: this.modes }],
      ['nodes_nodeids', { ints: this.nodeIds }],
      ['nodes_treeids', { ints: this.treeIds }],
      ['nodes_truenodeids', { ints: this.trueIds }],
      ['nodes_values', { floats: this.values }],
    ];
  }
}

export interface OnnxGraphPart {
  nodes: OnnxNode[];
  initializers: StringConstant[];
}

function checkValueSize(tree: FlatTree, t: number, expected: number): void {
  if (tree.valueSize !== expected) throw new ApiError('bad-input', `Tree ${t + 1} holds ${tree.valueSize} values per node; expected ${expected}.`);
}

function classifier(model: TreeModel, classes: string[], input: string, outputs: [string, string]): OnnxGraphPart {
  const a = new EnsembleArrays();
  const attributes: [string, AttributeValue][] = [];
  if (model.type === 'gradientBoosting' && model.nClasses > 2) {
    const k = model.nClasses;
    model.trees.forEach((tree, t) => checkValueSize(tree, t, 1));
    if (model.trees.length % k !== 0) throw new ApiError('bad-input', `The model has ${model.trees.length} trees, not whole rounds of one tree per class (${k} classes).`);
    a.addTrees(model.trees, (tree, old, treeId, id) => a.vote(treeId, id, treeId % k, tree.value[old]));
    attributes.push(['base_values', { floats: new Array<number>(k).fill(model.baseMargin) }], ['post_transform', { string: 'SOFTMAX' }]);
  } else if (model.type === 'gradientBoosting') {
    model.trees.forEach((tree, t) => checkValueSize(tree, t, 1));
    a.addTrees(model.trees, (tree, old, treeId, id) => a.vote(treeId, id, 0, tree.value[old]));
    let base = model.baseMargin;
    if (!a.voteWeights.some((w) => Math.fround(w) < 0)) {
      const treeId = model.trees.length;
      a.leaf(treeId, 0);
      a.vote(treeId, 0, 0, -1);
      base += 1;
    }
    attributes.push(['base_values', { floats: [base] }], ['post_transform', { string: 'LOGISTIC' }]);
  } else {
    const k = classes.length;
    model.trees.forEach((tree, t) => checkValueSize(tree, t, k));
    a.addTrees(model.trees, (tree, old, treeId, id) => {
      if (k === 2) a.vote(treeId, id, 0, tree.value[old * 2 + 1]);
      else for (let c = 0; c < k; c++) a.vote(treeId, id, c, tree.value[old * k + c]);
    });
    attributes.push(['post_transform', { string: 'NONE' }]);
  }
  attributes.push(
    ['class_ids', { ints: a.voteIds }],
    ['class_nodeids', { ints: a.voteNodeIds }],
    ['class_treeids', { ints: a.voteTreeIds }],
    ['class_weights', { floats: a.voteWeights }],
    ['classlabels_strings', { strings: classes }],
    ...a.nodeAttributes(),
  );
  return { nodes: [{ opType: 'TreeEnsembleClassifier', domain: ONNX_ML_DOMAIN, name: model.type, inputs: [input], outputs, attributes }], initializers: [] };
}

function averagingRegressor(model: TreeModel, classes: string[], input: string, outputs: [string, string]): OnnxGraphPart {
  const k = classes.length;
  model.trees.forEach((tree, t) => checkValueSize(tree, t, k));
  const a = new EnsembleArrays();
  a.addTrees(model.trees, (tree, old, treeId, id) => {
    for (let c = 0; c < k; c++) a.vote(treeId, id, c, tree.value[old * k + c]);
  });
  const [label, probabilities] = outputs;
  const classIndex = `${label}_index`;
  const classNames = 'class_names';
  return {
    nodes: [
      {
        opType: 'TreeEnsembleRegressor',
        domain: ONNX_ML_DOMAIN,
        name: model.type,
        inputs: [input],
        outputs: [probabilities],
        attributes: [
          ['aggregate_function', { string: 'AVERAGE' }],
          ['n_targets', { int: k }],
          ['post_transform', { string: 'NONE' }],
          ['target_ids', { ints: a.voteIds }],
          ['target_nodeids', { ints: a.voteNodeIds }],
          ['target_treeids', { ints: a.voteTreeIds }],
          ['target_weights', { floats: a.voteWeights }],
          ...a.nodeAttributes(),
        ],
      },
      {
        opType: 'ArgMax',
        domain: '',
        name: 'most_probable_class',
        inputs: [probabilities],
        outputs: [classIndex],
        attributes: [
          ['axis', { int: 1 }],
          ['keepdims', { int: 0 }],
          ['select_last_index', { int: 0 }],
        ],
      },
      { opType: 'Gather', domain: '', name: 'class_name', inputs: [classNames, classIndex], outputs: [label], attributes: [['axis', { int: 0 }]] },
    ],
    initializers: [{ name: classNames, values: classes }],
  };
}

/** The graph nodes computing `outputs` (label, probabilities) from `input`. */
export function treeEnsembleGraph(model: TreeModel, classes: string[], input: string, outputs: [string, string]): OnnxGraphPart {
  const k = model.nClasses;
  if (classes.length !== k) throw new ApiError('bad-input', `The model has ${k} classes but ${classes.length} class names were given.`);
  return model.type === 'randomForest' ? averagingRegressor(model, classes, input, outputs) : classifier(model, classes, input, outputs);
}
