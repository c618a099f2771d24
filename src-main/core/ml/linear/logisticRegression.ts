/**
 * scikit-learn's LogisticRegression (binary, lbfgs objective) solved to its
 * optimum by Newton's method.
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
import { cholesky, choleskyInverse, collinearWith } from './linalg';
import { newtonLogistic, PerfectPredictionError, sigmoid, SingularHessianError, weightedGram } from './newton';
import type { NewtonStatus } from './newton';
import { twoSidedP, Z_975 } from './normal';

export interface LogisticRegressionParams {
  /** 'l2' (default) or 'none'; null is scikit-learn 1.2's spelling of 'none'. */
  penalty?: 'l2' | 'none' | null;
  /** Inverse regularisation strength (default 1). Ignored for penalty 'none'. */
  C?: number;
  fitIntercept?: boolean;
  /** Newton iterations (default 100). */
  maxIter?: number;
  /** Default 1e-4; smaller values only tighten the (already rounding-level) stopping rule, see the module comment. */
  tol?: number;
  /** Accepted for scikit-learn compatibility; the solver is deterministic. */
  randomState?: number;
  /** Class names, only used to word the error for more than two classes. */
  classNames?: readonly string[];
}

export interface LogisticInference {
  /** 'const' (statsmodels' name for the intercept) first when fitted with one, then the features. */
  terms: string[];
  coef: number[];
  stdErrors: number[];
  z: number[];
  pValues: number[];
  ci95: [number, number][];
}

