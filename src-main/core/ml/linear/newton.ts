/**
 * Binary logistic regression (IRLS) by Newton's method with backtracking line
 * search, on standardised design columns.
 *
 * Minimises F(θ) = Σᵢ [log(1 + e^ηᵢ) − yᵢηᵢ] + ½ Σⱼ λⱼθⱼ², ηᵢ = Σⱼ θⱼcᵢⱼ,
 * which is scikit-learn's lbfgs objective (Σ logloss + ‖w‖²/(2C)) written
 * in the caller's coordinates (λⱼ = 0 for the intercept and without penalty).
 * Gradient g = Cᵀ(p − y) + λ∘θ; Hessian H = CᵀWC + diag(λ), W = diag(p(1−p)).
 * The objective is convex, so from θ = 0 the damped Newton iteration
 * (dampedNewton.ts, which holds the step, line search and stopping rules)
 * converges quadratically once near the optimum.
 */
import { dampedNewton, PerfectPredictionError } from './dampedNewton';
import type { NewtonObjective, NewtonResult, NewtonStopping } from './dampedNewton';

export type { NewtonStatus } from './dampedNewton';

export interface NewtonProblem extends NewtonStopping {
  /** Design columns (an explicit column of ones for the intercept), each of length n. */
  columns: Float64Array[];
  /** 0/1 targets. */
  y: Uint8Array;
  /** Penalty weight per column (0 = unpenalised). */
  ridge: Float64Array;
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
  const { columns, y, ridge } = problem;
  const d = columns.length;
  const n = y.length;
  const penalised = ridge.some((v) => v > 0);
  const theta = new Float64Array(d);
  const trial = new Float64Array(d);
  let eta = new Float64Array(n);
  let etaTrial = new Float64Array(n);
  const etaStep = new Float64Array(n);
  let r = new Float64Array(n);
  let w = new Float64Array(n);
  let rTrial = new Float64Array(n);
  let wTrial = new Float64Array(n);
  let step: Float64Array = new Float64Array(d);

  const objective: NewtonObjective = {
    size: d,
    initialValue: () => evaluate(eta, y, r, w) + penalty(theta, ridge),
    /** g = Cᵀr + λ∘θ; throws when every row is predicted perfectly without a penalty. */
    gradient(g, iteration) {
      if (!penalised) {
        let maxR = 0;
        for (let i = 0; i < n; i++) maxR = Math.max(maxR, Math.abs(r[i]));
        if (maxR < 1e-10) throw new PerfectPredictionError(iteration);
      }
      let maxGradient = 0;
      for (let j = 0; j < d; j++) {
        const c = columns[j];
        let s = 0;
        for (let i = 0; i < n; i++) s += r[i] * c[i];
        g[j] = s + ridge[j] * theta[j];
        maxGradient = Math.max(maxGradient, Math.abs(g[j]));
      }
      return maxGradient;
    },
    hessian: () => weightedGram(columns, w, ridge),
    setDirection(direction) {
      step = direction;
      etaStep.fill(0);
      for (let j = 0; j < d; j++) {
        const c = columns[j];
        const s = step[j];
        if (s !== 0) for (let i = 0; i < n; i++) etaStep[i] += s * c[i];
      }
    },
    tryStep(t) {
      for (let j = 0; j < d; j++) trial[j] = theta[j] + t * step[j];
      for (let i = 0; i < n; i++) etaTrial[i] = eta[i] + t * etaStep[i];
      return evaluate(etaTrial, y, rTrial, wTrial) + penalty(trial, ridge);
    },
    acceptTrial() {
      theta.set(trial);
      [eta, etaTrial] = [etaTrial, eta];
      [r, rTrial] = [rTrial, r];
      [w, wTrial] = [wTrial, w];
    },
  };
  return { theta, ...dampedNewton(objective, problem) };
}
