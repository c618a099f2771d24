import { describe, expect, it } from 'vitest';
import { advanceProgress } from '../../../src-main/core/search/liveProgress';
import type { RunProgress } from '../../../src-main/core/search/runSummary';

const p: RunProgress = {
  fitsDone: 181,
  fitsFinished: 181,
  fitsTotal: 182,
  elapsedSeconds: 95,
  etaSeconds: 3,
  etaRange: null,
  phase: 'refitting',
  phaseElapsedSeconds: 1,
  message: '',
  models: [
    { modelId: 'rf', type: 'randomForest', fitsDone: 121, fitsTotal: 121, elapsedSeconds: 60, etaSeconds: 0 },
    { modelId: 'xgb', type: 'gradientBoosting', fitsDone: 60, fitsTotal: 61, elapsedSeconds: 90, etaSeconds: 3 },
  ],
};

describe('advanceProgress', () => {
  it('moves the run’s, the phase’s and unfinished models’ clocks on, and counts the time left down to zero', () => {
    const q = advanceProgress(p, 5);
    expect([q.elapsedSeconds, q.phaseElapsedSeconds, q.etaSeconds]).toEqual([100, 6, 0]);
    expect(q.models.map((m) => [m.elapsedSeconds, m.etaSeconds])).toEqual([
      [60, 0],
      [95, 0],
    ]);
    expect(advanceProgress({ ...p, etaRange: { low: 2, high: 9 } }, 4).etaRange).toEqual({ low: 0, high: 5 });
    expect(advanceProgress(p, 0)).toBe(p);
  });
});
