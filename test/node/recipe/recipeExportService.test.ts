import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methods } from '../../../src-main/core/api/contract';
import { parseRecipe, type Recipe } from '../../../src-main/core/recipe/schema';
import { recipeExportFile } from '../../../src-main/node/recipe/recipeExportService';
import { saveRecipe } from '../../../src-main/node/store/recipes';
import { insertRun } from '../../../src-main/node/store/runs';
import { refusal, tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

const shipped = (file: string): Recipe => parseRecipe(JSON.parse(readFileSync(`resources/recipes/${file}`, 'utf8')), file);

/** The shipped recipe on a small copy of the sample, imported as `claims.csv`: the recipe names that dataset by its content. */
async function project(file: string): Promise<{ recipe: Recipe; recipeId: number }> {
  const sample = readFileSync('resources/sample/tiktok_claims_sample.csv', 'utf8').split('\n').slice(0, 400).join('\n') + '\n';
  const info = await t.wb.importFile({ path: t.file('claims.csv', sample), name: 'claims' });
  const recipe = { ...shipped(file), dataset: { name: 'claims', contentHash: info.contentHash } };
  const stored = saveRecipe(t.wb.db, null, recipe);
  return { recipe: stored.recipe, recipeId: stored.id };
}

describe('recipeExportFile ("Export as Python…")', () => {
  it('writes a saved recipe as the scikit-learn script, reading the file its dataset was imported from', async () => {
    const { recipe, recipeId } = await project('claims-course6.json');
    const split = recipe.steps.find((s) => s.op === 'split');
    const f = recipeExportFile(t.wb.db, { source: { recipeId }, format: 'sklearn', dask: false });
    expect(f.fileName).toMatch(/\.py$/);
    expect(f.mime).toBe('text/x-python');
    expect(f.data).toContain('GridSearchCV');
    expect(f.data).toContain('StratifiedKFold');
    expect(split && 'randomState' in split && `random_state=${split.randomState}`).toBe('random_state=0');
    expect(f.data).toContain('random_state=0');
    expect(f.data).toContain('DEFAULT_DATA = "claims.csv"');
    expect(f.data).not.toContain('dask');
    expect(f.notes.some((n) => /LEAKAGE/.test(n))).toBe(false);
    expect(f.notes.at(-1)).toMatch(/reads claims\.csv from its own folder/);
  });

  it('writes a run\'s own copy of its recipe, not the saved one, with the leak noted; the notebook is nbformat 4 JSON', async () => {
    const { recipe, recipeId } = await project('verified-course5.json');
    const run = insertRun(t.wb.db, { recipeId, recipeName: recipe.name, datasetName: 'claims', datasetHash: recipe.dataset.contentHash!, recipe });
    // The saved recipe changes after the run: the run's export keeps what it ran.
    saveRecipe(t.wb.db, recipeId, { ...recipe, name: 'Changed since' });
    const f = recipeExportFile(t.wb.db, { source: { runId: run.id }, format: 'notebook', dask: true });
    expect(f.mime).toBe('application/x-ipynb+json');
    expect(f.fileName).toMatch(/\.ipynb$/);
    expect(f.fileName).not.toMatch(/changed/);
    const nb = JSON.parse(f.data) as { nbformat: number; cells: { cell_type: string; source: string | string[] }[] };
    expect(nb.nbformat).toBe(4);
    const code = nb.cells.map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source)).join('\n');
    expect(code).toContain('parallel_backend("dask")');
    expect(code).toContain('# LEAKAGE');
    expect(f.notes.some((n) => /resampl/i.test(n) && /leaks/.test(n))).toBe(true);
  });

  it('a three-class recipe (no positive class) exports as script and notebook; a recipe named like a Python module gets a file name that is not one', async () => {
    const { recipe, recipeId } = await project('ban-status-multiclass.json');
    expect(recipe.target.positive).toBeUndefined();
    const script = recipeExportFile(t.wb.db, { source: { recipeId }, format: 'sklearn', dask: false });
    expect(script.data).toContain('POSITIVE = None');
    expect(script.data).toContain('XGBClassifier(objective="multi:softprob", **xgb_params)');
    expect(script.data).not.toContain('undefined');
    const nb = recipeExportFile(t.wb.db, { source: { recipeId }, format: 'notebook', dask: true });
    expect((JSON.parse(nb.data) as { nbformat: number }).nbformat).toBe(4);
    const { id } = saveRecipe(t.wb.db, null, { ...recipe, name: 'Random' });
    expect(recipeExportFile(t.wb.db, { source: { recipeId: id }, format: 'sklearn', dask: false }).fileName).toBe('random_recipe.py');
  });

  it('names no data file when no dataset of the project matches, and says so', async () => {
    const recipe = { ...shipped('claims-course6.json'), dataset: { name: 'gone', contentHash: null } };
    const { id } = saveRecipe(t.wb.db, null, recipe);
    const f = recipeExportFile(t.wb.db, { source: { recipeId: id }, format: 'sklearn', dask: false });
    expect(f.data).toContain('DEFAULT_DATA = None');
    expect(f.notes.at(-1)).toMatch(/No dataset of this project matches "gone".*first argument/);
  });

  it('refuses an unknown recipe or run, and a run without its recipe, in words', async () => {
    expect(refusal(() => recipeExportFile(t.wb.db, { source: { recipeId: 99 }, format: 'sklearn', dask: false })).message).toBe('There is no recipe 99 in this project.');
    expect(refusal(() => recipeExportFile(t.wb.db, { source: { runId: 42 }, format: 'notebook', dask: false })).message).toBe('There is no run 42 in this project.');
    const bare = insertRun(t.wb.db, { recipeId: null, recipeName: 'old', datasetName: 'claims', datasetHash: '' });
    const e = refusal(() => recipeExportFile(t.wb.db, { source: { runId: bare.id }, format: 'sklearn', dask: false }));
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/Run \d+ kept no readable copy of its recipe/);
  });

  it('the contract takes a recipe id or a run id, never both or neither, and only the two formats', () => {
    const input = methods['recipe.exportPython'].input;
    expect(input.safeParse({ recipeId: 1, format: 'sklearn', dask: false }).success).toBe(true);
    expect(input.safeParse({ runId: 3, format: 'notebook', dask: true }).success).toBe(true);
    expect(input.safeParse({ recipeId: 1, runId: 3, format: 'sklearn', dask: false }).success).toBe(false);
    expect(input.safeParse({ format: 'sklearn', dask: false }).success).toBe(false);
    expect(input.safeParse({ recipeId: 1, format: 'spark', dask: false }).success).toBe(false);
    expect(input.safeParse({ recipeId: 1, format: 'sklearn' }).success).toBe(false);
    expect(input.safeParse({ recipeId: 0, format: 'sklearn', dask: false }).success).toBe(false);
  });
});

