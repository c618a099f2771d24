import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { explainModelFits, explainRunFits } from '../../../src-main/core/search/fitCount';
import { planModel } from '../../../src-main/core/search/plan';

const course6 = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
const plans = course6.models.map((m, i) => planModel(m, `$.models[${i}]`));

describe('fit counts in words', () => {
  it('explains shared n_estimators fits for forests and boosting, with scikit-learn’s count', () => {
    expect(explainModelFits(plans[0], 5)).toBe(
      "72 candidates; those that differ only in n_estimators share one fit, scored at each size of the ensemble: 24 fit groups × 5 folds + 1 refit = 121 fits (scikit-learn's GridSearchCV fits every candidate: 72 × 5 + 1 = 361).",
    );
    expect(explainRunFits(plans, 5)).toBe(
      "182 fits where scikit-learn's GridSearchCV makes 482 (96 candidates × 5 folds = 480, plus 2 refits): candidates that differ only in n_estimators share one fit, scored at each size of the ensemble.",
    );
  });

  it('never mentions n_estimators for logistic regression, whose count is scikit-learn’s', () => {
    const lr = planModel({ id: 'lr', type: 'logisticRegression', params: {}, grid: { C: [0.1, 1, 10] } }, '$');
    const text = explainModelFits(lr, 5);
    expect(text).toBe("3 candidates × 5 folds + 1 refit = 16 fits, as scikit-learn's GridSearchCV.");
    expect(text).not.toMatch(/n_estimators|shared/);
    expect(explainRunFits([lr], 5)).toBeNull();
  });

  it('says so when a forest grid has nothing to share', () => {
    const rf = planModel({ id: 'rf', type: 'randomForest', params: {}, grid: { max_depth: [3, 5] } }, '$');
    expect(explainModelFits(rf, 5)).toBe("2 candidates × 5 folds + 1 refit = 11 fits, as scikit-learn's GridSearchCV; no two candidates differ only in n_estimators, so none share a fit.");
  });
});
