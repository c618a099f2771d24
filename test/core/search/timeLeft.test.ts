import { describe, expect, it } from 'vitest';
import type { JobCost } from '../../../src-main/core/search/estimate';
import { POOL_START_SECONDS } from '../../../src-main/core/search/estimate';
import { corrections, rangeRatio, timeLeft, type JobState } from '../../../src-main/core/search/timeLeft';

const cost = (modelId: string, seconds: number): JobCost => ({ modelId, type: 'randomForest', work: seconds, seconds });
const done = (seconds: number): JobState => ({ state: 'done', seconds });
const queued: JobState = { state: 'queued' };

/** Ten 1-second forest fits and a 1-second refit, on one worker. */
function search(states: JobState[], refit: JobState = queued, refitStarted = false) {
  return timeLeft({
    cv: states.map((job) => ({ cost: cost('rf', 1), job })),
    refit: [{ cost: cost('rf', 1), scoreSeconds: 0, job: refit }],
    workers: 1,
    priorSpread: 2,
    refitStarted,
  });
}

describe('time left', () => {
  it('before any fit is the cost model itself, with its full spread', () => {
    const t = search(Array(10).fill(queued));
    expect(t.seconds).toBeCloseTo(10 + POOL_START_SECONDS + 1, 9);
    expect(t.range!.low).toBeCloseTo(t.seconds / 2, 9);
    expect(t.range!.high).toBeCloseTo(t.seconds * 2, 9);
  });

  it('is corrected by the fits that finished: four fits at twice the estimate weigh 4 : 2 against the prior', () => {
    const t = search([done(2), done(2), done(2), done(2), ...Array(6).fill(queued)]);
    // (8 + 2·1) / (4 + 2) = 5/3 for all models; the model pulled toward that: (8 + 2·5/3) / 6 = 17/9.
    expect(t.correction.rf).toBeCloseTo(17 / 9, 9);
    expect(t.seconds).toBeCloseTo(6 * (17 / 9) + POOL_START_SECONDS + 17 / 9, 9);
  });

  it('converges on the observed rate as fits finish', () => {
    const after = (n: number) => search([...Array(n).fill(done(2)), ...Array(10 - n).fill(queued)]).correction.rf;
    expect(after(1)).toBeLessThan(after(5));
    expect(after(5)).toBeLessThan(after(9));
    expect(Math.abs(after(9) - 2)).toBeLessThan(0.2);
  });

  it('counts a running ensemble by the share it has grown, and a model with no fit yet borrows the others’ correction', () => {
    const c = corrections([
      { cost: cost('rf', 2), job: { state: 'running', elapsed: 3, share: 0.5, left: 0.5 } },
      { cost: cost('rf', 2), job: queued },
      { cost: cost('xgb', 4), job: queued },
    ]);
    // rf: half of a 2 s fit took 3 s (3× the estimate); xgb has seen nothing, so it takes the all-model ratio.
    const meanAll = 8 / 3;
    const all = (3 + 2 * meanAll) / (1 + 2 * meanAll);
    expect(c.xgb).toBeCloseTo(all, 9);
    expect(c.rf).toBeCloseTo((3 + 2 * 2 * all) / (1 + 2 * 2), 9);
    expect(c.rf).toBeGreaterThan(c.xgb);
  });

  it('spreads queued jobs over the workers after the running ones', () => {
    const t = timeLeft({
      cv: [
        { cost: cost('rf', 4), job: { state: 'running', elapsed: 2, share: 0.5, left: 0.5 } },
        { cost: cost('rf', 4), job: queued },
        { cost: cost('rf', 4), job: queued },
      ],
      refit: [{ cost: cost('rf', 1), scoreSeconds: 1, job: queued }],
      workers: 2,
      priorSpread: 2,
      refitStarted: false,
    });
    // Correction: (2 + 2·4) / (2 + 2·4) = 1. Worker A: 2 s left then 4; worker B: 4 → 6 s; then the refit pool.
    expect(t.seconds).toBeCloseTo(6 + POOL_START_SECONDS + 2, 9);
    expect(t.models.rf).toBeCloseTo(t.seconds, 9);
  });

  it('narrows the range as 1/√(1 + fits finished) and drops it once the estimate has settled', () => {
    expect(rangeRatio(2, 0)).toBe(2);
    expect(rangeRatio(2, 3)).toBe(1.5);
    expect(search([...Array(3).fill(done(1)), ...Array(7).fill(queued)]).range).not.toBeNull();
    const settled = timeLeft({ cv: Array.from({ length: 20 }, () => ({ cost: cost('rf', 1), job: done(1) })), refit: [{ cost: cost('rf', 1), scoreSeconds: 0, job: queued }], workers: 1, priorSpread: 2, refitStarted: true });
    expect(settled.range).toBeNull();
    expect(settled.seconds).toBeCloseTo(1, 9);
  });

  it('is zero once every job is done', () => {
    const t = search(Array(10).fill(done(1)), done(1), true);
    expect(t.seconds).toBe(0);
    expect(t.models.rf).toBe(0);
  });
});
