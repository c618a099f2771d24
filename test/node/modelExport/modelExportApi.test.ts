/**
 * model.export through the router, on a run of the bundled sample made by the
 * host's own run queue: the file is the exporters' output for the run's
 * stored model file, named after the model.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModelFile } from '../../../src-main/core/modelFile/readModelFile';
import { exportInfoOf, exportModel, exportModelFile } from '../../../src-main/core/modelExport/exportModel';
import { preparedSample } from '../../core/modelExport/exportFixtureModels';
import { scoreOnnx } from '../../core/modelExport/onnxRuntime';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import type { RunDetail, RunSummary } from '../../../src-main/core/search/runSummary';
import { createHandlers } from '../../../src-main/node/api/handlers';
import { Router } from '../../../src-main/node/api/router';
import { saveRecipe } from '../../../src-main/node/store/recipes';
import { tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
let router: Router;
let runId: number;
const ctx = { signal: new AbortController().signal, progress: () => {} };
const call = <T>(method: string, input: unknown) => router.dispatch(method, input, ctx) as Promise<T>;

interface Exported {
  fileName: string;
  mime: string;
  data: string;
  notes: string[];
}

beforeAll(async () => {
  t = await tempWorkbench();
  router = new Router(createHandlers(t.wb, { host: 'web', version: 'test' }));
  const sample = await t.wb.importFile({ path: t.file('tiktok_claims_sample.csv', readFileSync('resources/sample/tiktok_claims_sample.csv')) });
  const recipe = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
  recipe.models[0].grid = { max_depth: [4], max_features: [0.6], max_samples: [0.7], n_estimators: [10] };
  recipe.models[1].grid = { max_depth: [3], min_child_weight: [5], learning_rate: [0.1], n_estimators: [20] };
  const recipeId = await t.wb.write((db) => saveRecipe(db, null, recipe).id);
  runId = (await call<RunSummary>('run.start', { recipeId, datasetId: sample.id })).id;
  for (;;) {
    const s = (await call<RunDetail>('run.get', { id: runId })).summary;
    if (s.status !== 'queued' && s.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect((await call<RunDetail>('run.get', { id: runId })).summary.status).toBe('complete');
}, 240_000);
afterAll(() => t.dispose());

/** The run's model file as model.file gives it, read back. */
async function modelFile(modelId: string) {
  const { data } = await call<{ data: string }>('model.file', { runId, modelId });
  return readModelFile(Buffer.from(data, 'base64').toString('utf8'), `${modelId}.assaymodel`);
}

describe('model.export', () => {
  it('exports a gradient-boosting model as XGBoost JSON and as ONNX', async () => {
    const loaded = await modelFile('xgb');
    const xgb = await call<Exported>('model.export', { runId, modelId: 'xgb', format: 'xgboost' });
    expect(xgb).toMatchObject({ fileName: 'xgb.json', mime: 'application/json', notes: [] });
    expect(Buffer.from(xgb.data, 'base64').equals(Buffer.from(exportModel(loaded.model, 'xgboost', exportInfoOf(loaded)).bytes))).toBe(true);
    const onnx = await call<Exported>('model.export', { runId, modelId: 'xgb', format: 'onnx' });
    expect(onnx).toMatchObject({ fileName: 'xgb.onnx', mime: 'application/octet-stream', notes: [] });
    // The exporter's own bytes for the run's model file (onnxExport.test scores those with onnxruntime).
    expect(Buffer.from(onnx.data, 'base64').equals(Buffer.from(exportModel(loaded.model, 'onnx', exportInfoOf(loaded)).bytes))).toBe(true);
    expect(Buffer.from(onnx.data, 'base64').toString('latin1')).toContain(`model "xgb" of run ${runId}`);
  });

  it('exports a random forest as ONNX: the exporter\'s bytes, which onnxruntime scores as the model does', async () => {
    const loaded = await modelFile('rf');
    const onnx = await call<Exported>('model.export', { runId, modelId: 'rf', format: 'onnx' });
    const bytes = Buffer.from(onnx.data, 'base64');
    expect(bytes.equals(Buffer.from(exportModel(loaded.model, 'onnx', exportInfoOf(loaded)).bytes))).toBe(true);
    const X = preparedSample('claims-course6').test.X;
    const scored = await scoreOnnx(bytes, X);
    const proba = loaded.model.predictProba(X).data;
    let worst = 0;
    for (let i = 0; i < proba.length; i++) worst = Math.max(worst, Math.abs(scored.probabilities[i] - proba[i]));
    expect(worst).toBeLessThan(1e-6);
  });

  it('records the Runs view threshold and says the label output does not apply it', async () => {
    const onnx = await call<Exported>('model.export', { runId, modelId: 'rf', format: 'onnx', threshold: 0.3 });
    expect(onnx.notes).toEqual(['The model\'s decision threshold is 0.3: predict claim when its probability is above it; the ONNX "label" output uses 0.5 instead.']);
    expect(Buffer.from(onnx.data, 'base64').equals(Buffer.from(exportModelFile(await modelFile('rf'), 'onnx', 0.3).bytes))).toBe(true);
    expect(Buffer.from(onnx.data, 'base64').toString('latin1')).toContain("Assay's decision threshold on P(claim) is 0.3");
  });

  it('refuses XGBoost for a random forest, an unknown format, a model the run does not have', async () => {
    await expect(call('model.export', { runId, modelId: 'rf', format: 'xgboost' })).rejects.toThrow(/this model is a random forest/);
    await expect(call('model.export', { runId, modelId: 'rf', format: 'pmml' })).rejects.toThrow(/format/);
    await expect(call('model.export', { runId, modelId: 'svm', format: 'onnx' })).rejects.toThrow(/no model "svm"/);
  });
});
