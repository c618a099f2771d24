import { describe, expect, it } from 'vitest';
import { NumberSet } from '../../../src-main/core/ingest/numberSet';

describe('NumberSet', () => {
  it('agrees with Set<number> on ids, large integers, fractions and negatives, through many grows', () => {
    const s = new NumberSet(4);
    const ref = new Set<number>();
    let x = 12345;
    let mismatches = 0;
    for (let i = 0; i < 200_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const pick = x % 5;
      const v = pick === 0 ? x % 5000 : pick === 1 ? 4_000_000_000 + (x % 70_000) : pick === 2 ? (x % 1000) / 8 : pick === 3 ? -(x % 3000) : 2 ** 52 + (x % 100);
      if (s.add(v) === ref.has(v)) mismatches++;
      ref.add(v);
    }
    expect(mismatches).toBe(0);
    expect(s.size).toBe(ref.size);
    expect([...ref].every((v) => s.has(v))).toBe(true);
    expect(s.has(0.3)).toBe(false);
    expect(s.has(-1e300)).toBe(false);
  });

  it('treats 0 and -0 as one value', () => {
    const s = new NumberSet();
    expect(s.add(0)).toBe(true);
    expect(s.add(-0)).toBe(false);
    expect(s.size).toBe(1);
  });

  it('keeps at most two slots a value (8 bytes each)', () => {
    const s = new NumberSet(1);
    for (let i = 0; i < 100_000; i++) s.add(i * 7919 + 0.5);
    expect(s.bytes).toBeLessThanOrEqual(100_000 * 2 * 8 * 2);
    expect(s.bytes).toBeGreaterThanOrEqual(100_000 * 2 * 8);
  });
});
