/** How tests compare a model's top-ranked feature importances with a reference library's. */
import { expect } from 'vitest';

const ranked = (v: ArrayLike<number>) =>
  Array.from(v, (x, i) => [x, i])
    .sort((a, b) => b[0] - a[0])
    .map((p) => p[1]);

/**
 * The `top` most important features of `ours` are the reference's, rank by
 * rank, except where the reference itself cannot tell them apart: the
 * feature we rank k-th must have, in the reference, an importance within
 * `nearTie` of the reference's k-th. Two features the reference puts 0.0005
 * apart may swap; a feature the reference ranks far lower may not.
 */
export function expectTopRanksAsReference(ours: ArrayLike<number>, reference: ArrayLike<number>, top: number, nearTie: number): void {
  const mine = ranked(ours).slice(0, top);
  const theirs = ranked(reference).slice(0, top);
  mine.forEach((f, k) =>
    expect(Math.abs(reference[f] - reference[theirs[k]]), `rank ${k + 1}: feature ${f} where the reference ranks feature ${theirs[k]}`).toBeLessThanOrEqual(nearTie),
  );
  expect(new Set(mine).size).toBe(top);
}
