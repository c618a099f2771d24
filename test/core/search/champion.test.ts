import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { bestCvRow, bestIndex, championBeforeRefits, championRule } from '../../../src-main/core/search/champion';
import { aggregateCv, type FoldScore } from '../../../src-main/core/search/cvResults';
import { planModel } from '../../../src-main/core/search/plan';

const dt = planModel({ id: 'dt', type: 'decisionTree', params: {}, grid: { max_depth: [2, 3] } }, '$.models[0]');
const score = (candidate: number, fold: number, recall: number): FoldScore => ({ candidate, fold, scores: { recall }, fitSeconds: 1, scoreSeconds: 0 });

describe('bestIndex', () => {
  it('takes the highest, the first on a tie, and ranks NaN last', () => {
    expect(bestIndex([0.2, 0.9, 0.9, 0.1])).toBe(1);
    expect(bestIndex([NaN, 0.1, NaN])).toBe(1);
    expect(bestIndex([NaN, NaN])).toBe(0);
  });
});

describe('the champion', () => {
  const recipe = (on: 'cv' | 'validation') => {
    const r = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
    r.champion.on = on;
    return r;
  };
  const cv = (recall: number[]) => aggregateCv(dt.candidates, recall.flatMap((r, c) => [score(c, 0, r), score(c, 1, r)]), ['recall'], 'recall', 2);

  it('is chosen on validation rows only when the recipe asks and has them', () => {
    expect(championRule(recipe('validation'), true)).toBe('validation');
    expect(championRule(recipe('validation'), false)).toBe('cv');
    expect(championRule(recipe('cv'), true)).toBe('cv');
  });

  it('is known before the refits when it is the only model or chosen in cross-validation', () => {
    const a = cv([0.5, 0.7]);
    const b = cv([0.8, 0.6]);
    expect(bestCvRow(a).candidate).toBe(1);
    expect(championBeforeRefits('validation', [a], 'recall')).toBe(0);
    expect(championBeforeRefits('cv', [a, b], 'recall')).toBe(1);
    expect(championBeforeRefits('validation', [a, b], 'recall')).toBeNull();
  });
});
