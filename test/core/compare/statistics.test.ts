/**
 * The comparison statistics against scipy 1.10 / scikit-learn 1.2.1 / mpmath
 * (test/fixtures/compare/statistics.json, written by scripts/fixtures/compare_fixtures.py),
 * plus hand-checkable cases, symmetries, degenerate inputs and refusals.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binomialCdf } from '../../../src-main/core/compare/binomial';
import { correctedResampledTTest } from '../../../src-main/core/compare/correctedTTest';
import { mcnemar } from '../../../src-main/core/compare/mcnemar';
import { logBeta, logGamma } from '../../../src-main/core/compare/specialFunctions';
import { studentTCdf, studentTSf } from '../../../src-main/core/compare/studentT';

interface Fixture {
  binom: { k: number; n: number; p: number; cdf: number; exact: number | null; mp: number }[];
  t: { t: number; df: number; cdf: number; sf: number }[];
  mcnemar: { b: number; c: number; exactP: number; binomtestP: number; chi2: number; chi2P: number }[];
  special: { logGamma: [number, number][]; logBeta: [number, number, number][] };
  ttest: {
    differences: number[];
    trainRows: number;
    testRows: number;
    rope: number;
    t: number;
    df: number;
    pValue: number;
    pBetterA: number;
    pBetterB: number;
    pRope: number;
  }[];
  sklearnExample: {
    models: [string, string];
    differences: number[];
    nTrain: number;
    nTest: number;
    df: number;
    t: number;
    pRightTailed: number;
    pTwoSided: number;
    betterProb: number;
    rope: number;
    pLeftOfRope: number;
    pRope: number;
    pRightOfRope: number;
  };
}

const fx = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'compare', 'statistics.json'), 'utf8'),
) as Fixture;

/** Relative error, with an absolute floor for references in the subnormal range (below ~1e-300 digits run out). */
function relErr(got: number, want: number): number {
  if (got === want) return 0;
  if (Math.abs(want) < 1e-300) return Math.abs(got - want) / 1e-300;
  return Math.abs(got - want) / Math.abs(want);
}

describe('special functions', () => {
  it.each(fx.special.logGamma)('ln Γ(%d) matches mpmath to 1e-14 relative', (x, want) => {
    expect(relErr(logGamma(x), want)).toBeLessThan(1e-14);
  });

  it.each(fx.special.logBeta)('ln B(%d, %d) matches mpmath (1e-13 relative or 1e-15 absolute)', (a, b, want) => {
    const got = logBeta(a, b);
    expect(Math.min(relErr(got, want), Math.abs(got - want) / 1e-2)).toBeLessThan(1e-13);
    expect(logBeta(b, a)).toBe(got);
  });
});

describe('binomialCdf', () => {
  const exactRows = fx.binom.filter((r) => r.exact !== null);
  it(`matches the exact P(X ≤ k) for p = ½ (${exactRows.length} cases, n ≤ 100,000) to 1e-12 relative`, () => {
    for (const r of exactRows) {
      const err = relErr(binomialCdf(r.k, r.n, r.p), r.exact!);
      expect(err, `k = ${r.k}, n = ${r.n}`).toBeLessThan(1e-12);
    }
  });

  it(`matches mpmath's 40-digit sums on the whole grid (${fx.binom.length} cases, n up to 10⁶, far tails) to 5e-12 relative`, () => {
    for (const r of fx.binom) {
      const err = relErr(binomialCdf(r.k, r.n, r.p), r.mp);
      expect(err, `k = ${r.k}, n = ${r.n}, p = ${r.p}`).toBeLessThan(5e-12);
    }
  });

  it('matches scipy.stats.binom.cdf on the grid to 3e-11 relative (scipy itself is 1.5e-11 off at n = 10⁶, p = 0.9)', () => {
    for (const r of fx.binom) {
      const err = relErr(binomialCdf(r.k, r.n, r.p), r.cdf);
      expect(err, `k = ${r.k}, n = ${r.n}, p = ${r.p}`).toBeLessThan(3e-11);
    }
  });

  it('reaches tiny positive values instead of underflowing early', () => {
    // P(X ≤ 0) = 2^-1000 and P(X ≤ 1) = 1001·2^-1000 for n = 1000.
    expect(binomialCdf(0, 1000)).toBe(2 ** -1000);
    // Near 1e-300 any log-space method keeps ~|ln P|·ε ≈ 1e-13 relative (scipy: 7e-14 on 2^-1000).
    expect(relErr(binomialCdf(1, 1000), 1001 * 2 ** -1000)).toBeLessThan(1e-12);
  });

  it('agrees with hand-counted small cases', () => {
    // C(10,0..3) = 1 + 10 + 45 + 120 = 176 of 1024.
    expect(binomialCdf(3, 10)).toBeCloseTo(176 / 1024, 15);
    expect(binomialCdf(0, 10)).toBe(1 / 1024);
    expect(binomialCdf(1, 2, 0.3)).toBeCloseTo(1 - 0.09, 15);
    expect(binomialCdf(2.7, 10)).toBe(binomialCdf(2, 10));
  });

  it('has the edges of a distribution function', () => {
    expect(binomialCdf(-1, 10)).toBe(0);
    expect(binomialCdf(10, 10)).toBe(1);
    expect(binomialCdf(11, 10)).toBe(1);
    expect(binomialCdf(0, 0)).toBe(1);
    expect(binomialCdf(3, 10, 0)).toBe(1);
    expect(binomialCdf(9, 10, 1)).toBe(0);
    expect(Number.isNaN(binomialCdf(NaN, 10))).toBe(true);
  });

  it('is fast and accurate at n = 10⁷ around the mean', () => {
    const p = binomialCdf(5_000_000, 10_000_000);
    // P(X ≤ n/2) = ½ + ½·P(X = n/2) ≈ ½ + ½·√(2/(πn)).
    expect(p).toBeCloseTo(0.5 + 0.5 * Math.sqrt(2 / (Math.PI * 1e7)), 8);
  });

  it('refuses a non-integer or negative n and p outside [0, 1]', () => {
    expect(() => binomialCdf(1, 2.5)).toThrow(RangeError);
    expect(() => binomialCdf(1, -1)).toThrow(RangeError);
    expect(() => binomialCdf(1, 10, 1.5)).toThrow(RangeError);
    expect(() => binomialCdf(1, 10, NaN)).toThrow(RangeError);
  });
});

