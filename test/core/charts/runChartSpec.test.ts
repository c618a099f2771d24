import { describe, expect, it } from 'vitest';
import { runChartSpec } from '../../../src-main/core/charts/runChartSpec';
import type { ModelResult, RunRecord } from '../../../src-main/core/search/runRecord';
import type { ConfusionSpec } from '../../../src-main/core/charts/confusionChart';

function model(id: string, over: Partial<ModelResult> = {}): ModelResult {
  return {
    modelId: id,
    type: 'randomForest',
    candidates: 1,
    fits: 5,
    bestParams: {},
    bestCv: { recall: 0.9 },
    cv: { rows: [], best: 0, refit: 'recall' },
    validation: null,
    featureImportances: null,
    model: null,
    seconds: { search: 1, refit: 1 },
    failedFits: [],
    heldOut: { validation: { y: [0, 0, 1, 1, 1], score: [0.1, 0.6, 0.4, 0.7, 0.9] }, test: null },
    importances: [{ kind: 'impurity', title: 'Impurity decrease', description: '', features: [{ feature: 'a', value: 0.7 }, { feature: 'b', value: 0.3 }] }],
    partial: false,
    ...over,
  };
}

const record = (models: ModelResult[]): RunRecord =>
  ({ recipeName: 'r', classes: ['opinion', 'claim'], models, champion: null }) as unknown as RunRecord;

describe('runChartSpec', () => {
  it('counts the confusion matrix at the asked threshold from the stored predictions', () => {
    const r = record([model('rf')]);
    const at = (t: number) => runChartSpec(r, 'rf', { kind: 'confusion', set: 'validation', normalize: false, threshold: t });
    expect(at(0.5)).toMatchObject({ kind: 'confusion', matrix: [[1, 1], [1, 2]], classes: ['opinion', 'claim'] });
    expect(at(0.05)).toMatchObject({ matrix: [[0, 2], [0, 3]] });
    expect(at(0.95)).toMatchObject({ matrix: [[2, 0], [3, 0]] });
    expect((at(0.5) as ConfusionSpec).subtitle).toBe('r, threshold 0.50');
  });

  it('passes curves and importance lists through, and says what is missing', () => {
    const r = record([model('rf'), model('lr', { heldOut: { validation: null, test: null }, importances: [], partial: true })]);
    expect(runChartSpec(r, 'rf', { kind: 'roc', set: 'validation', threshold: 0.5 })).toMatchObject({ kind: 'roc', y: [0, 0, 1, 1, 1], threshold: 0.5, label: 'claim' });
    expect(runChartSpec(r, 'rf', { kind: 'importance', importance: 0, top: 15 })).toMatchObject({ kind: 'importance', top: 15, title: 'Impurity decrease: rf' });
    expect(() => runChartSpec(r, 'rf', { kind: 'pr', set: 'test', threshold: null })).toThrow('Model "rf" has no test set predictions: only the champion is scored on the test set.');
    expect(() => runChartSpec(r, 'lr', { kind: 'importance', importance: 0, top: 15 })).toThrow(/no importance list 0 \(the run stopped before it was refitted\)/);
    expect(() => runChartSpec(r, 'xgb', { kind: 'roc', set: 'test', threshold: null })).toThrow('The run has no model "xgb"; its models are rf, lr.');
  });
});
