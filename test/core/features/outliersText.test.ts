/**
 * IQR caps, pandas quantiles and str.len() against pandas 1.5 (fixtures from
 * scripts/fixtures/features_fixtures.py).
 */
import { describe, expect, it } from 'vitest';
import { capOutliersIqr, quantileLinear } from '../../../src-main/core/features/outliers';
import { codePointLength, textLength } from '../../../src-main/core/features/textLength';
import fixture from '../../fixtures/features/outliers_text.json';
import split from '../../fixtures/features/split.json';
import { numberColumn, rawColumn, readSample, take, textColumn } from './sample';

const table = readSample();
const COLUMNS = ['video_like_count', 'video_comment_count'] as const;

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

describe('quantileLinear', () => {
  it('matches Series.quantile on small arrays, bit for bit', () => {
    for (const c of fixture.quantiles) {
      const values = Float64Array.from(c.values, (v) => v ?? NaN);
      c.q.forEach((q, i) => {
        const expected = c.quantiles[i] ?? NaN;
        expect(quantileLinear(values, q)).toBe(expected);
      });
    }
  });

  it('matches Series.quantile on the raw like counts (with missing values)', () => {
    const likes = Float64Array.from(rawColumn(table, 'video_like_count'), (v) => (v === null ? NaN : Number(v)));
    const f = fixture.rawLikeQuantiles;
    f.q.forEach((q, i) => expect(quantileLinear(likes, q)).toBe(f.quantiles[i]));
  });

  it('rejects a quantile outside [0, 1]', () => {
    expect(() => quantileLinear([1, 2], 1.5)).toThrow(/between 0 and 1/);
  });
});

describe('capOutliersIqr', () => {
  for (const col of COLUMNS) {
    it(`caps ${col} as Course 5 does (fitted on all complete rows)`, () => {
      const f = fixture.caps[col];
      const values = numberColumn(table, col);
      const caps = capOutliersIqr(values);
      expect([caps.q1, caps.q3, caps.iqr, caps.upper, caps.lower]).toEqual([f.q1, f.q3, f.iqr, f.upper, f.lower]);
      const capped = caps.apply(values);
      expect(values.filter((v) => v > caps.upper).length).toBe(f.cappedCount);
      expect(sum(capped)).toBeCloseTo(f.cappedSum, 0);
      expect(Array.from(capped.subarray(0, 20))).toEqual(f.first);
      expect(sum(capOutliersIqr(values, { side: 'both' }).apply(values))).toBeCloseTo(f.bothSum, 0);
    });

    it(`fits ${col} caps on training rows only`, () => {
      const f = fixture.capsTrain[col];
      const train = Float64Array.from(take(Array.from(numberColumn(table, col)), split.train));
      const caps = capOutliersIqr(train, { k: 1.5, side: 'upper' });
      expect([caps.q1, caps.q3, caps.upper]).toEqual([f.q1, f.q3, f.upper]);
      expect(Array.from(caps.apply(train).subarray(0, 20))).toEqual(f.first);
    });
  }

  it('keeps missing values missing and caps both ends on request', () => {
    const caps = capOutliersIqr(Float64Array.from([1, 2, 3, 4, NaN, 100, -100]), { side: 'both', k: 1 });
    // present values sorted: -100 1 2 3 4 100 → q1 = 1.25, q3 = 3.75, IQR = 2.5
    expect([caps.q1, caps.q3, caps.lower, caps.upper]).toEqual([1.25, 3.75, -1.25, 6.25]);
    expect(Array.from(caps.apply([NaN, 100, -100, 2]))).toEqual([NaN, 6.25, -1.25, 2]);
    const upperOnly = capOutliersIqr([1, 2, 3, 4, 100, -100]);
    expect(upperOnly.apply([-100])[0]).toBe(-100);
    expect(() => capOutliersIqr([NaN])).toThrow(/at least one value/);
  });
});

describe('textLength', () => {
  it('matches str.len() on the sample transcriptions', () => {
    const texts = textColumn(table, 'video_transcription_text');
    const lengths = textLength(texts);
    const f = fixture.textLength;
    expect(sum(lengths)).toBe(f.sum);
    expect(Array.from(lengths.subarray(0, 20))).toEqual(f.first);
    for (const [i, n] of Object.entries(f.nonAscii)) expect(lengths[Number(i)]).toBe(n);
    expect(texts.filter((t) => [...t].some((ch) => ch.codePointAt(0)! > 127)).length).toBe(f.nonAsciiCount);
    const raw = textLength(rawColumn(table, 'video_transcription_text'));
    expect(raw.filter((x) => Number.isNaN(x)).length).toBe(f.rawMissing);
  });

  it('counts code points, not UTF-16 units', () => {
    const f = fixture.trickyLength;
    expect(Array.from(textLength(f.texts))).toEqual(f.lengths);
    expect(codePointLength('😀')).toBe(1);
    expect(codePointLength('\ud800x')).toBe(2); // a lone surrogate is one code point, as in Python
    expect(Array.from(textLength([null, '']))).toEqual([NaN, 0]);
  });
});
