import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../src-main/core/recipe/issueMessages';
import { describeRecipePath } from '../../../src-main/core/recipe/recipePaths';
import { parseRecipe, recipeSchema } from '../../../src-main/core/recipe/schema';

const course6 = () => JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8'));

describe('describeRecipePath', () => {
  it('names steps 1-based with what they do, and fields by their form label', () => {
    const r = course6();
    expect(describeRecipePath(['steps', 4, 'test'], r)).toBe('step 5 (split) · test share');
    expect(describeRecipePath(['steps', 5, 'ngramRange'], r)).toBe('step 6 (n-gram counts) · n-grams');
    expect(describeRecipePath(['steps', 2, 'columns', 1], r)).toBe('step 3 (drop columns) · columns, item 2');
    expect(describeRecipePath(['steps', 0], r)).toBe('step 1 (drop missing rows)');
    // An op the schema does not know is not guessed at.
    expect(describeRecipePath(['steps', 0, 'op'], { steps: [{ op: 'explode' }] })).toBe('step 1 · op');
  });

  it('names models 1-based with their type, and grid values by position', () => {
    const r = course6();
    expect(describeRecipePath(['models', 0, 'grid', 'max_depth', 1], r)).toBe('model 1 (random forest) · max_depth, value 2');
    expect(describeRecipePath(['models', 1, 'params', 'learning_rate'], r)).toBe('model 2 (gradient boosting) · learning_rate');
    expect(describeRecipePath(['models', 1, 'id'], r)).toBe('model 2 (gradient boosting) · short name');
  });

  it('names the recipe’s other fields in words, and falls back to the dotted path', () => {
    expect(describeRecipePath(['target', 'positive'])).toBe('target · positive class');
    expect(describeRecipePath(['cv', 'folds'])).toBe('cross-validation · folds');
    expect(describeRecipePath(['features', 0])).toBe('features, item 1');
    expect(describeRecipePath(['refit'])).toBe('refit metric');
    expect(describeRecipePath(['somewhere', 'else'])).toBe('somewhere.else');
    expect(describeRecipePath([])).toBe('recipe');
  });

  it('a schema problem reads as where, then why', () => {
    const r = course6();
    r.steps[4].test = 1.5;
    r.models[0].grid.max_depth[1] = { deep: true };
    const issues = recipeSchema.safeParse(r).error!.issues.map((i) => describeIssue(i, r));
    expect(issues).toContain('step 5 (split) · test share: must be < 1');
    expect(issues.some((m) => m.startsWith('model 1 (random forest) · max_depth, value 2: '))).toBe(true);
  });

  it('the CLI’s and the host’s refusal names the step as the editor does and keeps the JSON path', () => {
    const r = course6();
    r.steps[4].test = 1.5;
    expect(() => parseRecipe(r, 'claims.json')).toThrow('claims.json is not a valid recipe:\n  step 5 (split) · test share: must be < 1 ($.steps[4].test)');
  });
});
