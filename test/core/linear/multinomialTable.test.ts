/**
 * How a multinomial logistic regression reads back from its JSON: the
 * coefficients table (evaluation/logisticTable.ts, MNLogit's layout: one block
 * per class against the reference) and the coefficient / odds-ratio
 * importance lists (search/importances.ts), each entry naming its class.
 */
import { describe, expect, it } from 'vitest';
import { logisticTable, PENALTY_NOTE } from '../../../src-main/core/evaluation/logisticTable';
import { logisticTableRows } from '../../../src-main/core/evaluation/tsv';
import { logisticRegression, LogisticRegressionModel } from '../../../src-main/core/ml/linear/logisticRegression';
import { MultinomialLogisticRegressionModel } from '../../../src-main/core/ml/linear/multinomialLogisticRegression';
import { modelImportances } from '../../../src-main/core/search/importances';
import { loadFixture, matrix } from './fixtures';
import type { MultinomialFixture } from './fixtures';

const fx = loadFixture<MultinomialFixture>('multinomial.json');
const names = ['video_duration_sec', 'text_length'];
const X = matrix(
  names.map((n) => fx.X[fx.names.indexOf(n)].map((v) => (v - fx.mean[fx.names.indexOf(n)]) / fx.std[fx.names.indexOf(n)])),
  names,
);
const y = Int32Array.from(fx.y);
const fit = (params: Record<string, unknown>) => logisticRegression.fit(X, y, 3, params) as MultinomialLogisticRegressionModel;
const roundTrip = (json: unknown) => JSON.parse(JSON.stringify(json)) as unknown;

describe('logisticTable for k classes', () => {
  it("lays out MNLogit's equations: each class against the reference, with SEs for penalty 'none'", () => {
    const model = fit({ penalty: 'none', classNames: fx.classes });
    const t = logisticTable(roundTrip(model.toJSON()))!;
    expect(t.reference).toBe('active');
    expect(t.reading).toMatch(/log-odds of its class against “active” \(the reference class\)/);
    expect(t.rows.map((r) => r.term)).toEqual([
      'const (banned)',
      'video_duration_sec (banned)',
      'text_length (banned)',
      'const (under review)',
      'video_duration_sec (under review)',
      'text_length (under review)',
    ]);
    expect(t.rows.map((r) => r.feature)).toEqual(['const', ...names, 'const', ...names]);
    expect(t.rows.map((r) => r.class)).toEqual(['banned', 'banned', 'banned', 'under review', 'under review', 'under review']);
    const inf = model.inference();
    const flat = (k: 'coef' | 'stdErrors' | 'pValues') => inf.equations.flatMap((e) => e[k]);
    expect(t.rows.map((r) => r.coefficient)).toEqual(flat('coef'));
    expect(t.rows.map((r) => r.stdError)).toEqual(flat('stdErrors'));
    expect(t.rows.map((r) => r.pValue)).toEqual(flat('pValues'));
    expect(t.rows.map((r) => [r.low, r.high])).toEqual(inf.equations.flatMap((e) => e.ci95));
    expect(t.rows[1].oddsRatio).toBe(Math.exp(t.rows[1].coefficient));
    expect(t.note).toBeNull();
    expect(logisticTableRows(t).header).toEqual(['term', 'coef', 'std err', 'z', 'P>|z|', '[0.025', '0.975]', 'odds ratio']);
  });

  it('shows the l2 contrasts against the reference without SEs, and says why', () => {
    const model = fit({});
    const t = logisticTable(roundTrip(model.toJSON()), fx.classes)!;
    const [banned] = model.contrasts();
    expect(t.rows.slice(0, 3).map((r) => r.coefficient)).toEqual([banned.intercept, ...banned.coefficients]);
    expect(t.rows.every((r) => r.stdError === null && r.pValue === null)).toBe(true);
    expect(t.note).toBe(PENALTY_NOTE);
    expect(t.rows[3].term).toBe('const (under review)');
  });

  it('names classes from the run when the JSON has none, else by index, and has no const rows without an intercept', () => {
    const json = roundTrip(fit({ fitIntercept: false }).toJSON());
    expect(logisticTable(json, fx.classes)!.rows.map((r) => r.term)).toEqual([
      'video_duration_sec (banned)',
      'text_length (banned)',
      'video_duration_sec (under review)',
      'text_length (under review)',
    ]);
    const t = logisticTable(json)!;
    expect(t.reference).toBe('class 0');
    expect(t.rows[0].term).toBe('video_duration_sec (class 1)');
  });

  it('passes on the warning and returns null for damaged multinomial JSON', () => {
    const json = fit({ maxIter: 1 }).toJSON() as Record<string, unknown>;
    expect(logisticTable(json)!.warning).toMatch(/did not converge in max_iter=1/);
    expect(logisticTable({ ...json, coefficients: [[1, 2], [3]] })).toBeNull();
    expect(logisticTable({ ...json, intercept: [0, 0] })).toBeNull();
    expect(logisticTable({ ...json, coefficients: 'x' })).toBeNull();
  });

  it('says why SEs are missing when an unpenalised fit has none', () => {
    const json = fit({ penalty: 'none' }).toJSON() as Record<string, unknown>;
    const t = logisticTable({ ...json, inference: null, inferenceError: 'The features are collinear: …' })!;
    expect(t.note).toBe('The features are collinear: …');
    expect(t.rows.every((r) => r.stdError === null)).toBe(true);
  });
});