const quote = (s: string) => `"${s}"`;

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
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

  private checkX(X: FeatureMatrix): void {
    if (X.columns.length !== this.coefficients.length)
      throw new ApiError(
        'bad-input',
        `The model was fitted on ${this.coefficients.length} features but got ${X.columns.length}.`,
      );
  }

  /** b + x·w per row (scikit-learn's `decision_function`). */
  decisionFunction(X: FeatureMatrix): Float64Array {
    this.checkX(X);
    const out = new Float64Array(X.rows).fill(this.intercept);
    for (let j = 0; j < X.columns.length; j++) {
      const c = X.columns[j];
      const w = this.coefficients[j];
      for (let i = 0; i < X.rows; i++) out[i] += w * c[i];
    }
    for (let i = 0; i < X.rows; i++)
      if (Number.isNaN(out[i])) {
        const j = X.columns.findIndex((c) => Number.isNaN(c[i]));
        throw new ApiError('bad-input', `Feature ${quote(X.names[j] ?? `#${j}`)} is missing at row ${i + 1}; logistic regression cannot score incomplete rows.`);
      }
    return out;
  }

  /** Row-major n × 2: [P(class 0), P(class 1)], each computed as a logistic of ±decision so neither tail loses precision. */
  predictProba(X: FeatureMatrix): ProbabilityMatrix {
    const eta = this.decisionFunction(X);
    const data = new Float64Array(X.rows * 2);
    for (let i = 0; i < X.rows; i++) {
      data[2 * i] = sigmoid(-eta[i]);
      data[2 * i + 1] = sigmoid(eta[i]);
    }
    return { rows: X.rows, classes: 2, data };
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
    if (this.penalty !== 'none')
      throw new ApiError(
        'bad-input',
        "Standard errors and p-values are only reported for penalty 'none': a penalised (l2) fit shrinks the coefficients on purpose, so Wald intervals around them would mislead.",
      );
    if (!this.covariance) throw new ApiError('bad-input', this.inferenceError ?? 'Inference is not available for this fit.');
    const terms = this.fitIntercept ? ['const', ...this.featureNames] : [...this.featureNames];
    const coef = this.fitIntercept ? [this.intercept, ...this.coefficients] : [...this.coefficients];
    const d = coef.length;
    const stdErrors = coef.map((_, j) => Math.sqrt(this.covariance![j * d + j]));
    const z = coef.map((c, j) => c / stdErrors[j]);
    return {
      terms,
      coef,
      stdErrors,
      z,
      pValues: z.map(twoSidedP),
      ci95: coef.map((c, j): [number, number] => [c - Z_975 * stdErrors[j], c + Z_975 * stdErrors[j]]),
    };
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

/** Features that on their own split the classes (every class-0 value below every class-1 value, or the reverse). */
function separatingFeatures(X: FeatureMatrix, y: Uint8Array): string[] {
  const out: string[] = [];
  X.columns.forEach((c, j) => {
    let min0 = Infinity;
    let max0 = -Infinity;
    let min1 = Infinity;
    let max1 = -Infinity;
    for (let i = 0; i < X.rows; i++) {
      const v = c[i];
      if (y[i]) {
        if (v < min1) min1 = v;
        if (v > max1) max1 = v;
      } else {
        if (v < min0) min0 = v;
        if (v > max0) max0 = v;
      }
    }
    if (max0 <= min1 || max1 <= min0) out.push(X.names[j]);
  });
  return out;
}

function separationError(X: FeatureMatrix, y: Uint8Array): ApiError {
  const sep = separatingFeatures(X, y);
  const by = sep.length ? ` by ${listNames(sep.map(quote))}` : ' by a combination of the features';
  return new ApiError(
    'bad-input',
    `The classes are (almost) perfectly separated${by}, so unpenalised logistic regression has no finite solution: its coefficients grow without bound. Use penalty 'l2', or drop the separating feature.`,
  );
}

/** Names the columns that make H singular at `failedAt` (design column names, 'the intercept' for the ones column). */
function collinearityError(H: Float64Array, L: Float64Array, d: number, failedAt: number, termNames: string[], penalty: 'l2' | 'none'): ApiError {
  const beta = collinearWith(H, d, L, failedAt);
  let max = 0;
  for (const b of beta) max = Math.max(max, Math.abs(b));
  const partners: string[] = [];
  beta.forEach((b, k) => {
    if (max > 0 && Math.abs(b) >= 0.01 * max) partners.push(termNames[k]);
  });
  const culprit = termNames[failedAt];
  const others = partners.filter((p) => p !== 'the intercept').map(quote);
  const withIntercept = partners.includes('the intercept');
  const what = others.length
    ? `${quote(culprit)} is a linear combination of ${listNames(others)}${withIntercept ? ' and the intercept' : ''}`
    : withIntercept
      ? `${quote(culprit)} is constant, so it duplicates the intercept`
      : `${quote(culprit)} is all zeros`;
  const fix = penalty === 'none' ? "Drop one of them, or use penalty 'l2'." : 'Drop one of them, or use a smaller C.';
  return new ApiError('bad-input', `The features are collinear: ${what}, so logistic regression has no unique solution. ${fix}`);
}

/** The spec; `fit` returns the concrete model so callers get coefficients and inference. */
export const logisticRegression = {
  name: 'logisticRegression',
  fit(X: FeatureMatrix, y: Int32Array, nClasses: number, params: LogisticRegressionParams, opts: FitOptions = {}): LogisticRegressionModel {
    const penalty = params.penalty === 'none' || params.penalty === null ? 'none' : 'l2';
    const C = params.C ?? 1;
    const fitIntercept = params.fitIntercept ?? true;
    const maxIter = params.maxIter ?? 100;
    const tol = params.tol ?? 1e-4;
    if (nClasses !== 2) {
      const names = params.classNames && params.classNames.length === nClasses ? `: ${params.classNames.join(', ')}` : ' classes';
      throw new ApiError('bad-input', `Logistic regression here supports 2 classes; the target has ${nClasses}${names}.`);
    }
    if (penalty === 'l2' && !(C > 0 && Number.isFinite(C))) throw new ApiError('bad-input', `C must be a positive number; got ${C}.`);
    const n = X.rows;
    const p = X.columns.length;
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
    const mean = new Float64Array(p);
    const scale = new Float64Array(p);
    const z: Float64Array[] = [];
    for (let j = 0; j < p; j++) {
      const c = X.columns[j];
      let sum = 0;
      let bad = 0;
      let first = -1;
      for (let i = 0; i < n; i++) {
        const v = c[i];
        if (!Number.isFinite(v)) {
          bad++;
          if (first < 0) first = i;
        } else sum += v;
      }
      if (bad > 0)
        throw new ApiError(
          'bad-input',
          `Feature ${quote(X.names[j])} has ${bad} missing or infinite value${bad === 1 ? '' : 's'} (first at row ${first + 1}); logistic regression needs complete rows, so impute or drop them first.`,
        );
      const m = fitIntercept ? sum / n : 0;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (c[i] - m) * (c[i] - m);
      let s = Math.sqrt(ss / n);
      if (!(s > 1e-300) || !(s > 1e-13 * Math.abs(m))) {
        if (penalty === 'none')
          throw new ApiError(
            'bad-input',
            fitIntercept
              ? `Feature ${quote(X.names[j])} is constant, so its coefficient cannot be told apart from the intercept. Drop it, or use penalty 'l2'.`
              : `Feature ${quote(X.names[j])} is all zeros, so its coefficient is undetermined. Drop it, or use penalty 'l2'.`,
          );
        s = 1; // Its centred column is ~0; the penalty keeps its coefficient at 0.
      }
      mean[j] = m;
      scale[j] = s;
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) col[i] = (c[i] - m) / s;
      z.push(col);
    }
    const columns = fitIntercept ? [new Float64Array(n).fill(1), ...z] : z;
    const termNames = fitIntercept ? ['the intercept', ...X.names] : [...X.names];
    const off = fitIntercept ? 1 : 0;
    const ridge = new Float64Array(columns.length);
    if (penalty === 'l2') for (let j = 0; j < p; j++) ridge[off + j] = 1 / (C * scale[j] * scale[j]);

    let result;
    try {
      result = newtonLogistic({
        columns,
        y: y01,
        ridge,
        maxIter,
        stepTol: Math.min(tol, 1e-4) * 1e-6,
        decrementTol: Math.min(tol, 1e-4) * 1e-8,
        signal: opts.signal,
        onProgress: opts.onProgress,
      });
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
    const coefficients = new Float64Array(p);
    let intercept = fitIntercept ? theta[0] : 0;
    for (let j = 0; j < p; j++) {
      coefficients[j] = theta[off + j] / scale[j];
      intercept -= coefficients[j] * mean[j];
    }
    const status: NewtonStatus = result.status;
    const converged = status === 'converged';
    const warning = converged
      ? null
      : status === 'max-iter'
        ? `The solver did not converge in max_iter=${maxIter} iterations (largest gradient component ${result.maxGradient.toExponential(2)}); increase max_iter.`
        : `The line search could not decrease the objective (largest gradient component ${result.maxGradient.toExponential(2)}); the data may be (nearly) separable or degenerate.`;

    let covariance: Float64Array | null = null;
    let inferenceError: string | null = null;
    if (penalty === 'none') {
      ({ covariance, inferenceError } = unpenalisedCovariance(columns, theta, mean, scale, fitIntercept, termNames));
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
  },
} satisfies ClassifierSpec<LogisticRegressionParams>;

/**
 * (XᵀWX)⁻¹ in the caller's coordinates from the standardised fit: with
 * θ = T·θ' (b = b' − Σ mⱼw'ⱼ/sⱼ, wⱼ = w'ⱼ/sⱼ), Cov(θ) = T·H'⁻¹·Tᵀ.
 */
function unpenalisedCovariance(
  columns: Float64Array[],
  theta: Float64Array,
  mean: Float64Array,
  scale: Float64Array,
  fitIntercept: boolean,
  termNames: string[],
): { covariance: Float64Array | null; inferenceError: string | null } {
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
  const inner = choleskyInverse(L, d);
  const off = fitIntercept ? 1 : 0;
  const T = new Float64Array(d * d);
  if (fitIntercept) {
    T[0] = 1;
    for (let j = 0; j < scale.length; j++) T[j + 1] = -mean[j] / scale[j];
  }
  for (let j = 0; j < scale.length; j++) T[(off + j) * d + off + j] = 1 / scale[j];
  const TC = new Float64Array(d * d);
  for (let r = 0; r < d; r++)
    for (let c = 0; c < d; c++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += T[r * d + k] * inner[k * d + c];
      TC[r * d + c] = s;
    }
  const cov = new Float64Array(d * d);
  for (let r = 0; r < d; r++)
    for (let c = 0; c < d; c++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += TC[r * d + k] * T[c * d + k];
      cov[r * d + c] = s;
    }
  return { covariance: cov, inferenceError: null };
}
