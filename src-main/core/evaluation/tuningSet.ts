/**
 * The rows a decision threshold may be tuned on. The test set gives the
 * final reading, so a threshold chosen on it makes that reading optimistic:
 * without a validation set, the cross-validation out-of-fold predictions of
 * the chosen candidate are the honest place to tune, and the test set is
 * offered last, marked, with a caution.
 */
import type { HeldOutScores, ModelResult } from '../search/runRecord';

export type TuningSetId = 'validation' | 'outOfFold' | 'test';

export interface TuningSet {
  id: TuningSetId;
  /** For the picker. */
  label: string;
  /** For a sentence: "On the validation set, …". */
  phrase: string;
  scores: HeldOutScores;
  /** Said next to the picker when this set is chosen. */
  caution: string | null;
}

export const TEST_TUNING_CAUTION =
  'Caution: the test set gives the final reading; a threshold tuned on it is chosen with those very rows, so the reading at that threshold is optimistic. Tune on the validation set or the cross-validation (out-of-fold) predictions, and read the result on the test set.';

/** The sets this model has scores for, best place to tune first. */
export function tuningSets(m: Pick<ModelResult, 'heldOut'>): TuningSet[] {
  const out: TuningSet[] = [];
  const h = m.heldOut;
  if (h?.validation) out.push({ id: 'validation', label: 'Validation set', phrase: 'the validation set', scores: h.validation, caution: null });
  if (h?.outOfFold) {
    out.push({
      id: 'outOfFold',
      label: 'Cross-validation (out-of-fold)',
      phrase: 'the cross-validation out-of-fold predictions',
      scores: h.outOfFold,
      caution: null,
    });
  }
  if (h?.test) out.push({ id: 'test', label: 'Test set — tuning here biases the final reading', phrase: 'the test set', scores: h.test, caution: TEST_TUNING_CAUTION });
  return out;
}

/** The asked set when the model has it, else the first (the least biased) one. */
export function chooseTuningSet(sets: readonly TuningSet[], wanted: TuningSetId | null): TuningSet | null {
  return sets.find((s) => s.id === wanted) ?? sets[0] ?? null;
}
