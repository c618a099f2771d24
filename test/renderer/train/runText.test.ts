import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../../src-main/core/search/runSummary';
import { cancelQuestion, describePhase, formatRange } from '../../../src-renderer/src/lib/train/runText';

const progress: RunProgress = {
  fitsDone: 2.4,
  fitsFinished: 2,
  fitsTotal: 22,
  elapsedSeconds: 10,
  etaSeconds: 90,
  etaRange: { low: 45, high: 180 },
  phase: 'refitting',
  phaseElapsedSeconds: 4.2,
  message: '',
  models: [],
};

describe('run progress texts', () => {
  it('shows an uncertain time as a range, minutes rounded outward', () => {
    expect(formatRange(20, 40)).toBe('20–40 s');
    expect(formatRange(65, 170)).toBe('1–3 min');
    expect(formatRange(45, 130)).toBe('45 s – 2 min 10 s');
    expect(formatRange(3000, 7800)).toBe('50 min 00 s – 2 h 10 min');
  });

  it('names the phase with its own clock', () => {
    expect(describePhase(progress)).toBe('Refitting the best candidates · 4 s');
    expect(describePhase({ ...progress, phase: 'scoring', phaseElapsedSeconds: 61 })).toBe('Scoring held-out rows · 1 min 01 s');
  });

  it('asks before cancelling only a run that has finished a fit', () => {
    expect(cancelQuestion(progress)).toBe(
      '2 of 22 fits are done. A cancelled run keeps only the candidates scored on every fold, without refitting them, and the rest of this work is lost.',
    );
    expect(cancelQuestion({ ...progress, fitsFinished: 0 })).toBeNull();
    expect(cancelQuestion(null)).toBeNull();
  });
});
