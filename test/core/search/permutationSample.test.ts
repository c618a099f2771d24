import { describe, expect, it } from 'vitest';
import { permutationImportance } from '../../../src-main/core/ml/ensemble/permutationImportance';
import { PERMUTATION_MAX_ROWS, permutationSet } from '../../../src-main/core/search/importances';
import type { FittedClassifier, ProbabilityMatrix } from '../../../src-main/core/ml/types';
import { before, held, heldLabels, storedForest } from '../tree/rowByRow';

const forest = storedForest();

describe('permutation importance on a sample of the held-out rows', () => {
  it('leaves held-out sets up to the threshold exactly as they were (the seed runs: 3,817 validation rows)', () => {
    expect(held.rows).toBeLessThanOrEqual(PERMUTATION_MAX_ROWS);
    const set = permutationSet(forest, held, heldLabels, 'recall', 'validation');
    expect(JSON.stringify(set)).toBe(JSON.stringify(before.permutation));
    expect(set.sample).toBeUndefined();
  });

  it('scores a seeded sample of maxRows rows, baseline and shuffles alike, and says so', () => {
    const seen: number[] = [];
    const accuracy = (y: Int32Array, p: ProbabilityMatrix) => {
      seen.push(y.length, p.rows);
      let ok = 0;
      for (let i = 0; i < y.length; i++) if ((p.data[2 * i + 1] > 0.5 ? 1 : 0) === y[i]) ok++;
      return ok / y.length;
    };
    const r = permutationImportance(forest, held, heldLabels, accuracy, { nRepeats: 2, randomState: 0, maxSamples: 150 });
    expect(r.rows).toBe(150);
    expect(new Set(seen)).toEqual(new Set([150]));
    const again = permutationImportance(forest, held, heldLabels, accuracy, { nRepeats: 2, randomState: 0, maxSamples: 150 });
    expect(Array.from(again.mean)).toEqual(Array.from(r.mean));

    const set = permutationSet(forest, held, heldLabels, 'recall', 'validation', 150);
    expect(set.sample).toEqual({ rows: 150, of: 400 });
    expect(set.description).toBe("How much recall on a random 150 of the 400 validation rows drops when a feature's values are shuffled (mean of 5 shuffles, ± their spread).");
    expect(set.title).toBe('Permutation (recall, validation)');
  });

  it('draws the sample without replacement, from all rows, and keeps each row with its own label', () => {
    // A "model" that echoes column 0, which holds each row's index: the baseline scorer sees which rows were kept.
    const n = 1000;
    const index = Float64Array.from({ length: n }, (_, i) => i);
    const X = { rows: n, columns: [index, new Float64Array(n)], names: ['row', 'other'] };
    const y = Int32Array.from({ length: n }, (_, i) => i % 3);
    const echo: FittedClassifier = {
      nClasses: 2,
      predictProba: (m) => ({ rows: m.rows, classes: 1, data: Float64Array.from(m.columns[0]) }),
      toJSON: () => null,
    };
    const calls: { rows: number[]; labels: number[] }[] = [];
    permutationImportance(echo, X, y, (yt, p) => (calls.push({ rows: Array.from(p.data), labels: Array.from(yt) }), 0), { nRepeats: 1, maxSamples: 400 });
    const kept = calls[0].rows;
    expect(kept).toHaveLength(400);
    expect(new Set(kept).size).toBe(400);
    expect(kept.every((r) => Number.isInteger(r) && r >= 0 && r < n)).toBe(true);
    expect(calls[0].labels).toEqual(kept.map((r) => r % 3));
    // Spread over the whole range, not the first 400 rows.
    expect(Math.max(...kept)).toBeGreaterThan(800);
    expect(Math.min(...kept)).toBeLessThan(200);
  });

  it('a sample estimates the importances of all rows', () => {
    const all = permutationSet(forest, held, heldLabels, 'recall', 'validation');
    const part = permutationSet(forest, held, heldLabels, 'recall', 'validation', 300);
    const top = (s: typeof all) => s.features.reduce((a, b) => (b.value > a.value ? b : a)).feature;
    expect(top(part)).toBe(top(all));
  });

  it('refuses a sample size that is no whole number', () => {
    const score = () => 0;
    expect(() => permutationImportance(forest, held, heldLabels, score, { maxSamples: 12.5 })).toThrow(/maxSamples must be a whole number/);
  });
});
