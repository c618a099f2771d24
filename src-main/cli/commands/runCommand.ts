import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../../core/api/errors';
import { parseRecipe } from '../../core/recipe/schema';
import type { RunRecord } from '../../core/search/runRecord';
import { loadDatasetFrame } from '../../node/recipe/loadFrame';
import { runRecipe } from '../../node/search/runRecipe';
import { cliPath, cliWorkbench } from '../cliWorkbench';
import { readJsonFile } from '../jsonFile';
import { toJsonText } from '../jsonText';
import { progressBar } from '../progressBar';
import { cvResultsCsv, summaryText } from '../runReport';

export const RUN_USAGE = 'assay run RECIPE.json [--data FILE] [--out DIR] [--json] [--workers N]';

function readRecipe(path: string) {
  return parseRecipe(readJsonFile(path), basename(path));
}

/** The compact JSON document of a run: what the issue's `--json` promises. */
export function runJson(r: RunRecord) {
  return {
    recipe: r.recipeName,
    dataset: r.dataset,
    classes: r.classes,
    features: r.features,
    rows: r.rows,
    leakage: r.leakage,
    models: r.models.map((m) => ({
      id: m.modelId,
      type: m.type,
      candidates: m.candidates,
      fits: m.fits,
      bestParams: m.bestParams,
      bestCv: m.bestCv,
      results: m.cv.rows,
      validation: m.validation,
      featureImportances: m.featureImportances,
      failedFits: m.failedFits,
      seconds: m.seconds,
    })),
    champion: r.champion,
    seconds: r.seconds,
  };
}

export async function runCommand(args: string[], signal?: AbortSignal): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { data: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, workers: { type: 'string' } },
    allowPositionals: true,
  });
  const [recipeArg] = positionals;
  if (!recipeArg) {
    console.error(`usage: ${RUN_USAGE}`);
    return 2;
  }
  const recipePath = cliPath(recipeArg);
  const recipe = readRecipe(recipePath);
  // A recipe's own dataset.file is relative to the recipe, as the shipped ones are written.
  const dataPath = values.data ? cliPath(values.data) : recipe.dataset.file ? resolve(dirname(recipePath), recipe.dataset.file) : null;
  if (!dataPath) {
    throw new ApiError('bad-input', `${basename(recipePath)} names no data file (dataset.file); pass one with --data FILE.`);
  }
  const workers = values.workers ? Number(values.workers) : undefined;
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) throw new ApiError('bad-input', '--workers must be a whole number ≥ 1.');

  const scratch = mkdtempSync(join(tmpdir(), 'assay-run-'));
  const bar = progressBar();
  const out = values.out ? cliPath(values.out) : null;
  const wb = await cliWorkbench();
  try {
    wb.create(join(scratch, 'run.assay'));
    const info = await wb.importFile({ path: dataPath, name: recipe.dataset.name, onProgress: (p) => bar.update({ ...p, message: 'Reading data' }), signal });
    const frame = loadDatasetFrame(wb.db, info);
    const record = await runRecipe(recipe, frame, {
      workers,
      signal,
      onProgress: (p) => bar.update(p),
      dataset: { name: info.name, contentHash: info.contentHash },
    });
    bar.done();
    if (out) {
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'run.json'), toJsonText(record));
      for (const m of record.models) writeFileSync(join(out, `cv_results_${m.modelId}.csv`), cvResultsCsv(m));
    }
    if (values.json) process.stdout.write(toJsonText(runJson(record)) + '\n');
    else process.stdout.write(summaryText(record));
    return 0;
  } finally {
    bar.done();
    await wb.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
