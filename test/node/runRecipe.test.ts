import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src-main/core/api/errors';
import { makeFrame } from '../../src-main/core/recipe/frame';
import { parseRecipe, type Recipe } from '../../src-main/core/recipe/schema';
import { forkWorker, type WorkerFactory, type WorkerPort } from '../../src-main/node/pool/workerPort';
import { runRecipe } from '../../src-main/node/search/runRecipe';
import type { RunProgress } from '../../src-main/core/search/runSummary';
import { sampleFrame } from '../core/recipe/sampleFrame';

function smallCourse6(): Recipe {
  const r = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
  r.models[0].grid = { max_depth: [4, null], max_features: [0.6], max_samples: [0.7], n_estimators: [10, 20] };
  r.models[1].grid = { max_depth: [3], min_child_weight: [5], learning_rate: [0.1], n_estimators: [20, 40] };
  return r;
}

const dataset = { name: 'sample', contentHash: null };

function recordingFactory(ports: WorkerPort[]): WorkerFactory {
  return () => {
    const p = forkWorker();
    ports.push(p);
    return p;
  };
}

describe('runRecipe in worker processes', () => {
  it('cross-validates every candidate, refits, and tests the champion once', async () => {
    const progress: number[] = [];
    const r = await runRecipe(smallCourse6(), sampleFrame(), { workers: 2, dataset, onProgress: (p) => progress.push(p.done) });
    expect(r.status).toBe('complete');
    expect(r.rows).toEqual({ train: 11450, validation: 3817, test: 3817 });
    const [rf, xgb] = r.models;
    expect(rf.candidates).toBe(4);
    expect(rf.fits).toBe(10);
    expect(rf.cv.rows).toHaveLength(4);
    expect(xgb.fits).toBe(5);
    for (const m of r.models) {
      expect(m.bestCv.recall).toBeGreaterThan(0.9);
      expect(m.validation!.confusion.flat().reduce((a, b) => a + b, 0)).toBe(3817);
      expect(m.featureImportances).toHaveLength(25);
    }
    expect(['rf', 'xgb']).toContain(r.champion!.modelId);
    expect(r.champion!.test.rows).toBe(3817);
    // 15 cross-validation fits plus one refit per model.
    expect(progress.at(-1)).toBe(17);
  });

  it('reports progress per model, and keeps importances and held-out scores for the views', async () => {
    const seen: RunProgress[] = [];
    const r = await runRecipe(smallCourse6(), sampleFrame(), { workers: 2, dataset, onRunProgress: (p) => seen.push(p) });
    const last = seen.at(-1)!;
    expect(last.models.map((m) => [m.modelId, m.fitsDone, m.fitsTotal])).toEqual([
      ['rf', 11, 11],
      ['xgb', 6, 6],
    ]);
    expect(last.fitsDone).toBe(17);
    for (const m of last.models) {
      expect(m.elapsedSeconds).toBeGreaterThan(0);
      expect(m.elapsedSeconds).toBeLessThanOrEqual(last.elapsedSeconds + 1e-6);
      expect(m.etaSeconds).toBe(0);
    }
    // Midway, a model with fits left has a time left.
    const mid = seen.find((p) => p.models[0].fitsDone > 0 && p.models[0].fitsDone < 11)!;
    expect(mid.models[0].etaSeconds).toBeGreaterThan(0);
    // Progress only moves forward.
    for (let i = 1; i < seen.length; i++) expect(seen[i].fitsDone).toBeGreaterThanOrEqual(seen[i - 1].fitsDone - 1e-9);
    const [rf, xgb] = r.models;
    expect(rf.importances.map((s) => s.kind)).toEqual(['impurity', 'permutation']);
    expect(xgb.importances.map((s) => s.kind)).toEqual(['gain', 'weight', 'permutation']);
    const impurity = rf.importances[0].features.reduce((a, f) => a + f.value, 0);
    expect(impurity).toBeCloseTo(1, 9);
    expect(rf.importances[1].features.map((f) => f.feature)).toEqual(r.features);
    for (const m of r.models) {
      expect(m.heldOut.validation!.score).toHaveLength(3817);
      expect(m.heldOut.validation!.y.filter((v) => v === 1).length).toBe(m.validation!.confusion[1][0] + m.validation!.confusion[1][1]);
    }
    const champion = r.models.find((m) => m.modelId === r.champion!.modelId)!;
    const other = r.models.find((m) => m.modelId !== r.champion!.modelId)!;
    expect(champion.heldOut.test!.score).toHaveLength(3817);
    expect(other.heldOut.test).toBeNull();
  });

  it('with partialOnCancel, a cancel resolves with the finished candidates marked partial', async () => {
    const controller = new AbortController();
    const r = await runRecipe(smallCourse6(), sampleFrame(), {
      workers: 1,
      dataset,
      signal: controller.signal,
      partialOnCancel: true,
      onRunProgress: (p) => {
        // Six fits counted means at least five whole ones: a group of rf candidates on every fold.
        if (p.models[0].fitsDone >= 6) controller.abort();
      },
    });
    expect(r.status).toBe('cancelled');
    expect(r.champion).toBeNull();
    expect(r.notes.at(-1)).toMatch(/Cancelled during cross-validation/);
    expect(r.models.length).toBeGreaterThan(0);
    for (const m of r.models) {
      expect(m.partial).toBe(true);
      expect(m.validation).toBeNull();
      expect(m.cv.rows.length).toBeGreaterThan(0);
      expect(m.cv.rows.length).toBeLessThan(m.candidates + 1);
      for (const row of m.cv.rows) expect(row.split.recall).toHaveLength(5);
    }
  });

  it('a worker killed mid-search fails its fits with a message; the search and the host go on', async () => {
    const ports: WorkerPort[] = [];
    let killed = false;
    const r = await runRecipe(smallCourse6(), sampleFrame(), {
      workers: 2,
      dataset,
      factory: recordingFactory(ports),
      onProgress: (p) => {
        if (!killed && p.done >= 1) {
          killed = true;
          ports[0].kill();
        }
      },
    });
    const failed = r.models.flatMap((m) => m.failedFits);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].error).toMatch(/training worker was killed/);
    expect(r.champion).not.toBeNull();
  });

  it('a cancelled search rejects and reports nothing partial', async () => {
    const controller = new AbortController();
    const running = runRecipe(smallCourse6(), sampleFrame(), {
      workers: 2,
      dataset,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 1) controller.abort();
      },
    });
    const err = await running.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('cancelled');
  });

  it('fewer rows than folds, and a class with fewer members than folds', async () => {
    const tiny = (labels: string[]) =>
      makeFrame(labels.length, [
        ['x', { type: 'number', values: Float64Array.from(labels, (_, i) => i) }],
        ['y', { type: 'string', values: labels }],
      ]);
    const recipe = parseRecipe({
      version: 1,
      name: 'tiny',
      dataset: { name: 'tiny' },
      target: { column: 'y', positive: 'b' },
      steps: [{ op: 'split', test: 0.25 }],
      models: [{ id: 'lr', type: 'logisticRegression' }],
    });
    await expect(runRecipe(recipe, tiny(['a', 'b', 'a', 'b', 'a']), { dataset })).rejects.toThrow(/Cannot have number of splits n_splits=5 greater than the number of samples|fewer than the 5 folds/);
    const skewed = Array.from({ length: 40 }, (_, i) => (i % 13 === 0 ? 'b' : 'a'));
    await expect(runRecipe(recipe, tiny(skewed), { dataset })).rejects.toThrow(/Class "b" has only \d members, fewer than the 5 folds/);
  });
});