describe('Student t', () => {
  it(`matches scipy.stats.t.cdf and t.sf (${fx.t.length} cases, df 1…1000, |t| ≤ 40) to 1e-12 relative`, () => {
    for (const r of fx.t) {
      expect(relErr(studentTCdf(r.t, r.df), r.cdf), `cdf t = ${r.t}, df = ${r.df}`).toBeLessThan(1e-12);
      expect(relErr(studentTSf(r.t, r.df), r.sf), `sf t = ${r.t}, df = ${r.df}`).toBeLessThan(1e-12);
    }
  });

  it('computes the far upper tail directly, not as 1 − cdf', () => {
    const far = fx.t.find((r) => r.t === 40 && r.df === 1000)!;
    expect(far.sf).toBeLessThan(1e-200);
    expect(relErr(studentTSf(40, 1000), far.sf)).toBeLessThan(1e-12);
  });

  it('has the closed forms of df = 1 (Cauchy) and df = 2', () => {
    expect(studentTSf(1, 1)).toBeCloseTo(0.25, 15);
    for (const t of [0.3, 1, 4, 25]) {
      expect(studentTSf(t, 1)).toBeCloseTo(0.5 - Math.atan(t) / Math.PI, 15);
      expect(studentTSf(t, 2)).toBeCloseTo(0.5 - t / (2 * Math.sqrt(t * t + 2)), 15);
    }
  });

  it('is symmetric and has the limits of a distribution', () => {
    expect(studentTSf(0, 5)).toBe(0.5);
    expect(studentTSf(Infinity, 5)).toBe(0);
    expect(studentTSf(-Infinity, 5)).toBe(1);
    expect(studentTCdf(Infinity, 5)).toBe(1);
    expect(studentTCdf(-Infinity, 5)).toBe(0);
    expect(Number.isNaN(studentTSf(NaN, 5))).toBe(true);
    for (const t of [0.2, 1.7, 6]) expect(studentTSf(-t, 7.5)).toBe(studentTCdf(t, 7.5));
  });

  it('refuses degrees of freedom that are not positive and finite', () => {
    expect(() => studentTSf(1, 0)).toThrow(RangeError);
    expect(() => studentTSf(1, -2)).toThrow(RangeError);
    expect(() => studentTSf(1, NaN)).toThrow(RangeError);
    expect(() => studentTCdf(1, Infinity)).toThrow(RangeError);
  });
});

