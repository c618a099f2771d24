import type { ModelResult } from '../../../../src-main/core/search/runRecord';
import { recallTarget } from '../../../../src-main/core/evaluation/thresholdView';
import { chooseTuningSet, tuningSets, type TuningSetId } from '../../../../src-main/core/evaluation/tuningSet';

export interface FoundThreshold {
  /** Where to put the slider; null leaves it where it is. */
  moveTo: number | null;
  message: string;
}

/**
 * The Runs view's "Find": the strictest threshold reaching the recall target
 * on the chosen tuning set (the test set keeps its final reading unless the
 * analyst picks it, marked, to tune on).
 */
export function findThreshold(model: Pick<ModelResult, 'heldOut'>, tuning: TuningSetId | null, target: unknown, classes: readonly string[]): FoundThreshold {
  if (typeof target !== 'number' || !(target >= 0 && target <= 1)) return { moveTo: null, message: 'The recall target is a number from 0 to 1.' };
  const set = chooseTuningSet(tuningSets(model), tuning);
  if (!set) return { moveTo: null, message: 'This model has no held-out predictions to tune a threshold on.' };
  const r = recallTarget(set.scores, target, classes, undefined, set.phrase);
  return { moveTo: r.moveTo, message: r.sentence };
}
