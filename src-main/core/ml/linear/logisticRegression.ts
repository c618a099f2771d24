/**
 * scikit-learn's LogisticRegression (binary, lbfgs objective) solved to its
 * optimum by Newton's method. With more than two classes `fit` returns the
 * multinomial model instead (multinomialLogisticRegression.ts), which shares
 * the standardised design, the stopping rules and the error messages.
 *
 * Objective, in scikit-learn's scaling: Σᵢ logloss(yᵢ, σ(b + xᵢ·w)) + ‖w‖²/(2C)
 * for penalty 'l2' (the intercept b is not penalised), the plain negative
 * log-likelihood for 'none'. The same optimum as C·Σ logloss + ½‖w‖².
 *
 * The solver works on standardised columns zⱼ = (xⱼ − mⱼ)/sⱼ (mⱼ = 0 without
 * an intercept). That is an exact linear change of coordinates — the penalty
 * becomes Σ w'ⱼ²/(2C·sⱼ²) — and Newton's method is affine invariant, so the
 * optimum is the same; standardising only keeps XᵀWX well conditioned when
 * features are counts in the millions, as in the Course 5 data. Because
 * Newton converges quadratically it stops far tighter than scikit-learn's
 * lbfgs (whose `tol` bounds the largest gradient component): it stops after
 * the step in standardised coordinates falls below min(tol, 1e-4)·1e-6, or
 * after a full step taken with Newton decrement ≤ min(tol, 1e-4)·1e-8·max(1, F),
 * which leaves an error of the order of rounding. `maxIter`
 * counts Newton iterations; running out is reported in `warning`, like
 * scikit-learn's ConvergenceWarning, not thrown.
 *
 * Inference (`inference()`) is offered for penalty 'none' only, as statsmodels'
 * `Logit(y, add_constant(X)).fit()` reports it: Cov = (XᵀWX)⁻¹ at the optimum
 * (intercept column included), SE = √diag(Cov), z = coef/SE, p = P(|Z| ≥ |z|),
 * CI = coef ± 1.959963984540054·SE. A penalised fit has no such summary here:
 * its coefficients are shrunk towards 0 on purpose, so Wald SEs around them
 * neither centre on the truth nor have the coverage analysts read into them.
 */
import { ApiError } from '../../api/errors';
import type { ClassifierSpec, FeatureMatrix, FitOptions, FittedClassifier, ProbabilityMatrix } from '../types';
import { PerfectPredictionError, SingularHessianError } from './dampedNewton';
import type { NewtonStatus } from './dampedNewton';
import { addScaled } from './columnKernels';
import { cholesky, choleskyInverse } from './linalg';
import { collinearityError, separationError } from './logisticErrors';
import { convergenceWarning, resolveLogisticParams } from './logisticParams';
import type { LogisticRegressionParams } from './logisticParams';
import { fitMultinomial, MultinomialLogisticRegressionModel } from './multinomialLogisticRegression';
import { newtonLogistic, sigmoid, weightedGram } from './newton';
import { newtonStopping, ridgeWeights } from './newtonSetup';
import { checkCompleteRows, checkFeatureCount } from './scoredRows';
import { sandwich, standardisedDesign, unstandardise, unstandardiseMatrix } from './standardisedDesign';
import type { StandardisedDesign } from './standardisedDesign';
import { inferenceCovariance, inferenceTerms, waldSummary } from './waldInference';
import type { WaldSummary } from './waldInference';

export type { LogisticRegressionParams } from './logisticParams';

export interface LogisticInference extends WaldSummary {
  /** 'const' (statsmodels' name for the intercept) first when fitted with one, then the features. */
  terms: string[];
}

export class LogisticRegressionModel implements FittedClassifier {
  readonly nClasses = 2;

