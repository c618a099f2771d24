/**
 * The design both logistic regressions solve on: an optional column of ones
 * for the intercept, then each feature standardised to zⱼ = (xⱼ − mⱼ)/sⱼ
 * (mⱼ = 0 without an intercept, sⱼ the population standard deviation about
 * mⱼ). That is an exact linear change of coordinates — a coefficient w'ⱼ on
 * zⱼ is wⱼ = w'ⱼ/sⱼ on xⱼ, the intercept b = b' − Σ mⱼw'ⱼ/sⱼ, and the L2
 * penalty becomes Σ w'ⱼ²/(2C·sⱼ²) — so the optimum is the same; it only keeps
 * the Hessian well conditioned when features are counts in the millions.
 *
 * Rows with a missing or infinite value are refused (naming the feature and
 * the first row), and so, without a penalty, is a constant feature, whose
 * coefficient the intercept would absorb.
 */
import { ApiError } from '../../api/errors';
import type { FeatureMatrix } from '../types';
import { centredSumOfSquares, standardiseInto, sum } from './columnKernels';
import { quote } from './logisticErrors';

export interface StandardisedDesign {
  /** The ones column (with an intercept) followed by the standardised features, each of length n. */
  columns: Float64Array[];
  /** Per design column, as collinearity messages name it: 'the intercept', then the feature names. */
  termNames: string[];
  /** Index of the first feature column (1 with an intercept, else 0). */
  offset: number;
  /** mⱼ and sⱼ per feature. */
  mean: Float64Array;
  scale: Float64Array;
}

export function standardisedDesign(X: FeatureMatrix, fitIntercept: boolean, penalty: 'l2' | 'none'): StandardisedDesign {
  const n = X.rows;
  const p = X.columns.length;
  const mean = new Float64Array(p);
  const scale = new Float64Array(p);
  const z: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    const c = X.columns[j];
    // A finite sum means every value is finite; only otherwise are the bad ones counted.
    const total = sum(c, n);
    if (!Number.isFinite(total)) checkFinite(c, n, X.names[j]);
    const m = fitIntercept ? total / n : 0;
    let s = Math.sqrt(centredSumOfSquares(c, m, n) / n);
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
    standardiseInto(col, c, m, s, n);
    z.push(col);
  }
  return {
    columns: fitIntercept ? [new Float64Array(n).fill(1), ...z] : z,
    termNames: fitIntercept ? ['the intercept', ...X.names] : [...X.names],
    offset: fitIntercept ? 1 : 0,
    mean,
    scale,
  };
}

/** Refuses a feature with a missing or infinite value, naming the first row that has one. */
function checkFinite(c: Float64Array, n: number, name: string): void {
  let bad = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(c[i])) {
      bad++;
      if (first < 0) first = i;
    }
  }
  if (bad > 0)
    throw new ApiError(
      'bad-input',
      `Feature ${quote(name)} has ${bad} missing or infinite value${bad === 1 ? '' : 's'} (first at row ${first + 1}); logistic regression needs complete rows, so impute or drop them first.`,
    );
}

/**
 * θ on the design back to the features' own scale: (intercept, coefficients)
 * from (b', w'), per the change of coordinates above.
 */
export function unstandardise(theta: ArrayLike<number>, design: StandardisedDesign): { intercept: number; coefficients: Float64Array } {
  const { mean, scale, offset } = design;
  const coefficients = new Float64Array(scale.length);
  let intercept = offset ? theta[0] : 0;
  for (let j = 0; j < scale.length; j++) {
    coefficients[j] = theta[offset + j] / scale[j];
    intercept -= coefficients[j] * mean[j];
  }
  return { intercept, coefficients };
}

/**
 * T with θ = T·θ' (row-major d × d), so a covariance on the design maps to
 * the features' scale as T·Cov'·Tᵀ.
 */
export function unstandardiseMatrix(design: StandardisedDesign): Float64Array {
  const { mean, scale, offset } = design;
  const d = scale.length + offset;
  const T = new Float64Array(d * d);
  if (offset) {
    T[0] = 1;
    for (let j = 0; j < scale.length; j++) T[j + 1] = -mean[j] / scale[j];
  }
  for (let j = 0; j < scale.length; j++) T[(offset + j) * d + offset + j] = 1 / scale[j];
  return T;
}

/** A·B·Aᵀ for row-major d × d matrices. */
export function sandwich(A: Float64Array, B: Float64Array, d: number): Float64Array {
  const AB = new Float64Array(d * d);
  for (let r = 0; r < d; r++)
    for (let c = 0; c < d; c++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += A[r * d + k] * B[k * d + c];
      AB[r * d + c] = s;
    }
  const out = new Float64Array(d * d);
  for (let r = 0; r < d; r++)
    for (let c = 0; c < d; c++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += AB[r * d + k] * A[c * d + k];
      out[r * d + c] = s;
    }
  return out;
}
