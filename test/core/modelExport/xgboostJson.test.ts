/**
 * XGBoost JSON export: Debian's XGBoost 1.7 loads Assay's export and predicts
 * Assay's probabilities (fixtures from scripts/fixtures/xgboost_export_fixtures.py,
 * so Python is not needed here), and the committed export is what the
 * exporter writes today, so a change in the exporter fails until the
 * fixtures are regenerated and scored again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { GradientBoostingModel } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import { logisticRegression } from '../../../src-main/core/ml/linear/logisticRegression';
import { randomForest } from '../../../src-main/core/ml/ensemble/randomForest';
import type { FlatTree } from '../../../src-main/core/ml/tree/predictor';
import { FLOAT32_MAX, nextDown32 } from '../../../src-main/core/modelExport/float32';
import { reachableNodes } from '../../../src-main/core/modelExport/reachableNodes';
import { exportXgboostJson, xgboostFeatureNames } from '../../../src-main/core/modelExport/xgboostJson';
import { FIXTURE_DIR, rowsJson, syntheticData } from './exportFixtureModels';
import { xgboostFixtureModels } from './xgboostFixtureModels';

interface XgboostPredictions {
  xgboost_version: string;
  trees: number;
  probabilities: number[];
  margins: number[];
}

const fixture = (file: string) => readFileSync(join(FIXTURE_DIR, file));
const models = xgboostFixtureModels();

describe('XGBoost JSON export against Debian XGBoost', () => {
  for (const f of models) {
    describe(f.name, () => {
      const exported = exportXgboostJson(f.model, f.info);

      it('is byte for byte the committed export that XGBoost scored', () => {
        expect(Buffer.from(exported.bytes).equals(fixture(`${f.name}.model.json`))).toBe(true);
        const rows = JSON.parse(fixture(`${f.name}.rows.json`).toString('utf8')) as { features: string[]; rows: (number | null)[][] };
        expect(rows.features).toEqual(f.info.features);
        expect(rows.rows).toEqual(rowsJson(f.scoring));
      });

      it("XGBoost's probabilities are Assay's to 1e-6", () => {
        const xgb = JSON.parse(fixture(`${f.name}.xgboost.json`).toString('utf8')) as XgboostPredictions;
        expect(xgb.xgboost_version).toMatch(/^1\.7\./);
        expect(xgb.trees).toBe(f.model.trees.length);
        const proba = f.model.predictProba(f.scoring);
        expect(xgb.probabilities).toHaveLength(f.scoring.rows);
        let worst = 0;
        for (let i = 0; i < f.scoring.rows; i++) worst = Math.max(worst, Math.abs(xgb.probabilities[i] - proba.data[2 * i + 1]));
        expect(worst).toBeLessThan(1e-6);
      });
    });
  }

  it('the scored rows hold missing values and ties at split thresholds', () => {
    const synthetic = models.find((m) => m.name === 'synthetic')!;
    const X = synthetic.scoring;
    const missing = X.columns.reduce((n, c) => n + c.filter(Number.isNaN).length, 0);
    expect(missing).toBeGreaterThan(100);
    let ties = 0;
    let infinite = 0;
    for (const tree of synthetic.model.trees) {
      for (let n = 0; n < tree.nNodes; n++) {
        const f = tree.feature[n];
        if (f < 0) continue;
        if (tree.threshold[n] === Infinity) infinite++;
        else ties += X.columns[f].filter((v) => v === tree.threshold[n]).length;
      }
    }
    expect(ties).toBeGreaterThan(50);
    // a "present left, missing right" split, at t = +∞
    expect(infinite).toBeGreaterThan(0);
  });
});

describe('XGBoost JSON layout', () => {
  const { model, info } = models[0];
  const doc = JSON.parse(new TextDecoder().decode(exportXgboostJson(model, info).bytes));

  // JSON.parse reads the shortest float32 text as a double: compare through Math.fround.
  it('writes every float field as a float and every index as an integer', () => {
    const text = new TextDecoder().decode(exportXgboostJson(model, info).bytes);
    for (const key of ['split_conditions', 'base_weights', 'loss_changes', 'sum_hessian']) {
      for (const m of text.matchAll(new RegExp(`"${key}":\\[([^\\]]*)\\]`, 'g'))) {
        for (const v of m[1].split(',')) expect(v, key).toMatch(/[.e]/);
      }
    }
    for (const key of ['split_indices', 'left_children', 'right_children', 'parents', 'default_left']) {
      for (const m of text.matchAll(new RegExp(`"${key}":\\[([^\\]]*)\\]`, 'g'))) {
        for (const v of m[1].split(',')) expect(v, key).toMatch(/^-?\d+$/);
      }
    }
  });

  it('records the objective, base_score as a probability and the feature names', () => {
    expect(doc.learner.objective.name).toBe('binary:logistic');
    expect(Number(doc.learner.learner_model_param.base_score)).toBeCloseTo(0.3, 7);
    expect(doc.learner.feature_names).toEqual(info.features);
    expect(doc.learner.learner_model_param.num_feature).toBe(String(info.features.length));
    expect(doc.learner.gradient_booster.model.trees).toHaveLength(model.trees.length);
  });

  it('puts every split condition at the float32 just above its threshold', () => {
    // Assay: x ≤ t; XGBoost: f32(x) < c, so c is the smallest float32 > t.
    let splits = 0;
    model.trees.forEach((ours, i) => {
      const tree = doc.learner.gradient_booster.model.trees[i];
      reachableNodes(ours).order.forEach((old, n) => {
        if (ours.feature[old] < 0) return;
        const t = ours.threshold[old];
        const c = Math.fround(tree.split_conditions[n]);
        expect(tree.split_indices[n]).toBe(ours.feature[old]);
        if (t === Infinity) expect(c).toBe(FLOAT32_MAX);
        else expect(c > t && nextDown32(c) <= t, `t = ${t}, c = ${c}`).toBe(true);
        splits++;
      });
    });
    expect(splits).toBeGreaterThan(100);
  });
});

/** A one-split boosted model on feature 0 at threshold t, leaves −1 (left) and +1 (right). */
function stump(t: number, missingLeft: boolean): GradientBoostingModel {
  const tree: FlatTree = {
    nNodes: 3,
    feature: Int32Array.from([0, -1, -1]),
    threshold: Float64Array.from([t, 0, 0]),
    binThreshold: new Uint8Array(3),
    missingLeft: Uint8Array.from([missingLeft ? 1 : 0, 0, 0]),
    left: Int32Array.from([1, -1, -1]),
    right: Int32Array.from([2, -1, -1]),
    valueSize: 1,
    value: Float64Array.from([0, -1, 1]),
    gain: Float64Array.from([2, 0, 0]),
    cover: Float64Array.from([10, 5, 5]),
  };
  return new GradientBoostingModel(1, 0, [tree]);
}

