/**
 * The row loops of the linear models, each in a function of its own.
 *
 * Why: a loop inside a larger function is optimised on the fly (on-stack
 * replacement) and then leaves it for code that has not run yet, which
 * throws the optimised code away ("insufficient type feedback"); a short fit
 * such as Course 5's spent most of its time in the interpreter that way. A
 * loop that is a whole function is optimised once and stays so. Each kernel
 * adds in the same order as the loop it replaces, so results are the same to
 * the bit.
 */

/** Σᵢ a[i]·b[i], i ascending. */
export function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/** out[at + q] = Σᵢ v[i]·c_q[i] for the four columns c0..c3, i ascending (one pass over v). */
export function dot4(v: Float64Array, c0: Float64Array, c1: Float64Array, c2: Float64Array, c3: Float64Array, n: number, out: Float64Array, at: number): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    s0 += x * c0[i];
    s1 += x * c1[i];
    s2 += x * c2[i];
    s3 += x * c3[i];
  }
  out[at] = s0;
  out[at + 1] = s1;
  out[at + 2] = s2;
  out[at + 3] = s3;
}

/**
 * out[at + q] = Σᵢ (w[i]·c[i])·c_q[i] for the four columns c0..c3, i
 * ascending: the products w[i]·c[i] rounded as a stored copy of them would
 * be, without the pass that stores them.
 */
export function weightedDot4(w: Float64Array, c: Float64Array, c0: Float64Array, c1: Float64Array, c2: Float64Array, c3: Float64Array, n: number, out: Float64Array, at: number): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < n; i++) {
    const x = w[i] * c[i];
    s0 += x * c0[i];
    s1 += x * c1[i];
    s2 += x * c2[i];
    s3 += x * c3[i];
  }
  out[at] = s0;
  out[at + 1] = s1;
  out[at + 2] = s2;
  out[at + 3] = s3;
}

/** Σᵢ (w[i]·c[i])·b[i], i ascending. */
export function weightedDot(w: Float64Array, c: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += w[i] * c[i] * b[i];
  return s;
}

/** out[i] += s·c[i]. */
export function addScaled(out: Float64Array, s: number, c: ArrayLike<number>, n: number): void {
  for (let i = 0; i < n; i++) out[i] += s * c[i];
}

/** out[i] = a[i] + t·b[i]. */
export function alongStep(out: Float64Array, a: Float64Array, t: number, b: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = a[i] + t * b[i];
}

/** max |a[i]| (0 for no rows). */
export function maxAbs(a: Float64Array, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/** Σᵢ c[i], i ascending: finite exactly when every value is (a non-finite value makes it ±∞ or NaN). */
export function sum(c: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += c[i];
  return s;
}

/** Σᵢ (c[i] − m)². */
export function centredSumOfSquares(c: ArrayLike<number>, m: number, n: number): number {
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (c[i] - m) * (c[i] - m);
  return ss;
}

/** out[i] = (c[i] − m)/s. */
export function standardiseInto(out: Float64Array, c: ArrayLike<number>, m: number, s: number, n: number): void {
  for (let i = 0; i < n; i++) out[i] = (c[i] - m) / s;
}
