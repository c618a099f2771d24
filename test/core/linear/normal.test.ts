/** erfc and the two-sided normal p-value against Python's math.erfc and scipy.stats.norm.sf. */
import { describe, expect, it } from 'vitest';
import { erfc, normalSf, twoSidedP } from '../../../src-main/core/ml/linear/normal';
import { loadFixture } from './fixtures';
import type { NormalFixture } from './fixtures';

const fx = loadFixture<NormalFixture>('normal.json');

const relErr = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));

describe('erfc', () => {
  it.each(fx.erfc)('erfc(%d) matches math.erfc to 1e-13 relative', (x, want) => {
    expect(relErr(erfc(x), want)).toBeLessThan(1e-13);
  });

  it('has the limits and symmetry of erfc', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(Number.isNaN(erfc(NaN))).toBe(true);
    for (const x of [0.3, 1.7, 2.2, 4.5]) expect(erfc(x) + erfc(-x)).toBeCloseTo(2, 14);
  });
});

describe('normal tail', () => {
  it.each(fx.twoSidedP)('two-sided p at z = %d matches 2·norm.sf to 1e-12 relative', (z, want) => {
    expect(relErr(twoSidedP(z), want)).toBeLessThan(1e-12);
    expect(relErr(twoSidedP(-z), want)).toBeLessThan(1e-12);
  });

  it('normalSf(1.959963984540054) is 0.025', () => {
    expect(normalSf(1.959963984540054)).toBeCloseTo(0.025, 15);
  });
});
