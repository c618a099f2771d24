import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { Workbench } from '../../../src-main/node/app/workbench';
import { RunQueue } from '../../../src-main/node/runs/runQueue';
import { runsTable } from '../../../src-main/node/runs/runsTable';
import { saveRecipe } from '../../../src-main/node/store/recipes';
import { finishRun, insertRun } from '../../../src-main/node/store/runs';

let dir: string;
let wb: Workbench;
let queue: RunQueue;
let runId: number;

/** Course 6 with one small forest and one small boosted model. */
function smallCourse6() {
  const r = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
  r.name = 'small course 6';
  r.models = [
    { ...r.models[0], grid: { max_depth: [4, 8], max_features: [0.6], max_samples: [0.7], n_estimators: [10] } },
    { ...r.models[1], grid: { max_depth: [3], min_child_weight: [3], learning_rate: [0.1], n_estimators: [10] } },
  ];
  return wb.write((db) => saveRecipe(db, null, r).id);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-runs-table-'));
  wb = await Workbench.start({ home: join(dir, 'home'), resources: 'resources' });
  queue = new RunQueue(wb, { workers: 2 });
  runId = (await queue.start(await smallCourse6())).id;
  await queue.idle();
  // A real search: more than the default hook time when the machine is busy.
}, 120_000);
afterAll(() => {
  wb.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runsTable (host)', () => {
  it('gives a row per model of a finished run, with the test scores on the champion only', () => {
    const rows = runsTable(queue);
    const record = queue.record(runId)!;
    expect(rows.map((r) => [r.runId, r.modelId, r.type])).toEqual([
      [runId, 'rf', 'randomForest'],
      [runId, 'xgb', 'gradientBoosting'],
    ]);
    const champion = rows.find((r) => r.champion)!;
    expect(champion.modelId).toBe(record.champion!.modelId);
    expect(champion.test!.recall).toBe(record.champion!.test.metrics.recall);
    expect(rows.filter((r) => !r.champion).every((r) => r.test === null)).toBe(true);
    for (const r of rows) {
      const m = record.models.find((x) => x.modelId === r.modelId)!;
      expect(r.cv.recall.mean).toBe(m.bestCv.recall);
      expect(r.validation!.recall).toBe(m.validation!.metrics.recall);
      expect(r.datasetHash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.seconds).toBe(record.seconds.total);
      expect(r).toMatchObject({ status: 'complete', partial: false, leakage: false, datasetName: 'tiktok_claims_sample', recipeName: 'small course 6' });
    }
  });

  it("reads each run's record once: later calls, and a rename, use the rows it kept", async () => {
    runsTable(queue);
    const reads = vi.spyOn(queue, 'record');
    try {
      expect(runsTable(queue)).toHaveLength(2);
      await queue.update(runId, { title: 'Renamed run', tags: ['final'] });
      const rows = runsTable(queue);
      expect(rows.map((r) => [r.runTitle, r.tags])).toEqual([
        ['Renamed run', ['final']],
        ['Renamed run', ['final']],
      ]);
      expect(reads).not.toHaveBeenCalled();
    } finally {
      reads.mockRestore();
    }
  });

  it('leaves out runs without a record (queued, failed), and a deleted run drops out', async () => {
    await wb.write((db) => {
      insertRun(db, { recipeId: null, recipeName: 'waiting', datasetName: 'tiktok_claims_sample', datasetHash: 'h' });
      const failed = insertRun(db, { recipeId: null, recipeName: 'broken', datasetName: 'tiktok_claims_sample', datasetHash: 'h' });
      finishRun(db, failed.id, { status: 'failed', progress: null, record: null, error: 'out of memory' });
    });
    expect(runsTable(queue).map((r) => r.runId)).toEqual([runId, runId]);
    await queue.delete(runId);
    expect(runsTable(queue)).toEqual([]);
  });
});
