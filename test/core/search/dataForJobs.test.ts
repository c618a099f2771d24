import { describe, expect, it } from 'vitest';
import { dataForJobs, runCvJob, runFinalJob, type SearchData, type SearchJob } from '../../../src-main/core/search/jobs';
import type { FitGroup } from '../../../src-main/core/search/plan';

const part = (rows: number, seed: number) => ({
  X: { rows, columns: [Float64Array.from({ length: rows }, (_, i) => ((i * 7 + seed) % 11) / 10), Float64Array.from({ length: rows }, (_, i) => (i % 3) / 2)], names: ['a', 'b'] },
  y: Int32Array.from({ length: rows }, (_, i) => ((i * 7 + seed) % 11 > 5 ? 1 : 0)),
});

const train = part(60, 0);
const data: SearchData = {
  train,
  validation: part(20, 1),
  test: part(20, 2),
  folds: [0, 1, 2].map((f) => ({ train: Int32Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 3 !== f), test: Int32Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 3 === f) })),
  nClasses: 2,
  classes: ['no', 'yes'],
  metrics: ['accuracy', 'recall'],
  refit: 'recall',
};
const group: FitGroup = { modelId: 'lr', type: 'logisticRegression', params: {}, stages: null, candidates: [0] };
const cv: SearchJob = { kind: 'cv', group, fold: 0 };
const final: Extract<SearchJob, { kind: 'final' }> = { kind: 'final', modelId: 'lr', type: 'logisticRegression', params: {}, scoreTest: true };

describe('dataForJobs', () => {
  it('sends cross-validation workers the training rows and folds, not the held-out matrices', () => {
    const d = dataForJobs(data, [cv, { ...cv, fold: 1 }]);
    expect(d.train).toBe(data.train);
    expect(d.folds).toBe(data.folds);
    expect(d.validation!.X.rows).toBe(0);
    expect(d.validation!.X.columns.map((c) => c.length)).toEqual([0, 0]);
    expect(d.test.y.length).toBe(0);
    expect(d.heldOutWithheld).toBe(true);
    // A cross-validation job scores the same with or without them.
    const scored = (r: ReturnType<typeof runCvJob>) => ({ scores: r.scores.map((s) => s.scores), outOfFold: r.outOfFold });
    expect(scored(runCvJob(d, group, 1))).toEqual(scored(runCvJob(data, group, 1)));
  });

  it('keeps "no validation set" distinct from "validation rows withheld"', () => {
    expect(dataForJobs({ ...data, validation: null }, [cv]).validation).toBeNull();
  });

  it('sends everything when a job reads held-out rows, and a refit refuses data without them', () => {
    expect(dataForJobs(data, [cv, final])).toBe(data);
    const withheld = dataForJobs(data, [cv]);
    expect(() => runFinalJob(withheld, final)).toThrow(/final job was sent data without its held-out rows/);
  });
});
