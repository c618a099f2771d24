/**
 * Multinomial LogisticRegression (k = 3) against scikit-learn 1.2 and
 * statsmodels 0.13's MNLogit (fixtures from
 * scripts/fixtures/multiclass_logistic_fixtures.py: author_ban_status on the
 * bundled sample, six standardised numeric features).
 *
 * Tolerances as the binary tests' (logisticRegression.test.ts): TOL = 1e-6,
 * coefficients and intercepts |Δ| ≤ TOL·max(1, |v|) against scikit-learn's
 * newton-cg run to a gradient of ≤ 5e-8 (both sides agree to ~1e-10),
 * probabilities absolute; MNLogit's params, SEs, z, p-values and CI bounds
 * relative TOL.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { logisticRegression, LogisticRegressionModel } from '../../../src-main/core/ml/linear/logisticRegression';
import type { LogisticRegressionParams } from '../../../src-main/core/ml/linear/logisticRegression';
import { MultinomialLogisticRegressionModel } from '../../../src-main/core/ml/linear/multinomialLogisticRegression';
import type { FeatureMatrix } from '../../../src-main/core/ml/types';
import { loadFixture, matrix } from './fixtures';
import type { MnlogitFit, MultinomialFixture } from './fixtures';

const fx = loadFixture<MultinomialFixture>('multinomial.json');
const TOL = 1e-6;

function fitK(X: FeatureMatrix, y: ArrayLike<number>, k: number, params: LogisticRegressionParams = {}): MultinomialLogisticRegressionModel {
  const model = logisticRegression.fit(X, Int32Array.from(y), k, params);
  expect(model).toBeInstanceOf(MultinomialLogisticRegressionModel);
  return model as MultinomialLogisticRegressionModel;
}

const standardised = (cols: number[][]) => matrix(cols.map((c, j) => c.map((v) => (v - fx.mean[j]) / fx.std[j])), fx.names);
const X = standardised(fx.X);
const Xtest = standardised(fx.testX);

function expectAbsOrRel(got: ArrayLike<number>, want: ArrayLike<number>, tol: number, what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let j = 0; j < want.length; j++)
    expect(Math.abs(got[j] - want[j]), `${what}[${j}]: got ${got[j]}, want ${want[j]}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want[j])));
}

function expectRel(got: ArrayLike<number>, want: ArrayLike<number>, rel: number, what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let j = 0; j < want.length; j++) {
    const err = Math.abs(got[j] - want[j]) / Math.max(Math.abs(want[j]), 1e-300);
    expect(err, `${what}[${j}]: got ${got[j]}, want ${want[j]}`).toBeLessThanOrEqual(rel);
  }
}

function expectMnlogit(model: MultinomialLogisticRegressionModel, want: MnlogitFit): void {
  const inf = model.inference();
  expect(inf.terms).toEqual(want.terms);
  expect(inf.reference).toBe(want.reference);
  expect(inf.equations.map((e) => e.class)).toEqual(want.equations.map((e) => e.class));
  inf.equations.forEach((e, q) => {
    const w = want.equations[q];
    expectRel(e.coef, w.params, TOL, `params ${q}`);
    expectRel(e.stdErrors, w.bse, TOL, `bse ${q}`);
    expectRel(e.z, w.z, TOL, `z ${q}`);
    expectRel(e.pValues, w.pvalues, TOL, `pvalues ${q}`);
    expectRel(e.ci95.map((c) => c[0]), w.ci95.map((c) => c[0]), TOL, `ci low ${q}`);
    expectRel(e.ci95.map((c) => c[1]), w.ci95.map((c) => c[1]), TOL, `ci high ${q}`);
  });
}

describe('multinomial logistic regression on author_ban_status (3 classes)', () => {
  it('has the classes in sorted order and all three present', () => {
    expect(fx.classes).toEqual(['active', 'banned', 'under review']);
    expect(fx.classCounts.every((c) => c > 100)).toBe(true);
  });

  for (const c of fx.sklearn) {
    it(`reaches scikit-learn's optimum: ${c.label}`, () => {
      const model = fitK(X, fx.y, 3, { penalty: c.penalty, C: c.C, fitIntercept: c.fitIntercept });
      expect(model.converged).toBe(true);
      expect(model.warning).toBeNull();
      expect(model.coefficients).toHaveLength(3);
      model.coefficients.forEach((w, k) => expectAbsOrRel(w, c.newtonCg.coef[k], TOL, `coef[${k}]`));
      expectAbsOrRel(model.intercepts, c.newtonCg.intercept, TOL, 'intercept');
      if (!c.fitIntercept) expect(Array.from(model.intercepts)).toEqual([0, 0, 0]);
      // scikit-learn's default lbfgs stops earlier (scipy's relative decrease test); it is still within its own distance.
      const lb = c.lbfgs.distanceFromReference ?? 0;
      model.coefficients.forEach((w, k) => expectAbsOrRel(w, c.lbfgs.coef[k], 2 * lb, `lbfgs coef[${k}]`));
    });

    it(`predicts the test rows like scikit-learn to 1e-6: ${c.label}`, () => {
      const model = fitK(X, fx.y, 3, { penalty: c.penalty, C: c.C, fitIntercept: c.fitIntercept });
      const p = model.predictProba(Xtest);
      expect(p.rows).toBe(fx.testRows);
      expect(p.classes).toBe(3);
      expect(p.data).toHaveLength(fx.testRows * 3);
      for (let i = 0; i < p.rows; i++) expect(p.data[3 * i] + p.data[3 * i + 1] + p.data[3 * i + 2]).toBeCloseTo(1, 14);
      const worst = Math.max(...Array.from(p.data, (v, i) => Math.abs(v - c.newtonCg.testProba[i])));
      expect(worst).toBeLessThanOrEqual(TOL);
    });
  }

  it('keeps the coefficient vectors and intercepts summing to zero over the classes, as scikit-learn does', () => {
    const model = fitK(X, fx.y, 3);
    for (let j = 0; j < fx.names.length; j++) expect(Math.abs(model.coefficients.reduce((s, w) => s + w[j], 0))).toBeLessThan(1e-12);
    expect(Math.abs(model.intercepts.reduce((s, b) => s + b, 0))).toBeLessThan(1e-12);
  });

  it("matches statsmodels' MNLogit with penalty 'none' (reference class 'active')", () => {
    expectMnlogit(fitK(X, fx.y, 3, { penalty: 'none', classNames: fx.classes }), fx.mnlogit);
  });

  it('matches MNLogit on unscaled features (counts in the hundreds of thousands)', () => {
    const raw = matrix(
      fx.rawFeatures.map((n) => fx.X[fx.names.indexOf(n)]),
      fx.rawFeatures,
    );
    expectMnlogit(fitK(raw, fx.y, 3, { penalty: null }), fx.mnlogitRaw);
  });

  it('writes JSON with k coefficient vectors, the classes, the reference and MNLogit inference', () => {
    const model = fitK(X, fx.y, 3, { penalty: 'none', classNames: fx.classes });
    const json = JSON.parse(JSON.stringify(model.toJSON())) as Record<string, unknown>;
    expect(json).toMatchObject({ kind: 'logisticRegression', multiClass: 'multinomial', nClasses: 3, classes: fx.classes, reference: 0, penalty: 'none', features: fx.names });
    expect(json.coefficients).toEqual(model.coefficients.map((w) => Array.from(w)));
    expect(json.intercept).toEqual(Array.from(model.intercepts));
    const inf = json.inference as { terms: string[]; equations: { class: number }[] };
    expect(inf.terms).toEqual(['const', ...fx.names]);
    expect(inf.equations.map((e) => e.class)).toEqual([1, 2]);
    const l2 = fitK(X, fx.y, 3).toJSON() as { inference: unknown; inferenceError: unknown; classes: unknown };
    expect(l2.inference).toBeNull();
    expect(l2.inferenceError).toBeNull();
    expect(l2.classes).toBeNull();
    expect(() => fitK(X, fx.y, 3).inference()).toThrow(/only reported for penalty 'none'/);
  });

  it('gives the contrasts against the reference class that MNLogit estimates', () => {
    const model = fitK(X, fx.y, 3, { penalty: 'none' });
    const [banned, review] = model.contrasts();
    expect(banned.class).toBe(1);
    expect(review.class).toBe(2);
    expectRel([banned.intercept, ...banned.coefficients], fx.mnlogit.equations[0].params, TOL, 'banned');
    expectRel([review.intercept, ...review.coefficients], fx.mnlogit.equations[1].params, TOL, 'under review');
  });

  it("reaches the optimum of scikit-learn's objective on unscaled counts, where scikit-learn's own solvers stall", () => {
    // Views run to ~1e6, so the penalty on their coefficients is ~1e-11 in standardised units: no flat direction may be left for it to fix.
    const raw = matrix(fx.X, fx.names);
    for (const C of [0.1, 1]) {
      const model = fitK(raw, fx.y, 3, { C });
      expect(model.converged).toBe(true);
      // Gradient of Σ log-loss + Σc ‖wc‖²/(2C), per class: Σᵢ (pᵢc − [yᵢ = c]) xᵢⱼ + wcⱼ/C, and Σᵢ (pᵢc − [yᵢ = c]) for the intercept.
      const p = model.predictProba(raw).data;
      for (let c = 0; c < 3; c++) {
        let gb = 0;
        for (let i = 0; i < fx.rows; i++) gb += p[3 * i + c] - (fx.y[i] === c ? 1 : 0);
        expect(Math.abs(gb), `intercept ${c}`).toBeLessThan(1e-8);
        fx.X.forEach((col, j) => {
          let g = model.coefficients[c][j] / C;
          let scale = 0;
          col.forEach((x, i) => {
            g += (p[3 * i + c] - (fx.y[i] === c ? 1 : 0)) * x;
            scale += Math.abs(x);
          });
          expect(Math.abs(g) / scale, `coef ${c}, ${fx.names[j]}`).toBeLessThan(1e-11);
        });
      }
    }
  });

  it('reports non-convergence as a warning', () => {
    const model = fitK(X, fx.y, 3, { maxIter: 1 });
    expect(model.converged).toBe(false);
    expect(model.warning).toMatch(/did not converge in max_iter=1 iterations/);
  });

  it('keeps two classes on the binary model, unchanged', () => {
    const y2 = fx.y.map((v) => (v === 0 ? 0 : 1));
    expect(logisticRegression.fit(X, Int32Array.from(y2), 2, {})).toBeInstanceOf(LogisticRegressionModel);
  });
});

describe('multinomial errors', () => {
  const base = (cols: Record<string, number[]>) => matrix(Object.values(cols), Object.keys(cols));
  const x1 = Array.from({ length: 90 }, (_, i) => Math.sin(i));
  const x2 = Array.from({ length: 90 }, (_, i) => Math.cos(3 * i));
  const y3 = x1.map((v, i) => {
    const s = v + 0.5 * x2[i] + Math.sin(7 * i);
    return s > 0.6 ? 2 : s > -0.4 ? 1 : 0;
  });
  const y2 = y3.map((v) => (v === 2 ? 1 : 0));

  function apiError(f: () => unknown): ApiError {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      return e as ApiError;
    }
    throw new Error('expected an ApiError');
  }

  it('gives the binary model\'s message for a singular design under penalty none, and fits it under l2', () => {
    const X = base({ x1, x2, sum: x1.map((v, i) => v + 2 * x2[i]) });
    const e = apiError(() => fitK(X, y3, 3, { penalty: 'none' }));
    expect(e.code).toBe('bad-input');
    expect(e.message).toBe(apiError(() => logisticRegression.fit(X, Int32Array.from(y2), 2, { penalty: 'none' })).message);
    expect(e.message).toBe(
      'The features are collinear: "sum" is a linear combination of "x1" and "x2", so logistic regression has no unique solution. Drop one of them, or use penalty \'l2\'.',
    );
    expect(fitK(X, y3, 3).converged).toBe(true);
  });

  it('names a constant feature under penalty none, as the binary model does', () => {
    const X = base({ x1, flat: x1.map(() => 3) });
    const e = apiError(() => fitK(X, y3, 3, { penalty: 'none' }));
    expect(e.message).toBe("Feature \"flat\" is constant, so its coefficient cannot be told apart from the intercept. Drop it, or use penalty 'l2'.");
    const model = fitK(X, y3, 3);
    expect(model.coefficients.map((w) => w[1])).toEqual([0, 0, 0]);
  });

  it('names a feature that separates one class from the rest under penalty none', () => {
    const score = x1.map((v, i) => (y3[i] === 2 ? 5 + v : v));
    const X = base({ noise: x2, score });
    const e = apiError(() => fitK(X, y3, 3, { penalty: 'none', classNames: ['low', 'mid', 'high'] }));
    expect(e.message).toMatch(/^A class is \(almost\) perfectly separated from the others by "score" \("high" from the rest\), so unpenalised logistic regression has no finite solution/);
    expect(fitK(X, y3, 3).converged).toBe(true);
  });

  it('needs rows of every class, naming the missing one', () => {
    const X = base({ x1, x2 });
    const noMid = y3.map((v) => (v === 1 ? 0 : v));
    expect(() => fitK(X, noMid, 3, { classNames: ['low', 'mid', 'high'] })).toThrow('Logistic regression needs rows of every class; the 90 training rows have none of "mid".');
    expect(() => fitK(X, noMid, 3)).toThrow(/have none of "class 1"/);
  });

  it('refuses class indices outside 0..k−1 and mismatched lengths', () => {
    const X = base({ x1, x2 });
    const bad: number[] = [...y3];
    bad[7] = 3;
    expect(() => fitK(X, bad, 3)).toThrow('Class index 3 at row 8 is outside 0..2.');
    expect(() => fitK(X, y3.slice(1), 3)).toThrow('The target has 89 rows but the features have 90.');
  });

  it('names a feature with missing values when fitting and when predicting, and a matrix of the wrong width', () => {
    const holes = [...x2];
    holes[4] = NaN;
    expect(() => fitK(base({ views: x1, likes: holes }), y3, 3)).toThrow(
      'Feature "likes" has 1 missing or infinite value (first at row 5); logistic regression needs complete rows, so impute or drop them first.',
    );
    const model = fitK(base({ x1, x2 }), y3, 3);
    expect(() => model.predictProba(base({ x1 }))).toThrow(/fitted on 2 features but got 1/);
    const gap = [...x2];
    gap[2] = NaN;
    expect(() => model.predictProba(base({ x1, x2: gap }))).toThrow('Feature "x2" is missing at row 3; logistic regression cannot score incomplete rows.');
  });

  it('refuses a non-positive C and stops when aborted', () => {
    const X = base({ x1, x2 });
    expect(() => fitK(X, y3, 3, { C: 0 })).toThrow('C must be a positive number; got 0.');
    expect(() => logisticRegression.fit(X, Int32Array.from(y3), 3, {}, { signal: { aborted: true } })).toThrow(/aborted/);
  });

  it('fits four classes: probabilities sum to 1 and favour each row\'s own region', () => {
    const y4 = x1.map((v, i) => (v > 0 ? 2 : 0) + (x2[i] > 0 ? 1 : 0));
    const model = fitK(base({ x1, x2 }), y4, 4);
    expect(model.nClasses).toBe(4);
    const p = model.predictProba(base({ x1: [0.9, -0.9], x2: [0.9, -0.9] }));
    expect(p.classes).toBe(4);
    expect(p.data[0] + p.data[1] + p.data[2] + p.data[3]).toBeCloseTo(1, 14);
    expect(Array.from(p.data.subarray(0, 4)).indexOf(Math.max(...p.data.subarray(0, 4)))).toBe(3);
    expect(Array.from(p.data.subarray(4, 8)).indexOf(Math.max(...p.data.subarray(4, 8)))).toBe(0);
  });
});
