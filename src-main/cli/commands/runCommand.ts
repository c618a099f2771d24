import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../../core/api/errors';
import { parseRecipe, type Recipe } from '../../core/recipe/schema';
import type { RunRecord } from '../../core/search/runRecord';
import type { Progress } from '../../core/api/contract';
import type { Workbench } from '../../node/app/workbench';
import { readDelimitedFrame, type DirectDataset } from '../../node/recipe/delimitedFrame';
import { runPrepared, type PreparedInput } from '../../node/search/runRecipe';
import { prepare } from '../../core/recipe/pipeline';
import { modelFileText } from '../../core/modelFile/buildModelFile';
import { modelFileStems } from '../../core/modelFile/fileNames';
import { MODEL_FILE_EXTENSION } from '../../core/modelFile/schema';
import { runModelFiles, type RunModelFilesInput } from '../../node/modelFile/runModelFiles';
import { cliPath } from '../commandLinePath';
import { parseWholeOption } from '../decimalOption';
import { OutputFiles } from '../outputFiles';
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
  const workers = values.workers === undefined ? undefined : parseWholeOption(values.workers, '--workers', 1);

  const bar = progressBar();
  const given = values.out;
  const out = given === undefined ? null : cliPath(given);
  // The output folder is checked (and made) before the run, which takes a while.
  const outputs = new OutputFiles();
  let scratch: { dir: string; wb: Workbench } | null = null;
  try {
    if (out) outputs.folder(out, `--out ${given}`);
    const { input, dataset } = await preparedData(recipe, dataPath, signal, (p) => bar.update({ ...p, message: 'Reading data' }), (s) => (scratch = s));
    const { prepared } = input;
    const record = await runPrepared(recipe, input, {
      workers,
      signal,
      // The command's process does nothing else: a search smaller than a worker's start runs here.
      smallInThread: true,
      onProgress: (p) => bar.update(p),
      dataset: { name: dataset.name, contentHash: dataset.contentHash },
    });
    bar.done();
    const renamed = out ? writeRunFolder(outputs, out, given!, { recipe, record, learned: prepared.learned, columns: dataset.columns }) : [];
    if (values.json) process.stdout.write(toJsonText(runJson(record)) + '\n');
    else process.stdout.write(summaryText(record));
    // With --json, stdout is one JSON document: where the files went is said on stderr.
    const notes = values.json ? process.stderr : process.stdout;
    for (const r of renamed) notes.write(`Model "${r.modelId}" is in ${r.files.join(' and ')}: ${r.why}.\n`);
    return 0;
  } catch (e) {
    // A run that fails or is cancelled leaves no half-written folder behind.
    outputs.discard();
    throw e;
  } finally {
    bar.done();
    const s = scratch as { dir: string; wb: Workbench } | null;
    if (s) {
      await s.wb.close();
      rmSync(s.dir, { recursive: true, force: true });
    }
  }
}

/**
 * The recipe's data, read and prepared. The frame (every column, text
 * included) is needed only to prepare, so it lives in this call alone and is
 * garbage once prepared, not held through the whole search.
 */
async function preparedData(
  recipe: Recipe,
  dataPath: string,
  signal: AbortSignal | undefined,
  onProgress: (p: Progress) => void,
  keep: (scratch: { dir: string; wb: Workbench }) => void,
): Promise<{ input: PreparedInput; dataset: Omit<DirectDataset, 'frame'> }> {
  const { frame, ...dataset } = await datasetFrame(recipe, dataPath, signal, onProgress, keep);
  const t0 = performance.now();
  const prepared = prepare(recipe, frame);
  return { input: { prepared, rows: frame.rows, seconds: (performance.now() - t0) / 1000 }, dataset };
}

/**
 * The recipe's dataset as a frame. A plain CSV/TSV is read straight into the
 * frame its import would give (delimitedFrame.ts); anything else is imported
 * into a scratch project, handed to `keep` so the caller closes and removes it.
 */
async function datasetFrame(
  recipe: Recipe,
  dataPath: string,
  signal: AbortSignal | undefined,
  onProgress: (p: Progress) => void,
  keep: (scratch: { dir: string; wb: Workbench }) => void,
): Promise<DirectDataset> {
  const name = recipe.dataset.name ?? basename(dataPath, extname(dataPath));
  const direct = await readDelimitedFrame(dataPath, name, { signal, onProgress });
  if (direct) return direct;
  // Loaded only here: the workbench brings Arrow and SQLite, which a plain CSV does not need.
  const [{ cliWorkbench }, { loadDatasetFrame }] = await Promise.all([import('../cliWorkbench'), import('../../node/recipe/loadFrame')]);
  // The workbench first: a workbench that fails to start leaves no scratch folder behind.
  const wb = await cliWorkbench();
  const dir = mkdtempSync(join(tmpdir(), 'assay-run-'));
  keep({ dir, wb });
  wb.create(join(dir, 'run.assay'));
  const info = await wb.importFile({ path: dataPath, name: recipe.dataset.name, onProgress, signal });
  return { name: info.name, contentHash: info.contentHash, columns: info.columns, frame: loadDatasetFrame(wb.db, info) };
}

/**
 * `run.json`, then per model `cv_results_<stem>.csv` and `<stem>.assaymodel`,
 * each through OutputFiles (a FIFO or a symlink in the folder is written
 * through, never replaced). Returns the models whose files are not named
 * after their id, with why.
 */
function writeRunFolder(outputs: OutputFiles, out: string, given: string, run: Omit<RunModelFilesInput, 'runId'>): { modelId: string; files: string[]; why: string }[] {
  const write = (name: string, text: string) => outputs.commit(outputs.file(join(out, name), `--out ${given}`, join(given, name)), Buffer.from(text, 'utf8'));
  const { record } = run;
  write('run.json', toJsonText(record));
  const stems = new Map(modelFileStems(record.models.map((m) => m.modelId)).map((s) => [s.modelId, s]));
  const fitted = new Map(runModelFiles({ ...run, runId: null }).map((f) => [f.model.id, f]));
  const renamed: { modelId: string; files: string[]; why: string }[] = [];
  for (const m of record.models) {
    const { stem, changed } = stems.get(m.modelId)!;
    const files = [`cv_results_${stem}.csv`];
    write(files[0], cvResultsCsv(m));
    const file = fitted.get(m.modelId);
    if (file) {
      files.push(`${stem}${MODEL_FILE_EXTENSION}`);
      write(files[1], modelFileText(file));
    }
    if (changed) renamed.push({ modelId: m.modelId, files: files.map((f) => join(given, f)), why: changed });
  }
  return renamed;
}
