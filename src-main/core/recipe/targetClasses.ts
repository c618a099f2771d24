import { ApiError } from '../api/errors';
import { compareCodePoints } from '../features/countVectorizer';
import { scorerNeedsTwoClasses, twoClassScoringMessage } from '../metrics';
import type { Recipe } from './schema';

/**
 * The target's classes as the models see them. Two classes: `[negative,
 * positive]` with y = 1 for the recipe's positive class (as the seeds encode
 * it). More: the distinct training values in code-point order, as
 * scikit-learn's LabelEncoder and np.unique number them, y = the index.
 */
export interface EncodedTarget {
  y: Int32Array;
  classes: string[];
}

const MAX_LISTED = 12;
const listed = (classes: readonly string[]) =>
  classes.slice(0, MAX_LISTED).join(', ') + (classes.length > MAX_LISTED ? ', …' : '');

/** The sorted distinct values of the training target. */
export function targetClasses(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareCodePoints);
}

/**
 * Checks the recipe's `target.positive` and metrics against the classes the
 * training rows have, before anything is fitted: a binary target needs its
 * positive class, a multiclass one must not name one, and two-class scorings
 * cannot score more classes.
 */
export function checkRecipeForClasses(recipe: Pick<Recipe, 'target' | 'scoring' | 'refit' | 'champion'>, classes: readonly string[]): void {
  const target = recipe.target.column;
  const positive = recipe.target.positive;
  if (classes.length < 2) {
    throw new ApiError('bad-input', `The target "${target}" has only one class (${classes.join(', ') || 'none'}) in the training rows; a classifier needs two or more.`);
  }
  if (classes.length === 2) {
    if (positive === undefined) {
      throw new ApiError(
        'bad-input',
        `The target "${target}" has two classes (${classes.join(' and ')}): say which one is the positive class in target.positive (the recipe's metrics such as recall are about it).`,
      );
    }
    if (!classes.includes(positive)) {
      throw new ApiError('bad-input', `The positive class "${positive}" does not occur in "${target}"; its classes are ${classes.join(' and ')} (target.positive).`);
    }
    return;
  }
  if (positive !== undefined) {
    throw new ApiError(
      'bad-input',
      `The target "${target}" has ${classes.length} classes (${listed(classes)}), so a model predicts each of them and there is no positive class: remove target.positive ("${positive}"), or choose a target with two classes.`,
    );
  }
  const uses: [string, string][] = [
    ...recipe.scoring.map((m, i): [string, string] => [m, `scoring[${i}]`]),
    [recipe.refit, 'refit'],
    [recipe.champion.metric, 'champion.metric'],
  ];
  for (const [metric, where] of uses) {
    if (!scorerNeedsTwoClasses(metric)) continue;
    throw new ApiError('bad-input', `${twoClassScoringMessage(metric, classes.length)} (${where}; the target "${target}" has ${listed(classes)}).`);
  }
}

/** Encodes the training target; `checkRecipeForClasses` has accepted the recipe for these classes. */
export function encodeTrainingTarget(values: readonly string[], positive: string | undefined): EncodedTarget {
  const classes = targetClasses(values);
  if (classes.length === 2) {
    const negative = classes.find((c) => c !== positive)!;
    const y = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) y[i] = values[i] === positive ? 1 : 0;
    return { y, classes: [negative, positive!] };
  }
  const index = new Map(classes.map((c, i) => [c, i]));
  return { y: Int32Array.from(values, (v) => index.get(v)!), classes };
}

/** Encodes validation or test rows with the training classes; a class the training rows lack is an error. */
export function encodeWithClasses(values: readonly string[], classes: readonly string[], target: string, part: string): Int32Array {
  const index = new Map(classes.map((c, i) => [c, i]));
  const y = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const k = index.get(values[i]);
    if (k === undefined) {
      throw new ApiError('bad-input', `The target "${target}" has the value "${values[i]}" in the ${part} rows, which the training rows do not have (their classes are ${listed(classes)}).`);
    }
    y[i] = k;
  }
  return y;
}
