import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseRecipe } from '../src-main/core/recipe/schema';
import { approxFeatureCount, approxHeldOutRows, approxTrainRows, estimateRun } from '../src-main/core/search/estimate';
import type { RunProgress } from '../src-main/core/search/runSummary';
import { cliWorkbench } from '../src-main/cli/cliWorkbench';
import { loadDatasetFrame } from '../src-main/node/recipe/loadFrame';
import { runRecipe } from '../src-main/node/search/runRecipe';
import { machine } from './lib/machine';

/**
 * `tsx bench/estimate.ts [--data FILE] [--workers N] [--recipe FILE]`: the
 * shipped Course 6 recipe on the bundled sample (or FILE), run through
 * `assay run`'s code (import, prepare, runRecipe in worker processes). Prints
 * the estimate made before the run against the time it took, and the time
 * left shown once 10 % of the fits had finished against what was left.
 * Targets (not tests): pre-run within 2×, after 10 % within ±30 %.
 */
const { values: args } = parseArgs({ options: { data: { type: 'string' }, workers: { type: 'string' }, recipe: { type: 'string' } } });
const recipe = parseRecipe(JSON.parse(readFileSync(args.recipe ?? 'resources/recipes/claims-course6.json', 'utf8')));
const data = resolve(args.data ?? 'resources/sample/tiktok_claims_sample.csv');
const workers = args.workers ? Number(args.workers) : availableParallelism();
const log = (s: string) => process.stderr.write(s + '\n');

const scratch = mkdtempSync(join(tmpdir(), 'assay-bench-estimate-'));
const wb = await cliWorkbench();
try {
  wb.create(join(scratch, 'bench.assay'));
  const info = await wb.importFile({ path: data, name: recipe.dataset.name });
  // What the Train view shows before Start: the shape is read from the column list, not the data.
  const shape = { trainRows: approxTrainRows(recipe, info.rows), heldOutRows: approxHeldOutRows(recipe, info.rows), features: approxFeatureCount(recipe, info.columns) };
  const estimate = estimateRun(recipe, shape, workers, []);
  log(`Estimate before the run: ${estimate.seconds?.toFixed(1)} s (${estimate.range?.low.toFixed(0)}–${estimate.range?.high.toFixed(0)} s), ${estimate.fits} fits on ${workers} workers`);

  const frame = loadDatasetFrame(wb.db, info);
  const t0 = performance.now();
  const seen: { at: number; p: RunProgress }[] = [];
  const record = await runRecipe(recipe, frame, { workers, dataset: { name: info.name, contentHash: info.contentHash }, onRunProgress: (p) => seen.push({ at: (performance.now() - t0) / 1000, p }) });
  const actual = (performance.now() - t0) / 1000;
  const total = seen[0]?.p.fitsTotal ?? 0;
  const at10 = seen.find((s) => s.p.fitsFinished >= Math.ceil(total / 10));
  const firstFit = seen.find((s) => s.p.fitsFinished >= 1);
  const leftError = (s: { at: number; p: RunProgress } | undefined) => (s && s.p.etaSeconds !== null ? (s.p.etaSeconds - (actual - s.at)) / (actual - s.at) : null);
  const out = {
    machine: machine(),
    data,
    rows: info.rows,
    shape,
    actualShape: { trainRows: record.rows.train, features: record.features.length },
    workers,
    fits: total,
    estimateSeconds: estimate.seconds,
    estimateRange: estimate.range,
    actualSeconds: actual,
    estimateRatio: estimate.seconds !== null ? estimate.seconds / actual : null,
    afterFirstFit: firstFit && { at: firstFit.at, etaSeconds: firstFit.p.etaSeconds, range: firstFit.p.etaRange, actualLeft: actual - firstFit.at, error: leftError(firstFit) },
    after10Percent: at10 && { fitsFinished: at10.p.fitsFinished, at: at10.at, etaSeconds: at10.p.etaSeconds, range: at10.p.etaRange, actualLeft: actual - at10.at, error: leftError(at10) },
    phases: [...new Set(seen.map((s) => s.p.phase))],
    longestSilence: seen.reduce((m, s, i) => (i ? Math.max(m, s.at - seen[i - 1].at) : m), 0),
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
} finally {
  await wb.close();
  rmSync(scratch, { recursive: true, force: true });
}
