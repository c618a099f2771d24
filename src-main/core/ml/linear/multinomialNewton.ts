/**
 * Newton's method with backtracking line search for multinomial logistic
 * regression, on standardised design columns; the iteration, its line search
 * and stopping rules are the binary case's (dampedNewton.ts).
 *
 * θ holds one coefficient vector per class, class-major (θ[c·d + j]). With
 * ηᵢc = Σⱼ θcⱼ xᵢⱼ and pᵢ = softmax(ηᵢ), it minimises
 *   F(θ) = Σᵢ [log Σc e^ηᵢc − ηᵢ,yᵢ] + ½ Σc Σⱼ λⱼ θcⱼ²,
 * scikit-learn's multinomial objective (Σ log-loss + Σc ‖wc‖²/(2C)) in the
 * caller's coordinates. Gradient gcⱼ = Σᵢ (pᵢc − [yᵢ = c]) xᵢⱼ + λⱼθcⱼ;
 * Hessian block (c, c') = Σᵢ pᵢc(δcc' − pᵢc') xᵢxᵢᵀ + δcc'·diag(λ).
 *
 * Softmax is unchanged when every class's η moves by the same amount, so
 * the loss depends on θ only through the contrasts βc = θc − θr against a
 * reference class r, and for given contrasts the penalty is smallest with
 * θ centred over the classes (Σc θc = 0). The solver therefore works on the
 * k − 1 free vectors βc (θr = 0, MNLogit's parameters) and charges the
 * penalty of the centred θ, ½ Σⱼ λⱼ [Σc βcⱼ² − (Σc βcⱼ)²/k], whose gradient
 * is λⱼ(βcⱼ − β̄ⱼ) and Hessian λⱼ(δcc' − 1/k): exactly the original minimum,
 * without the flat (or, with tiny λⱼ on counts in the millions, numerically
 * flat) direction that k free vectors would leave. The caller centres θ.
 */
import { dampedNewton, PerfectPredictionError } from './dampedNewton';
import type { NewtonObjective, NewtonResult, NewtonStopping } from './dampedNewton';
import { weightedGram } from './newton';

export interface MultinomialProblem extends NewtonStopping {
  /** Design columns (an explicit column of ones for the intercept), each of length n. */
  columns: Float64Array[];
  /** Class indices 0..nClasses−1. */
  y: Int32Array;
  nClasses: number;
  /** Penalty weight per design column, the same for every class (0 = unpenalised). */
  ridge: Float64Array;
  /** The class whose θ stays 0. */
  reference: number;
}

/**
 * Row-major n × k probabilities `P` at η (overwritten), and Σᵢ [logsumexp(ηᵢ) − ηᵢ,yᵢ];
 * the largest η of each row is taken out before exponentiating, so neither tail overflows.
 */
export function softmaxLoss(eta: Float64Array, y: Int32Array, k: number, P: Float64Array): number {
  const n = y.length;
  let f = 0;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let max = -Infinity;
    for (let c = 0; c < k; c++) if (eta[o + c] > max) max = eta[o + c];
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp(eta[o + c] - max);
      P[o + c] = e;
      sum += e;
    }
    for (let c = 0; c < k; c++) P[o + c] /= sum;
    f += max + Math.log(sum) - eta[o + y[i]];
  }
  return f;
}

/** η = X·θcᵀ per class, row-major n × k. */
export function linearPredictor(columns: Float64Array[], theta: ArrayLike<number>, k: number, out: Float64Array): Float64Array {
  const d = columns.length;
  out.fill(0);
  for (let c = 0; c < k; c++)
    for (let j = 0; j < d; j++) {
      const t = theta[c * d + j];
      if (t === 0) continue;
      const col = columns[j];
      for (let i = 0; i < col.length; i++) out[i * k + c] += t * col[i];
    }
  return out;
}

/** Indices into θ (class-major k × d) of every class but the reference. */
export function freeIndices(k: number, d: number, reference: number): Int32Array {
  return Int32Array.from({ length: (k - 1) * d }, (_, q) => q + (q >= reference * d ? d : 0));
}

/**
 * The Hessian over every class but the reference (row-major m × m,
 * m = (k − 1)·d) at probabilities P: the loss's blocks plus the centred
 * penalty's λⱼ(δcc' − 1/k).
 */
