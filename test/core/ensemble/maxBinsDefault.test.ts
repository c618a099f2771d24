/**
 * Forests and boosting cut features into 511 bins unless told otherwise, and
 * an explicit `max_bins: 255` still grows, bit for bit, the trees the earlier
 * default of 255 grew: the digests below were taken from models fitted before
 * the default changed (same data, same parameters, no `maxBins` given).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gradientBoosting } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import { randomForest } from '../../../src-main/core/ml/ensemble/randomForest';
import { MODEL_PARAMS, resolveParams } from '../../../src-main/core/ml/params';
import type { FlatTree } from '../../../src-main/core/ml/tree/predictor';
import type { FeatureMatrix } from '../../../src-main/core/ml/types';
import { headRows, preparedSample } from '../modelExport/exportFixtureModels';

/** SHA-256 of every tree field (typed arrays with their element type) and of the predicted probabilities. */
function digest(trees: FlatTree[], proba: Float64Array): string {
  const h = createHash('sha256');
  for (const t of trees) {
    h.update(`tree ${t.nNodes} ${t.valueSize};`);
    for (const a of [t.feature, t.threshold, t.binThreshold, t.missingLeft, t.left, t.right, t.value, t.gain, t.cover]) {
      h.update(a.constructor.name);
      h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    }
  }
  h.update(new Uint8Array(proba.buffer, proba.byteOffset, proba.byteLength));
  return h.digest('hex');
}

const claims = preparedSample('claims-course6');
const scoring: FeatureMatrix = headRows(claims.test.X, 500);

const forest = (extra: { maxBins?: number }) => {
  const m = randomForest.fit(claims.train.X, claims.train.y, 2, { nEstimators: 12, maxFeatures: 'sqrt', randomState: 3, ...extra });
  return { m, d: digest(m.trees, m.predictProba(scoring).data) };
};
const boosting = (extra: { maxBins?: number }) => {
  const m = gradientBoosting.fit(claims.train.X, claims.train.y, 2, { nEstimators: 15, maxDepth: 5, learningRate: 0.2, randomState: 0, ...extra });
  return { m, d: digest(m.trees, m.predictProba(scoring).data) };
};

/** Taken with the default of 255, before it became 511. */
const FOREST_255 = '58103bdc3c3b9a84a1e8c7f63ba4fe6ee84fe9c3e3853e18e6311b780ca0b46f';
const BOOSTING_255 = 'e8b12673f29525e48c4cdfd144927c5ef36977d0de819eae6fd2a541b591665c';

describe('max_bins of forests and boosting', () => {
  it('defaults to 511 in recipes and in the fits', () => {
    for (const type of ['randomForest', 'gradientBoosting'] as const) {
      expect(MODEL_PARAMS[type].find((d) => d.name === 'max_bins')?.default).toBe(511);
      expect(resolveParams(type, {}, '$.models[0]').maxBins).toBe(511);
    }
    expect(forest({}).d).toBe(forest({ maxBins: 511 }).d);
    expect(boosting({}).d).toBe(boosting({ maxBins: 511 }).d);
  });

  it('with max_bins 255 given, grows the trees of the earlier default bit for bit', () => {
    expect(forest({ maxBins: 255 }).d).toBe(FOREST_255);
    expect(boosting({ maxBins: 255 }).d).toBe(BOOSTING_255);
  });

  it('the sample has a feature 255 bins cannot hold, so the two defaults differ on it', () => {
    expect(Math.max(...claims.train.X.columns.map((c) => new Set(c).size))).toBeGreaterThan(511);
    expect(forest({}).d).not.toBe(FOREST_255);
    expect(boosting({}).d).not.toBe(BOOSTING_255);
  });
});
