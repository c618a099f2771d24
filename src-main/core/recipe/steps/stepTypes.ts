import type { Frame } from '../frame';
import type { Step } from '../schema';

/** Which rows a fitted step is applied to. Resampling touches training rows only. */
export type RowRole = 'all' | 'train' | 'validation' | 'test';

export interface FittedStep {
  apply(frame: Frame, role: RowRole): Frame;
  /** What was learned, for the run record (vocabulary, caps, categories). */
  describe?(): unknown;
}

export interface StepContext {
  target: string;
}

export interface StepImpl<S extends Step> {
  /**
   * Why fitting this step before the split leaks information from validation
   * and test rows into training; undefined for steps that learn nothing that
   * matters (dropping rows, text length).
   */
  leakBeforeSplit?: string;
  fit(frame: Frame, step: S, ctx: StepContext): FittedStep;
}

export const stateless = (apply: (frame: Frame) => Frame): FittedStep => ({ apply: (f) => apply(f) });
