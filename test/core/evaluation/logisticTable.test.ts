import { describe, expect, it } from 'vitest';
import { logisticTable, PENALTY_NOTE } from '../../../src-main/core/evaluation/logisticTable';
import { logisticTableRows } from '../../../src-main/core/evaluation/tsv';
import { logisticRegression } from '../../../src-main/core/ml/linear/logisticRegression';
import { lrJson } from './fixtures';

describe('logisticTable', () => {
  it('puts the intercept first as statsmodels\' const and reads inference by term', () => {
    const t = logisticTable(lrJson('none'))!;
    expect(t.rows.map((r) => r.term)).toEqual(['const', 'video_duration_sec', 'claim_status_opinion', 'video_view_count']);
    expect(t.rows[0]).toMatchObject({ coefficient: -2, stdError: 0.1, pValue: 0, low: -2.2, high: -1.8 });
    expect(t.rows[1]).toMatchObject({ coefficient: 0.0086, stdError: 0.001, z: 8.6, pValue: 2e-19, low: 0.0066, high: 0.0106 });
    expect(t.rows[1].oddsRatio).toBeCloseTo(Math.exp(0.0086), 15);
    expect(t.note).toBeNull();
    expect(t.warning).toBeNull();
  });

  it('leaves SE, z, p and the interval null for penalty l2, and says why', () => {
    const t = logisticTable(lrJson('l2'))!;
    expect(t.rows.every((r) => r.stdError === null && r.z === null && r.pValue === null && r.low === null && r.high === null)).toBe(true);
    expect(t.note).toBe(PENALTY_NOTE);
    expect(t.note).toBe("Standard errors and p-values are shown for penalty 'none' only: with a penalty they do not have their usual meaning.");
    // Even a record that (wrongly) carries inference for a penalised fit shows none.
    const odd = logisticTable(lrJson('l2', { inference: lrJson('none').inference }))!;
    expect(odd.rows[1].pValue).toBeNull();
  });

  it('has no const row without an intercept, and passes on the inference error and the warning', () => {
    const t = logisticTable(
      lrJson('none', { fitIntercept: false, inference: null, inferenceError: 'The features are collinear: …', warning: 'The solver did not converge in max_iter=5 iterations.' }),
    )!;
    expect(t.rows.map((r) => r.term)).toEqual(['video_duration_sec', 'claim_status_opinion', 'video_view_count']);
    expect(t.note).toBe('The features are collinear: …');
    expect(t.warning).toBe('The solver did not converge in max_iter=5 iterations.');
  });

  it('returns null for other models and for damaged JSON', () => {
    expect(logisticTable({ kind: 'randomForest' })).toBeNull();
    expect(logisticTable(null)).toBeNull();
    expect(logisticTable('logisticRegression')).toBeNull();
    expect(logisticTable(lrJson('none', { coefficients: [1] }))).toBeNull();
  });

  it('reads what a real fit writes, intercept and all', () => {
    const x1 = [0.5, 1.2, 2.3, 0.1, 3.3, 2.2, 1.1, 0.4, 2.9, 1.7, 0.9, 2.6];
    const x2 = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];
    const y = Int32Array.from([0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0]);
    const fit = logisticRegression.fit({ rows: 12, names: ['a', 'b'], columns: [Float64Array.from(x1), Float64Array.from(x2)] }, y, 2, { penalty: 'none' });
    const json = JSON.parse(JSON.stringify(fit.toJSON())) as unknown;
    const t = logisticTable(json)!;
    const inf = fit.inference();
    expect(t.rows.map((r) => r.term)).toEqual(['const', 'a', 'b']);
    expect(t.rows[0].coefficient).toBe(fit.intercept);
    expect(t.rows.map((r) => r.pValue)).toEqual(inf.pValues);
    expect(t.rows.map((r) => r.stdError)).toEqual(inf.stdErrors);
    expect(logisticTableRows(t).header).toEqual(['term', 'coef', 'std err', 'z', 'P>|z|', '[0.025', '0.975]', 'odds ratio']);
    expect(logisticTableRows(logisticTable(lrJson('l2'))!).header).toEqual(['term', 'coef', 'odds ratio']);
  });
});