describe('XGBoost split conditions', () => {
  const condition = (t: number, missingLeft = false) => {
    const doc = JSON.parse(new TextDecoder().decode(exportXgboostJson(stump(t, missingLeft), { features: ['x'], classes: ['a', 'b'] }).bytes));
    return doc.learner.gradient_booster.model.trees[0];
  };

  it('are the float32 just above a threshold float32 holds (2.5 → 2.5000002)', () => {
    expect(Math.fround(condition(2.5).split_conditions[0])).toBe(Math.fround(2.5000002));
  });

  it('keep two adjacent float32 training values apart at their midpoint', () => {
    const a = Math.fround(0.1);
    const b = Math.fround(a + 2 ** -27); // the float32 after a
    expect(b).toBeGreaterThan(a);
    const c = Math.fround(condition((a + b) / 2).split_conditions[0]);
    expect(a < c && !(b < c)).toBe(true);
  });

  it('map a threshold of +∞ (missing values apart) to the largest float32', () => {
    const tree = condition(Infinity, false);
    expect(Math.fround(tree.split_conditions[0])).toBe(3.4028234663852886e38);
    expect(tree.default_left[0]).toBe(0);
    expect(condition(Infinity, true).default_left[0]).toBe(1);
  });
});

describe('XGBoost JSON export refuses', () => {
  const data = syntheticData(2, 200);
  it('a model that is not gradient boosting, naming its type', () => {
    const rf = randomForest.fit(data.X, data.y, 2, { nEstimators: 2, randomState: 0 });
    const lr = logisticRegression.fit(
      { rows: 200, columns: [data.X.columns[2], data.X.columns[4]], names: ['noise', 'flag'] },
      data.y,
      2,
      {},
    );
    expect(() => exportXgboostJson(rf, { features: data.X.names, classes: data.classes })).toThrow(
      /XGBoost JSON holds gradient-boosted trees only; this model is a random forest\. Export it as ONNX instead/,
    );
    expect(() => exportXgboostJson(lr, { features: ['noise', 'flag'], classes: data.classes })).toThrow(/this model is a logistic regression/);
  });

  it('feature names that do not match the model, and the wrong number of classes', () => {
    const { model } = models[0];
    expect(() => exportXgboostJson(model, { features: ['a', 'b'], classes: ['no', 'yes'] })).toThrow(ApiError);
    expect(() => exportXgboostJson(model, { features: ['a', 'b'], classes: ['no', 'yes'] })).toThrow(/The model reads 6 features but 2 feature names were given/);
    expect(() => exportXgboostJson(model, { features: models[0].info.features, classes: ['no', 'yes', 'maybe'] })).toThrow(
      /predicts 2 classes but 3 class names/,
    );
  });
});

describe('XGBoost feature names', () => {
  it('lose the characters XGBoost refuses and stay unique', () => {
    expect(xgboostFeatureNames(['age_<18', 'tags_[a]', 'age_lt18', 'plain'])).toEqual(['age_lt18', 'tags_(a)', 'age_lt18_2', 'plain']);
  });

  it('renames are reported', () => {
    const model = stump(1.5, false);
    expect(exportXgboostJson(model, { features: ['x[0]'], classes: ['a', 'b'] }).renamed).toEqual([['x[0]', 'x(0)']]);
  });
});