  constructor(
    readonly featureNames: string[],
    /** Per feature, on the features' own scale (scikit-learn's `coef_[0]`). */
    readonly coefficients: Float64Array,
    readonly intercept: number,
    readonly penalty: 'l2' | 'none',
    readonly C: number,
    readonly fitIntercept: boolean,
    readonly iterations: number,
    readonly converged: boolean,
    /** Set when the solver stopped before converging (scikit-learn's ConvergenceWarning). */
    readonly warning: string | null,
    private readonly covariance: Float64Array | null,
    private readonly inferenceError: string | null,
  ) {}

  /** b + x·w per row (scikit-learn's `decision_function`). */
  decisionFunction(X: FeatureMatrix): Float64Array {
    checkFeatureCount(X, this.coefficients.length);
    const out = new Float64Array(X.rows).fill(this.intercept);
    for (let j = 0; j < X.columns.length; j++) addScaled(out, this.coefficients[j], X.columns[j], X.rows);
    checkCompleteRows(X, out, 1);
    return out;
  }

  /** Row-major n × 2: [P(class 0), P(class 1)], each computed as a logistic of ±decision so neither tail loses precision. */
  predictProba(X: FeatureMatrix): ProbabilityMatrix {
    return { rows: X.rows, classes: 2, data: binaryProbabilities(this.decisionFunction(X)) };
  }

  /** e^coef: the factor by which the odds of class 1 change per unit of each feature. */
  oddsRatios(): Float64Array {
    return this.coefficients.map(Math.exp);
  }

  /**
   * |coefficient| per feature. Like the seed notebook's reading of `coef_`, this
   * depends on each feature's units: compare features on a common scale only.
   */
  featureImportances(): Float64Array {
    return this.coefficients.map(Math.abs);
  }

  /** statsmodels-style Wald inference; only for penalty 'none' (see the module comment). */
  inference(): LogisticInference {
    const covariance = inferenceCovariance(this.penalty, this.covariance, this.inferenceError);
    const coef = this.fitIntercept ? [this.intercept, ...this.coefficients] : [...this.coefficients];
    const d = coef.length;
    return { terms: inferenceTerms(this.fitIntercept, this.featureNames), ...waldSummary(coef, (j) => covariance[j * d + j]) };
  }

  toJSON(): unknown {
    let inference: LogisticInference | null = null;
    if (this.penalty === 'none' && this.covariance) inference = this.inference();
    return {
      kind: 'logisticRegression',
      penalty: this.penalty,
      C: this.C,
      fitIntercept: this.fitIntercept,
      features: this.featureNames,
      coefficients: Array.from(this.coefficients),
      intercept: this.intercept,
      oddsRatios: Array.from(this.oddsRatios()),
      iterations: this.iterations,
      converged: this.converged,
      warning: this.warning,
      inference,
      inferenceError: this.penalty === 'none' ? this.inferenceError : null,
    };
  }
}

/** Row-major n × 2 [σ(−ηᵢ), σ(ηᵢ)]: a loop of its own, so it is optimised whole (see columnKernels.ts). */
export function binaryProbabilities(eta: Float64Array): Float64Array {
  const data = new Float64Array(eta.length * 2);
  for (let i = 0; i < eta.length; i++) {
    data[2 * i] = sigmoid(-eta[i]);
    data[2 * i + 1] = sigmoid(eta[i]);
  }
  return data;
}

/** The spec; `fit` returns the concrete model so callers get coefficients and inference. */
export const logisticRegression = {
  name: 'logisticRegression',
  fit: fitLogisticRegression,
} satisfies ClassifierSpec<LogisticRegressionParams>;

