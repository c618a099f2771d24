/**
 * scikit-learn 1.2's LogisticRegression for k > 2 classes (multi_class='auto',
 * which is 'multinomial' for lbfgs), solved to its optimum by Newton's method
 * (multinomialNewton.ts) on standardised columns (standardisedDesign.ts).
 *
 * Like scikit-learn it keeps k coefficient vectors wc and intercepts bc,
 * P(class c | x) = softmax(b + W·x)c, and minimises
 *   Σᵢ −log P(yᵢ | xᵢ) + Σc ‖wc‖²/(2C)
 * (intercepts unpenalised; no penalty for 'none'). Softmax ignores a shift
 * common to every class, so the optimum is pinned the way scikit-learn's
 * solvers reach it from zero, whose gradients sum to zero over the classes:
 * Σc wc = 0 (which the penalty enforces anyway) and Σc bc = 0.
 *
 * Inference (`inference()`, penalty 'none' only, for the reasons given in
 * logisticRegression.ts) is statsmodels' `MNLogit(y, add_constant(X))`: k − 1
 * equations, each the log-odds of class c against the first class (the
 * reference), βc = (bc − b0, wc − w0); Cov = H⁻¹ of the negative
 * log-likelihood in those (k − 1)·(p + 1) parameters at the optimum; SE, z,
 * p and the 95 % interval per equation as for the binary model.
 */
import { ApiError } from '../../api/errors';
import type { FeatureMatrix, FitOptions, FittedClassifier, ProbabilityMatrix } from '../types';
import { PerfectPredictionError, SingularHessianError } from './dampedNewton';
import { cholesky, choleskyInverse } from './linalg';
import { collinearityError, listNames, multiclassSeparationError, quote } from './logisticErrors';
import { convergenceWarning, resolveLogisticParams } from './logisticParams';
import type { LogisticRegressionParams } from './logisticParams';
import { linearPredictor, multinomialHessian, newtonMultinomial, softmaxLoss } from './multinomialNewton';
import { weightedGram } from './newton';
import { newtonStopping, ridgeWeights } from './newtonSetup';
import { checkCompleteRows, checkFeatureCount } from './scoredRows';
import { sandwich, standardisedDesign, unstandardise, unstandardiseMatrix } from './standardisedDesign';
import type { StandardisedDesign } from './standardisedDesign';
import { inferenceCovariance, inferenceTerms, waldSummary } from './waldInference';
import type { WaldSummary } from './waldInference';

/** One MNLogit equation: the log-odds of `class` against the reference class, per term. */
export interface MultinomialEquation extends WaldSummary {
  class: number;
}

export interface MultinomialInference {
  /** 'const' first when fitted with an intercept, then the features. */
  terms: string[];
  /** The class every equation is measured against (statsmodels: the first). */
  reference: number;
  /** One per class other than the reference, in class order. */
  equations: MultinomialEquation[];
}

/** The class every contrast and MNLogit equation is measured against. */
export const REFERENCE_CLASS = 0;

export class MultinomialLogisticRegressionModel implements FittedClassifier {
  readonly nClasses: number;

  constructor(
    readonly featureNames: string[],
    /** k vectors of one coefficient per feature on the features' own scale (scikit-learn's `coef_`), summing to 0 over the classes. */
    readonly coefficients: Float64Array[],
    /** k intercepts (`intercept_`), summing to 0; all 0 without an intercept. */
    readonly intercepts: Float64Array,
    readonly penalty: 'l2' | 'none',
    readonly C: number,
    readonly fitIntercept: boolean,
    readonly iterations: number,
    readonly converged: boolean,
    /** Set when the solver stopped before converging (scikit-learn's ConvergenceWarning). */
    readonly warning: string | null,
    /** Class names in index order, when the caller gave them. */
    readonly classNames: string[] | null,
    /** Of the MNLogit parameters (equation-major, each equation's terms as `inference().terms`); null when not computed. */
    private readonly covariance: Float64Array | null,
    private readonly inferenceError: string | null,
  ) {
    this.nClasses = intercepts.length;
  }

