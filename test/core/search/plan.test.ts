import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandGrid, resolveParams } from '../../../src-main/core/ml/params';
import { aggregateCv, type FoldScore } from '../../../src-main/core/search/cvResults';
import { countFits, planModel, planModels } from '../../../src-main/core/search/plan';
import { parseRecipe } from '../../../src-main/core/recipe/schema';

const rfGrid = {
  max_depth: [5, 7, null],
  max_features: [0.3, 0.6],
  max_samples: [0.7],
  min_samples_leaf: [1, 2],
  min_samples_split: [2, 3],
  n_estimators: [75, 100, 200],
};

describe('search planning', () => {
  it('expands a grid in ParameterGrid order (sorted keys, last fastest)', () => {
    const g = expandGrid({ b: [1, 2], a: ['x', 'y'] });
    expect(g).toEqual([
      { a: 'x', b: 1 },
      { a: 'x', b: 2 },
      { a: 'y', b: 1 },
      { a: 'y', b: 2 },
    ]);
  });

  it('shares one fit between candidates that differ only in n_estimators', () => {
    const plan = planModel({ id: 'rf', type: 'randomForest', params: { random_state: 0 }, grid: rfGrid }, '$.models[0]');
    expect(plan.candidates).toHaveLength(72);
    expect(plan.groups).toHaveLength(24);
    for (const g of plan.groups) {
      expect(g.stages).toEqual([75, 100, 200]);
      expect(g.params.nEstimators).toBe(200);
    }
    expect(countFits([plan], 5)).toEqual({ candidates: 72, fits: 120, sklearnFits: 360 });
  });

  it('refuses a grid past the candidate limit up front, with its size, instead of exhausting memory', () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    const huge = { max_depth: values(59), min_samples_leaf: values(59), min_samples_split: values(58).map((v) => v + 1), max_features: values(10).map((v) => v / 10) };
    expect(() => planModel({ id: 'dt', type: 'decisionTree', params: {}, grid: huge }, '$.models[0]')).toThrow(
      '$.models[0].grid: 2,018,980 candidates (max_depth 59 × min_samples_leaf 59 × min_samples_split 58 × max_features 10); at most 10,000 can be searched.',
    );
    // Exactly at the limit is still planned.
    expect(planModel({ id: 'dt', type: 'decisionTree', params: {}, grid: { max_depth: values(100), min_samples_leaf: values(100) } }, '$.models[0]').candidates).toHaveLength(10_000);
  });

  it('names an unknown or invalid parameter with its JSON path', () => {
    expect(() => planModel({ id: 'rf', type: 'randomForest', params: {}, grid: { max_dept: [3] } }, '$.models[0]')).toThrow(
      /\$\.models\[0\]\.grid\.max_dept: randomForest has no parameter "max_dept" \(did you mean "max_depth"\?\)/,
    );
    expect(() => resolveParams('gradientBoosting', { learning_rate: 0 }, '$.models[1].params')).toThrow(
      /learning_rate = 0: expected a number in \(0, 1\]/,
    );
  });

  it('takes random_state in scikit-learn\'s range only (0 to 2^32 - 1), as the exported program needs', () => {
    expect(resolveParams('randomForest', { random_state: 4294967295 }, '$.models[0].params').randomState).toBe(4294967295);
    for (const bad of [4294967296, 1099511627776, -1]) {
      expect(() => resolveParams('randomForest', { random_state: bad }, '$.models[0].params')).toThrow(/random_state = -?\d+: expected an integer from 0 to 4294967295/);
    }
  });
});

describe('aggregateCv', () => {
  it('means, population std and min-ranks as scikit-learn reports them', () => {
    const candidates = [0, 1, 2].map((index) => ({ modelId: 'm', index, params: { c: index } }));
    const s = (candidate: number, fold: number, recall: number): FoldScore => ({ candidate, fold, scores: { recall }, fitSeconds: 1, scoreSeconds: 0 });
    const scores = [s(0, 0, 0.8), s(0, 1, 0.9), s(1, 0, 0.9), s(1, 1, 0.8), s(2, 0, 0.5), s(2, 1, NaN)];
    const r = aggregateCv(candidates, scores, ['recall'], 'recall', 2);
    expect(r.rows[0].mean.recall).toBeCloseTo(0.85, 12);
    expect(r.rows[0].std.recall).toBeCloseTo(0.05, 12);
    expect(r.rows.map((x) => x.rank.recall)).toEqual([1, 1, 3]);
    expect(r.best).toBe(0);
  });
});

describe('planModels', () => {
  it('names a bad grid value as the Train view shows the model, with the JSON path after it', () => {
    const recipe = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
    const bad = { ...recipe, models: [recipe.models[0], { ...recipe.models[1], grid: { ...recipe.models[1].grid, max_depth: [4, -1] } }] };
    // The value is named by its place in the list: the second of max_depth's values.
    expect(() => planModels(bad)).toThrow(/^model 2 \(gradient boosting\) · max_depth, value 2: max_depth = -1: .*\(\$\.models\[1\]\.grid\.max_depth\[1\]\)$/);
    // A good recipe plans as planModel does, model by model.
    expect(planModels(recipe).map((p) => p.candidates.length)).toEqual(recipe.models.map((m) => planModel(m, '$').candidates.length));
  });
});
