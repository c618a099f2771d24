/**
 * Exports of three-class models. XGBoost JSON (multi:softprob): Debian's
 * XGBoost 1.7 loads Assay's committed export and predicts Assay's
 * probabilities for every class (fixtures from
 * scripts/fixtures/xgboost_export_fixtures.py, so Python is not needed here).
 * ONNX: onnxruntime-web gives Assay's probabilities and argmax labels for
 * three-class trees, forests and boosted models.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictFromProba } from '../../../src-main/core/metrics/thresholds';
import { gradientBoosting, GradientBoostingModel } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import { randomForest } from '../../../src-main/core/ml/ensemble/randomForest';
import { logisticRegression } from '../../../src-main/core/ml/linear/logisticRegression';
import { restoreClassifier } from '../../../src-main/core/ml/restore';
import { decisionTree } from '../../../src-main/core/ml/tree/decisionTree';
import type { FeatureMatrix, FittedClassifier } from '../../../src-main/core/ml/types';
import { exportOnnx } from '../../../src-main/core/modelExport/onnxExport';
import { exportXgboostJson } from '../../../src-main/core/modelExport/xgboostJson';
import { ALL_FEATURES, fixture, labels, matrix, trainRows } from '../ml/multiclassFixture';
import { FIXTURE_DIR, rowsJson, syntheticData } from './exportFixtureModels';
import { multiclassXgboostFixtureModels } from './multiclassExportModels';
import { scoreOnnx } from './onnxRuntime';

interface XgboostPredictions {
  xgboost_version: string;
  trees: number;
  num_class: number;
  tree_info: number[];
  probabilities: number[];
  margins: number[];
}

const fixtureFile = (file: string) => readFileSync(join(FIXTURE_DIR, file));
const models = multiclassXgboostFixtureModels();

describe('XGBoost JSON export of multi:softprob against Debian XGBoost', () => {
  for (const f of models) {
    describe(f.name, () => {
      const exported = exportXgboostJson(f.model, f.info);

      it('is byte for byte the committed export that XGBoost scored', () => {
        expect(Buffer.from(exported.bytes).equals(fixtureFile(`${f.name}.model.json`))).toBe(true);
        const rows = JSON.parse(fixtureFile(`${f.name}.rows.json`).toString('utf8')) as { features: string[]; rows: (number | null)[][] };
        expect(rows.features).toEqual(f.info.features);
        expect(rows.rows).toEqual(rowsJson(f.scoring));
      });

      it("XGBoost reads num_class and each tree's class, and its probabilities are Assay's to 1e-6", () => {
        const xgb = JSON.parse(fixtureFile(`${f.name}.xgboost.json`).toString('utf8')) as XgboostPredictions;
        expect(xgb.xgboost_version).toMatch(/^1\.7\./);
        expect(xgb.num_class).toBe(3);
        expect(xgb.trees).toBe(f.model.trees.length);
        expect(xgb.tree_info).toEqual(f.model.trees.map((_, t) => t % 3));
        const proba = f.model.predictProba(f.scoring);
        expect(xgb.probabilities).toHaveLength(f.scoring.rows * 3);
        let worst = 0;
        proba.data.forEach((p, i) => (worst = Math.max(worst, Math.abs(xgb.probabilities[i] - p))));
        expect(worst).toBeLessThan(1e-6);
        const [margin] = f.model.marginsStaged(f.scoring, [f.model.nMembers]);
        let worstMargin = 0;
        margin.forEach((m, i) => (worstMargin = Math.max(worstMargin, Math.abs(xgb.margins[i] - m))));
        expect(worstMargin).toBeLessThan(1e-5);
      });
    });
  }

  it('writes the objective, num_class, tree_info and base_score as XGBoost 1.7 does for multi:softprob', () => {
    const { model, info } = models[0];
    const doc = JSON.parse(new TextDecoder().decode(exportXgboostJson(model, info).bytes));
    expect(doc.learner.objective).toEqual({ name: 'multi:softprob', softmax_multiclass_param: { num_class: '3' } });
    expect(doc.learner.learner_model_param.num_class).toBe('3');
    expect(Number(doc.learner.learner_model_param.base_score)).toBeCloseTo(0.3, 7);
    expect(doc.learner.gradient_booster.model.tree_info).toEqual(model.trees.map((_, t) => t % 3));
    expect(doc.learner.gradient_booster.model.gbtree_model_param.num_trees).toBe(String(model.trees.length));
  });

  it('refuses class names that do not match a three-class model', () => {
    const { model, info } = models[0];
    expect(() => exportXgboostJson(model, { ...info, classes: ['a', 'b'] })).toThrow(/predicts 3 classes but 2 class names were given/);
  });
});

async function expectSameScores(model: FittedClassifier, X: FeatureMatrix, features: string[], classes: string[]): Promise<void> {
  const onnx = await scoreOnnx(exportOnnx(model, { features, classes }), X);
  const proba = model.predictProba(X);
  expect(proba.classes).toBe(classes.length);
  expect(onnx.probabilities).toHaveLength(proba.data.length);
  let worst = 0;
  for (let i = 0; i < proba.data.length; i++) worst = Math.max(worst, Math.abs(onnx.probabilities[i] - proba.data[i]));
  expect(worst).toBeLessThan(1e-6);
  const labelsOut = Array.from(predictFromProba(proba), (c) => classes[c]);
  const wrong = labelsOut.flatMap((l, i) => (l === onnx.labels[i] ? [] : [`row ${i + 1}: Assay ${l}, ONNX ${onnx.labels[i]}`]));
  expect(wrong).toEqual([]);
}

describe('ONNX export of three-class models scored by onnxruntime-web', () => {
  const multi = syntheticData(3);

  it('gradient boosting (multi:softprob) with base score 0.3, pruning and sampling', async () => {
    await expectSameScores(models[0].model, multi.scoring, multi.X.names, multi.classes);
  });

  it('gradient boosting whose leaves are all positive, and a model restored from its document', async () => {
    const tree = (v: number[]) => ({
      nNodes: 3,
      feature: Int32Array.from([0, -1, -1]),
      threshold: Float64Array.from([0.5, 0, 0]),
      binThreshold: new Uint8Array(3),
      missingLeft: Uint8Array.from([1, 0, 0]),
      left: Int32Array.from([1, -1, -1]),
      right: Int32Array.from([2, -1, -1]),
      valueSize: 1,
      value: Float64Array.from([0, ...v]),
      gain: new Float64Array(3),
      cover: new Float64Array(3),
    });
    const model = new GradientBoostingModel(1, 0.5, [tree([0.25, 1.5]), tree([0.5, 0.1]), tree([0.1, 0.2])], 3);
    const X: FeatureMatrix = { rows: 4, columns: [Float64Array.from([0, 0.5, 1, NaN])], names: ['x'] };
    await expectSameScores(model, X, ['x'], ['a', 'b', 'c']);
    await expectSameScores(restoreClassifier(JSON.parse(JSON.stringify(model.toJSON()))), X, ['x'], ['a', 'b', 'c']);
  });

  it('decision tree, random forest and gradient boosting on the ban-status sample', async () => {
    const tr = trainRows(0);
    const X = matrix(ALL_FEATURES, tr);
    const y = labels(tr);
    const Xv = matrix(ALL_FEATURES, fixture.folds[0]);
    await expectSameScores(decisionTree.fit(X, y, 3, { maxDepth: 8 }), Xv, fixture.names, fixture.classes);
    await expectSameScores(randomForest.fit(X, y, 3, { nEstimators: 40, maxFeatures: 0.6, randomState: 0 }), Xv, fixture.names, fixture.classes);
    await expectSameScores(gradientBoosting.fit(X, y, 3, { nEstimators: 60, maxDepth: 6, learningRate: 0.1 }), Xv, fixture.names, fixture.classes);
  });

  it('multinomial logistic regression (a LinearClassifier with softmax), fitted and restored from its document', async () => {
    const tr = trainRows(0);
    const model = logisticRegression.fit(matrix(ALL_FEATURES, tr), labels(tr), 3, { C: 0.5 });
    const Xv = matrix(ALL_FEATURES, fixture.folds[0]);
    expect(model.nClasses).toBe(3);
    await expectSameScores(model, Xv, fixture.names, fixture.classes);
    await expectSameScores(restoreClassifier(JSON.parse(JSON.stringify(model.toJSON()))), Xv, fixture.names, fixture.classes);
  });
});