export function multinomialHessian(columns: Float64Array[], P: Float64Array, k: number, reference: number, ridge: Float64Array): Float64Array {
  const d = columns.length;
  const n = P.length / k;
  const classes = Array.from({ length: k }, (_, c) => c).filter((c) => c !== reference);
  const m = classes.length * d;
  const H = new Float64Array(m * m);
  const w = new Float64Array(n);
  const zero = new Float64Array(d);
  classes.forEach((c, a) => {
    for (let b = a; b < classes.length; b++) {
      const c2 = classes[b];
      for (let i = 0; i < n; i++) w[i] = P[i * k + c] * ((c === c2 ? 1 : 0) - P[i * k + c2]);
      const G = weightedGram(columns, w, zero);
      for (let j = 0; j < d; j++) G[j * d + j] += ridge[j] * ((a === b ? 1 : 0) - 1 / k);
      for (let r = 0; r < d; r++)
        for (let s = 0; s < d; s++) {
          const v = G[r * d + s];
          H[(a * d + r) * m + b * d + s] = v;
          H[(b * d + s) * m + a * d + r] = v;
        }
    }
  });
  return H;
}

export function newtonMultinomial(problem: MultinomialProblem): NewtonResult {
  const { columns, y, nClasses: k, ridge, reference } = problem;
  const d = columns.length;
  const n = y.length;
  const freeIdx = freeIndices(k, d, reference);
  const m = freeIdx.length;
  const penalised = ridge.some((v) => v > 0);
  /** Σc θcⱼ per column (θr = 0). */
  const sums = (t: Float64Array): Float64Array => {
    const S = new Float64Array(d);
    for (let f = 0; f < t.length; f++) S[f % d] += t[f];
    return S;
  };
  /** The penalty of θ centred over the classes (see the module comment). */
  const penalty = (t: Float64Array): number => {
    const S = sums(t);
    let s = 0;
    for (let f = 0; f < t.length; f++) s += ridge[f % d] * t[f] * t[f];
    for (let j = 0; j < d; j++) s -= (ridge[j] * S[j] * S[j]) / k;
    return 0.5 * s;
  };

  const theta = new Float64Array(k * d);
  const trial = new Float64Array(k * d);
  let eta = new Float64Array(n * k);
  let etaTrial = new Float64Array(n * k);
  const etaStep = new Float64Array(n * k);
  let P = new Float64Array(n * k);
  let PTrial = new Float64Array(n * k);
  /** Δ on every class's coordinates, 0 on the reference's. */
  const fullStep = new Float64Array(k * d);

  const objective: NewtonObjective = {
    size: m,
    initialValue: () => softmaxLoss(eta, y, k, P) + penalty(theta),
    /**
     * g on the free coordinates. Without a penalty it throws when some class
     * is predicted perfectly — p = 1 on its rows and 0 on every other row:
     * the features separate it from the rest, and its coefficients diverge
     * even while the other classes' stay finite.
     */
    gradient(g, iteration) {
      const r = new Float64Array(n * k);
      const maxR = new Float64Array(k);
      for (let i = 0; i < n; i++)
        for (let c = 0; c < k; c++) {
          const v = P[i * k + c] - (y[i] === c ? 1 : 0);
          r[i * k + c] = v;
          maxR[c] = Math.max(maxR[c], Math.abs(v));
        }
      if (!penalised && maxR.some((v) => v < 1e-10)) throw new PerfectPredictionError(iteration);
      let maxGradient = 0;
      const S = sums(theta);
      for (let q = 0; q < m; q++) {
        const fi = freeIdx[q];
        const c = Math.floor(fi / d);
        const j = fi % d;
        const col = columns[j];
        let s = 0;
        for (let i = 0; i < n; i++) s += r[i * k + c] * col[i];
        g[q] = s + ridge[j] * (theta[fi] - S[j] / k);
        maxGradient = Math.max(maxGradient, Math.abs(g[q]));
      }
      return maxGradient;
    },
    hessian: () => multinomialHessian(columns, P, k, reference, ridge),
    setDirection(step) {
      fullStep.fill(0);
      for (let q = 0; q < m; q++) fullStep[freeIdx[q]] = step[q];
      linearPredictor(columns, fullStep, k, etaStep);
    },
    tryStep(t) {
      for (let q = 0; q < theta.length; q++) trial[q] = theta[q] + t * fullStep[q];
      for (let i = 0; i < etaTrial.length; i++) etaTrial[i] = eta[i] + t * etaStep[i];
      return softmaxLoss(etaTrial, y, k, PTrial) + penalty(trial);
    },
    acceptTrial() {
      theta.set(trial);
      [eta, etaTrial] = [etaTrial, eta];
      [P, PTrial] = [PTrial, P];
    },
  };
  return { theta, ...dampedNewton(objective, problem) };
}
