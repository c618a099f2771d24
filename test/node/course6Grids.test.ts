import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecipe } from '../../src-main/core/recipe/schema';
import { runRecipe } from '../../src-main/node/search/runRecipe';
import { sampleFrame } from '../core/recipe/sampleFrame';

interface GridFixture {
  rf: { best_cv_recall: number; best_params: Record<string, unknown> };
  xgb: { best_cv_recall: number; best_params: Record<string, unknown> };
}

const grids = JSON.parse(readFileSync('test/fixtures/recipe/course6_grids.json', 'utf8')) as GridFixture;

/**
 * The seed's full grids on the bundled sample, on the same folds: our forest
 * and boosting reach scikit-learn's and XGBoost's best cross-validated recall
 * within 0.005 (the trees are statistically equivalent, not identical).
 */
describe('Course 6 grids against scikit-learn and XGBoost', () => {
  it('random forest (72 candidates × 5 folds) and XGBoost (24 × 5)', async () => {
    const recipe = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
    const r = await runRecipe(recipe, sampleFrame(), { dataset: { name: 'sample', contentHash: null } });
    const [rf, xgb] = r.models;
    expect(rf.candidates).toBe(72);
    expect(rf.fits).toBe(120);
    expect(xgb.candidates).toBe(24);
    expect(xgb.fits).toBe(60);
    expect(Math.abs(rf.bestCv.recall - grids.rf.best_cv_recall)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(xgb.bestCv.recall - grids.xgb.best_cv_recall)).toBeLessThanOrEqual(0.005);
    expect(rf.failedFits).toEqual([]);
    expect(xgb.failedFits).toEqual([]);
  }, 600_000);
});
