import { describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../../src-main/core/data/columns';
import type { RunSummary } from '../../../src-main/core/search/runSummary';
import type { ModelCheck } from '../../../src-main/core/scoring/scoreTypes';
import { parseThreshold, ownThresholdText, recordedThreshold, thresholdHint, thresholdInUse } from '../../../src-renderer/src/lib/score/thresholdInput';
import { defaultDataset, modelSource, runModelOptions, runOptionLabel, sameChoice, scorableRuns, settleModel } from '../../../src-renderer/src/lib/score/modelChoice';
import { defaultExportFormat, exportChoices } from '../../../src-renderer/src/lib/score/exportChoices';
import { scoreBlocker, type ScoreInputs } from '../../../src-renderer/src/lib/score/scoreReadiness';

function run(id: number, status: RunSummary['status'], models: [string, string][], champion: string | null): RunSummary {
  return {
    id,
    recipeId: 1,
    recipeName: 'r',
    datasetName: 'claims',
    status,
    createdAt: '2024-01-01T00:00:00Z',
    finishedAt: null,
    progress: null,
    champion: champion === null ? null : { modelId: champion, metric: 'recall', value: 0.9 },
    error: null,
    title: `run ${id}`,
    defaultTitle: `run ${id}`,
    note: '',
    tags: [],
    models: models.map(([modelId, type]) => ({ modelId, type, candidates: 1 })),
    datasetHash: null,
    seconds: 1,
  };
}

function dataset(id: number, name: string, contentHash: string): DatasetInfo {
  return { id, name, sourceName: `${name}.csv`, rows: 10, columns: [], importedAt: '', format: { kind: 'delimited' }, notes: [], contentHash };
}

describe('the threshold override', () => {
  it('blank keeps the model’s own; a probability is taken as typed', () => {
    expect(parseThreshold('')).toEqual({ ok: true, value: null });
    expect(parseThreshold('  ')).toEqual({ ok: true, value: null });
    expect(parseThreshold('0.35')).toEqual({ ok: true, value: 0.35 });
    expect(parseThreshold('.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseThreshold('0,25')).toEqual({ ok: true, value: 0.25 });
    expect(parseThreshold('1')).toEqual({ ok: true, value: 1 });
    expect(parseThreshold('0')).toEqual({ ok: true, value: 0 });
    expect(parseThreshold('5e-1')).toEqual({ ok: true, value: 0.5 });
  });

  it('refuses what is not a probability, saying why', () => {
    for (const bad of ['abc', '0.3.4', '1/2', 'NaN', 'Infinity', '0x1', '30%']) {
      const r = parseThreshold(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/is not a number; the threshold is a probability from 0 to 1/);
    }
    for (const out of ['1.01', '-0.1', '2']) {
      const r = parseThreshold(out);
      expect(r.ok, out).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/outside 0–1/);
    }
  });

  it('the threshold used: the override, else the model’s own, else 0.5', () => {
    expect(thresholdInUse(0.3, { ok: true, value: 0.7 })).toBe(0.7);
    expect(thresholdInUse(0.3, { ok: true, value: null })).toBe(0.3);
    expect(thresholdInUse(null, { ok: true, value: null })).toBe(0.5);
    expect(thresholdInUse(null, { ok: true, value: 0 })).toBe(0);
    expect(ownThresholdText(null)).toMatch(/0.5 \(the argmax rule\)/);
    expect(ownThresholdText(0.31)).toMatch(/^0.31 /);
  });

  it('the hint beside the field says what the field does now, with or without a model read', () => {
    expect(thresholdHint(null, { ok: true, value: null }, null)).toBe("The model's own: 0.5 (the argmax rule). Type a probability from 0 to 1 to override it.");
    expect(thresholdHint(0.4, { ok: true, value: 0.3 }, null)).toBe("0.3 overrides the model's own threshold, 0.4 (chosen in the Runs view when the model was saved); clear the field to use the model's.");
    expect(thresholdHint(undefined, { ok: true, value: 0.3 }, 'from the Runs view')).toBe("0.3 (from the Runs view) overrides the model's own threshold; clear the field to use the model's.");
    expect(thresholdHint(undefined, { ok: true, value: null }, null)).toBe("Blank: the model's own threshold.");
    expect(thresholdHint(null, { ok: false, message: 'bad' }, null)).toBe('bad');
  });

  it('the Runs view’s default threshold is recorded as the argmax rule', () => {
    expect(recordedThreshold(0.5)).toBeNull();
    expect(recordedThreshold(0.42)).toBe(0.42);
  });
});

describe('choosing the model and the data', () => {
  it('offers finished and cancelled runs, newest first, and their champion first', () => {
    const list = [
      run(1, 'complete', [['logreg', 'logisticRegression']], 'logreg'),
      run(2, 'failed', [], null),
      run(3, 'complete', [['rf', 'randomForest'], ['xgb', 'gradientBoosting']], 'xgb'),
      run(4, 'running', [], null),
      run(5, 'cancelled', [['rf', 'randomForest']], null),
      run(6, 'queued', [], null),
    ];
    expect(scorableRuns(list).map((r) => r.id)).toEqual([5, 3, 1]);
    expect(runOptionLabel(list[4])).toBe('#5 run 5 (cancelled)');
    expect(runOptionLabel(list[0])).toBe('#1 run 1');
    const options = runModelOptions(list[2]);
    expect(options.map((o) => o.modelId)).toEqual(['xgb', 'rf']);
    expect(options[0].label).toBe('xgb ★ champion · Gradient boosting (XGBoost)');
    expect(options[1].label).toBe('rf · Random forest');
    expect(settleModel(list[2], 'rf')).toBe('rf');
    expect(settleModel(list[2], 'gone')).toBe('xgb');
    expect(settleModel(list[2], null)).toBe('xgb');
    expect(settleModel(run(5, 'complete', [['a', 'decisionTree']], null), null)).toBe('a');
  });

  it('a model’s source for the API, and when two choices are the same', () => {
    expect(modelSource({ kind: 'run', runId: 3, modelId: 'rf' })).toEqual({ runId: 3, modelId: 'rf' });
    expect(modelSource({ kind: 'file', path: '/tmp/x/m.assaymodel', displayName: 'm.assaymodel' })).toEqual({ path: '/tmp/x/m.assaymodel', displayName: 'm.assaymodel' });
    expect(sameChoice({ kind: 'run', runId: 3, modelId: 'rf' }, { kind: 'run', runId: 3, modelId: 'rf' })).toBe(true);
    expect(sameChoice({ kind: 'run', runId: 3, modelId: 'rf' }, { kind: 'run', runId: 3, modelId: 'xgb' })).toBe(false);
    expect(sameChoice({ kind: 'run', runId: 3, modelId: 'rf' }, null)).toBe(false);
    expect(sameChoice(null, null)).toBe(true);
  });

  it('scores by default the data the model was trained on, then the one shown, then the first', () => {
    const list = [dataset(1, 'a', 'h1'), dataset(2, 'claims', 'h2'), dataset(3, 'claims v2', 'h3')];
    expect(defaultDataset(list, { contentHash: 'h3', name: 'claims' }, 1)).toBe(3);
    expect(defaultDataset(list, { contentHash: 'nope', name: 'claims' }, 1)).toBe(2);
    expect(defaultDataset(list, { contentHash: null, name: 'other' }, 1)).toBe(1);
    expect(defaultDataset(list, null, 9)).toBe(1);
    expect(defaultDataset([], null, null)).toBeNull();
  });
});

describe('export formats', () => {
  it('XGBoost JSON is for gradient boosting only, with the reason otherwise; ONNX takes every type', () => {
    const gb = exportChoices('gradientBoosting');
    expect(gb.map((c) => [c.format, c.unavailable])).toEqual([
      ['xgboost', null],
      ['onnx', null],
    ]);
    const lr = exportChoices('logisticRegression');
    expect(lr[0].unavailable).toBe('XGBoost JSON holds gradient-boosted trees only; this model is a logistic regression. Export it as ONNX instead.');
    expect(lr[1].unavailable).toBeNull();
    expect(exportChoices('randomForest')[0].unavailable).toMatch(/this model is a random forest/);
    expect(defaultExportFormat('gradientBoosting')).toBe('xgboost');
    expect(defaultExportFormat('logisticRegression')).toBe('onnx');
  });
});

describe('why Score is disabled', () => {
  const check = (ok: boolean, problems: string[] = []): ModelCheck => ({
    model: {
      modelId: 'logreg',
      type: 'logisticRegression',
      runId: 1,
      runTitle: 't',
      classes: ['no', 'yes'],
      positiveClass: 'yes',
      threshold: null,
      features: 3,
      columns: [],
      trainedOn: { dataset: 'claims', contentHash: null },
    },
    check: { ok, columns: [], problems, hasLabels: true },
  });
  const ready: ScoreInputs = { hasModel: true, hasDataset: true, check: { status: 'done', result: check(true) }, threshold: { ok: true, value: null }, scoring: false, importing: false };

  it('nothing blocks a checked model, dataset and threshold', () => {
    expect(scoreBlocker(ready)).toBeNull();
  });

  it('names the first thing missing', () => {
    expect(scoreBlocker({ ...ready, hasModel: false })).toMatch(/^Choose a model/);
    expect(scoreBlocker({ ...ready, hasDataset: false })).toMatch(/^Choose a dataset/);
    expect(scoreBlocker({ ...ready, check: { status: 'checking' } })).toMatch(/^Checking/);
    expect(scoreBlocker({ ...ready, check: { status: 'error', message: 'damaged' } })).toMatch(/could not be checked/);
    expect(scoreBlocker({ ...ready, check: { status: 'done', result: check(false, ['a', 'b']) } })).toBe('The dataset does not fit the model: 2 column problems (listed above).');
    expect(scoreBlocker({ ...ready, check: { status: 'done', result: check(false, ['a']) } })).toMatch(/1 column problem \(/);
    expect(scoreBlocker({ ...ready, threshold: { ok: false, message: 'bad threshold' } })).toBe('bad threshold');
    expect(scoreBlocker({ ...ready, scoring: true })).toMatch(/running/);
    expect(scoreBlocker({ ...ready, importing: true })).toMatch(/import/);
  });
});
