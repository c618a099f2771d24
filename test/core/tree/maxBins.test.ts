/**
 * `max_bins`: features with more distinct values than 255 get uint16 codes
 * and as many quantile bins as asked, the others keep uint8 codes, and trees
 * on them find thresholds 255 bins cannot resolve.
 */
import { describe, expect, it } from 'vitest';
import { gradientBoosting } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import { randomForest } from '../../../src-main/core/ml/ensemble/randomForest';
import { checkParam, resolveParams } from '../../../src-main/core/ml/params';
import { BinMapper, binTrainingData } from '../../../src-main/core/ml/tree/binning';
import type { FeatureMatrix } from '../../../src-main/core/ml/types';
import { refusal } from '../../node/helpers';

const matrix = (...columns: number[][]): FeatureMatrix => ({
  rows: columns[0].length,
  columns: columns.map((c) => Float64Array.from(c)),
  names: columns.map((_, i) => `x${i}`),
});

// 10,000 distinct values; the class changes between 3 and 4, far inside the first of 255 quantile bins (≈ 0..39).
const n = 10_000;
const x = Array.from({ length: n }, (_, i) => (i * 7919) % n);
const flag = x.map((v) => v % 2);
const X = matrix(x, flag);
const y = Int32Array.from(x, (v) => (v > 3 ? 1 : 0));

describe('BinMapper with more than 255 bins', () => {
  it('gives uint16 codes and up to maxBins quantile bins only to the features that have that many values', () => {
    const m = BinMapper.fit(X, undefined, 4095);
    expect(m.nBins[0]).toBe(4095);
    expect(m.nBins[1]).toBe(2);
    const b = m.transform(matrix([...x.slice(0, 10), NaN], [...flag.slice(0, 10), NaN]));
    expect(b.columns[0]).toBeInstanceOf(Uint16Array);
    expect(b.columns[1]).toBeInstanceOf(Uint8Array);
    expect(b.columns[0][10]).toBe(4095);
    expect(b.columns[1][10]).toBe(2);
    // x ≤ t[b] exactly when bin(x) ≤ b
    const t = m.thresholds[0];
    for (let i = 0; i < 10; i++) {
      const bin = b.columns[0][i];
      if (bin > 0) expect(x[i]).toBeGreaterThan(t[bin - 1]);
      if (bin < 4094) expect(x[i]).toBeLessThanOrEqual(t[bin]);
    }
  });

  it('refuses a bin count outside [2, 65535], saying what it got', () => {
    expect(() => BinMapper.fit(X, undefined, 65536)).toThrow('BinMapper.fit: maxBins must be an integer in [2, 65535]; got 65536.');
    expect(() => BinMapper.fit(X, undefined, 1)).toThrow('got 1');
  });

  it('memoizes one binning per matrix and bin count', () => {
    const X2 = matrix(x);
    expect(binTrainingData(X2, 1023)).toBe(binTrainingData(X2, 1023));
    expect(binTrainingData(X2, 1023)).not.toBe(binTrainingData(X2));
    expect(binTrainingData(X2, 1023).mapper.nBins[0]).toBe(1023);
    expect(binTrainingData(X2).mapper.nBins[0]).toBe(255);
  });
});

describe('trees on uint16 bins', () => {
  const stump = { nEstimators: 1, bootstrap: false, maxFeatures: null, maxDepth: 1 };

  it('a forest stump splits at the midpoint 3.5 with enough bins, and cannot with 255', () => {
    const fine = randomForest.fit(X, y, 2, { ...stump, maxBins: 65535 });
    expect(fine.trees[0].feature[0]).toBe(0);
    expect(fine.trees[0].threshold[0]).toBe(3.5);
    const coarse = randomForest.fit(X, y, 2, { ...stump, maxBins: 255 });
    expect(coarse.trees[0].threshold[0]).toBeGreaterThan(3.5);
  });

  it('a forest grown on uint16 bins classifies every training row, through raw thresholds', () => {
    const model = randomForest.fit(X, y, 2, { nEstimators: 3, bootstrap: false, maxFeatures: 1, maxBins: 65535, randomState: 1 });
    const p = model.predictProba(X).data;
    for (let i = 0; i < n; i++) expect(p[i * 2 + 1] > 0.5 ? 1 : 0).toBe(y[i]);
  });

  it('boosting splits at 3.5 with enough bins', () => {
    const model = gradientBoosting.fit(X, y, 2, { nEstimators: 1, maxDepth: 1, maxBins: 65535 });
    expect(model.trees[0].threshold[0]).toBe(3.5);
    // 255 bins only offer x ≤ 38.7, whose gain is negative: no split at all
    const coarse = gradientBoosting.fit(X, y, 2, { nEstimators: 1, maxDepth: 1, maxBins: 255 });
    expect(coarse.trees[0].feature[0]).toBe(-1);
  });
});

describe('the max_bins parameter', () => {
  it('is an integer from 2 to 65535 for forests and boosting, 511 by default', () => {
    expect(refusal(() => checkParam('randomForest', 'max_bins', 70000, '$.models[0].params.max_bins')).message).toBe(
      '$.models[0].params.max_bins: max_bins = 70000: expected an integer from 2 to 65535.',
    );
    expect(refusal(() => checkParam('gradientBoosting', 'max_bins', 2.5, 'here')).message).toContain('expected an integer from 2 to 65535');
    expect(resolveParams('gradientBoosting', {}, '$').maxBins).toBe(511);
    expect(resolveParams('randomForest', {}, '$').maxBins).toBe(511);
    expect(resolveParams('randomForest', { max_bins: 4095 }, '$').maxBins).toBe(4095);
  });
});
