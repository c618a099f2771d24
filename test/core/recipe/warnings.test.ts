import { describe, expect, it } from 'vitest';
import type { FeatureMatrix } from '../../../src-main/core/ml/types';
import { collinearityWarnings } from '../../../src-main/core/recipe/warnings';

function matrix(cols: Record<string, number[]>): FeatureMatrix {
  const names = Object.keys(cols);
  return { rows: cols[names[0]].length, names, columns: names.map((n) => Float64Array.from(cols[n])) };
}

// A deterministic, uncorrelated-looking sequence.
const noise = (n: number, seed: number) => Array.from({ length: n }, (_, i) => Math.sin(seed * 97.13 + i * 12.9898) * 43758.5453 % 1);

describe('collinearityWarnings', () => {
  it('one strong pair: one warning naming both, its r and the one to drop', () => {
    const x = noise(60, 1);
    const X = matrix({ x, y: x.map((v, i) => v + 0.05 * noise(60, 2)[i]), z: noise(60, 3) });
    const ws = collinearityWarnings(X);
    expect(ws).toHaveLength(1);
    expect(ws[0].code).toBe('correlation');
    expect(ws[0].value).toBeGreaterThan(0.7);
    expect(ws[0].message.startsWith(`"x" and "y" are strongly correlated (r = ${ws[0].value!.toFixed(2)})`)).toBe(true);
    // The tie on pairs goes to the higher VIF, and the message says so.
    expect(ws[0].message).toMatch(/It has the higher VIF \(\d+\.\d\)\.$/);
    expect(ws[0].message).toContain(`Consider dropping "${ws[0].group!.drop}"`);
    expect(ws[0].message).not.toMatch(/notebook/);
    expect(ws[0].details!.filter((d) => d.startsWith('x × y: r = '))).toHaveLength(1);
  });

  it('indicators of every category are one exact combination, told once', () => {
    const cat = Array.from({ length: 60 }, (_, i) => i % 3);
    const X = matrix({
      a: cat.map((c) => +(c === 0)),
      b: cat.map((c) => +(c === 1)),
      c: cat.map((c) => +(c === 2)),
    });
    const ws = collinearityWarnings(X);
    expect(ws).toHaveLength(1);
    expect(ws[0].code).toBe('vif');
    expect(ws[0].columns).toEqual(['a', 'b', 'c']);
    expect(ws[0].message).toMatch(/^"a", "b", "c" are exact combinations of other features/);
    expect(ws[0].message).toContain('oneHot with drop-first');
  });

  it('a large group stays one warning of bounded size, counting what it does not list', () => {
    const base = noise(80, 5);
    const cols: Record<string, number[]> = {};
    for (let k = 0; k < 30; k++) cols[`f${k}`] = base.map((v, i) => v + 0.01 * noise(80, 10 + k)[i]);
    const ws = collinearityWarnings(matrix(cols));
    expect(ws).toHaveLength(1);
    expect(ws[0].columns).toHaveLength(30);
    expect(ws[0].message).toContain('30 features move together: "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7" and 22 more (435 pairs');
    expect(ws[0].group!.pairs).toHaveLength(20);
    expect(ws[0].details).toContain('… and 415 more pairs with |r| ≥ 0.7');
  });
});
