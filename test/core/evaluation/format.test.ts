import { describe, expect, it } from 'vitest';
import { distinguishingDecimals } from '../../../src-main/core/evaluation/format';

describe('distinguishingDecimals', () => {
  it('uses four decimals when three would print ranks 1 and 3 (0.9943, 0.9941) alike', () => {
    // Both round to 0.994 at three decimals; the seed's CV recall column.
    expect(distinguishingDecimals([0.9941, 0.9932, 0.9943])).toBe(4);
    expect((0.9943).toFixed(4)).not.toBe((0.9941).toFixed(4));
  });

  it('keeps three decimals when they already separate neighbours, and ignores exact ties and NaN', () => {
    expect(distinguishingDecimals([0.912, 0.871, 0.871, NaN])).toBe(3);
    expect(distinguishingDecimals([])).toBe(3);
  });

  it('stops at six decimals when values differ further down', () => {
    expect(distinguishingDecimals([0.123456789, 0.123456781])).toBe(6);
    expect(distinguishingDecimals([0.12345, 0.12346])).toBe(5);
  });
});