describe('mcnemar', () => {
  it.each(fx.mcnemar)('b = $b, c = $c: exact p and corrected χ² match statsmodels’ formulas in scipy', (r) => {
    const exact = mcnemar(r.b, r.c);
    expect(exact.statistic).toBeNull();
    expect(relErr(exact.pValue, r.exactP)).toBeLessThan(1e-11);
    // For p = ½ scipy's binomtest gives the same two-sided p by symmetry.
    expect(relErr(exact.pValue, r.binomtestP)).toBeLessThan(1e-11);
    const chi2 = mcnemar(r.b, r.c, false);
    expect(relErr(chi2.statistic!, r.chi2)).toBeLessThan(1e-14);
    expect(relErr(chi2.pValue, r.chi2P)).toBeLessThan(1e-12);
  });

  it('is symmetric in b and c', () => {
    for (const [b, c] of [
      [0, 7],
      [3, 11],
      [120, 95],
      [40_000, 41_000],
    ]) {
      expect(mcnemar(b, c)).toEqual(mcnemar(c, b));
      expect(mcnemar(b, c, false)).toEqual(mcnemar(c, b, false));
    }
  });

  it('agrees with hand-computed cases', () => {
    // 0 of 5 discordant rows for A: 2·(½)^5.
    expect(mcnemar(0, 5).pValue).toBe(2 / 32);
    // 2·P(X ≤ 1 | n = 2) = 2·¾ > 1, capped.
    expect(mcnemar(1, 1).pValue).toBe(1);
    // (|10 − 2| − 1)² / 12 = 49/12, and χ²(1) survival = erfc(√(x/2)).
    expect(mcnemar(10, 2, false).statistic).toBeCloseTo(49 / 12, 15);
    // (|8 − 1| − 1)² / 9 = 4 is z = 2: p = 2·P(Z > 2) = 0.04550026389635842.
    expect(mcnemar(8, 1, false).statistic).toBe(4);
    expect(relErr(mcnemar(8, 1, false).pValue, 0.04550026389635842)).toBeLessThan(1e-14);
  });

  it('follows statsmodels when b = c: the correction still subtracts 1', () => {
    expect(mcnemar(5, 5, false).statistic).toBe(1 / 10);
  });

  it('reads no discordant rows as no evidence: p = 1', () => {
    expect(mcnemar(0, 0)).toEqual({ statistic: null, pValue: 1 });
    expect(mcnemar(0, 0, false)).toEqual({ statistic: 0, pValue: 1 });
  });

  it('refuses counts that are not non-negative integers', () => {
    expect(() => mcnemar(-1, 3)).toThrow(RangeError);
    expect(() => mcnemar(1.5, 3)).toThrow(RangeError);
    expect(() => mcnemar(2, NaN)).toThrow(RangeError);
  });
});

