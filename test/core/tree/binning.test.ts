import { describe, expect, it } from 'vitest';
import { BinMapper, binTrainingData } from '../../../src-main/core/ml/tree/binning';
import type { FeatureMatrix } from '../../../src-main/core/ml/types';

const matrix = (...columns: number[][]): FeatureMatrix => ({
  rows: columns[0].length,
  columns: columns.map((c) => Float64Array.from(c)),
  names: columns.map((_, i) => `x${i}`),
});

describe('BinMapper', () => {
  it('gives each of few distinct values its own bin, thresholds at midpoints', () => {
    const m = BinMapper.fit(matrix([3, 1, 2, 2, 10, 1]));
    expect(m.nBins[0]).toBe(4);
    expect(Array.from(m.thresholds[0])).toEqual([1.5, 2.5, 6.5]);
    const b = m.transform(matrix([1, 2, 3, 10, 2.5, 2.6, -5, 100]));
    expect(Array.from(b.columns[0])).toEqual([0, 1, 2, 3, 1, 2, 0, 3]);
  });

  it('sends NaN to the dedicated missing bin nBins[f] and ignores it when fitting', () => {
    const m = BinMapper.fit(matrix([0, NaN, 1, NaN]));
    expect(m.nBins[0]).toBe(2);
    expect(Array.from(m.transform(matrix([NaN, 0, 1])).columns[0])).toEqual([2, 0, 1]);
  });

  it('uses ≤ 255 quantile bins for many distinct values, as numpy percentile(method="midpoint")', () => {
    const v = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_007);
    const m = BinMapper.fit(matrix(v));
    expect(m.nBins[0]).toBe(255);
    const sorted = [...v].sort((a, b) => a - b);
    const pos = (1 / 255) * (sorted.length - 1);
    expect(m.thresholds[0][0]).toBe((sorted[Math.floor(pos)] + sorted[Math.ceil(pos)]) / 2);
    const binned = m.transform(matrix(v));
    const counts = new Array(255).fill(0);
    for (const b of binned.columns[0]) counts[b]++;
    expect(Math.min(...counts)).toBeGreaterThan(30);
    // x ≤ t[b] exactly when bin(x) ≤ b
    for (let i = 0; i < v.length; i += 37) {
      const b = binned.columns[0][i];
      if (b > 0) expect(v[i]).toBeGreaterThan(m.thresholds[0][b - 1]);
      if (b < 254) expect(v[i]).toBeLessThanOrEqual(m.thresholds[0][b]);
    }
  });

  it('fits on the given training rows only', () => {
    const m = BinMapper.fit(matrix([0, 1, 2, 3, 4]), [0, 1]);
    expect(m.nBins[0]).toBe(2);
  });

  it('memoizes the binning of one matrix object', () => {
    const X = matrix([1, 2, 3]);
    expect(binTrainingData(X)).toBe(binTrainingData(X));
  });
});
