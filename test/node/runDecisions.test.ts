import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecipe, type Recipe } from '../../src-main/core/recipe/schema';
import { stratifiedKFold } from '../../src-main/core/modelSelection/kFold';
import { recallScore } from '../../src-main/core/metrics/classificationReport';
import { DEFAULT_THRESHOLD } from '../../src-main/core/metrics/thresholds';
import { thresholdMetrics } from '../../src-main/core/evaluation/thresholdView';
import { forkWorker, type WorkerFactory } from '../../src-main/node/pool/workerPort';
import { runRecipe } from '../../src-main/node/search/runRecipe';
import type { SearchJob } from '../../src-main/core/search/jobs';
import type { RunRecord } from '../../src-main/core/search/runRecord';
import { sampleFrame } from '../core/recipe/sampleFrame';

function smallCourse6(): Recipe {
  const r = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
  r.models[0].grid = { max_depth: [4, null], max_features: [0.6], max_samples: [0.7], n_estimators: [10, 20] };
  r.models[1].grid = { max_depth: [3], min_child_weight: [5], learning_rate: [0.1], n_estimators: [20, 40] };
  return r;
}

/** Workers whose jobs are recorded as they are sent. */
function recordingJobs(jobs: SearchJob[]): WorkerFactory {
  return () => {
    const port = forkWorker();
    return {
      ...port,
      pid: port.pid,
      post: (m) => {
        const msg = m as { type: string; job?: SearchJob };
        if (msg.type === 'job') jobs.push(msg.job!);
        port.post(m);
      },
      onMessage: (l) => port.onMessage(l),
      onExit: (l) => port.onExit(l),
      kill: () => port.kill(),
    };
  };
}

const dataset = { name: 'sample', contentHash: null };
const testScoring = (jobs: SearchJob[]) => jobs.filter((j) => j.kind === 'final' && j.scoreTest).map((j) => `${j.kind} ${(j as { modelId: string }).modelId}`);

function expectStoredMatricesAtDefaultThreshold(r: RunRecord): void {
  for (const m of r.models) {
    expect(thresholdMetrics(m.heldOut.validation!, DEFAULT_THRESHOLD).matrix).toEqual(m.validation!.confusion);
  }
  const champion = r.models.find((m) => m.modelId === r.champion!.modelId)!;
  expect(thresholdMetrics(champion.heldOut.test!, DEFAULT_THRESHOLD).matrix).toEqual(r.champion!.test.confusion);
}

describe('a run scores the test rows once, for the champion, and keeps out-of-fold predictions', () => {
  it('champion chosen on validation: every refit scores the test rows (no second refit of the champion); only the champion keeps them', async () => {
    const jobs: SearchJob[] = [];
    const r = await runRecipe(smallCourse6(), sampleFrame(), { workers: 2, dataset, factory: recordingJobs(jobs) });
    expect(r.status).toBe('complete');
    expect(testScoring(jobs).sort()).toEqual(r.models.map((m) => `final ${m.modelId}`).sort());
    expect(jobs.filter((j) => j.kind === 'final')).toHaveLength(r.models.length);
    const other = r.models.find((m) => m.modelId !== r.champion!.modelId)!;
    expect(other.heldOut.test).toBeNull();
    expectStoredMatricesAtDefaultThreshold(r);

    // Out-of-fold predictions of the best candidate: every training row, scored by the fold model that did not see it,
    // so each fold's recall at the model's own rule is the cross-validation table's split score.
    const y = Int32Array.from(r.models[0].heldOut.outOfFold!.y);
    expect(y.length).toBe(r.rows.train);
    const folds = stratifiedKFold(y, 5);
    for (const m of r.models) {
      const oof = m.heldOut.outOfFold!;
      expect(oof.y).toEqual(Array.from(y));
      const best = m.cv.rows.find((row) => row.candidate === m.cv.best)!;
      folds.forEach((f, k) => {
        const yt = Int32Array.from(f.test, (i) => y[i]);
        const pred = Int32Array.from(f.test, (i) => (oof.score[i] > DEFAULT_THRESHOLD ? 1 : 0));
        expect(recallScore(yt, pred), `${m.modelId} fold ${k}`).toBeCloseTo(best.split.recall[k], 12);
      });
    }
  });

  it('champion chosen in cross-validation: known before the refits, so its refit scores the test rows and nothing else does', async () => {
    const jobs: SearchJob[] = [];
    const recipe = smallCourse6();
    recipe.champion.on = 'cv';
    const r = await runRecipe(recipe, sampleFrame(), { workers: 2, dataset, factory: recordingJobs(jobs) });
    expect(testScoring(jobs)).toEqual([`final ${r.champion!.modelId}`]);
    expect(r.champion!.rule).toBe('highest cv recall');
    expectStoredMatricesAtDefaultThreshold(r);
  });
});
