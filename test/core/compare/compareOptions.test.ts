import { describe, expect, it } from 'vitest';
import { methods } from '../../../src-main/core/api/contract';
import { buildComparison } from '../../../src-main/core/compare/comparison';
import { SCORER_NAMES } from '../../../src-main/core/metrics/scorers';
import { model, predicting, record } from './runRecords';

const Y = [...Array(10).fill(1), ...Array(10).fill(0)] as number[];
const run = record({
  models: [
    model('rf', { folds: { recall: [0.9, 0.92, 0.88, 0.91, 0.89] }, validation: predicting(Y), test: predicting(Y) }),
    model('xgb', { folds: { recall: [0.85, 0.9, 0.86, 0.88, 0.86] }, validation: predicting(Y, [1]) }),
  ],
});

/** Whether the API's input schema takes the options. */
const contractTakes = (options: object) =>
  methods['run.compare'].input.safeParse({ models: [{ runId: 1, modelId: 'rf' }, { runId: 1, modelId: 'xgb' }], ...options }).success;

/** Whether the comparison itself (what the CLI calls) takes them. */
function comparisonTakes(options: { metric?: string; rope?: number }): boolean {
  try {
    buildComparison([{ run: 1, title: 'claims', record: run, modelId: 'rf' }, { run: 1, title: 'claims', record: run, modelId: 'xgb' }], options);
    return true;
  } catch {
    return false;
  }
}

describe('run.compare and assay compare accept the same options', () => {
  it.each([...SCORER_NAMES, 'recal', 'Recall', '', 'auc'])('metric %j', (metric) => {
    expect(contractTakes({ metric })).toBe(SCORER_NAMES.includes(metric as (typeof SCORER_NAMES)[number]));
    expect(comparisonTakes({ metric })).toBe(contractTakes({ metric }));
  });

  it.each([0, 0.01, 0.5, 0.999, 1, 1.5, -0.01])('rope %d', (rope) => {
    expect(contractTakes({ rope })).toBe(rope >= 0 && rope < 1);
    expect(comparisonTakes({ rope })).toBe(contractTakes({ rope }));
  });
});