/** Two classes: the binary model; more: the multinomial one (multinomialLogisticRegression.ts). */
function fitLogisticRegression(X: FeatureMatrix, y: Int32Array, nClasses: 2, params: LogisticRegressionParams, opts?: FitOptions): LogisticRegressionModel;
function fitLogisticRegression(
  X: FeatureMatrix,
  y: Int32Array,
  nClasses: number,
  params: LogisticRegressionParams,
  opts?: FitOptions,
): LogisticRegressionModel | MultinomialLogisticRegressionModel;
function fitLogisticRegression(
  X: FeatureMatrix,
  y: Int32Array,
  nClasses: number,
  params: LogisticRegressionParams,
  opts: FitOptions = {},
): LogisticRegressionModel | MultinomialLogisticRegressionModel {
    if (nClasses < 2) {
      const names = params.classNames && params.classNames.length === nClasses ? `: ${params.classNames.join(', ')}` : '';
      throw new ApiError('bad-input', `Logistic regression needs at least two classes; the target has ${nClasses}${names}.`);
    }
    const resolved = resolveLogisticParams(params);
    const { penalty, C, fitIntercept, maxIter } = resolved;
    if (nClasses > 2) return fitMultinomial(X, y, nClasses, params, opts);
    const n = X.rows;
    if (y.length !== n) throw new ApiError('bad-input', `The target has ${y.length} rows but the features have ${n}.`);

    const y01 = new Uint8Array(n);
    let positives = 0;
    for (let i = 0; i < n; i++) {
      const v = y[i];
      if (v !== 0 && v !== 1) throw new ApiError('bad-input', `Class index ${v} at row ${i + 1} is outside 0..1.`);
      y01[i] = v;
      positives += v;
    }
    if (positives === 0 || positives === n)
      throw new ApiError('bad-input', `Logistic regression needs rows of both classes; all ${n} training rows are class ${positives ? 1 : 0}.`);

    // Standardise (an exact change of coordinates; see the module comment).
    const design = standardisedDesign(X, fitIntercept, penalty);
    const { columns, termNames } = design;

    let result;
    try {
      result = newtonLogistic({ columns, y: y01, ridge: ridgeWeights(design, resolved), ...newtonStopping(resolved, opts) });
    } catch (e) {
      if (e instanceof PerfectPredictionError) throw separationError(X, y01);
      if (e instanceof SingularHessianError) {
        // At θ = 0 every weight is ¼, so a singular Hessian is collinear features; later it is separation.
        if (e.iteration === 0) throw collinearityError(e.hessian, e.factor, columns.length, e.failedAt, termNames, penalty);
        throw separationError(X, y01);
      }
      throw e;
    }

    const theta = result.theta;
    const { intercept, coefficients } = unstandardise(theta, design);
    const status: NewtonStatus = result.status;
    const converged = status === 'converged';
    const warning = convergenceWarning(status, maxIter, result.maxGradient);

    let covariance: Float64Array | null = null;
    let inferenceError: string | null = null;
    if (penalty === 'none') {
      ({ covariance, inferenceError } = unpenalisedCovariance(theta, design));
    }
    return new LogisticRegressionModel(
      [...X.names],
      coefficients,
      intercept,
      penalty,
      C,
      fitIntercept,
      result.iterations,
      converged,
      warning,
      covariance,
      inferenceError,
    );
}

/**
 * (XᵀWX)⁻¹ in the caller's coordinates from the standardised fit: with
 * θ = T·θ' (b = b' − Σ mⱼw'ⱼ/sⱼ, wⱼ = w'ⱼ/sⱼ), Cov(θ) = T·H'⁻¹·Tᵀ.
 */
function unpenalisedCovariance(theta: Float64Array, design: StandardisedDesign): { covariance: Float64Array | null; inferenceError: string | null } {
  const { columns, termNames } = design;
  const d = columns.length;
  const n = columns[0]?.length ?? 0;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < d; j++) eta += theta[j] * columns[j][i];
    const pr = sigmoid(eta);
    w[i] = pr * (1 - pr);
  }
  const H = weightedGram(columns, w, new Float64Array(d));
  const { L, failedAt } = cholesky(H, d);
  if (failedAt >= 0) return { covariance: null, inferenceError: collinearityError(H, L, d, failedAt, termNames, 'none').message };
  return { covariance: sandwich(unstandardiseMatrix(design), choleskyInverse(L, d), d), inferenceError: null };
}
