import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteRecipe, duplicateRecipe, getRecipe, listRecipes, saveRecipe } from '../../src-main/node/store/recipes';
import { getRunSummary, insertRun } from '../../src-main/node/store/runs';
import { tempWorkbench, type TempWorkbench } from './helpers';

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

const course6 = () => JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8'));

describe('recipes in the project', () => {
  it('are saved validated, listed, updated, duplicated and deleted', () => {
    const a = saveRecipe(t.wb.db, null, course6());
    expect(a.recipe.models.map((m) => m.id)).toEqual(['rf', 'xgb']);
    const again = saveRecipe(t.wb.db, null, course6());
    expect(again.name).toBe(`${a.name} (2)`);
    const copy = duplicateRecipe(t.wb.db, a.id);
    expect(copy.name).toBe(`${a.name} (copy)`);
    const edited = saveRecipe(t.wb.db, a.id, { ...course6(), name: 'Renamed' });
    expect(getRecipe(t.wb.db, a.id).name).toBe('Renamed');
    expect(edited.updatedAt >= a.updatedAt).toBe(true);
    deleteRecipe(t.wb.db, again.id);
    expect(listRecipes(t.wb.db).map((r) => r.name)).toEqual(['Renamed', `${a.name} (copy)`].sort());
  });

  it('deleting a recipe keeps its runs but lets go of them, so the next recipe given its id does not inherit them', () => {
    const a = saveRecipe(t.wb.db, null, course6());
    const keep = saveRecipe(t.wb.db, null, { ...course6(), name: 'Keep' });
    const run = (recipeId: number, name: string) => insertRun(t.wb.db, { recipeId, recipeName: name, datasetName: 'd', datasetHash: 'h' }).id;
    const ranA = run(a.id, a.name);
    const ranKeep = run(keep.id, 'Keep');
    deleteRecipe(t.wb.db, keep.id);
    expect(getRunSummary(t.wb.db, ranKeep)).toMatchObject({ recipeId: null, recipeName: 'Keep' });
    expect(getRunSummary(t.wb.db, ranA).recipeId).toBe(a.id);
  });

  it('an invalid recipe is refused with its JSON path and nothing is written', () => {
    const bad = course6();
    bad.steps[0] = { op: 'dropna' };
    expect(() => saveRecipe(t.wb.db, null, bad)).toThrow(/\$\.steps\[0\]\.op/);
    expect(listRecipes(t.wb.db)).toEqual([]);
  });
});
