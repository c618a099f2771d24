/**
 * Newton's method with backtracking line search for binary logistic
 * regression (IRLS), on standardised design columns.
 *
 * Minimises F(θ) = Σᵢ [log(1 + e^ηᵢ) − yᵢηᵢ] + ½ Σⱼ λⱼθⱼ², ηᵢ = Σⱼ θⱼcᵢⱼ,
 * which is scikit-learn's lbfgs objective (Σ logloss + ‖w‖²/(2C)) written
 * in the caller's coordinates (λⱼ = 0 for the intercept and without penalty).
 * Gradient g = Cᵀ(p − y) + λ∘θ; Hessian H = CᵀWC + diag(λ), W = diag(p(1−p)).
 * Each step solves H·Δ = −g by Cholesky and halves t until the Armijo
 * condition F(θ + tΔ) ≤ F(θ) − 10⁻⁴·t·λ² holds (λ² = gᵀH⁻¹g, the Newton
 * decrement). The objective is convex, so from θ = 0 this converges
 * quadratically once near the optimum. Close to it, F cannot resolve the
 * decrease any more (λ² ≈ 1e-17 against F ≈ 1e4 on the Course 5 data), so once
 * λ² ≤ `decrementTol`·max(1, F) — well inside the quadratic region — the
 * full step is taken without a line search and the solver stops: the error
 * after it is of order λ⁴, below rounding.
 */
import { cholesky } from './linalg';

export interface NewtonProblem {
  /** Design columns (an explicit column of ones for the intercept), each of length n. */
  columns: Float64Array[];
  /** 0/1 targets. */
  y: Uint8Array;
  /** Penalty weight per column (0 = unpenalised). */
  ridge: Float64Array;
  maxIter: number;
  /** Converged when the largest Newton step component is at most this… */
  stepTol: number;
  /** …or when the Newton decrement λ² is at most this times max(1, F). */
  decrementTol: number;
  signal?: { readonly aborted: boolean };
  onProgress?(done: number, total: number): void;
}

export type NewtonStatus = 'converged' | 'max-iter' | 'line-search';

export interface NewtonResult {
  theta: Float64Array;
  iterations: number;
  status: NewtonStatus;
  objective: number;
  /** Largest |gradient| component at the returned θ. */
  maxGradient: number;
}

/** H was not positive definite at some iteration; `hessian`/`factor` describe it. */
export class SingularHessianError extends Error {
  constructor(
    readonly iteration: number,
    readonly failedAt: number,
    readonly hessian: Float64Array,
    readonly factor: Float64Array,
  ) {
    super(`The Hessian is singular at column ${failedAt} (iteration ${iteration}).`);
    this.name = 'SingularHessianError';
  }
}

/** Every fitted probability equals its label (to 1e-10) with no penalty: no finite optimum exists. */
export class PerfectPredictionError extends Error {
  constructor(readonly iteration: number) {
    super('Perfect prediction: the classes are separated.');
    this.name = 'PerfectPredictionError';
  }
}

/** 1 / (1 + e^−η), accurate in both tails. */
export function sigmoid(eta: number): number {
  if (eta >= 0) return 1 / (1 + Math.exp(-eta));
  const e = Math.exp(eta);
  return e / (1 + e);
}

/**
 * Loss part of F at η, and the residuals p − y and weights p(1 − p) there;
 * one exp per row serves both log(1 + e^η) and σ(η).
 */
function evaluate(eta: Float64Array, y: Uint8Array, r: Float64Array, w: Float64Array): number {
  let f = 0;
  for (let i = 0; i < eta.length; i++) {
    const v = eta[i];
    const e = Math.exp(-Math.abs(v));
    const p = v >= 0 ? 1 / (1 + e) : e / (1 + e);
    f += (v > 0 ? v : 0) + Math.log1p(e) - (y[i] ? v : 0);
    r[i] = p - y[i];
    w[i] = p * (1 - p);
  }
  return f;
}

function penalty(theta: Float64Array, ridge: Float64Array): number {
  let s = 0;
  for (let j = 0; j < theta.length; j++) s += ridge[j] * theta[j] * theta[j];
  return 0.5 * s;
}

/** Weighted Gram matrix CᵀWC + diag(ridge), row-major d × d (both triangles); four columns per pass over the rows. */
export function weightedGram(columns: Float64Array[], w: Float64Array, ridge: Float64Array): Float64Array {
  const d = columns.length;
  const n = w.length;
  const H = new Float64Array(d * d);
  const wc = new Float64Array(n);
  for (let j = 0; j < d; j++) {
    const cj = columns[j];
    for (let i = 0; i < n; i++) wc[i] = w[i] * cj[i];
    let k = 0;
    for (; k + 3 <= j; k += 4) {
      const c0 = columns[k];
      const c1 = columns[k + 1];
      const c2 = columns[k + 2];
      const c3 = columns[k + 3];
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < n; i++) {
        const v = wc[i];
        s0 += v * c0[i];
        s1 += v * c1[i];
        s2 += v * c2[i];
        s3 += v * c3[i];
      }
      H[j * d + k] = s0;
      H[j * d + k + 1] = s1;
      H[j * d + k + 2] = s2;
      H[j * d + k + 3] = s3;
    }
    for (; k <= j; k++) {
      const ck = columns[k];
      let s = 0;
      for (let i = 0; i < n; i++) s += wc[i] * ck[i];
      H[j * d + k] = s;
    }
    for (k = 0; k < j; k++) H[k * d + j] = H[j * d + k];
    H[j * d + j] += ridge[j];
  }
  return H;
}

