/**
 * `max_bins` in the exported program: XGBoost's histogram method under its
 * own name, left out (and said so) for scikit-learn's forests, which split on
 * exact values, and refused in their grids, where it would make one fit of
 * every value.
 */
import { describe, expect, it } from 'vitest';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { refusal } from '../../node/helpers';
import { shippedJson, sklearnScript as script } from './shippedRecipes';

const withModel = (model: object) => script(parseRecipe({ ...shippedJson('verified-course5-no-leak'), models: [{ id: 'm', ...model }] }));

describe('max_bins in the exported program', () => {
  it('XGBoost: max_bin under the histogram method, in params and in the grid', () => {
    const fixed = withModel({ type: 'gradientBoosting', params: { max_bins: 1023 } });
    expect(fixed).toContain('"max_bin": 1023,');
    expect(fixed).not.toContain('"max_bins"');
    expect(fixed).toContain('XGBClassifier(objective="binary:logistic", tree_method="hist", random_state=0, **m_params),');
    const grid = withModel({ type: 'gradientBoosting', grid: { max_bins: [255, 4095] } });
    expect(grid).toContain('"max_bin": [255, 4095],');
    expect(grid).toContain('tree_method="hist"');
  });

  it('XGBoost without max_bins keeps its default (exact) method', () => {
    expect(withModel({ type: 'gradientBoosting', params: { max_depth: 3 } })).not.toContain('tree_method');
  });

  it('random forest: a fixed max_bins is left out of the program and the text says why', () => {
    const text = script(parseRecipe({ ...shippedJson('verified-course5-no-leak'), models: [{ id: 'rf', type: 'randomForest', params: { max_bins: 4095, max_depth: 5 } }] }));
    expect(text).toContain('"max_depth": 5,');
    expect(text).not.toContain('"max_bin');
    expect(text).toContain('RandomForestClassifier');
    expect(text).toMatch(/max_bins=4095.*is left out/);
  });

  it('random forest: max_bins in the grid is refused, naming the field', () => {
    const e = refusal(() => withModel({ type: 'randomForest', grid: { max_bins: [255, 1023] } }));
    expect(e.message).toContain('max_bins ($.models[0].grid.max_bins)');
    expect(e.message).toContain('splits on exact values and has no bin count');
  });
});
