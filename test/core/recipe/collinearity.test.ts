import { describe, expect, it } from 'vitest';
import { collinearGroups } from '../../../src-main/core/recipe/collinearity';

const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

describe('collinearGroups', () => {
  it('one group per connected set of strong pairs, pairs strongest first', () => {
    const pairs = [
      { a: 'a', b: 'b', r: 0.75 },
      { a: 'b', b: 'c', r: -0.9 },
      { a: 'e', b: 'f', r: 0.8 },
    ];
    const groups = collinearGroups(names, pairs, null, 5);
    expect(groups.map((g) => g.columns)).toEqual([
      ['a', 'b', 'c'],
      ['e', 'f'],
    ]);
    expect(groups[0].pairs.map((p) => p.r)).toEqual([-0.9, 0.75]);
    expect(groups[0].vifs).toEqual([]);
    // b is in both pairs of the first group: dropping it breaks them all.
    expect(groups[0].drop).toBe('b');
    // A tie without VIFs goes to the stronger partner sum, then the earlier feature.
    expect(groups[1].drop).toBe('e');
  });

  it('ties on pairs go to the highest VIF, an infinite one first', () => {
    const pairs = [{ a: 'a', b: 'b', r: 0.8 }];
    const vifs = new Map<string, number | null>([
      ['a', 2],
      ['b', 3],
      ['c', 1],
    ]);
    expect(collinearGroups(names, pairs, vifs, 5)[0].drop).toBe('b');
    vifs.set('a', null);
    const [g] = collinearGroups(names, pairs, vifs, 5);
    expect(g.drop).toBe('a');
    expect(g.vifs).toEqual([
      { column: 'a', vif: null },
      { column: 'b', vif: 3 },
    ]);
  });

  it('more strong pairs outrank a higher VIF', () => {
    const pairs = [
      { a: 'a', b: 'b', r: 0.7 },
      { a: 'a', b: 'c', r: 0.7 },
    ];
    const vifs = new Map<string, number | null>([
      ['a', 4],
      ['b', 9],
      ['c', 1],
    ]);
    expect(collinearGroups(names, pairs, vifs, 5)[0].drop).toBe('a');
  });

  it('high-VIF features without a strong partner share one group; low VIFs alone make none', () => {
    const pairs = [{ a: 'a', b: 'b', r: 0.9 }];
    const vifs = new Map<string, number | null>([
      ['a', 12],
      ['b', 11],
      ['c', 6],
      ['d', null],
      ['e', 4.9],
    ]);
    const groups = collinearGroups(names, pairs, vifs, 5);
    expect(groups.map((g) => g.columns)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(groups[1].pairs).toEqual([]);
    expect(groups[1].drop).toBe('d');
    expect(collinearGroups(names, [], new Map([['e', 4.9]]), 5)).toEqual([]);
  });
});
