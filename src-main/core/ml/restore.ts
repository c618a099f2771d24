/**
 * Fitted models back from their `toJSON()` documents, for model files: a
 * restored model's `predictProba` equals the original's bit for bit, since
 * JSON numbers round-trip every float64 and prediction reads only the
 * serialised arrays (raw thresholds, missing-value sides, children, leaf
 * values; coefficients and intercept).
 *
 * What prediction does not read is not in the documents and comes back
 * empty: trees' per-node gain and cover unless a document carries them (so
 * a restored tree's impurity importances are zeros, and an exporter writes
 * zero split statistics) and bin thresholds (new data takes the raw path);
 * a logistic regression's covariance (its inference table, when fitted
 * without a penalty, is kept in the document as it was computed).
 *
 * Every document is checked before use: a tree's shape (core/ml/treeShape:
 * distinct children after their parent, no node reached twice), so walking a
 * damaged or hostile tree always ends at a leaf, and a forest's leaves hold
 * class proportions.
 */
import { z } from 'zod';
import { ApiError } from '../api/errors';
import { GradientBoostingModel } from './ensemble/gradientBoosting';
import { LogisticRegressionModel } from './linear/logisticRegression';
import { MultinomialLogisticRegressionModel } from './linear/multinomialLogisticRegression';
import type { FlatTree } from './tree/predictor';
import { AveragedTreesClassifier } from './tree/treeClassifier';
import { treeShape } from './treeShape';
import type { FittedClassifier } from './types';

const finite = z.number().finite();
const index = z.number().int();

const treeSchema = z
  .object({
    feature: z.array(index.min(-1)).min(1),
    /** Non-finite thresholds are written as null; the grower only makes +Infinity ("every value goes left"). */
    threshold: z.array(finite.nullable()),
    missingLeft: z.array(z.union([z.literal(0), z.literal(1)])),
    left: z.array(index),
    right: z.array(index),
    value: z.array(finite),
    /** Not written by `toJSON()`; read when a document carries them (importances, exporters' statistics). */
    gain: z.array(finite).optional(),
    cover: z.array(finite).optional(),
  })
  .passthrough();

const averagedTreesSchema = z
  .object({
    kind: z.enum(['decisionTree', 'randomForest']),
    nClasses: z.number().int().min(2),
    nFeatures: z.number().int().min(1),
    trees: z.array(treeSchema).min(1),
  })
  .passthrough();

const boostingSchema = z
  .object({
    kind: z.literal('gradientBoosting'),
    /** Absent in binary documents (binary:logistic); k > 2 for multi:softprob, whose trees come k per round. */
    nClasses: z.number().int().min(3).optional(),
    nFeatures: z.number().int().min(1),
    baseMargin: finite,
    trees: z.array(treeSchema),
  })
  .passthrough();

const logisticSchema = z
  .object({
    kind: z.literal('logisticRegression'),
    /** Present on models of k > 2 classes, whose coefficients are k vectors and intercepts k numbers. */
    multiClass: z.literal('multinomial').optional(),
    penalty: z.enum(['l2', 'none']),
    C: finite,
    fitIntercept: z.boolean(),
    features: z.array(z.string()),
    coefficients: z.union([z.array(finite).min(1), z.array(z.array(finite).min(1)).min(3)]),
    intercept: z.union([finite, z.array(finite).min(3)]),
    classes: z.array(z.string()).nullable().optional(),
    iterations: z.number().int().min(0),
    converged: z.boolean(),
    warning: z.string().nullable(),
    inferenceError: z.string().nullable().optional(),
  })
  .passthrough();

export const fittedModelSchema = z.discriminatedUnion('kind', [averagedTreesSchema, boostingSchema, logisticSchema]);
export type FittedModelJson = z.infer<typeof fittedModelSchema>;

type TreeJson = z.infer<typeof treeSchema>;

/** Leaf proportions are counts over a total: their sum is 1 up to rounding. */
const PROPORTION_TOLERANCE = 1e-9;

/** How a tree is named in messages: its place among the model's trees and its JSON path (after `path`, the document's own). */
const treeWhere = (i: number, count: number, path: string) => `tree ${i + 1} of ${count} (${path}trees[${i}])`;

function bad(where: string, what: string): ApiError {
  return new ApiError('bad-input', `The model's ${where} is damaged: ${what}.`);
}

/**
 * A FlatTree from its JSON, checked so that every path from the root reaches
 * a leaf through distinct nodes (core/ml/treeShape). With `proportions`, each
 * leaf a row can reach must hold class proportions: none negative, summing to 1.
 */
