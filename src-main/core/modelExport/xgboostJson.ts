/**
 * A gradient-boosting model as an XGBoost JSON model (XGBoost 1.7's
 * doc/model.schema, which later versions still load). Two classes: objective
 * binary:logistic, base_score = σ(Assay's base margin) as a probability,
 * one gbtree tree per boosting round. k > 2 classes: objective
 * multi:softprob with num_class k, base_score = Assay's base margin as it
 * is (XGBoost 1.7 starts every class's margin at base_score untransformed),
 * k trees per round, tree t of class t mod k in tree_info.
 *
 * Per tree node, as XGBoost's RegTree stores it: a split sends a row left
 * when f32(x) < split_condition, so split_condition = the smallest float32
 * above Assay's threshold t (Assay: x ≤ t; see float32.ts); default_left is
 * Assay's missing direction; a leaf's split_condition is its value (Assay's
 * leaf values already carry the learning rate). base_weights hold Assay's
 * node values, loss_changes the split gains and sum_hessian the hessian
 * covers; none of them change predictions. A split Assay made to set missing
 * values apart (t = +∞, every present value left) gets the largest finite
 * float32: only that value and +∞ itself then go right.
 *
 * Feature names: XGBoost's Python package refuses names holding "[", "]" or
 * "<" and repeated names, so those characters become "(", ")" and "lt" and a
 * repeat gets a suffix; the renames are returned for the caller to report.
 */
import { ApiError } from '../api/errors';
import type { FittedClassifier } from '../ml/types';
import type { FlatTree } from '../ml/tree/predictor';
import { checkExportInfo, exportableModel, MODEL_TYPE_WORDS } from './exportableModel';
import type { ExportInfo } from './exportableModel';
import { above32, float32Text, FLOAT32_MAX } from './float32';
import { Float32, jsonText } from './jsonWriter';
import type { JsonValue } from './jsonWriter';
import { reachableNodes } from './reachableNodes';

/** The XGBoost version whose model schema this writes. */
export const XGBOOST_SCHEMA_VERSION = [1, 7, 4];
/** XGBoost's parent of the root node. */
const ROOT_PARENT = 2147483647;

export interface XgboostExport {
  bytes: Uint8Array;
  /** Features whose names had to change, as [Assay's name, the name in the file]. */
  renamed: [string, string][];
}

/** Names XGBoost's Python package accepts, unique, as close to `names` as can be. */
export function xgboostFeatureNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = name.replaceAll('[', '(').replaceAll(']', ')').replaceAll('<', 'lt');
    let out = base;
    for (let i = 2; taken.has(out); i++) out = `${base}_${i}`;
    taken.add(out);
    return out;
  });
}

function treeJson(tree: FlatTree, id: number, nFeatures: number, nTrees: number): JsonValue {
  const { order, newIndex, parent } = reachableNodes(tree, `tree ${id + 1} of ${nTrees}`);
  const m = order.length;
  const left: number[] = [];
  const right: number[] = [];
  const splitIndex: number[] = [];
  const splitCondition: Float32[] = [];
  const defaultLeft: number[] = [];
  const baseWeight: Float32[] = [];
  const lossChange: Float32[] = [];
  const sumHessian: Float32[] = [];
  for (const old of order) {
    const f = tree.feature[old];
    const leaf = f < 0;
    left.push(leaf ? -1 : newIndex[tree.left[old]]);
    right.push(leaf ? -1 : newIndex[tree.right[old]]);
    splitIndex.push(leaf ? 0 : f);
    splitCondition.push(new Float32(leaf ? tree.value[old] : Math.min(above32(tree.threshold[old]), FLOAT32_MAX)));
    defaultLeft.push(!leaf && tree.missingLeft[old] ? 1 : 0);
    baseWeight.push(new Float32(tree.value[old]));
    lossChange.push(new Float32(leaf ? 0 : tree.gain[old]));
    sumHessian.push(new Float32(tree.cover[old]));
  }
  return {
    base_weights: baseWeight,
    categories: [],
    categories_nodes: [],
    categories_segments: [],
    categories_sizes: [],
    default_left: defaultLeft,
    id,
    left_children: left,
    loss_changes: lossChange,
    parents: Array.from(parent, (p) => (p < 0 ? ROOT_PARENT : p)),
    right_children: right,
    split_conditions: splitCondition,
    split_indices: splitIndex,
    split_type: new Array<number>(m).fill(0),
    sum_hessian: sumHessian,
    tree_param: { num_deleted: '0', num_feature: String(nFeatures), num_nodes: String(m), size_leaf_vector: '0' },
  };
}

export function exportXgboostJson(fitted: FittedClassifier, info: ExportInfo): XgboostExport {
  const model = exportableModel(fitted);
  if (model.type !== 'gradientBoosting') {
    throw new ApiError(
      'bad-input',
      `XGBoost JSON holds gradient-boosted trees only; this model is a ${MODEL_TYPE_WORDS[model.type]}. Export it as ONNX instead, which takes every model type.`,
    );
  }
  checkExportInfo(fitted, model, info);
  const p = info.features.length;
  const names = xgboostFeatureNames(info.features);
  const k = model.nClasses;
  const multi = k > 2;
  const baseScore = multi ? model.baseMargin : 1 / (1 + Math.exp(-model.baseMargin));
  if (multi ? !Number.isFinite(Math.fround(baseScore)) : !(baseScore > 0 && baseScore < 1)) {
    throw new ApiError(
      'bad-input',
      `The model's base margin ${model.baseMargin} has no base_score XGBoost can hold (it must be ${multi ? 'a finite float32' : 'a probability strictly between 0 and 1'}).`,
    );
  }
  if (multi && model.trees.length % k !== 0) {
    throw new ApiError('bad-input', `The model has ${model.trees.length} trees, not whole rounds of one tree per class (${k} classes).`);
  }
  const document: JsonValue = {
    learner: {
      attributes: {},
      feature_names: names,
      feature_types: [],
      gradient_booster: {
        model: {
          gbtree_model_param: { num_parallel_tree: '1', num_trees: String(model.trees.length), size_leaf_vector: '0' },
          tree_info: Array.from({ length: model.trees.length }, (_, t) => (multi ? t % k : 0)),
          trees: model.trees.map((t, i) => treeJson(t, i, p, model.trees.length)),
        },
        name: 'gbtree',
      },
      learner_model_param: {
        base_score: float32Text(baseScore),
        boost_from_average: '1',
        num_class: multi ? String(k) : '0',
        num_feature: String(p),
        num_target: '1',
      },
      objective: multi
        ? { name: 'multi:softprob', softmax_multiclass_param: { num_class: String(k) } }
        : { name: 'binary:logistic', reg_loss_param: { scale_pos_weight: '1' } },
    },
    version: XGBOOST_SCHEMA_VERSION,
  };
  const renamed = info.features.flatMap((name, j): [string, string][] => (names[j] === name ? [] : [[name, names[j]]]));
  return { bytes: new TextEncoder().encode(jsonText(document)), renamed };
}
