import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import {
  approxFeatureCount,
  approxHeldOutRows,
  approxTrainRows,
  BUILT_IN_SECONDS_PER_UNIT,
  estimateRun,
  fitWork,
  learnedRates,
  scheduleSeconds,
  type FitStats,
} from '../../../src-main/core/search/estimate';

const course6 = () => parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));

/** The bundled sample's columns as the import describes them (distinct counts of the one-hot columns matter). */
const sampleColumns = [
  ['#', 'identifier', 19382],
  ['claim_status', 'categorical', 2],
  ['video_id', 'identifier', 19382],
  ['video_duration_sec', 'integer', 56],
  ['video_transcription_text', 'text', 19012],
  ['verified_status', 'categorical', 2],
  ['author_ban_status', 'categorical', 3],
  ['video_view_count', 'float', 15632],
  ['video_like_count', 'float', 12224],
  ['video_share_count', 'float', 9231],
  ['video_download_count', 'float', 2469],
  ['video_comment_count', 'float', 786],
].map(([name, kind, distinct]) => ({ name: name as string, kind: kind as 'integer', distinct: distinct as number }));

/** Course 6 on the sample: 19,084 rows after dropna, 11,450 training and 3,817 validation rows, 25 features. */
const sampleShape = { trainRows: 11450, heldOutRows: 3817, features: 25 };

describe('the cost model', () => {
  it('follows the recipe to the shape the prepared data will have', () => {
    const r = course6();
    expect(approxFeatureCount(r, sampleColumns)).toBe(25);
    expect(approxTrainRows(r, 19084)).toBe(11450);
    expect(approxHeldOutRows(r, 19084)).toBe(3817);
  });

  it("grows with trees and rows, with depth only until the trees' natural depth, and ignores trees for a linear model", () => {
    const rf = { nEstimators: 100, maxDepth: 5, maxFeatures: 0.6, maxSamples: 0.7, minSamplesLeaf: 1 };
    const base = fitWork('randomForest', rf, 9160, 25);
    expect(fitWork('randomForest', { ...rf, nEstimators: 200 }, 9160, 25)).toBeCloseTo(2 * base, 6);
    expect(fitWork('randomForest', rf, 18320, 25)).toBeGreaterThan(2 * base * 0.99);
    expect(fitWork('randomForest', { ...rf, maxDepth: 2 }, 9160, 25)).toBeLessThan(base);
    // Past the depth the data allows, a deeper limit costs nothing more.
    expect(fitWork('randomForest', { ...rf, maxDepth: 40 }, 9160, 25)).toBe(fitWork('randomForest', { ...rf, maxDepth: null }, 9160, 25));
    const lr = fitWork('logisticRegression', { maxIter: 100 }, 9160, 25);
    expect(fitWork('logisticRegression', { maxIter: 100, nEstimators: 500 }, 9160, 25)).toBe(lr);
    expect(fitWork('logisticRegression', { maxIter: 3 }, 9160, 25)).toBeCloseTo((lr * 3) / 10, 3);
  });

  it('schedules the longest jobs first onto the worker free soonest', () => {
    // Greedy as the pool is, not the optimum (6).
    expect(scheduleSeconds([3, 3, 2, 2, 2], 2)).toBe(7);
    expect(scheduleSeconds([10, 1, 1], 2)).toBe(10);
    expect(scheduleSeconds([1, 1], 1, [5])).toBe(7);
  });

  it('estimates the Course 6 search on the sample within twice the ~100 s it takes on two cores, with a 2× range', () => {
    const e = estimateRun(course6(), sampleShape, 2, []);
    expect(e.candidates).toBe(96);
    expect(e.fits).toBe(182);
    expect(e.sklearnFits).toBe(482);
    // The run: 100 s on this machine; the old estimate said 5 min 16 s.
    expect(e.seconds!).toBeGreaterThan(50);
    expect(e.seconds!).toBeLessThan(200);
    expect(e.range).toEqual({ low: e.seconds! / 2, high: e.seconds! * 2 });
    expect(e.models.map((m) => [m.modelId, m.candidates, m.fits])).toEqual([
      ['rf', 72, 121],
      ['xgb', 24, 61],
    ]);
    // Half the workers, about twice the time (the refit pool already runs one job per model).
    const one = estimateRun(course6(), sampleShape, 1, []);
    expect(one.seconds! / e.seconds!).toBeGreaterThan(1.7);
  });

  it("learns each model type's rate from finished runs, skipping stats kept in an older unit", () => {
    const history = [{ randomForest: { seconds: 30, work: 1e10 } }, { gradientBoosting: { seconds: 5, units: 1e6 } } as unknown as FitStats];
    expect(learnedRates(history)).toEqual({ randomForest: 3e-9 });
    const learned = estimateRun(course6(), sampleShape, 2, history);
    expect(learned.basis).toMatch(/earlier runs/);
    expect(learned.range!.high / learned.seconds!).toBeCloseTo(1.5, 9);
    // Forests twice as slow as the built-in rate make the search longer.
    expect(learned.seconds!).toBeGreaterThan(estimateRun(course6(), sampleShape, 2, []).seconds!);
    expect(3e-9).toBeGreaterThan(BUILT_IN_SECONDS_PER_UNIT.randomForest);
  });
});
