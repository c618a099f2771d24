import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { searchCosts } from '../../../src-main/core/search/estimate';
import { planModels } from '../../../src-main/core/search/plan';
import { isSmallSearch } from '../../../src-main/core/search/smallSearch';


describe('isSmallSearch', () => {
  const shape = (trainRows: number) => ({ trainRows, heldOutRows: trainRows / 3, features: 8 });
  it('holds for the Course 5 logistic regression on the sample, not for the Course 6 grids', () => {
    const course5 = planModels(parseRecipe(JSON.parse(readFileSync('resources/recipes/verified-course5.json', 'utf8'))));
    const course6 = planModels(parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8'))));
    expect(isSmallSearch(searchCosts(course5, 5, shape(26_000), {}))).toBe(true);
    expect(isSmallSearch(searchCosts(course5, 5, shape(1_000_000), {}))).toBe(false);
    expect(isSmallSearch(searchCosts(course6, 5, { ...shape(11_450), features: 25 }, {}))).toBe(false);
  });
});
