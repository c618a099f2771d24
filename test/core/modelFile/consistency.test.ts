/**
 * A model file whose parts were edited apart is refused when it is opened,
 * naming the file and the parts that disagree: class counts, repeated
 * classes, leaves that are not class proportions, trees of a bad shape, and
 * lists of feature names that differ in names or order.
 */
import { describe, expect, it } from 'vitest';
import { modelFileText } from '../../../src-main/core/modelFile/buildModelFile';
import { readModelFile } from '../../../src-main/core/modelFile/readModelFile';
import { exportModel } from '../../../src-main/core/modelExport/exportModel';
import { AveragedTreesClassifier } from '../../../src-main/core/ml/tree/treeClassifier';
import type { FlatTree } from '../../../src-main/core/ml/tree/predictor';
import { treeShape } from '../../../src-main/core/ml/treeShape';
import { modelFileOf } from './modelFileFixture';

const tree = modelFileOf('verified-course5-no-leak.json', 'decisionTree');
const logistic = modelFileOf('verified-course5-no-leak.json', 'logisticRegression');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
const docOf = (m: { file: unknown }): Doc => JSON.parse(modelFileText(m.file as never));
function refusal(doc: Doc): string {
  try {
    readModelFile(JSON.stringify(doc), 'm.assaymodel');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

/** The first split node of the file's first tree, and a leaf below it. */
function firstSplit(doc: Doc): { t: Doc; node: number } {
  const t = doc.model.fitted.trees[0];
  const node = t.feature.findIndex((f: number) => f >= 0);
  expect(node).toBe(0);
  return { t, node };
}

describe('the file as written reads back', () => {
  it('for a tree and a logistic regression', () => {
    expect(readModelFile(modelFileText(tree.file), 't').features).toEqual(tree.prepared.features);
    expect(readModelFile(modelFileText(logistic.file), 'l').features).toEqual(logistic.prepared.features);
  });
});

describe('classes', () => {
  it('refuses a forest that predicts more classes than the target lists', () => {
    const doc = docOf(tree);
    const f = doc.model.fitted;
    f.nClasses = 3;
    // Three proportions per node, summing to 1, so only the class count is wrong.
    for (const t of f.trees) t.value = t.feature.flatMap((_: number, n: number) => [t.value[2 * n] / 2, t.value[2 * n] / 2, t.value[2 * n + 1]]);
    expect(refusal(doc)).toBe(
      'm.assaymodel is damaged: the fitted model (model.fitted) predicts 3 classes but target.classes lists 2 ("not verified", "verified").',
    );
  });

  it('refuses leaves that are not class proportions', () => {
    const doc = docOf(tree);
    const t = doc.model.fitted.trees[0];
    const leaf = t.feature.findIndex((f: number) => f < 0);
    t.value[2 * leaf] = 0.9;
    t.value[2 * leaf + 1] = 0.9;
    expect(refusal(doc)).toMatch(
      new RegExp(`^m\\.assaymodel: The model's tree 1 of 1 \\(\\$\\.model\\.fitted\\.trees\\[0\\]\\) is damaged: leaf ${leaf} holds \\[0\\.9, 0\\.9\\], not class proportions summing to 1\\.$`),
    );
    t.value[2 * leaf] = -0.5;
    t.value[2 * leaf + 1] = 1.5;
    expect(refusal(doc)).toMatch(/leaf \d+ holds \[-0\.5, 1\.5\]/);
  });

  it('refuses a class listed twice', () => {
    const doc = docOf(logistic);
    doc.target.classes = ['verified', 'verified'];
    expect(refusal(doc)).toBe('m.assaymodel is damaged:\n  $.target.classes: the classes must differ (a class is listed twice)');
  });
});

describe('the shape of a tree', () => {
  it('refuses a split whose two children are the same node, naming file, tree and node', () => {
    const doc = docOf(tree);
    const { t, node } = firstSplit(doc);
    t.right[node] = t.left[node];
    expect(refusal(doc)).toBe(
      `m.assaymodel: The model's tree 1 of 1 ($.model.fitted.trees[0]) is damaged: node ${node}'s two children are both node ${t.left[node]}.`,
    );
  });

  it('refuses two splits sharing a child', () => {
    const doc = docOf(tree);
    const t = doc.model.fitted.trees[0];
    // Two splits at different depths: the deeper one takes a child of the other.
    const splits = t.feature.map((f: number, n: number) => (f >= 0 ? n : -1)).filter((n: number) => n > 0);
    const [a, b] = [splits[0], splits.find((n: number) => n > splits[0] && n !== t.left[splits[0]] && n !== t.right[splits[0]])];
    expect(b).toBeDefined();
    const shared = t.right[b];
    t.right[a] = shared;
    // The breadth-first walk meets the child under the shallower split first.
    const message = refusal(doc);
    expect(message).toMatch(/^m\.assaymodel: The model's tree 1 of 1 \(\$\.model\.fitted\.trees\[0\]\) is damaged: node \d+ has child \d+, which is already the child of node \d+\.$/);
    expect(message).toContain(`child ${shared}`);
  });

  it('the exporter refuses the same trees with the same words, naming the tree', () => {
    const shared: FlatTree = {
      nNodes: 3,
      feature: Int32Array.from([0, -1, -1]),
      threshold: Float64Array.from([0.5, 0, 0]),
      binThreshold: new Uint8Array(3),
      missingLeft: new Uint8Array(3),
      left: Int32Array.from([1, -1, -1]),
      right: Int32Array.from([1, -1, -1]),
      valueSize: 2,
      value: Float64Array.from([0.5, 0.5, 1, 0, 0, 1]),
      gain: new Float64Array(3),
      cover: new Float64Array(3),
    };
    const good: FlatTree = { ...shared, right: Int32Array.from([2, -1, -1]) };
    const shape = treeShape(shared);
    expect(shape.ok).toBe(false);
    const forest = new AveragedTreesClassifier('randomForest', 2, 1, [good, shared]);
    const info = { features: ['x'], classes: ['a', 'b'] };
    expect(() => exportModel(forest, 'onnx', info)).toThrow("The model cannot be exported: tree 2 of 2 is damaged: node 0's two children are both node 1.");
    expect(() => exportModel(new AveragedTreesClassifier('randomForest', 2, 1, [good]), 'onnx', info)).not.toThrow();
  });
});

describe('lists of feature names', () => {
  it("refuses preparation.features in another order than the preparation's steps make them", () => {
    const doc = docOf(tree);
    doc.preparation.features.reverse();
    const names = tree.prepared.features;
    expect(refusal(doc)).toBe(
      `m.assaymodel is damaged: preparation.features and the columns the preparation's steps make differ at feature 1 of ${names.length}: "${names.at(-1)}" against "${names[0]}" (the same names must come in the same order).`,
    );
  });

  it("refuses a logistic regression whose own feature names are in another order", () => {
    const doc = docOf(logistic);
    const names = logistic.prepared.features;
    doc.model.fitted.features = [names[1], names[0], ...names.slice(2)];
    expect(refusal(doc)).toBe(
      `m.assaymodel is damaged: model.fitted.features and preparation.features differ at feature 1 of ${names.length}: "${names[1]}" against "${names[0]}" (the same names must come in the same order).`,
    );
  });

  it("checks against the recipe's own features list when it has one", () => {
    const names = tree.prepared.features;
    const ok = docOf(tree);
    ok.recipe.features = [...names];
    expect(readModelFile(JSON.stringify(ok), 'm').features).toEqual(names);
    const doc = docOf(tree);
    doc.recipe.features = [...names].reverse();
    expect(refusal(doc)).toMatch(/^m\.assaymodel is damaged: preparation\.features and recipe\.features differ at feature 1 of \d+/);
  });
});
