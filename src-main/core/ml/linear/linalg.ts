/**
 * Dense symmetric positive-definite algebra for the small (features + 1)²
 * systems of the linear models. Matrices are row-major Float64Arrays of
 * size d × d; only the lower triangle of an input is read.
 */

/**
 * Cholesky factorisation A = L·Lᵀ, written into `L` (lower triangle; the
 * upper triangle is zeroed). Returns -1 on success, or the first column j
 * whose pivot is not positive relative to A[j][j] — i.e. column j is (up to
 * `relTol`) a linear combination of columns 0..j-1, since the pivot divided
 * by A[j][j] is 1 − R² of that column on the previous ones.
 */
export function cholesky(A: Float64Array, d: number, L: Float64Array = new Float64Array(d * d), relTol = 1e-12): { L: Float64Array; failedAt: number } {
  for (let j = 0; j < d; j++) {
    let s = A[j * d + j];
    for (let k = 0; k < j; k++) s -= L[j * d + k] * L[j * d + k];
    const diag = A[j * d + j];
    if (!(s > relTol * Math.abs(diag)) || !(diag > 0)) return { L, failedAt: j };
    const ljj = Math.sqrt(s);
    L[j * d + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      let t = A[i * d + j];
      for (let k = 0; k < j; k++) t -= L[i * d + k] * L[j * d + k];
      L[i * d + j] = t / ljj;
    }
    for (let i = 0; i < j; i++) L[i * d + j] = 0;
  }
  return { L, failedAt: -1 };
}

/** Solves L·Lᵀ·x = b for x (in place over a copy of b), using the leading `d` × `d` factor. */
export function choleskySolve(L: Float64Array, d: number, b: ArrayLike<number>, stride = d): Float64Array {
  const x = Float64Array.from({ length: d }, (_, i) => b[i]);
  for (let i = 0; i < d; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= L[i * stride + k] * x[k];
    x[i] = s / L[i * stride + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < d; k++) s -= L[k * stride + i] * x[k];
    x[i] = s / L[i * stride + i];
  }
  return x;
}

/** (L·Lᵀ)⁻¹ as a full symmetric row-major matrix. */
export function choleskyInverse(L: Float64Array, d: number): Float64Array {
  const inv = new Float64Array(d * d);
  const e = new Float64Array(d);
  for (let c = 0; c < d; c++) {
    e.fill(0);
    e[c] = 1;
    const col = choleskySolve(L, d, e);
    for (let r = 0; r < d; r++) inv[r * d + c] = col[r];
  }
  // Symmetrise away rounding so variances and covariances agree exactly.
  for (let r = 0; r < d; r++)
    for (let c = 0; c < r; c++) {
      const v = 0.5 * (inv[r * d + c] + inv[c * d + r]);
      inv[r * d + c] = v;
      inv[c * d + r] = v;
    }
  return inv;
}

/**
 * When `cholesky(A)` failed at column j: the coefficients β of column j
 * regressed on columns 0..j-1 (A[<j,<j] β = A[<j, j]), from the factor of
 * the leading block that did succeed. Columns with large |β| are the ones
 * column j is collinear with.
 */
export function collinearWith(A: Float64Array, d: number, L: Float64Array, j: number): Float64Array {
  const rhs = new Float64Array(j);
  for (let k = 0; k < j; k++) rhs[k] = A[j * d + k];
  return j === 0 ? rhs : choleskySolve(L, j, rhs, d);
}
