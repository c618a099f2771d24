/** The parameters of both logistic regressions (binary and multinomial), as given and with their defaults filled in. */
import { ApiError } from '../../api/errors';
import type { NewtonStatus } from './newton';

export interface LogisticRegressionParams {
  /** 'l2' (default) or 'none'; null is scikit-learn 1.2's spelling of 'none'. */
  penalty?: 'l2' | 'none' | null;
  /** Inverse regularisation strength (default 1). Ignored for penalty 'none'. */
  C?: number;
  fitIntercept?: boolean;
  /** Newton iterations (default 100). */
  maxIter?: number;
  /** Default 1e-4; smaller values only tighten the (already rounding-level) stopping rule, see logisticRegression.ts. */
  tol?: number;
  /** Accepted for scikit-learn compatibility; the solver is deterministic. */
  randomState?: number;
  /** Class names in index order: they word errors, and a multinomial model keeps them to label its classes. */
  classNames?: readonly string[];
}

export interface ResolvedLogisticParams {
  penalty: 'l2' | 'none';
  C: number;
  fitIntercept: boolean;
  maxIter: number;
  tol: number;
}

export function resolveLogisticParams(params: LogisticRegressionParams): ResolvedLogisticParams {
  const penalty = params.penalty === 'none' || params.penalty === null ? 'none' : 'l2';
  const C = params.C ?? 1;
  if (penalty === 'l2' && !(C > 0 && Number.isFinite(C))) throw new ApiError('bad-input', `C must be a positive number; got ${C}.`);
  return { penalty, C, fitIntercept: params.fitIntercept ?? true, maxIter: params.maxIter ?? 100, tol: params.tol ?? 1e-4 };
}

/** The Newton solvers' stopping tolerances for `tol` (see logisticRegression.ts). */
export const stepTolerance = (tol: number) => Math.min(tol, 1e-4) * 1e-6;
export const decrementTolerance = (tol: number) => Math.min(tol, 1e-4) * 1e-8;

/** scikit-learn's ConvergenceWarning, reworded: null when the solver converged. */
export function convergenceWarning(status: NewtonStatus, maxIter: number, maxGradient: number): string | null {
  if (status === 'converged') return null;
  return status === 'max-iter'
    ? `The solver did not converge in max_iter=${maxIter} iterations (largest gradient component ${maxGradient.toExponential(2)}); increase max_iter.`
    : `The line search could not decrease the objective (largest gradient component ${maxGradient.toExponential(2)}); the data may be (nearly) separable or degenerate.`;
}
