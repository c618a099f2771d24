import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../../src-main/core/recipe/pipeline';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { searchData, searchFolds } from '../../../src-main/core/search/searchData';
import { sampleFrame } from '../recipe/sampleFrame';

const course5 = () => parseRecipe(JSON.parse(readFileSync('resources/recipes/verified-course5.json', 'utf8')));

describe('searchData', () => {
  it('scores the recipe metrics plus the champion metric once, on the recipe folds of the training rows', () => {
    const recipe = course5();
    recipe.scoring = ['accuracy'];
    recipe.champion.metric = 'f1';
    const prepared = prepare(recipe, sampleFrame());
    const d = searchData(recipe, prepared);
    expect(d.metrics).toEqual(['accuracy', 'f1']);
    expect(d.folds).toHaveLength(5);
    expect(d.folds.reduce((n, f) => n + f.test.length, 0)).toBe(prepared.train.y.length);
    expect(d.nClasses).toBe(2);
    recipe.champion.metric = 'accuracy';
    expect(searchData(recipe, prepared).metrics).toEqual(['accuracy']);
  });
});

describe('searchFolds', () => {
  const y = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
  it('stratifies when asked, keeping each class share in every fold', () => {
    const recipe = course5();
    recipe.cv = { folds: 2, stratified: true };
    for (const f of searchFolds(recipe, y, ['n', 'p'])) expect(Array.from(f.test).filter((i) => y[i] === 1)).toHaveLength(3);
  });

  it('refuses stratified folds when a class has fewer rows than folds, and splits plainly otherwise', () => {
    const recipe = course5();
    recipe.cv = { folds: 5, stratified: true };
    expect(() => searchFolds(recipe, Int32Array.from([0, 0, 0, 0, 0, 1, 1]), ['n', 'p'])).toThrow();
    recipe.cv = { folds: 5, stratified: false };
    expect(searchFolds(recipe, y, ['n', 'p']).map((f) => Array.from(f.test))).toEqual([[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]]);
  });
});