  /** b + W·x per row and class (scikit-learn's `decision_function`), row-major n × k. */
  decisionFunction(X: FeatureMatrix): Float64Array {
    const p = this.featureNames.length;
    checkFeatureCount(X, p);
    const k = this.nClasses;
    const out = new Float64Array(X.rows * k);
    for (let i = 0; i < X.rows; i++) for (let c = 0; c < k; c++) out[i * k + c] = this.intercepts[c];
    for (let j = 0; j < p; j++) {
      const col = X.columns[j];
      for (let c = 0; c < k; c++) {
        const w = this.coefficients[c][j];
        for (let i = 0; i < X.rows; i++) out[i * k + c] += w * col[i];
      }
    }
    checkCompleteRows(X, out, k);
    return out;
  }

  /** Row-major n × k softmax of the decision function. */
  predictProba(X: FeatureMatrix): ProbabilityMatrix {
    const eta = this.decisionFunction(X);
    const data = new Float64Array(eta.length);
    softmaxLoss(eta, new Int32Array(X.rows), this.nClasses, data);
    return { rows: X.rows, classes: this.nClasses, data };
  }

  /** The name of class `c`: the caller's, or "class c". */
  className(c: number): string {
    return this.classNames?.[c] ?? `class ${c}`;
  }

  /**
   * Per class other than the reference: its intercept and coefficients minus
   * the reference's, the change in the log-odds of that class against the
   * reference (MNLogit's parameters). e^coef is that odds ratio.
   */
  contrasts(): { class: number; intercept: number; coefficients: Float64Array }[] {
    const ref = REFERENCE_CLASS;
    const out = [];
    for (let c = 0; c < this.nClasses; c++) {
      if (c === ref) continue;
      const w = this.coefficients[c];
      const w0 = this.coefficients[ref];
      out.push({ class: c, intercept: this.intercepts[c] - this.intercepts[ref], coefficients: w.map((v, j) => v - w0[j]) });
    }
    return out;
  }

  /** statsmodels MNLogit-style Wald inference; only for penalty 'none'. */
  inference(): MultinomialInference {
    const covariance = inferenceCovariance(this.penalty, this.covariance, this.inferenceError);
    const terms = inferenceTerms(this.fitIntercept, this.featureNames);
    const d = terms.length;
    const D = d * (this.nClasses - 1);
    const equations = this.contrasts().map((e, q): MultinomialEquation => {
      const coef = this.fitIntercept ? [e.intercept, ...e.coefficients] : [...e.coefficients];
      return { class: e.class, ...waldSummary(coef, (j) => covariance[(q * d + j) * D + q * d + j]) };
    });
    return { terms, reference: REFERENCE_CLASS, equations };
  }

  toJSON(): unknown {
    return {
      kind: 'logisticRegression',
      multiClass: 'multinomial',
      nClasses: this.nClasses,
      classes: this.classNames,
      penalty: this.penalty,
      C: this.C,
      fitIntercept: this.fitIntercept,
      features: this.featureNames,
      coefficients: this.coefficients.map((w) => Array.from(w)),
      intercept: Array.from(this.intercepts),
      reference: REFERENCE_CLASS,
      iterations: this.iterations,
      converged: this.converged,
      warning: this.warning,
      inference: this.penalty === 'none' && this.covariance ? this.inference() : null,
      inferenceError: this.penalty === 'none' ? this.inferenceError : null,
    };
  }
}

/** Subtracts the mean over the classes from each entry (the pinned optimum; see the module comment). */
function centreOverClasses(values: Float64Array[]): void {
  const k = values.length;
  for (let j = 0; j < values[0].length; j++) {
    let s = 0;
    for (const v of values) s += v[j];
    for (const v of values) v[j] -= s / k;
  }
}

