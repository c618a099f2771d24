import { ApiError } from '../api/errors';
import { cholesky, choleskySolve } from '../ml/linear/linalg';
import { numberColumn, type Frame } from '../recipe/frame';

/**
 * Variance inflation factors as statsmodels'
 * `variance_inflation_factor(add_constant(df[columns].dropna()).values, i)`:
 *
 * - rows with a missing value in any of the chosen columns are dropped first
 *   (`dropna()`), so every factor is computed on the same rows;
 * - the design matrix has a constant column; each feature is regressed by
 *   least squares on the constant and the other features, and
 *   VIF = 1 / (1 − R²) = centred total sum of squares / residual sum of squares;
 * - the constant's own factor (statsmodels reports it too) regresses the
 *   column of ones on the features without an intercept, with the uncentred
 *   R² statsmodels uses then: VIF = rows / residual sum of squares.
 *
 * The regressions solve the normal equations by Cholesky on columns that are
 * centred and scaled (which leaves fitted values unchanged) and recompute
 * the residuals from the data. A feature that is an exact linear combination
 * of the others gets an enormous factor (≥ 1e12, rounding decides how large)
 * or Infinity, as statsmodels does for 1 − R² ≈ 0.
 */
export interface VifResult {
  columns: string[];
  /** Rows left after dropping those with a missing value. */
  rows: number;
  vif: number[];
  /** The factor of the constant column. */
  constant: number;
}

export function varianceInflation(frame: Frame, columns: readonly string[]): VifResult {
  const p = columns.length;
  if (p === 0) throw new ApiError('bad-input', 'Variance inflation factors need at least one numeric column.');
  const raw = columns.map((c) => numberColumn(frame, c, 'A variance inflation factor'));
  const keep: number[] = [];
  for (let i = 0; i < frame.rows; i++) {
    let ok = true;
    for (let j = 0; j < p && ok; j++) ok = raw[j][i] === raw[j][i];
    if (ok) keep.push(i);
  }
  const n = keep.length;
  const x = raw.map((v) => Float64Array.from(keep, (i) => v[i]));

  const vif = columns.map((_, j) => {
    const others = x.filter((__, k) => k !== j);
    const r = residualSumOfSquares(x[j], others, true);
    const tss = centredSumOfSquares(x[j]);
    return r.singular ? Infinity : tss / r.ssr;
  });
  const ones = new Float64Array(n).fill(1);
  const c = residualSumOfSquares(ones, x, false);
  return { columns: [...columns], rows: n, vif, constant: c.singular ? Infinity : n / c.ssr };
}

function centredSumOfSquares(y: Float64Array): number {
  let m = 0;
  for (let i = 0; i < y.length; i++) m += y[i];
  m /= y.length;
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i] - m) * (y[i] - m);
  return s;
}

/**
 * Residual sum of squares of y regressed on xs (plus an intercept when
 * `intercept`). Columns are centred (with an intercept) and scaled to unit
 * norm before forming XᵀX; singular when a column is (numerically) a linear
 * combination of the others.
 */
function residualSumOfSquares(y: Float64Array, xs: Float64Array[], intercept: boolean): { ssr: number; singular: boolean } {
  const n = y.length;
  const d = xs.length;
  const centre = (v: Float64Array): Float64Array => {
    const out = Float64Array.from(v);
    if (!intercept) return out;
    let m = 0;
    for (let i = 0; i < n; i++) m += v[i];
    m /= n;
    for (let i = 0; i < n; i++) out[i] = v[i] - m;
    return out;
  };
  const yc = centre(y);
  const z = xs.map((v) => {
    const c = centre(v);
    let norm = 0;
    for (let i = 0; i < n; i++) norm += c[i] * c[i];
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < n; i++) c[i] /= norm;
    return { values: c, norm };
  });
  if (z.some((c) => c.norm === 0)) return { ssr: 0, singular: true };
  const A = new Float64Array(d * d);
  const b = new Float64Array(d);
  for (let a = 0; a < d; a++) {
    const za = z[a].values;
    for (let c = 0; c <= a; c++) {
      const zc = z[c].values;
      let s = 0;
      for (let i = 0; i < n; i++) s += za[i] * zc[i];
      A[a * d + c] = s;
      A[c * d + a] = s;
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += za[i] * yc[i];
    b[a] = s;
  }
  let ssr = 0;
  if (d === 0) {
    for (let i = 0; i < n; i++) ssr += yc[i] * yc[i];
    return { ssr, singular: false };
  }
  const { L, failedAt } = cholesky(A, d);
  if (failedAt >= 0) return { ssr: 0, singular: true };
  const beta = choleskySolve(L, d, b);
  // One step of iterative refinement on the residuals keeps near-collinear fits accurate.
  const resid = new Float64Array(n);
  const fit = (coef: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let a = 0; a < d; a++) f += z[a].values[i] * coef[a];
      resid[i] = yc[i] - f;
    }
  };
  fit(beta);
  const g = new Float64Array(d);
  for (let a = 0; a < d; a++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += z[a].values[i] * resid[i];
    g[a] = s;
  }
  const delta = choleskySolve(L, d, g);
  for (let a = 0; a < d; a++) beta[a] += delta[a];
  fit(beta);
  for (let i = 0; i < n; i++) ssr += resid[i] * resid[i];
  return { ssr, singular: false };
}
