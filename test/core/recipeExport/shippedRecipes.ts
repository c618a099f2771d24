/** The recipes Assay ships, and the scikit-learn program exported from one, as the export tests read them. */
import { readFileSync } from 'node:fs';
import type { Recipe, RecipeInput } from '../../../src-main/core/recipe/schema';
import { exportRecipe } from '../../../src-main/core/recipeExport/exportRecipe';

export const shippedJson = (name: string) => JSON.parse(readFileSync(`resources/recipes/${name}.json`, 'utf8')) as RecipeInput;

/** The plain Python program (format 'sklearn') for `r`, reading data.csv. */
export const sklearnScript = (r: Recipe, dask = false) => exportRecipe(r, { format: 'sklearn', dataPath: 'data.csv', dask }).text;
