import { describe, expect, it } from 'vitest';
import type { CvRow } from '../../../src-main/core/search/cvResults';
import type { Evaluation, ModelResult, RunRecord } from '../../../src-main/core/search/runRecord';
import type { RunSummary } from '../../../src-main/core/search/runSummary';
import { recordRows, runsTableRows, withSummary } from '../../../src-main/core/search/runsTable';

const evaluation = (metrics: Record<string, number>): Evaluation => ({ rows: 100, metrics, confusion: [], report: null });

const cvRow = (candidate: number, params: CvRow['params'], split: number[]): CvRow => {
  const mean = split.reduce((a, b) => a + b, 0) / split.length;
  const std = Math.sqrt(split.reduce((a, b) => a + (b - mean) ** 2, 0) / split.length);
  return { candidate, params, mean: { recall: mean }, std: { recall: std }, rank: {}, split: { recall: split }, meanFitSeconds: 1, meanScoreSeconds: 0 };
};

function model(modelId: string, type: string, o: Partial<ModelResult> = {}): ModelResult {
  const rows = [cvRow(0, { max_depth: 5 }, [0.9, 0.92, 0.94]), cvRow(1, { max_depth: null }, [0.8, 0.9, 1])];
  return {
    modelId,
    type,
    candidates: 2,
    fits: 6,
    bestParams: { max_depth: 5 },
    bestCv: { recall: 0.92 },
    cv: { rows, best: 0, refit: 'recall' },
    validation: evaluation({ recall: 0.91, precision: 0.99 }),
    featureImportances: null,
    model: null,
    seconds: { search: 1, refit: 1 },
    failedFits: [],
    heldOut: { validation: null, test: null },
    importances: [],
    partial: false,
    ...o,
  };
}

function record(o: Partial<RunRecord> = {}): RunRecord {
  return {
    recipeName: 'Course 6',
    recipe: {},
    assayVersion: '0.0.0',
    startedAt: '2024-05-01T10:00:00.000Z',
    dataset: { name: 'claims', rows: 100, contentHash: 'ab'.repeat(32), expectedHash: null },
    classes: ['opinion', 'claim'],
    features: [],
    rows: { train: 60, validation: 20, test: 20 },
    leakage: [],
    notes: [],
    models: [model('rf', 'randomForest'), model('xgb', 'xgboost')],
    champion: { modelId: 'xgb', rule: 'best validation recall', test: evaluation({ recall: 0.95, precision: 0.98 }) },
    seconds: { prepare: 1, search: 10, total: 12.5 },
    status: 'complete',
    ...o,
  };
}

function summary(o: Partial<RunSummary> = {}): RunSummary {
  return {
    id: 7,
    recipeId: 1,
    recipeName: 'Course 6',
    datasetName: 'claims',
    status: 'complete',
    createdAt: '2024-05-01T10:00:00.000Z',
    finishedAt: '2024-05-01T10:00:13.000Z',
    progress: null,
    champion: null,
    error: null,
    title: 'Course 6 · grid max_depth 5 → 5,None',
    defaultTitle: 'Course 6 · grid max_depth 5 → 5,None',
    note: '',
    tags: ['baseline'],
    models: [],
    datasetHash: null,
    seconds: 12.5,
    ...o,
  };
}

describe('runsTableRows', () => {
  it('gives one row per model, with test scores for the champion only', () => {
    const rows = runsTableRows(summary(), record());
    expect(rows.map((r) => [r.modelId, r.champion])).toEqual([
      ['rf', false],
      ['xgb', true],
    ]);
    expect(rows[0].test).toBeNull();
    expect(rows[1].test).toEqual({ recall: 0.95, precision: 0.98 });
    expect(rows[0].validation).toEqual({ recall: 0.91, precision: 0.99 });
    expect(rows[0]).toMatchObject({
      runId: 7,
      runTitle: 'Course 6 · grid max_depth 5 → 5,None',
      recipeName: 'Course 6',
      datasetName: 'claims',
      datasetHash: 'ab'.repeat(32),
      status: 'complete',
      type: 'randomForest',
      partial: false,
      bestParams: { max_depth: 5 },
      leakage: false,
      seconds: 12.5,
      date: '2024-05-01T10:00:00.000Z',
      tags: ['baseline'],
    });
  });

  it("takes the best candidate's CV mean and population std, not another candidate's", () => {
    const [rf] = runsTableRows(summary(), record());
    expect(rf.cv.recall.mean).toBeCloseTo(0.92, 12);
    // np.std([0.9, 0.92, 0.94]) = sqrt(0.0008 / 3)
    expect(rf.cv.recall.std).toBeCloseTo(Math.sqrt(0.0008 / 3), 12);
    const other = runsTableRows(summary(), record({ models: [model('rf', 'randomForest', { cv: { ...model('rf', 'rf').cv, best: 1 } })] }));
    expect(other[0].cv.recall.mean).toBeCloseTo(0.9, 12);
    expect(other[0].cv.recall.std).toBeCloseTo(Math.sqrt(0.02 / 3), 12);
  });

  it("marks a cancelled run's models partial, with CV scores only", () => {
    const partial = model('rf', 'randomForest', { partial: true, validation: null });
    const rows = runsTableRows(summary({ status: 'cancelled' }), record({ status: 'cancelled', champion: null, models: [partial] }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'cancelled', partial: true, champion: false, validation: null, test: null });
    expect(rows[0].cv.recall.mean).toBeCloseTo(0.92, 12);
  });

  it('never shows validation or test scores for a partial model even when the record has some', () => {
    const odd = model('xgb', 'xgboost', { partial: true });
    const [row] = runsTableRows(summary(), record({ models: [odd] }));
    expect(row.validation).toBeNull();
    expect(row.test).toBeNull();
  });

  it('flags every row of a leaking recipe', () => {
    const rows = runsTableRows(summary(), record({ leakage: [{ step: 1, op: 'resample', message: 'resampling before the split' }] }));
    expect(rows.map((r) => r.leakage)).toEqual([true, true]);
  });

  it('gives no rows for a run without a record', () => {
    expect(runsTableRows(summary({ status: 'failed' }), null)).toEqual([]);
  });

  it("reads summaries stored before titles and tags, falling back to the recipe name and the summary's hash", () => {
    const old = { ...summary({ datasetHash: 'cd'.repeat(32) }), title: undefined, tags: undefined } as unknown as RunSummary;
    const rows = runsTableRows(old, record({ dataset: { name: 'claims', rows: 100, contentHash: null, expectedHash: null } }));
    expect(rows[0].runTitle).toBe('Course 6');
    expect(rows[0].tags).toEqual([]);
    expect(rows[0].datasetHash).toBe('cd'.repeat(32));
  });

  it('joins the same record part to a renamed summary without reading the record again', () => {
    const parts = recordRows(record());
    const renamed = withSummary(summary({ title: 'Renamed', tags: ['final'] }), parts);
    expect(renamed.map((r) => [r.runTitle, r.tags])).toEqual([
      ['Renamed', ['final']],
      ['Renamed', ['final']],
    ]);
    expect(renamed[1].test).toEqual({ recall: 0.95, precision: 0.98 });
  });
});
