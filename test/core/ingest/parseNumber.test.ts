import { describe, expect, it } from 'vitest';
import { isUnsafeInteger, parseNumberLikePandas } from '../../../src-main/core/ingest/parseNumber';

describe('isUnsafeInteger', () => {
  it('is true for integers beyond ±(2^53 − 1) only', () => {
    expect(isUnsafeInteger('9007199254740991')).toBe(false);
    expect(isUnsafeInteger('-9007199254740991')).toBe(false);
    expect(isUnsafeInteger('9007199254740992')).toBe(true);
    expect(isUnsafeInteger('-9007199254740993')).toBe(true);
    expect(isUnsafeInteger(' +1234567890123456789 ')).toBe(true);
    expect(isUnsafeInteger('18446744073709551615')).toBe(true);
    expect(isUnsafeInteger('0000000000000000000042')).toBe(false);
    expect(isUnsafeInteger('12345678901234567.5')).toBe(false);
    expect(isUnsafeInteger('1e30')).toBe(false);
    expect(isUnsafeInteger('abcdefghijklmnopqrstu')).toBe(false);
  });

  it('is true for the same integers written with a fraction of zeros, as pandas writes an int column with a gap', () => {
    expect(isUnsafeInteger('1234567890123456789.0')).toBe(true);
    expect(isUnsafeInteger(' -9007199254740993.000 ')).toBe(true);
    expect(isUnsafeInteger('9007199254740991.0')).toBe(false);
    expect(isUnsafeInteger('1234567890123456789.5')).toBe(false);
    expect(isUnsafeInteger('1234567890123456789.')).toBe(true);
    expect(isUnsafeInteger('.00000000000000000')).toBe(false);
    expect(isUnsafeInteger('1.2345678901234567e18')).toBe(false);
  });
});

describe('parseNumberLikePandas', () => {
  it('reads what pandas reads as a number, and nothing a double would round', () => {
    expect(parseNumberLikePandas('  7 ')).toBe(7);
    expect(parseNumberLikePandas('+5')).toBe(5);
    expect(parseNumberLikePandas('5.')).toBe(5);
    expect(parseNumberLikePandas('.5')).toBe(0.5);
    expect(parseNumberLikePandas('1.5e+10')).toBe(1.5e10);
    expect(parseNumberLikePandas('-INF')).toBe(-Infinity);
    expect(parseNumberLikePandas('Infinity')).toBe(Infinity);
    expect(parseNumberLikePandas('9007199254740991')).toBe(9007199254740991);
    for (const text of ['1234567890123456789', '-9007199254740993', '1234567890123456789.0', '9007199254740993.0', '99999999999999999999', ' inf', 'Inf ', '0x10', '1_000', '1e', '.', '', '  ']) {
      expect(parseNumberLikePandas(text), JSON.stringify(text)).toBeNull();
    }
  });
});
