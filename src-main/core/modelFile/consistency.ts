/**
 * What the parts of a model file must agree on, beyond each part's own
 * schema, so that a file whose parts were edited apart is refused when it is
 * opened rather than scored silently wrong:
 *
 * - the fitted model is of the file's model type;
 * - it predicts as many classes as the target lists, and a forest's leaves
 *   hold class proportions (checked when the trees are restored);
 * - the preparation can run (core/scoring/checkPreparation);
 * - every list of feature names says the same names in the same order: the
 *   preparation's `features`, the columns its steps make (or the recipe's own
 *   `features` list, when it has one), and a logistic regression's `features`;
 *   and the model reads as many features as they name.
 */
import { modelClassCount, modelFeatureCount } from '../ml/restore';
import { preparationOutputs } from '../scoring/applyPreparation';
import { preparationProblem } from '../scoring/checkPreparation';
import type { AssayModelFile } from './schema';

/** Where two lists of feature names first part, in words; null when they are the same. */
function featureListsDiffer(aName: string, a: readonly string[], bName: string, b: readonly string[]): string | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) continue;
    if (a.length !== b.length && (i >= a.length || i >= b.length)) {
      return `${aName} names ${a.length} features but ${bName} names ${b.length}`;
    }
    return `${aName} and ${bName} differ at feature ${i + 1} of ${a.length}: "${a[i]}" against "${b[i]}" (the same names must come in the same order)`;
  }
  return null;
}

function recipeFeatures(recipe: Record<string, unknown>): string[] | null {
  const f = recipe.features;
  return Array.isArray(f) && f.every((x) => typeof x === 'string') ? (f as string[]) : null;
}

/** The first disagreement between the file's parts, in words (the caller names the file), or null. */
export function modelFileProblem(m: AssayModelFile): string | null {
  const fitted = m.model.fitted;
  if (fitted.kind !== m.model.type) return `the model is a ${m.model.type} but its fitted part (model.fitted) is a ${fitted.kind}`;
  const classes = m.target.classes;
  const predicted = modelClassCount(fitted);
  if (predicted !== classes.length) {
    return `the fitted model (model.fitted) predicts ${predicted} classes but target.classes lists ${classes.length} (${classes.map((c) => JSON.stringify(c)).join(', ')})`;
  }
  const problem = preparationProblem(m.preparation);
  if (problem) return `in its preparation, ${problem}`;
  const features = m.preparation.features.map((f) => f.name);
  const expected = modelFeatureCount(fitted);
  if (features.length !== expected) return `the model takes ${expected} features but the file lists ${features.length}`;
  const declared = recipeFeatures(m.recipe);
  const made = declared ?? preparationOutputs(m.preparation).filter((n) => n !== m.target.column);
  const madeName = declared ? 'recipe.features' : "the columns the preparation's steps make";
  const order = featureListsDiffer('preparation.features', features, madeName, made);
  if (order) return order;
  if (fitted.kind === 'logisticRegression') {
    const lr = featureListsDiffer('model.fitted.features', fitted.features, 'preparation.features', features);
    if (lr) return lr;
  }
  return null;
}