/** The k-class fit behind `logisticRegression.fit` (logisticRegression.ts) when the target has more than two classes. */
export function fitMultinomial(X: FeatureMatrix, y: Int32Array, k: number, params: LogisticRegressionParams, opts: FitOptions = {}): MultinomialLogisticRegressionModel {
  const resolved = resolveLogisticParams(params);
  const { penalty, C, fitIntercept, maxIter } = resolved;
  const classNames = params.classNames && params.classNames.length === k ? [...params.classNames] : null;
  const label = (c: number) => classNames?.[c] ?? `class ${c}`;
  const n = X.rows;
  if (y.length !== n) throw new ApiError('bad-input', `The target has ${y.length} rows but the features have ${n}.`);
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (!(Number.isInteger(v) && v >= 0 && v < k)) throw new ApiError('bad-input', `Class index ${v} at row ${i + 1} is outside 0..${k - 1}.`);
    counts[v]++;
  }
  const absent = Array.from(counts.keys()).filter((c) => counts[c] === 0);
  if (absent.length)
    throw new ApiError(
      'bad-input',
      `Logistic regression needs rows of every class; the ${n} training rows have none of ${listNames(absent.map((c) => quote(label(c))))}.`,
    );

  const design = standardisedDesign(X, fitIntercept, penalty);
  const { columns, termNames } = design;
  const d = columns.length;

  let result;
  try {
    result = newtonMultinomial({
      columns,
      y,
      nClasses: k,
      ridge: ridgeWeights(design, resolved),
      reference: REFERENCE_CLASS,
      ...newtonStopping(resolved, opts),
    });
  } catch (e) {
    if (e instanceof PerfectPredictionError) throw multiclassSeparationError(X, y, classNames ?? Array.from(counts.keys(), label));
    if (e instanceof SingularHessianError) {
      // At θ = 0 the loss's Hessian is (a positive-definite (k − 1)² matrix) ⊗ XᵀX, so a singular one is collinear features; later it is separation.
      if (e.iteration === 0) {
        const gram = weightedGram(columns, new Float64Array(n).fill(1), new Float64Array(d));
        const { L, failedAt } = cholesky(gram, d);
        if (failedAt >= 0) throw collinearityError(gram, L, d, failedAt, termNames, penalty);
      }
      throw multiclassSeparationError(X, y, classNames ?? Array.from(counts.keys(), label));
    }
    throw e;
  }

  const theta = result.theta;
  const perClass = Array.from({ length: k }, (_, c) => unstandardise(theta.subarray(c * d, (c + 1) * d), design));
  const coefficients = perClass.map((u) => u.coefficients);
  const intercepts = Float64Array.from(perClass, (u) => u.intercept);
  centreOverClasses(coefficients);
  const meanB = intercepts.reduce((a, b) => a + b, 0) / k;
  for (let c = 0; c < k; c++) intercepts[c] -= meanB;

  let covariance: Float64Array | null = null;
  let inferenceError: string | null = null;
  if (penalty === 'none') ({ covariance, inferenceError } = mnlogitCovariance(theta, y, k, design));
  return new MultinomialLogisticRegressionModel(
    [...X.names],
    coefficients,
    intercepts,
    penalty,
    C,
    fitIntercept,
    result.iterations,
    result.status === 'converged',
    convergenceWarning(result.status, maxIter, result.maxGradient),
    classNames,
    covariance,
    inferenceError,
  );
}

/**
 * H⁻¹ of the unpenalised negative log-likelihood in MNLogit's parameters
 * (every class but the reference, equation-major) at the optimum, mapped to
 * the features' own scale block by block: Cov_ab = T·Cov'_ab·Tᵀ.
 */
function mnlogitCovariance(theta: Float64Array, y: Int32Array, k: number, design: StandardisedDesign): { covariance: Float64Array | null; inferenceError: string | null } {
  const { columns, termNames } = design;
  const d = columns.length;
  const n = y.length;
  const P = new Float64Array(n * k);
  softmaxLoss(linearPredictor(columns, theta, k, new Float64Array(n * k)), y, k, P);
  const D = (k - 1) * d;
  const H = multinomialHessian(columns, P, k, REFERENCE_CLASS, new Float64Array(d));
  const { L, failedAt } = cholesky(H, D);
  if (failedAt >= 0) {
    const gram = weightedGram(columns, new Float64Array(n).fill(1), new Float64Array(d));
    const g = cholesky(gram, d);
    const message =
      g.failedAt >= 0
        ? collinearityError(gram, g.L, d, g.failedAt, termNames, 'none').message
        : 'The Hessian at the optimum is singular (a class is almost perfectly separated), so standard errors cannot be computed.';
    return { covariance: null, inferenceError: message };
  }
  const inner = choleskyInverse(L, D);
  const T = unstandardiseMatrix(design);
  const cov = new Float64Array(D * D);
  const block = new Float64Array(d * d);
  for (let a = 0; a < k - 1; a++)
    for (let b = 0; b < k - 1; b++) {
      for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) block[r * d + c] = inner[(a * d + r) * D + b * d + c];
      const out = sandwich(T, block, d);
      for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) cov[(a * d + r) * D + b * d + c] = out[r * d + c];
    }
  return { covariance: cov, inferenceError: null };
}
