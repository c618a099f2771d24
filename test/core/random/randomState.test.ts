/**
 * RandomState against numpy 1.24's legacy `np.random.RandomState` (fixtures
 * from scripts/fixtures/model_selection_fixtures.py).
 */
import { describe, expect, it } from 'vitest';
import { RandomState, checkRandomState } from '../../../src-main/core/random/randomState';
import fixture from '../../fixtures/modelSelection/random_state.json';
import { asStored } from '../modelSelection/labels';

describe.each(fixture.cases.map((c) => [c.seed, c] as const))('RandomState(%i)', (seed, c) => {
  it('seeds with init_genrand and emits the same 32-bit words', () => {
    const r = new RandomState(seed);
    expect(Array.from({ length: c.uint32.length }, () => r.nextUint32())).toEqual(c.uint32);
    expect(Array.from(new RandomState(seed).randint(0, 2 ** 32, 8))).toEqual(c.uint32);
  });

  it('random_sample', () => {
    expect(Array.from(new RandomState(seed).randomSamples(10))).toEqual(c.randomSample);
    const r = new RandomState(seed);
    expect(r.randomSample()).toBe(c.randomSample[0]);
  });

  it.each(c.randint.map((d) => [`[${d.low}, ${d.high}) x ${d.size}`, d] as const))('randint %s', (_, d) => {
    expect(Array.from(new RandomState(seed).randint(d.low, d.high, d.size))).toEqual(d.values);
  });

  it.each(c.permutation.map((p) => [p.n, p] as const))('permutation(%i)', (n, p) => {
    const perm = new RandomState(seed).permutation(n);
    expect(asStored(perm, p.values)).toEqual(p.values);
  });

  it('keeps one stream across permutation, random_sample, shuffle, randint and choice', () => {
    const r = new RandomState(seed);
    const s = c.sequence;
    expect(asStored(r.permutation(700), s.permutation700)).toEqual(s.permutation700);
    expect(r.randomSample()).toBe(s.thenSample);
    const x = Float64Array.from({ length: 50 }, (_, i) => i * 3);
    r.shuffle(x);
    expect(Array.from(x)).toEqual(s.thenShuffle3x);
    expect(Array.from(r.randint(0, 100, 5))).toEqual(s.thenRandint);
    expect(Array.from(r.choiceWithoutReplacement(7, 3))).toEqual(s.thenChoice7of3);
  });
});

describe('RandomState seeds and bounds', () => {
  it('rejects seeds numpy rejects', () => {
    expect(() => new RandomState(-1)).toThrow(/between 0 and 2\*\*32 - 1/);
    expect(() => new RandomState(2 ** 32)).toThrow(RangeError);
    expect(() => new RandomState(1.5)).toThrow(RangeError);
    expect(() => checkRandomState(-3)).toThrow(/random_state must be an integer/);
  });

  it('randint with one bound draws from [0, low) and refuses an empty range', () => {
    expect(Array.from(new RandomState(0).randint(10, undefined, 30))).toEqual(
      fixture.cases[0].randint.find((d) => d.low === 0 && d.high === 10)!.values,
    );
    expect(() => new RandomState(0).randint(5, 5, 1)).toThrow(/low >= high/);
  });

  it('an unseeded generator still works', () => {
    const v = checkRandomState(undefined).randomSample();
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThan(1);
  });
});
