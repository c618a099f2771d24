/**
 * The standardised design checks its columns from one sum: a finite sum
 * means finite values, and only a non-finite one is looked at value by value.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { standardisedDesign } from '../../../src-main/core/ml/linear/standardisedDesign';

const matrix = (...columns: number[][]) => ({ rows: columns[0].length, columns: columns.map((c) => Float64Array.from(c)), names: columns.map((_, j) => `x${j}`) });

describe('standardisedDesign', () => {
  it('refuses +∞ and −∞ whose sum is NaN, counting both and naming the first row', () => {
    let error: unknown;
    try {
      standardisedDesign(matrix([1, 2, 3, 4], [0, Infinity, 1, -Infinity]), true, 'l2');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toBe(
      'Feature "x1" has 2 missing or infinite values (first at row 2); logistic regression needs complete rows, so impute or drop them first.',
    );
  });

  it('refuses a lone +∞, whose sum is +∞ rather than NaN', () => {
    expect(() => standardisedDesign(matrix([5, 1, Infinity]), true, 'l2')).toThrow('Feature "x0" has 1 missing or infinite value (first at row 3)');
  });

  it('takes finite values whose sum overflows, as before', () => {
    const d = standardisedDesign(matrix([1e308, 1e308, -1e308, 0]), false, 'l2');
    expect(d.mean[0]).toBe(0);
    expect(Number.isFinite(d.scale[0])).toBe(false);
  });

  it('standardises each column about its mean with the population standard deviation', () => {
    const d = standardisedDesign(matrix([1, 2, 3, 6]), true, 'none');
    expect(d.mean[0]).toBe(3);
    expect(d.scale[0]).toBe(Math.sqrt(3.5));
    expect(Array.from(d.columns[0])).toEqual([1, 1, 1, 1]);
    expect(Array.from(d.columns[1])).toEqual([1, 2, 3, 6].map((v) => (v - 3) / Math.sqrt(3.5)));
  });
});
