import { checkClassCounts, kFold, stratifiedKFold } from '../modelSelection/kFold';
import type { PreparedData } from '../recipe/pipeline';
import type { Recipe } from '../recipe/schema';
import type { SearchData } from './jobs';

/** The recipe's cross-validation folds of the training rows: stratified (refusing a class with fewer rows than folds) or plain k-fold. */
export function searchFolds(recipe: Recipe, y: Int32Array, classes: string[]): SearchData['folds'] {
  if (recipe.cv.stratified) {
    checkClassCounts(y, recipe.cv.folds, classes);
    return stratifiedKFold(y, recipe.cv.folds);
  }
  return kFold(y.length, recipe.cv.folds);
}

/** What every job of a search is given: the prepared rows, the folds, and the metrics to score (the recipe's, plus the champion's). */
export function searchData(recipe: Recipe, prepared: PreparedData): SearchData {
  const metrics = [...recipe.scoring];
  if (!metrics.includes(recipe.champion.metric)) metrics.push(recipe.champion.metric);
  return {
    train: prepared.train,
    validation: prepared.validation,
    test: prepared.test,
    folds: searchFolds(recipe, prepared.train.y, prepared.classes),
    nClasses: prepared.classes.length,
    classes: prepared.classes,
    metrics,
    refit: recipe.refit,
  };
}
