/**
 * statsmodels-style Wald inference, as both logistic regressions report it
 * for penalty 'none': SE = √Var, z = coef/SE, p = P(|Z| ≥ |z|) and
 * CI = coef ± 1.959963984540054·SE per term. A penalised fit has none: its
 * coefficients are shrunk towards 0 on purpose, so Wald SEs around them
 * neither centre on the truth nor have the coverage analysts read into them.
 */
import { ApiError } from '../../api/errors';
import { twoSidedP, Z_975 } from './normal';

export interface WaldSummary {
  coef: number[];
  stdErrors: number[];
  z: number[];
  pValues: number[];
  ci95: [number, number][];
}

/** The covariance to infer from; refuses a penalised fit, and one whose covariance could not be computed (with why). */
export function inferenceCovariance(penalty: 'l2' | 'none', covariance: Float64Array | null, inferenceError: string | null): Float64Array {
  if (penalty !== 'none')
    throw new ApiError(
      'bad-input',
      "Standard errors and p-values are only reported for penalty 'none': a penalised (l2) fit shrinks the coefficients on purpose, so Wald intervals around them would mislead.",
    );
  if (!covariance) throw new ApiError('bad-input', inferenceError ?? 'Inference is not available for this fit.');
  return covariance;
}

/** The inference's term names: 'const' (statsmodels' name for the intercept) first when fitted with one, then the features. */
export function inferenceTerms(fitIntercept: boolean, featureNames: readonly string[]): string[] {
  return fitIntercept ? ['const', ...featureNames] : [...featureNames];
}

/** The Wald summary of `coef`, term j having variance `variance(j)`. */
export function waldSummary(coef: number[], variance: (j: number) => number): WaldSummary {
  const stdErrors = coef.map((_, j) => Math.sqrt(variance(j)));
  const z = coef.map((c, j) => c / stdErrors[j]);
  return {
    coef,
    stdErrors,
    z,
    pValues: z.map(twoSidedP),
    ci95: coef.map((c, j): [number, number] => [c - Z_975 * stdErrors[j], c + Z_975 * stdErrors[j]]),
  };
}
