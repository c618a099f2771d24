import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../../core/api/errors';
import { parseRecipe } from '../../core/recipe/schema';
import { exportRecipe, isRecipeExportFormat, RECIPE_EXPORT_FORMATS, type RecipeExportFormat } from '../../core/recipeExport/exportRecipe';
import { pyCommentText } from '../../core/recipeExport/pythonLiteral';
import { shadowsPythonModule } from '../../core/recipeExport/pythonModules';
import { shellWord } from '../../core/recipeExport/shellWord';
import { cliPath } from '../cliWorkbench';
import { readJsonFile } from '../jsonFile';
import { isSameFile, OutputFiles, ReaderClosedError } from '../outputFiles';

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

/**
 * The data file as the program finds it. A path the user gave absolute
 * (`--data /srv/x.csv`, or an absolute dataset.file) stays absolute; a
 * relative one is stored relative to the program's folder, as the recipe's
 * file is to the recipe, with forward slashes. A program written to a pipe or
 * device has no folder, so it gets the absolute path.
 */
function programDataPath(data: string, givenAbsolute: boolean, out: string, outIsFile: boolean): string {
  if (givenAbsolute || !outIsFile) return data;
  const rel = relative(dirname(out), data);
  return isAbsolute(rel) ? rel : rel.split(sep).join('/');
}

/** How to run what was written, for the report; nothing for a program written to a pipe or device, which has no file name to run. */
function runHint(format: RecipeExportFormat, out: string, hasData: boolean, dask: boolean, outIsFile: boolean): string {
  if (!outIsFile) return '';
  const file = shellWord(basename(out));
  return format === 'notebook'
    ? `; run its cells in Jupyter, or jupyter nbconvert --to notebook --execute ${file}`
    : `; run it with python3 ${file}${hasData ? ' [DATA.csv]' : ' DATA.csv'}${dask ? ' [--scheduler ADDRESS]' : ''}`;
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
  const given = values.out;
  const out = cliPath(given);
  if (isSameFile(out, recipePath)) throw new ApiError('bad-input', `--out ${given} is the recipe itself; choose another file.`);
  const dataGiven = values.data ?? recipe.dataset.file ?? null;
  const data = values.data ? cliPath(values.data) : recipe.dataset.file ? resolve(dirname(recipePath), recipe.dataset.file) : null;
  if (data !== null && isSameFile(out, data)) {
    const which = values.data ? '--data' : "the recipe's dataset.file";
    throw new ApiError('bad-input', `--out ${given} is the data file the program reads (${which}); writing the program there would destroy the data. Choose another file.`);
  }
  // Only a .py file is importable; the name's case does not matter on macOS's and Windows's file systems.
  const module = basename(out).replace(/\.py$/i, '');
  if (format === 'sklearn' && /\.py$/i.test(out) && shadowsPythonModule(module)) {
    throw new ApiError(
      'bad-input',
      `--out ${given} would hide Python's "${module}" module from the program (Python imports from the program's folder first, so the program or a library it uses would import the script instead); choose another name.`,
    );
  }
  const outputs = new OutputFiles();
  let toStdout = false;
  let exported;
  let outIsFile = true;
  try {
    const pending = outputs.file(out, `--out ${given}`, given);
    outIsFile = pending.temp !== null;
    const dataPath = data && programDataPath(data, dataGiven !== null && isAbsolute(dataGiven), out, outIsFile);
    // A program on a pipe or device has no file name of its own: its how-to-run lines name a placeholder.
    const fileName = outIsFile ? basename(out) : format === 'notebook' ? 'NOTEBOOK.ipynb' : 'PROGRAM.py';
    exported = exportRecipe(recipe, { format, dataPath, dask: values.dask ?? false, fileName });
    if (signal?.aborted) throw new ApiError('cancelled', 'Cancelled; nothing was written.');
    const stream = outputs.stream(pending);
    toStdout = stream.isStdout;
    try {
      await stream.write(exported.text);
      await stream.finish();
    } catch (e) {
      await stream.abandon();
      throw e;
    }
  } catch (e) {
    outputs.discard();
    // `--out /dev/stdout | head -5`: the reader had what it wanted.
    if (e instanceof ReaderClosedError && toStdout) return 0;
    throw e;
  }
  // With the program on standard output, the report goes to standard error.
  const report = toStdout ? process.stderr : process.stdout;
  const models = recipe.models.length;
  // The name is the recipe's text: control characters are shown escaped, never sent to the terminal.
  report.write(
    `Wrote ${pyCommentText(given)}: the recipe "${pyCommentText(recipe.name)}" as ${exported.words} (${models} model${models === 1 ? '' : 's'}${values.dask ? ', grid searches on Dask' : ''})${runHint(format, out, data !== null, values.dask ?? false, outIsFile)}.\n`,
  );
  if (data === null) report.write('Note: the recipe names no data file (dataset.file) and --data was not given, so the program asks for one.\n');
  else if (!existsSync(data)) report.write(`Note: the data file ${pyCommentText(data)} does not exist; the program will look for it there.\n`);
  for (const note of exported.notes) report.write(`Note: ${note}\n`);
  return 0;
}
