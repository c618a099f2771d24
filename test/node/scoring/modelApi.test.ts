/**
 * model.file, model.check and model.score through the router, on a run of
 * the bundled sample made by the host's own run queue.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../../src-main/core/data/columns';
import { readModelFile } from '../../../src-main/core/modelFile/readModelFile';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import type { ModelCheck, ScoreOutcome } from '../../../src-main/core/scoring/scoreTypes';
import type { RunDetail, RunSummary } from '../../../src-main/core/search/runSummary';
import { createHandlers } from '../../../src-main/node/api/handlers';
import { Router } from '../../../src-main/node/api/router';
import { datasetFrame } from '../../../src-main/node/recipe/frameCache';
import { saveRecipe } from '../../../src-main/node/store/recipes';
import { runModelSizes } from '../../../src-main/node/store/runModels';
import { preparedWithRawRows } from '../../core/scoring/preparationFixtures';
import { tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
let router: Router;
let sample: DatasetInfo;
let runId: number;
let detail: RunDetail;
const ctx = { signal: new AbortController().signal, progress: () => {} };
const call = <T>(method: string, input: unknown) => router.dispatch(method, input, ctx) as Promise<T>;

function smallCourse6() {
  const r = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
  r.models[0].grid = { max_depth: [4, null], max_features: [0.6], max_samples: [0.7], n_estimators: [10, 20] };
  r.models[1].grid = { max_depth: [3], min_child_weight: [5], learning_rate: [0.1], n_estimators: [20, 40] };
  return r;
}

beforeAll(async () => {
  t = await tempWorkbench();
  router = new Router(createHandlers(t.wb, { host: 'web', version: 'test' }));
  sample = await t.wb.importFile({ path: t.file('tiktok_claims_sample.csv', readFileSync('resources/sample/tiktok_claims_sample.csv')) });
  const recipeId = await t.wb.write((db) => saveRecipe(db, null, smallCourse6()).id);
  runId = (await call<RunSummary>('run.start', { recipeId, datasetId: sample.id })).id;
  for (;;) {
    const s = await call<RunSummary>('run.get', { id: runId }).then((d) => (d as unknown as RunDetail).summary);
    if (s.status !== 'queued' && s.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  detail = await call<RunDetail>('run.get', { id: runId });
  expect(detail.summary.status).toBe('complete');
}, 240_000);
afterAll(() => t.dispose());

const champion = () => detail.record!.champion!.modelId;

describe('models kept when a run finishes', () => {
  it('stores every model of the run as a compressed model file', () => {
    const sizes = runModelSizes(t.wb.db, runId);
    expect(sizes.map((s) => s.modelId)).toEqual(['rf', 'xgb']);
    for (const s of sizes) expect(s.stored).toBeLessThan(s.bytes);
  });

  it('model.file gives the .assaymodel with the run title and the Runs view threshold', async () => {
    const out = await call<{ fileName: string; mime: string; data: string; bytes: number }>('model.file', { runId, modelId: 'xgb', threshold: 0.3 });
    expect(out.fileName).toBe('xgb.assaymodel');
    const text = Buffer.from(out.data, 'base64').toString('utf8');
    expect(out.bytes).toBe(Buffer.byteLength(text));
    const loaded = readModelFile(text, out.fileName);
    expect(loaded.threshold).toBe(0.3);
    expect(loaded.file.run).toMatchObject({ id: runId, title: detail.summary.title });
    expect(loaded.classes).toEqual(['opinion', 'claim']);
    const plain = readModelFile(Buffer.from((await call<{ data: string }>('model.file', { runId, modelId: 'xgb' })).data, 'base64').toString(), 'x');
    expect(plain.threshold).toBeNull();
  });

  it('refuses a model the run does not have, a threshold out of range, an unknown run', async () => {
    await expect(call('model.file', { runId, modelId: 'svm' })).rejects.toThrow(/no model "svm"/);
    await expect(call('model.file', { runId, modelId: 'rf', threshold: 1.2 })).rejects.toThrow(/threshold/);
    await expect(call('model.file', { runId: 999, modelId: 'rf' })).rejects.toThrow(/no run 999/);
  });

  it('rebuilds the file of a run that finished before files were kept, from its data', async () => {
    const before = readModelFile(Buffer.from((await call<{ data: string }>('model.file', { runId, modelId: 'rf' })).data, 'base64').toString(), 'a');
    t.wb.db.prepare('DELETE FROM run_models WHERE run_id = ?').run(runId);
    const after = readModelFile(Buffer.from((await call<{ data: string }>('model.file', { runId, modelId: 'rf' })).data, 'base64').toString(), 'b');
    expect({ ...after.file, createdAt: '' }).toEqual({ ...before.file, createdAt: '' });
    expect(runModelSizes(t.wb.db, runId)).toHaveLength(2);
  });
});

describe('model.check', () => {
  it('passes the sample, and names every missing or mistyped column of another dataset', async () => {
    const ok = await call<ModelCheck>('model.check', { source: { runId, modelId: 'rf' }, datasetId: sample.id });
    expect(ok.check.ok).toBe(true);
    expect(ok.check.hasLabels).toBe(true);
    expect(ok.model).toMatchObject({ modelId: 'rf', type: 'randomForest', runId, positiveClass: 'claim', features: 25 });

    const csv = 'video_duration_sec,video_transcription_text,verified_status,author_ban_status,video_like_count,video_share_count,video_download_count,video_comment_count\n' +
      'long,some words here,1,active,1,2,3,4\nshort,more words,0,banned,5,6,7,8\n';
    const other = await t.wb.importFile({ path: t.file('other.csv', csv) });
    const bad = await call<ModelCheck>('model.check', { source: { runId, modelId: 'rf' }, datasetId: other.id });
    expect(bad.check.ok).toBe(false);
    expect(bad.check.problems).toHaveLength(3);
    expect(bad.check.problems.join('\n')).toMatch(/"video_duration_sec" holds text .* but the model needs numbers/);
    expect(bad.check.problems.join('\n')).toMatch(/"verified_status" holds numbers .* but the model needs text/);
    expect(bad.check.problems.join('\n')).toMatch(/"video_view_count" is missing/);
    await expect(call('model.score', { source: { runId, modelId: 'rf' }, datasetId: other.id })).rejects.toThrow(/does not fit the model \(3 problems\)/);
  });
});

describe('model.score', () => {
  it('keeps the predictions as a dataset: every row in order, the held-out rows exactly the run’s own', async () => {
    const id = champion();
    const out = await call<ScoreOutcome>('model.score', { source: { runId, modelId: id }, datasetId: sample.id });
    expect(out.rows).toBe(19382);
    expect(out.scored + out.notes).toBe(19382);
    expect(out.threshold).toBe(0.5);
    expect(out.dataset.notes.join(' ')).toMatch(/at threshold 0\.5/);
    const names = out.dataset.columns.map((c) => c.name);
    expect(names.slice(-5)).toEqual(['row', 'prediction', 'p_opinion', 'p_claim', 'note']);
    expect(names.slice(0, sample.columns.length)).toEqual(sample.columns.map((c) => c.name));
    const frame = datasetFrame(t.wb.db, out.dataset);
    const p = frame.columns.get('p_claim')!.values as Float64Array;
    const pred = frame.columns.get('prediction')!.values as (string | null)[];
    const { rows: parts } = preparedWithRawRows(smallCourse6());
    const test = detail.record!.models.find((m) => m.modelId === id)!.heldOut.test!;
    const cm = [
      [0, 0],
      [0, 0],
    ];
    parts.test.forEach((raw, k) => {
      expect(p[raw]).toBe(test.score[k]);
      cm[test.y[k]][pred[raw] === 'claim' ? 1 : 0]++;
    });
    expect(cm).toEqual(detail.record!.champion!.test.confusion);
    expect(out.evaluation!.rows).toBe(out.scored);
    expect(out.evaluation!.confusion.flat().reduce((a, b) => a + b, 0)).toBe(out.scored);
  }, 120_000);

  it('scores with a model file on the host too, at the threshold asked for, without the input columns', async () => {
    const file = await call<{ data: string }>('model.file', { runId, modelId: 'rf' });
    const path = join(t.dir, 'rf.assaymodel');
    writeFileSync(path, Buffer.from(file.data, 'base64'));
    const out = await call<ScoreOutcome>('model.score', { source: { path, displayName: 'rf.assaymodel' }, datasetId: sample.id, threshold: 0.8, keepColumns: false, name: 'strict' });
    expect(out.dataset.name).toBe('strict');
    expect(out.dataset.columns.map((c) => c.name)).toEqual(['row', 'prediction', 'p_opinion', 'p_claim', 'note']);
    const frame = datasetFrame(t.wb.db, out.dataset);
    const p = frame.columns.get('p_claim')!.values as Float64Array;
    const pred = frame.columns.get('prediction')!.values as (string | null)[];
    const note = frame.columns.get('note')!.values as (string | null)[];
    for (let i = 0; i < 2000; i++) {
      if (note[i] === null) expect(pred[i]).toBe(p[i] > 0.8 ? 'claim' : 'opinion');
      else expect([pred[i], note[i]]).toEqual([null, expect.stringMatching(/^missing value in "/)]);
    }
  }, 120_000);

  it('refuses a damaged model file naming it', async () => {
    const path = join(t.dir, 'bad.assaymodel');
    writeFileSync(path, '{"format": "assay-model", "version": 1,');
    await expect(call('model.check', { source: { path, displayName: 'bad.assaymodel' }, datasetId: sample.id })).rejects.toThrow(/bad\.assaymodel, line 1, column \d+: not valid JSON/);
  });
});

describe('deleting a run', () => {
  it('removes its kept model files', async () => {
    await call('run.delete', { id: runId });
    expect(runModelSizes(t.wb.db, runId)).toEqual([]);
  });
});