describe('correctedResampledTTest', () => {
  const ex = fx.sklearnExample;

  describe(`scikit-learn's example "Statistical comparison of models using grid search" (${ex.models.join(' − ')})`, () => {
    it('reproduces the corrected t and p (the example is right-tailed; ours two-sided, twice it)', () => {
      const r = correctedResampledTTest(ex.differences, ex.nTrain, ex.nTest, 0);
      expect(r.df).toBe(ex.df);
      expect(relErr(r.t, ex.t)).toBeLessThan(1e-12);
      expect(relErr(r.pValue, ex.pTwoSided)).toBeLessThan(1e-12);
      expect(relErr(r.pValue, 2 * ex.pRightTailed)).toBeLessThan(1e-12);
    });

    it('reproduces the probability that the first model is better (no rope)', () => {
      const r = correctedResampledTTest(ex.differences, ex.nTrain, ex.nTest, 0);
      expect(relErr(r.pBetterA, ex.betterProb)).toBeLessThan(1e-12);
      expect(relErr(r.pBetterB, 1 - ex.betterProb)).toBeLessThan(1e-12);
      expect(r.pRope).toBe(0);
    });

    it('reproduces the rope probabilities for ±0.01', () => {
      const r = correctedResampledTTest(ex.differences, ex.nTrain, ex.nTest, ex.rope);
      expect(relErr(r.pBetterB, ex.pLeftOfRope)).toBeLessThan(1e-12);
      expect(relErr(r.pRope, ex.pRope)).toBeLessThan(1e-12);
      // The mean difference is 0.01 to the last bit, so this tail is 0.5 minus rounding: compare absolutely.
      expect(Math.abs(r.pBetterA - ex.pRightOfRope)).toBeLessThan(1e-14);
    });
  });

  it.each(fx.ttest.map((c, i) => ({ ...c, i })))(
    'synthetic case $i (J = $df + 1, rope $rope) matches scipy’s scaled t',
    (c) => {
      const r = correctedResampledTTest(c.differences, c.trainRows, c.testRows, c.rope);
      expect(r.df).toBe(c.df);
      expect(relErr(r.t, c.t)).toBeLessThan(1e-12);
      expect(relErr(r.pValue, c.pValue)).toBeLessThan(1e-10);
      expect(relErr(r.pBetterA, c.pBetterA)).toBeLessThan(1e-10);
      expect(relErr(r.pBetterB, c.pBetterB)).toBeLessThan(1e-10);
      expect(relErr(r.pRope, c.pRope)).toBeLessThan(1e-10);
      expect(r.pBetterA + r.pBetterB + r.pRope).toBeCloseTo(1, 14);
    },
  );

  it('agrees with a hand-computed case (df = 2 has a closed-form tail)', () => {
    // d = 1, 2, 3: mean 2, var 1, scale √((1/3 + 1/2)·1) = √(5/6), t = 2/√(5/6).
    const r = correctedResampledTTest([1, 2, 3], 2, 1, 0);
    const t = 2 / Math.sqrt(5 / 6);
    expect(r.t).toBeCloseTo(t, 14);
    expect(r.df).toBe(2);
    // df = 2: P(|T| > t) = 1 − t/√(t² + 2).
    expect(r.pValue).toBeCloseTo(1 - t / Math.sqrt(t * t + 2), 14);
    expect(r.pBetterA).toBeCloseTo(0.5 + t / (2 * Math.sqrt(t * t + 2)), 14);
  });

  it('swapping the models negates t and swaps pBetterA and pBetterB', () => {
    for (const c of fx.ttest) {
      const ab = correctedResampledTTest(c.differences, c.trainRows, c.testRows, c.rope);
      const ba = correctedResampledTTest(
        c.differences.map((d) => -d),
        c.trainRows,
        c.testRows,
        c.rope,
      );
      expect(ba.t).toBeCloseTo(-ab.t, 12);
      expect(ba.pValue).toBeCloseTo(ab.pValue, 14);
      expect(ba.pBetterA).toBeCloseTo(ab.pBetterB, 14);
      expect(ba.pBetterB).toBeCloseTo(ab.pBetterA, 14);
      expect(ba.pRope).toBeCloseTo(ab.pRope, 14);
    }
  });

  describe('degenerate differences', () => {
    it('all zero: t = 0, p = 1, all mass in the rope (even a zero-width one)', () => {
      for (const rope of [0, 0.01]) {
        expect(correctedResampledTTest([0, 0, 0, 0], 90, 10, rope)).toEqual({
          t: 0,
          df: 3,
          pValue: 1,
          pBetterA: 0,
          pBetterB: 0,
          pRope: 1,
        });
      }
    });

    it('constant and non-zero: t = ±∞, p = 0, a point mass at the mean', () => {
      // 0.1 three times sums to 0.30000000000000004: the constant must be seen, not a rounding residue.
      expect(correctedResampledTTest([0.1, 0.1, 0.1], 90, 10)).toEqual({
        t: Infinity,
        df: 2,
        pValue: 0,
        pBetterA: 1,
        pBetterB: 0,
        pRope: 0,
      });
      expect(correctedResampledTTest([-0.02, -0.02], 90, 10)).toMatchObject({ t: -Infinity, pBetterB: 1, pRope: 0 });
      expect(correctedResampledTTest([0.005, 0.005], 90, 10, 0.01)).toMatchObject({
        t: Infinity,
        pValue: 0,
        pBetterA: 0,
        pBetterB: 0,
        pRope: 1,
      });
    });
  });

  describe('refusals', () => {
    it('needs at least two folds', () => {
      expect(() => correctedResampledTTest([0.1], 90, 10)).toThrow(/at least 2 folds/);
      expect(() => correctedResampledTTest([], 90, 10)).toThrow(/at least 2 folds/);
    });

    it('names the fold whose difference is not a number', () => {
      expect(() => correctedResampledTTest([0.1, 0.2, NaN, 0.1], 90, 10)).toThrow(/fold 3 of 4/);
      expect(() => correctedResampledTTest([0.1, Infinity], 90, 10)).toThrow(/fold 2 of 2/);
    });

    it('needs positive row counts and a rope ≥ 0', () => {
      expect(() => correctedResampledTTest([0.1, 0.2], 0, 10)).toThrow(/trainRows/);
      expect(() => correctedResampledTTest([0.1, 0.2], 90, -1)).toThrow(/testRows/);
      expect(() => correctedResampledTTest([0.1, 0.2], NaN, 10)).toThrow(/trainRows/);
      expect(() => correctedResampledTTest([0.1, 0.2], 90, 10, -0.01)).toThrow(/rope/);
    });
  });
});
