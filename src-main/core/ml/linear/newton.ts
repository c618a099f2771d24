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
import { addScaled, alongStep, dot, dot4, maxAbs, weightedDot, weightedDot4 } from './columnKernels';
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
  for (let j = 0; j < d; j++) {
    const cj = columns[j];
    let k = 0;
    for (; k + 3 <= j; k += 4) weightedDot4(w, cj, columns[k], columns[k + 1], columns[k + 2], columns[k + 3], n, H, j * d + k);
    for (; k <= j; k++) H[j * d + k] = weightedDot(w, cj, columns[k], n);
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
      if (!penalised && maxAbs(r, n) < 1e-10) throw new PerfectPredictionError(iteration);
      let j = 0;
      for (; j + 4 <= d; j += 4) dot4(r, columns[j], columns[j + 1], columns[j + 2], columns[j + 3], n, g, j);
      for (; j < d; j++) g[j] = dot(r, columns[j], n);
      let maxGradient = 0;
      for (let j = 0; j < d; j++) {
        g[j] += ridge[j] * theta[j];
        maxGradient = Math.max(maxGradient, Math.abs(g[j]));
      }
      return maxGradient;
    },
    hessian: () => weightedGram(columns, w, ridge),
    setDirection(direction) {
      step = direction;
      etaStep.fill(0);
      for (let j = 0; j < d; j++) if (step[j] !== 0) addScaled(etaStep, step[j], columns[j], n);
    },
    tryStep(t) {
      for (let j = 0; j < d; j++) trial[j] = theta[j] + t * step[j];
      alongStep(etaTrial, eta, t, etaStep, n);
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
