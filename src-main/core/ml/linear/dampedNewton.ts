/**
 * The Newton iteration both logistic regressions share (newton.ts for two
 * classes, multinomialNewton.ts for k): each step solves H·Δ = −g by
 * Cholesky and halves t until the Armijo condition
 * F(θ + tΔ) ≤ F(θ) − 10⁻⁴·t·λ² holds (λ² = gᵀH⁻¹g, the Newton decrement).
 * Once the largest step component is at most `stepTol`, or
 * λ² ≤ `decrementTol`·max(1, F), the iterate is inside the quadratic region:
 * the full step is taken without a line search and the solver stops, since F
 * can no longer resolve the decrease (λ² ≈ 1e-17 against F ≈ 1e4 on the
 * Course 5 data) and the error after that step is of order λ⁴, below rounding.
 */
import { cholesky, choleskySolve } from './linalg';

/** When to stop, and how to report and abort; shared by both problems. */
export interface NewtonStopping {
  maxIter: number;
  /** Converged when the largest Newton step component is at most this… */
  stepTol: number;
  /** …or when the Newton decrement λ² is at most this times max(1, F). */
  decrementTol: number;
  signal?: { readonly aborted: boolean };
  onProgress?(done: number, total: number): void;
}

export type NewtonStatus = 'converged' | 'max-iter' | 'line-search';

export interface NewtonOutcome {
  iterations: number;
  status: NewtonStatus;
  objective: number;
  /** Largest |gradient| component at the returned θ. */
  maxGradient: number;
}

export interface NewtonResult extends NewtonOutcome {
  theta: Float64Array;
}

/**
 * The objective as the iteration sees it: a current point θ (starting at 0)
 * and a trial point θ + tΔ along the direction last set.
 */
export interface NewtonObjective {
  /** How many coordinates the iteration moves (the length of g and Δ). */
  readonly size: number;
  /** F at the starting point. */
  initialValue(): number;
  /** Writes g at the current point into `g` and returns max |gⱼ|; may throw PerfectPredictionError(iteration). */
  gradient(g: Float64Array, iteration: number): number;
  /** H at the current point, row-major size × size. */
  hessian(): Float64Array;
  /** Takes Δ as the direction for the following `tryStep`s. */
  setDirection(step: Float64Array): void;
  /** Moves the trial point to θ + tΔ and returns F there. */
  tryStep(t: number): number;
  /** Makes the trial point the current one. */
  acceptTrial(): void;
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

function throwIfAborted(signal: NewtonStopping['signal']): void {
  if (!signal?.aborted) return;
  const e = new Error('The fit was aborted.');
  e.name = 'AbortError';
  throw e;
}

/** Minimises `objective` from its starting point; the caller reads θ from its own state. */
export function dampedNewton(objective: NewtonObjective, stopping: NewtonStopping): NewtonOutcome {
  const { maxIter, stepTol, decrementTol, signal, onProgress } = stopping;
  const m = objective.size;
  const g = new Float64Array(m);
  const L = new Float64Array(m * m);
  let f = objective.initialValue();
  let status: NewtonStatus = 'max-iter';
  let iterations = 0;
  let maxGradient = Infinity;
  const gradient = (): void => {
    maxGradient = objective.gradient(g, iterations);
  };

  for (;;) {
    gradient();
    if (iterations >= maxIter) break;
    throwIfAborted(signal);
    const H = objective.hessian();
    const { failedAt } = cholesky(H, m, L);
    if (failedAt >= 0) throw new SingularHessianError(iterations, failedAt, H, L.slice());
    const step = choleskySolve(L, m, g.map((v) => -v));
    let decrement = 0;
    let maxStep = 0;
    for (let q = 0; q < m; q++) {
      decrement -= g[q] * step[q];
      maxStep = Math.max(maxStep, Math.abs(step[q]));
    }
    objective.setDirection(step);
    iterations++;
    onProgress?.(iterations, maxIter);
    if (maxStep <= stepTol || decrement <= decrementTol * Math.max(1, Math.abs(f))) {
      // In the quadratic region: the full step lands on the optimum to rounding.
      f = objective.tryStep(1);
      objective.acceptTrial();
      status = 'converged';
      gradient();
      break;
    }
    let t = 1;
    let accepted = false;
    for (let halvings = 0; halvings < 60 && !accepted; halvings++, t *= 0.5) {
      const fTrial = objective.tryStep(t);
      if (fTrial <= f - 1e-4 * t * decrement) {
        objective.acceptTrial();
        f = fTrial;
        accepted = true;
      }
    }
    if (!accepted) {
      status = 'line-search';
      gradient();
      break;
    }
  }
  return { iterations, status, objective: f, maxGradient };
}
