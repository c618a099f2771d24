/**
 * What both logistic fits hand the Newton solver besides the data: the L2
 * weight per standardised design column, and the stopping rules from the
 * caller's `maxIter`, `tol` and fit options.
 */
import type { FitOptions } from '../types';
import type { NewtonStopping } from './dampedNewton';
import { decrementTolerance, stepTolerance } from './logisticParams';
import type { ResolvedLogisticParams } from './logisticParams';
import type { StandardisedDesign } from './standardisedDesign';

/**
 * λⱼ per design column: 1/(C·sⱼ²) on each feature for penalty 'l2' (‖w‖²/(2C)
 * in standardised coordinates, see standardisedDesign.ts), 0 on the intercept
 * and for 'none'.
 */
export function ridgeWeights(design: StandardisedDesign, { penalty, C }: ResolvedLogisticParams): Float64Array {
  const { columns, offset, scale } = design;
  const ridge = new Float64Array(columns.length);
  if (penalty === 'l2') for (let j = 0; j < scale.length; j++) ridge[offset + j] = 1 / (C * scale[j] * scale[j]);
  return ridge;
}

export function newtonStopping({ maxIter, tol }: ResolvedLogisticParams, opts: FitOptions): NewtonStopping {
  return { maxIter, stepTol: stepTolerance(tol), decrementTol: decrementTolerance(tol), signal: opts.signal, onProgress: opts.onProgress };
}
