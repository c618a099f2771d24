import type { Recipe } from '../recipe/schema';
import type { CvResults, CvRow } from './cvResults';

/** The index of the highest value, the first on a tie; NaN (a failed fit's score) ranks last. */
export function bestIndex(values: number[]): number {
  const v = (i: number) => (Number.isNaN(values[i]) ? -Infinity : values[i]);
  let best = 0;
  for (let i = 1; i < values.length; i++) if (v(i) > v(best)) best = i;
  return best;
}

/** Where the champion is chosen: on the validation rows when the recipe asks and has them, in cross-validation otherwise. */
export function championRule(recipe: Recipe, hasValidation: boolean): 'validation' | 'cv' {
  return recipe.champion.on === 'validation' && hasValidation ? 'validation' : 'cv';
}

/** A model's best cross-validation row. */
export function bestCvRow(cv: CvResults): CvRow {
  return cv.rows.find((row) => row.candidate === cv.best)!;
}

/**
 * The champion when it is known before the refits (the only model, or
 * chosen in cross-validation on `metric`), so its refit can score the test
 * rows; null when it is chosen on the validation rows after them.
 */
export function championBeforeRefits(rule: 'validation' | 'cv', cvByModel: CvResults[], metric: string): number | null {
  if (cvByModel.length === 1) return 0;
  return rule === 'cv' ? bestIndex(cvByModel.map((cv) => bestCvRow(cv).mean[metric])) : null;
}
