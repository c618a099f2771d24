/**
 * ONNX export, scored by onnxruntime-web: every model type gives Assay's
 * labels and, to 1e-6, its probabilities, on data with missing values and
 * values exactly on split thresholds, and on the bundled sample's prepared
 * features.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { predictFromProba } from '../../../src-main/core/metrics/thresholds';
import { gradientBoosting, GradientBoostingModel } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import { randomForest } from '../../../src-main/core/ml/ensemble/randomForest';
import { logisticRegression } from '../../../src-main/core/ml/linear/logisticRegression';
import { decisionTree } from '../../../src-main/core/ml/tree/decisionTree';
import type { FlatTree } from '../../../src-main/core/ml/tree/predictor';
import type { FeatureMatrix, FittedClassifier } from '../../../src-main/core/ml/types';
import { exportOnnx } from '../../../src-main/core/modelExport/onnxExport';
import { preparedSample, syntheticData } from './exportFixtureModels';
import { scoreOnnx } from './onnxRuntime';

async function expectSameScores(model: FittedClassifier, X: FeatureMatrix, features: string[], classes: string[]): Promise<void> {
  const onnx = await scoreOnnx(exportOnnx(model, { features, classes }), X);
  const proba = model.predictProba(X);
  const labels = Array.from(predictFromProba(proba), (c) => classes[c]);
  expect(onnx.inputNames).toEqual(['input']);
  expect(onnx.outputNames).toEqual(['label', 'probabilities']);
  expect(onnx.probabilities).toHaveLength(proba.data.length);
  let worst = 0;
  for (let i = 0; i < proba.data.length; i++) worst = Math.max(worst, Math.abs(onnx.probabilities[i] - proba.data[i]));
  expect(worst).toBeLessThan(1e-6);
  const wrong = labels.flatMap((l, i) => (l === onnx.labels[i] ? [] : [`row ${i + 1}: Assay ${l} (p = ${proba.data.slice(i * classes.length, (i + 1) * classes.length).join(', ')}), ONNX ${onnx.labels[i]}`]));
  expect(wrong).toEqual([]);
}

/** Rows on which Assay's binary probability is exactly 0.5. */
function ties(model: FittedClassifier, X: FeatureMatrix): number {
  const p = model.predictProba(X).data;
  let n = 0;
  for (let i = 1; i < p.length; i += 2) if (p[i] === 0.5) n++;
  return n;
}

const binary = syntheticData(2);
const multi = syntheticData(3);

describe('ONNX export scored by onnxruntime-web (synthetic data: missing values, ties at thresholds)', () => {
  it('decision tree, binary', async () => {
    const model = decisionTree.fit(binary.X, binary.y, 2, { maxDepth: 8 });
    expect(ties(model, binary.scoring)).toBeGreaterThan(0);
    await expectSameScores(model, binary.scoring, binary.X.names, binary.classes);
  });

  it('decision tree, three classes', async () => {
    await expectSameScores(decisionTree.fit(multi.X, multi.y, 3, { maxDepth: 6 }), multi.scoring, multi.X.names, multi.classes);
  });

  it('decision tree that never splits (one leaf)', async () => {
    const y = new Int32Array(binary.X.rows).fill(1);
    const model = decisionTree.fit(binary.X, y, 2, {});
    expect(model.trees[0].nNodes).toBe(1);
    await expectSameScores(model, binary.scoring, binary.X.names, binary.classes);
  });

  it('random forest of 20 trees, binary: exact 0.5 ties labelled as Assay labels them', async () => {
    const model = randomForest.fit(binary.X, binary.y, 2, { nEstimators: 20, maxFeatures: 0.5, randomState: 3 });
    expect(ties(model, binary.scoring)).toBeGreaterThan(3);
    await expectSameScores(model, binary.scoring, binary.X.names, binary.classes);
  });

  it('random forest, three classes', async () => {
    const model = randomForest.fit(multi.X, multi.y, 3, { nEstimators: 30, minSamplesLeaf: 2, randomState: 1 });
    await expectSameScores(model, multi.scoring, multi.X.names, multi.classes);
  });

  it('gradient boosting with a base score of 0.3, pruning and sampling', async () => {
    const model = gradientBoosting.fit(binary.X, binary.y, 2, {
      nEstimators: 60,
      maxDepth: 4,
      gamma: 0.5,
      subsample: 0.8,
      colsampleBytree: 0.8,
      baseScore: 0.3,
      randomState: 7,
    });
    await expectSameScores(model, binary.scoring, binary.X.names, binary.classes);
  });

  it('gradient boosting whose leaves are all positive still outputs probabilities', async () => {
    const tree: FlatTree = {
      nNodes: 3,
      feature: Int32Array.from([0, -1, -1]),
      threshold: Float64Array.from([0.5, 0, 0]),
      binThreshold: new Uint8Array(3),
      missingLeft: Uint8Array.from([1, 0, 0]),
      left: Int32Array.from([1, -1, -1]),
      right: Int32Array.from([2, -1, -1]),
      valueSize: 1,
      value: Float64Array.from([0, 0.25, 1.5]),
      gain: new Float64Array(3),
      cover: new Float64Array(3),
    };
    const model = new GradientBoostingModel(1, -1, [tree]);
    const X: FeatureMatrix = { rows: 4, columns: [Float64Array.from([0, 0.5, 1, NaN])], names: ['x'] };
    await expectSameScores(model, X, ['x'], ['no', 'yes']);
  });

  it('gradient boosting of no trees scores its base rate', async () => {
    const X: FeatureMatrix = { rows: 2, columns: [Float64Array.from([0, NaN])], names: ['x'] };
    await expectSameScores(new GradientBoostingModel(1, 0.75, []), X, ['x'], ['no', 'yes']);
  });

  it('logistic regression (no missing values: Assay refuses them)', async () => {
    const cols = [2, 3, 4].map((j) => binary.X.columns[j]);
    const names = [2, 3, 4].map((j) => binary.X.names[j]);
    const X: FeatureMatrix = { rows: binary.X.rows, columns: cols, names };
    await expectSameScores(logisticRegression.fit(X, binary.y, 2, { C: 10 }), X, names, binary.classes);
  });
});