describe('coefficient and odds-ratio importances for k classes', () => {
  it('lists each feature per class, against the reference, with MNLogit intervals when unpenalised', () => {
    const model = fit({ penalty: 'none' });
    const [coef, odds] = modelImportances(model, names, fx.classes);
    expect(coef.kind).toBe('coefficient');
    expect(coef.title).toBe('Coefficients (log-odds against active)');
    expect(coef.description).toMatch(/log-odds of each class against “active” \(the reference class\)/);
    expect(coef.features.map((f) => f.feature)).toEqual([
      'video_duration_sec (banned)',
      'text_length (banned)',
      'video_duration_sec (under review)',
      'text_length (under review)',
    ]);
    const inf = model.inference();
    const [banned, review] = inf.equations;
    expect(coef.features.map((f) => f.value)).toEqual([...banned.coef.slice(1), ...review.coef.slice(1)]);
    expect(coef.features.map((f) => [f.low, f.high])).toEqual([...banned.ci95.slice(1), ...review.ci95.slice(1)]);
    expect(odds.kind).toBe('oddsRatio');
    expect(odds.title).toBe('Odds ratios (against active)');
    expect(odds.features[2].value).toBe(Math.exp(review.coef[1]));
    expect(odds.features[2].low).toBe(Math.exp(review.ci95[1][0]));
  });

  it('has no intervals under l2 and names classes by index without names', () => {
    const [coef] = modelImportances(fit({}), names);
    expect(coef.features[0].feature).toBe('video_duration_sec (class 1)');
    expect(coef.features.every((f) => f.low === undefined && f.high === undefined)).toBe(true);
  });

  it('keeps the binary lists as they were', () => {
    const yb = Int32Array.from(fx.y, (v) => (v === 0 ? 0 : 1));
    const model = logisticRegression.fit(X, yb, 2, { penalty: 'none' });
    expect(model).toBeInstanceOf(LogisticRegressionModel);
    const sets = modelImportances(model, names, ['active', 'not active']);
    expect(sets.map((s) => s.title)).toEqual(['Coefficients (log-odds)', 'Odds ratios']);
    expect(sets[0].features.map((f) => f.feature)).toEqual(names);
    expect(sets[0].features.map((f) => f.value)).toEqual(Array.from(model.coefficients));
    expect(sets[0].features[1].low).toBe(model.inference().ci95[2][0]);
    expect(sets[0].description).toBe('The change in the log-odds of the positive class for a one-unit increase in the feature, the others held fixed.');
  });
});
