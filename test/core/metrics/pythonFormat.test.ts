import { describe, expect, it } from 'vitest';
import { numpySum } from '../../../src-main/core/metrics/numeric';
import { formatFixed } from '../../../src-main/core/metrics/pythonFormat';

describe("formatFixed (Python's '.Nf')", () => {
  it('rounds exact halves to even, unlike toFixed', () => {
    expect(formatFixed(0.125, 2)).toBe('0.12');
    expect(formatFixed(0.375, 2)).toBe('0.38');
    expect(formatFixed(0.0625, 3)).toBe('0.062');
    expect(formatFixed(2.5, 0)).toBe('2');
    expect((0.125).toFixed(2)).toBe('0.13');
  });

  it('uses the exact binary value (0.285 is below a half)', () => {
    expect(formatFixed(0.285, 2)).toBe('0.28');
    expect(formatFixed(1 / 3, 4)).toBe('0.3333');
    expect(formatFixed(1, 2)).toBe('1.00');
    expect(formatFixed(0, 2)).toBe('0.00');
    expect(formatFixed(-0.001, 2)).toBe('-0.00');
    expect(formatFixed(123456.789, 1)).toBe('123456.8');
    expect(formatFixed(5e-324, 2)).toBe('0.00');
  });
});

describe('numpySum', () => {
  it("sums in NumPy's pairwise order", () => {
    // 0.1 summed 10 times: naive left-to-right gives 0.9999999999999999,
    // NumPy's eight accumulators give 1.
    expect(numpySum(new Array<number>(10).fill(0.1))).toBe(1);
    expect(numpySum([])).toBe(0);
  });
});