describe('ONNX export on the bundled sample', () => {
  it('random forest and gradient boosting on the Course 6 features', async () => {
    const p = preparedSample('claims-course6');
    const rf = randomForest.fit(p.train.X, p.train.y, 2, { nEstimators: 100, maxFeatures: 0.6, maxSamples: 0.7, randomState: 0 });
    await expectSameScores(rf, p.test.X, p.features, p.classes);
    const gb = gradientBoosting.fit(p.train.X, p.train.y, 2, { nEstimators: 300, maxDepth: 8, learningRate: 0.1, minChildWeight: 3 });
    await expectSameScores(gb, p.test.X, p.features, p.classes);
  });

  it('logistic regression on the Course 5 features', async () => {
    const p = preparedSample('verified-course5-no-leak');
    await expectSameScores(logisticRegression.fit(p.train.X, p.train.y, 2, {}), p.test.X, p.features, p.classes);
  });
});

describe('ONNX file contents', () => {
  const model = decisionTree.fit(binary.X, binary.y, 2, { maxDepth: 3 });
  const text = Buffer.from(exportOnnx(model, { features: binary.X.names, classes: binary.classes, positiveClass: 'yes', threshold: 0.3, source: 'run 4, model dt' })).toString('latin1');

  it('records the feature names, classes, positive class and threshold', () => {
    expect(text).toContain(JSON.stringify(binary.X.names));
    expect(text).toContain(JSON.stringify(binary.classes));
    expect(text).toContain('positive_class');
    expect(text).toContain("Assay's decision threshold on P(yes) is 0.3");
    expect(text).toContain('run 4, model dt');
    expect(text).toContain('ai.onnx.ml');
  });
});

describe('ONNX export refuses', () => {
  const model = decisionTree.fit(binary.X, binary.y, 2, { maxDepth: 3 });

  it('class names that do not match the model', () => {
    expect(() => exportOnnx(model, { features: binary.X.names, classes: ['only'] })).toThrow(/predicts 2 classes but 1 class names were given/);
    expect(() => exportOnnx(model, { features: binary.X.names, classes: ['same', 'same'] })).toThrow(/class names repeat/);
  });

  it('too few feature names for the features the trees split on', () => {
    expect(() => exportOnnx(model, { features: [], classes: binary.classes })).toThrow(ApiError);
  });

  it('a model of a kind it does not know, naming it', () => {
    const unknown = { nClasses: 2, predictProba: () => ({ rows: 0, classes: 2, data: new Float64Array(0) }), toJSON: () => ({}) };
    expect(() => exportOnnx(unknown, { features: [], classes: binary.classes })).toThrow(/Models of type "Object" cannot be exported/);
  });
});
