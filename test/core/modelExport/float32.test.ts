/** Float32 steps, the threshold rules they serve, and float text XGBoost reads as a float. */
import { describe, expect, it } from 'vitest';
import { above32, float32Text, floor32, FLOAT32_MAX, nextDown32, nextUp32 } from '../../../src-main/core/modelExport/float32';

describe('float32 steps', () => {
  it('step to the neighbouring float32', () => {
    expect(nextUp32(1)).toBe(1 + 2 ** -23);
    expect(nextDown32(1)).toBe(1 - 2 ** -24);
    expect(nextUp32(-1)).toBe(-(1 - 2 ** -24));
    expect(nextUp32(0)).toBe(2 ** -149);
    expect(nextUp32(-0)).toBe(2 ** -149);
    expect(nextUp32(FLOAT32_MAX)).toBe(Infinity);
    expect(nextUp32(-Infinity)).toBe(-FLOAT32_MAX);
    expect(nextUp32(Infinity)).toBe(Infinity);
  });

  it('floor32 is the largest float32 ≤ t, above32 the smallest float32 > t', () => {
    expect(floor32(2.5)).toBe(2.5);
    expect(above32(2.5)).toBe(nextUp32(2.5));
    expect(floor32(0.1)).toBeLessThanOrEqual(0.1);
    expect(nextUp32(floor32(0.1))).toBeGreaterThan(0.1);
    expect(floor32(-0.1)).toBeLessThanOrEqual(-0.1);
    expect(above32(-0.1)).toBeGreaterThan(-0.1);
    expect(floor32(1e39)).toBe(FLOAT32_MAX);
    expect(floor32(Infinity)).toBe(Infinity);
  });

  it('route every float32 value as x ≤ t does, even two adjacent float32s split at their midpoint', () => {
    const a = Math.fround(0.1);
    const b = nextUp32(a);
    const t = (a + b) / 2;
    // Rounding t to the nearest float32 lands on b here (ties to even), which would send b left.
    expect(Math.fround(t)).toBe(b);
    expect(a <= floor32(t) && !(b <= floor32(t))).toBe(true);
    expect(a < above32(t) && !(b < above32(t))).toBe(true);
  });
});

describe('float32Text', () => {
  it('is the shortest text that reads back as the same float32, always with a point or an exponent', () => {
    expect(float32Text(0)).toBe('0.0');
    expect(float32Text(-0)).toBe('-0.0');
    expect(float32Text(1)).toBe('1.0');
    expect(float32Text(0.5)).toBe('0.5');
    expect(float32Text(-2.5)).toBe('-2.5');
    expect(float32Text(0.1)).toBe('0.1');
    expect(float32Text(Math.fround(0.1))).toBe('0.1');
    expect(float32Text(nextUp32(1))).toBe('1.0000001');
    expect(float32Text(6575089.5)).toBe('6575089.5');
    expect(float32Text(100)).toBe('100.0');
    expect(float32Text(FLOAT32_MAX)).toBe('3.4028235e+38');
    expect(float32Text(1e-7)).toBe('1.0e-7');
  });

  it('reads back exactly for many values', () => {
    for (let i = 0; i < 2000; i++) {
      const v = Math.fround(Math.sin(i) * 10 ** ((i % 20) - 10));
      const text = float32Text(v);
      expect(text).toMatch(/[.e]/);
      expect(Math.fround(Number(text))).toBe(v);
    }
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => float32Text(NaN)).toThrow(/NaN has no JSON number/);
    expect(() => float32Text(Infinity)).toThrow(RangeError);
  });
});