export function treeFromJSON(t: TreeJson, nFeatures: number, valueSize: number, where: string, proportions = false): FlatTree {
  const n = t.feature.length;
  for (const [name, arr] of [['threshold', t.threshold], ['missingLeft', t.missingLeft], ['left', t.left], ['right', t.right]] as const) {
    if (arr.length !== n) throw bad(where, `${name} has ${arr.length} entries for ${n} nodes`);
  }
  if (t.value.length !== n * valueSize) throw bad(where, `value has ${t.value.length} entries for ${n} nodes of ${valueSize}`);
  for (const [name, arr] of [['gain', t.gain], ['cover', t.cover]] as const) {
    if (arr && arr.length !== n) throw bad(where, `${name} has ${arr.length} entries for ${n} nodes`);
  }
  for (let node = 0; node < n; node++) {
    const f = t.feature[node];
    if (f >= nFeatures) throw bad(where, `node ${node} splits on feature ${f} of ${nFeatures}`);
  }
  const shape = treeShape({ nNodes: n, feature: t.feature, left: t.left, right: t.right });
  if (!shape.ok) throw bad(where, shape.problem);
  if (proportions) {
    for (const node of shape.nodes.order) {
      if (t.feature[node] >= 0) continue;
      const p = t.value.slice(node * valueSize, (node + 1) * valueSize);
      const sum = p.reduce((a, b) => a + b, 0);
      if (p.some((x) => x < 0) || Math.abs(sum - 1) > PROPORTION_TOLERANCE) {
        throw bad(where, `leaf ${node} holds [${p.join(', ')}], not class proportions summing to 1`);
      }
    }
  }
  return {
    nNodes: n,
    feature: Int32Array.from(t.feature),
    threshold: Float64Array.from(t.threshold, (x) => (x === null ? Infinity : x)),
    binThreshold: new Uint8Array(n),
    missingLeft: Uint8Array.from(t.missingLeft),
    left: Int32Array.from(t.left),
    right: Int32Array.from(t.right),
    valueSize,
    value: Float64Array.from(t.value),
    gain: t.gain ? Float64Array.from(t.gain) : new Float64Array(n),
    cover: t.cover ? Float64Array.from(t.cover) : new Float64Array(n),
  };
}

/**
 * Reads a checked model document back into a model (see the module comment).
 * `path` is the document's JSON path in the file that holds it, for messages
 * ("$.model.fitted." in a model file).
 */
export function restoreFromJson(m: FittedModelJson, path = ''): FittedClassifier {
  switch (m.kind) {
    case 'decisionTree':
    case 'randomForest':
      return new AveragedTreesClassifier(
        m.kind,
        m.nClasses,
        m.nFeatures,
        m.trees.map((t, i) => treeFromJSON(t, m.nFeatures, m.nClasses, treeWhere(i, m.trees.length, path), true)),
      );
    case 'gradientBoosting': {
      const k = m.nClasses ?? 2;
      if (k > 2 && m.trees.length % k !== 0) {
        throw bad(`list of trees (${path}trees)`, `its ${m.trees.length} trees do not make whole rounds of one tree per class (${k} classes)`);
      }
      return new GradientBoostingModel(
        m.nFeatures,
        m.baseMargin,
        m.trees.map((t, i) => treeFromJSON(t, m.nFeatures, 1, treeWhere(i, m.trees.length, path))),
        k,
      );
    }
    case 'logisticRegression': {
      const vectors = m.coefficients;
      const intercept = m.intercept;
      if (isVectorList(vectors) || Array.isArray(intercept) || m.multiClass === 'multinomial') {
        if (!isVectorList(vectors) || !Array.isArray(intercept) || m.multiClass !== 'multinomial') {
          throw bad('coefficients', 'a multinomial model needs multiClass "multinomial", one coefficient vector and one intercept per class');
        }
        if (vectors.length !== intercept.length) throw bad('coefficients', `${vectors.length} coefficient vectors for ${intercept.length} intercepts`);
        vectors.forEach((w, c) => {
          if (w.length !== m.features.length) throw bad(`coefficients of class ${c + 1}`, `${w.length} coefficients for ${m.features.length} features`);
        });
        if (m.classes && m.classes.length !== intercept.length) throw bad('classes', `${m.classes.length} class names for ${intercept.length} classes`);
        return new MultinomialLogisticRegressionModel(
          m.features,
          vectors.map((w) => Float64Array.from(w)),
          Float64Array.from(intercept),
          m.penalty,
          m.C,
          m.fitIntercept,
          m.iterations,
          m.converged,
          m.warning,
          m.classes ?? null,
          null,
          m.inferenceError ?? 'The covariance of the fit is not kept in a model file.',
        );
      }
      if (m.features.length !== vectors.length) {
        throw bad('coefficients', `${vectors.length} coefficients for ${m.features.length} features`);
      }
      return new LogisticRegressionModel(
        m.features,
        Float64Array.from(vectors),
        intercept,
        m.penalty,
        m.C,
        m.fitIntercept,
        m.iterations,
        m.converged,
        m.warning,
        null,
        m.inferenceError ?? 'The covariance of the fit is not kept in a model file.',
      );
    }
  }
}

/** `restoreFromJson` of an unchecked document (a model's `toJSON()` output as read back from JSON). */
export function restoreClassifier(json: unknown): FittedClassifier {
  const r = fittedModelSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ApiError('bad-input', `The fitted model is damaged${path}: ${issue.message}.`);
  }
  return restoreFromJson(r.data);
}

/** How many classes a restored model predicts (a logistic regression's document says it by its shape; see its model). */
export function modelClassCount(m: FittedModelJson): number {
  switch (m.kind) {
    case 'decisionTree':
    case 'randomForest':
      return m.nClasses;
    case 'gradientBoosting':
      return m.nClasses ?? 2;
    case 'logisticRegression':
      return restoreFromJson(m).nClasses;
  }
}

/** How many features a restored model expects. */
export function modelFeatureCount(m: FittedModelJson): number {
  if (m.kind !== 'logisticRegression') return m.nFeatures;
  return isVectorList(m.coefficients) ? m.features.length : m.coefficients.length;
}

function isVectorList(v: number[] | number[][]): v is number[][] {
  return v.length > 0 && Array.isArray(v[0]);
}