export function newtonLogistic(problem: NewtonProblem): NewtonResult {
  const { columns, y, ridge, maxIter, stepTol, decrementTol, signal, onProgress } = problem;
  const d = columns.length;
  const n = y.length;
  const penalised = ridge.some((v) => v > 0);
  const theta = new Float64Array(d);
  let eta = new Float64Array(n);
  let etaTrial = new Float64Array(n);
  const etaStep = new Float64Array(n);
  let r = new Float64Array(n);
  let w = new Float64Array(n);
  let rTrial = new Float64Array(n);
  let wTrial = new Float64Array(n);
  const trial = new Float64Array(d);
  const g = new Float64Array(d);
  const step = new Float64Array(d);
  const L = new Float64Array(d * d);
  let f = evaluate(eta, y, r, w) + penalty(theta, ridge);
  let status: NewtonStatus = 'max-iter';
  let iterations = 0;
  let maxGradient = Infinity;

  /** g = Cᵀr + λ∘θ at the current point; throws when every row is predicted perfectly without a penalty. */
  const gradient = (): void => {
    if (!penalised) {
      let maxR = 0;
      for (let i = 0; i < n; i++) maxR = Math.max(maxR, Math.abs(r[i]));
      if (maxR < 1e-10) throw new PerfectPredictionError(iterations);
    }
    maxGradient = 0;
    for (let j = 0; j < d; j++) {
      const c = columns[j];
      let s = 0;
      for (let i = 0; i < n; i++) s += r[i] * c[i];
      g[j] = s + ridge[j] * theta[j];
      maxGradient = Math.max(maxGradient, Math.abs(g[j]));
    }
  };

  const moveTo = (t: number): void => {
    for (let j = 0; j < d; j++) trial[j] = theta[j] + t * step[j];
    for (let i = 0; i < n; i++) etaTrial[i] = eta[i] + t * etaStep[i];
  };
  const accept = (fTrial: number): void => {
    theta.set(trial);
    [eta, etaTrial] = [etaTrial, eta];
    [r, rTrial] = [rTrial, r];
    [w, wTrial] = [wTrial, w];
    f = fTrial;
  };

  for (;;) {
    gradient();
    if (iterations >= maxIter) break;
    if (signal?.aborted) {
      const e = new Error('The fit was aborted.');
      e.name = 'AbortError';
      throw e;
    }
    const H = weightedGram(columns, w, ridge);
    const { failedAt } = cholesky(H, d, L);
    if (failedAt >= 0) throw new SingularHessianError(iterations, failedAt, H, L.slice());
    // Δ = −H⁻¹g by forward and back substitution.
    for (let i = 0; i < d; i++) {
      let s = -g[i];
      for (let k = 0; k < i; k++) s -= L[i * d + k] * step[k];
      step[i] = s / L[i * d + i];
    }
    for (let i = d - 1; i >= 0; i--) {
      let s = step[i];
      for (let k = i + 1; k < d; k++) s -= L[k * d + i] * step[k];
      step[i] = s / L[i * d + i];
    }
    let decrement = 0;
    let maxStep = 0;
    for (let j = 0; j < d; j++) {
      decrement -= g[j] * step[j];
      maxStep = Math.max(maxStep, Math.abs(step[j]));
    }
    etaStep.fill(0);
    for (let j = 0; j < d; j++) {
      const c = columns[j];
      const s = step[j];
      if (s !== 0) for (let i = 0; i < n; i++) etaStep[i] += s * c[i];
    }
    iterations++;
    onProgress?.(iterations, maxIter);
    if (maxStep <= stepTol || decrement <= decrementTol * Math.max(1, Math.abs(f))) {
      // In the quadratic region: the full step lands on the optimum to rounding.
      moveTo(1);
      accept(evaluate(etaTrial, y, rTrial, wTrial) + penalty(trial, ridge));
      status = 'converged';
      gradient();
      break;
    }
    let t = 1;
    let accepted = false;
    for (let halvings = 0; halvings < 60 && !accepted; halvings++, t *= 0.5) {
      moveTo(t);
      const fTrial = evaluate(etaTrial, y, rTrial, wTrial) + penalty(trial, ridge);
      if (fTrial <= f - 1e-4 * t * decrement) {
        accept(fTrial);
        accepted = true;
      }
    }
    if (!accepted) {
      status = 'line-search';
      gradient();
      break;
    }
  }
  return { theta, iterations, status, objective: f, maxGradient };
}
