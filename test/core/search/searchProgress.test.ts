import { describe, expect, it } from 'vitest';
import { searchCosts } from '../../../src-main/core/search/estimate';
import { planModel } from '../../../src-main/core/search/plan';
import { SearchProgress } from '../../../src-main/core/search/searchProgress';

/** A forest grid of 2 fit groups (4 candidates) on 2 folds: 4 cross-validation fits and a refit. */
function setup() {
  const plan = planModel({ id: 'rf', type: 'randomForest', params: {}, grid: { max_depth: [3, 6], n_estimators: [10, 20] } }, '$');
  const costs = searchCosts([plan], 2, { trainRows: 1000, heldOutRows: 300, features: 10 }, {});
  let t = 100;
  const clock = { advance: (s: number) => (t += s) };
  const progress = new SearchProgress([plan], costs, 1, 2, () => t);
  return { progress, clock, costs };
}

describe('SearchProgress', () => {
  it('counts fits, refits included, and gives each phase its own clock', () => {
    const { progress, clock } = setup();
    progress.started('cv', 0);
    clock.advance(2);
    progress.units('cv', 0, 0.5);
    let p = progress.snapshot('x');
    expect([p.fitsDone, p.fitsFinished, p.fitsTotal, p.phase]).toEqual([0.5, 0, 5, 'cross-validating']);
    for (let j = 0; j < 4; j++) {
      progress.started('cv', j);
      clock.advance(1);
      progress.finished('cv', j);
    }
    progress.enter('refitting');
    clock.advance(3);
    p = progress.snapshot('refit');
    expect([p.fitsFinished, p.phase, p.phaseElapsedSeconds, p.elapsedSeconds]).toEqual([4, 'refitting', 3, 9]);
    progress.started('refit', 0);
    progress.units('refit', 0, 1);
    // Every refit has grown all its trees: what is left is scoring, with a fresh clock.
    expect(progress.phase).toBe('scoring');
    clock.advance(1);
    expect(progress.snapshot('').phaseElapsedSeconds).toBe(1);
    progress.finished('refit', 0);
    p = progress.snapshot('done');
    expect([p.fitsDone, p.fitsFinished, p.etaSeconds]).toEqual([5, 5, 0]);
    expect(p.models[0]).toMatchObject({ modelId: 'rf', fitsDone: 5, fitsTotal: 5, etaSeconds: 0 });
  });

  it('times a job by what the worker measured, leaving out the boot of a new worker', () => {
    const { progress, clock, costs } = setup();
    const prior = costs.cv[0].seconds;
    progress.started('cv', 0);
    clock.advance(50); // the worker booted for a long time
    progress.finished('cv', 0, prior * 3);
    const slow = progress.snapshot('');
    // Three times the estimate, pulled toward the prior (worth two jobs): the rest is estimated (3 + 2) / 3 as long.
    const left = costs.cv.slice(1).reduce((s, c) => s + c.seconds, 0) * (5 / 3);
    expect(slow.etaSeconds!).toBeGreaterThan(left);
    expect(slow.etaSeconds!).toBeLessThan(left + 50);
  });

  it('before any report it shows the cost model’s estimate with its range', () => {
    const { progress } = setup();
    const p = progress.snapshot('');
    expect(p.etaSeconds).toBeGreaterThan(0);
    expect(p.etaRange).toEqual({ low: p.etaSeconds! / 2, high: p.etaSeconds! * 2 });
  });
});
