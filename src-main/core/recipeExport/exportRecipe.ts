/**
 * A recipe leaves Assay as Python: a scikit-learn script or a Jupyter
 * notebook that reproduces its run (`assay export-recipe`, "Export as
 * Python…" in the app). Pure: the caller reads the recipe and writes the file.
 */
import { stepName, upperFirst } from '../recipe/recipePaths';
import type { Recipe } from '../recipe/schema';
import { staticLeakNotes } from '../recipe/warnings';
import { notebookJson } from './notebookJson';
import { recipeProgram } from './recipeProgram';
import { shadowsPythonModule } from './pythonModules';
import { sklearnScript } from './sklearnScript';
import { PANDAS_ONLY_OPS } from './stepCode';

import type { RecipeExportFormat } from './exportFormats';
export { isRecipeExportFormat, RECIPE_EXPORT_FORMATS, type RecipeExportFormat } from './exportFormats';

const FILE: Record<RecipeExportFormat, { extension: string; mime: string; words: string }> = {
  sklearn: { extension: '.py', mime: 'text/x-python', words: 'a scikit-learn script' },
  notebook: { extension: '.ipynb', mime: 'application/x-ipynb+json', words: 'a Jupyter notebook' },
};


export interface RecipeExportOptions {
  format: RecipeExportFormat;
  /** The data file as the program finds it (relative to the program's folder, or absolute); null: the recipe names none, so the program asks for one. */
  dataPath: string | null;
  /** Grid searches on a Dask cluster (`joblib.parallel_backend("dask")`). */
  dask?: boolean;
  /** The name the file is saved under; by default from the recipe's name. */
  fileName?: string;
}

export interface RecipeExport {
  fileName: string;
  mime: string;
  text: string;
  /** What the analyst should know: leaking steps kept as the recipe has them, steps written in plain pandas. */
  notes: string[];
  /** "a scikit-learn script", "a Jupyter notebook". */
  words: string;
}

/**
 * The file name for a recipe's export: its name as a Python module would be
 * named (lower-case ASCII words joined by `_`, accents dropped), with the
 * format's extension; `recipe` when nothing of the name is left, and
 * `<name>_recipe.py` for a script whose name is a Python module's.
 */
export function recipeExportFileName(name: string, format: RecipeExportFormat): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80)
    .replace(/_+$/, '');
  const base = words || 'recipe';
  // A script named like a module would be imported in its place (see pythonModules).
  return `${format === 'sklearn' && shadowsPythonModule(base) ? `${base}_recipe` : base}${FILE[format].extension}`;
}

export function exportRecipe(recipe: Recipe, o: RecipeExportOptions): RecipeExport {
  const file = FILE[o.format];
  const fileName = o.fileName ?? recipeExportFileName(recipe.name, o.format);
  const program = recipeProgram(recipe, { kind: o.format === 'notebook' ? 'notebook' : 'script', dataPath: o.dataPath, dask: o.dask ?? false, fileName });
  const notes = [
    ...staticLeakNotes(recipe).map(
      (l) => `${upperFirst(stepName(l.step, l.op))} runs before the split and leaks: ${l.message} The program keeps it there, as the recipe does, marked "# LEAKAGE".`,
    ),
    ...recipe.steps.flatMap((s, i) =>
      PANDAS_ONLY_OPS.has(s.op) ? [`${upperFirst(stepName(i, s.op))} has no scikit-learn counterpart: it is written as a plain pandas function.`] : [],
    ),
  ];
  return {
    fileName,
    mime: file.mime,
    text: o.format === 'notebook' ? notebookJson(program) : sklearnScript(program),
    notes,
    words: file.words,
  };
}
