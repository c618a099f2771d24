import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../../core/api/errors';
import { parseRecipe } from '../../core/recipe/schema';
import { exportRecipe, isRecipeExportFormat, RECIPE_EXPORT_FORMATS, type RecipeExportFormat } from '../../core/recipeExport/exportRecipe';
import { pyCommentText } from '../../core/recipeExport/pythonLiteral';
import { cliPath } from '../cliWorkbench';
import { readJsonFile } from '../jsonFile';

export const EXPORT_RECIPE_USAGE = 'assay export-recipe RECIPE.json --format sklearn|notebook --out FILE [--data FILE] [--dask]';

const USAGE_WORDS =
  'sklearn: a Python script (pandas, scikit-learn, XGBoost); notebook: the same program as a Jupyter notebook, one cell per step. ' +
  'The program reproduces the recipe (same splits, n-gram vocabulary and folds) and prints one JSON document like assay run --json. ' +
  '--data sets the data file it reads by default (else the recipe\'s dataset.file); --dask runs its grid searches on a Dask cluster.';

/** The format asked for, or the one the output's extension names (.ipynb: notebook; anything else: sklearn). */
function formatOf(asked: string | undefined, out: string): RecipeExportFormat {
  if (asked === undefined) return out.toLowerCase().endsWith('.ipynb') ? 'notebook' : 'sklearn';
  const format = asked.trim().toLowerCase();
  if (!isRecipeExportFormat(format)) throw new ApiError('bad-input', `--format must be ${RECIPE_EXPORT_FORMATS.join(' or ')}, not "${asked}".`);
  return format;
}

/** Modules the programs import: a script named like one of them would import itself instead (Python looks in the script's folder first). */
const IMPORTED_MODULES = ['argparse', 'dask', 'hashlib', 'joblib', 'json', 'numpy', 'os', 'pandas', 'sklearn', 'sys', 'time', 'xgboost'];

/** The data file as the program finds it: relative to the program's folder (as the recipe's file is to the recipe), forward slashes. */
function programDataPath(data: string, out: string): string {
  const rel = relative(dirname(out), data);
  return isAbsolute(rel) ? rel : rel.split(sep).join('/');
}

/**
 * `assay export-recipe RECIPE.json --format sklearn|notebook --out FILE`: the
 * recipe as a Python program that reproduces its run outside Assay.
 */
export async function exportRecipeCommand(args: string[], signal?: AbortSignal): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { format: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' }, dask: { type: 'boolean' } },
      allowPositionals: true,
    });
  } catch (e) {
    console.error(`assay export-recipe: ${(e as Error).message}\nusage: ${EXPORT_RECIPE_USAGE}\n${USAGE_WORDS}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !values.out) {
    console.error(`usage: ${EXPORT_RECIPE_USAGE}\n${USAGE_WORDS}`);
    return 2;
  }
  const format = formatOf(values.format, values.out);
  const recipePath = cliPath(positionals[0]);
  // Read and checked exactly as `assay run` reads a recipe: syntax errors by line and column, schema errors by JSON path.
  const recipe = parseRecipe(readJsonFile(recipePath), basename(recipePath));
  const out = cliPath(values.out);
  if (resolve(out) === resolve(recipePath)) throw new ApiError('bad-input', `--out ${values.out} is the recipe itself; choose another file.`);
  const module = basename(out).replace(/\.py$/i, '');
  if (format === 'sklearn' && IMPORTED_MODULES.includes(module)) {
    throw new ApiError('bad-input', `--out ${values.out} would hide Python's "${module}" module from the program itself (Python imports from the program's folder first); choose another name.`);
  }
  const data = values.data ? cliPath(values.data) : recipe.dataset.file ? resolve(dirname(recipePath), recipe.dataset.file) : null;
  const exported = exportRecipe(recipe, { format, dataPath: data && programDataPath(data, out), dask: values.dask ?? false, fileName: basename(out) });
  if (signal?.aborted) throw new ApiError('cancelled', 'Cancelled; nothing was written.');
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, exported.text);
  } catch (e) {
    throw new ApiError('bad-input', `Could not write ${values.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`, { file: out });
  }
  const models = recipe.models.length;
  // The name is the recipe's text: control characters are shown escaped, never sent to the terminal.
  const run =
    format === 'notebook'
      ? `run its cells in Jupyter, or jupyter nbconvert --to notebook --execute ${basename(out)}`
      : `run it with python3 ${basename(out)}${data ? ' [DATA.csv]' : ' DATA.csv'}${values.dask ? ' [--scheduler ADDRESS]' : ''}`;
  process.stdout.write(
    `Wrote ${values.out}: the recipe "${pyCommentText(recipe.name)}" as ${exported.words} (${models} model${models === 1 ? '' : 's'}${values.dask ? ', grid searches on Dask' : ''}); ${run}.\n`,
  );
  if (data === null) process.stdout.write('Note: the recipe names no data file (dataset.file) and --data was not given, so the program asks for one.\n');
  else if (!existsSync(data)) process.stdout.write(`Note: the data file ${data} does not exist; the program will look for it there.\n`);
  for (const note of exported.notes) process.stdout.write(`Note: ${note}\n`);
  return 0;
}
