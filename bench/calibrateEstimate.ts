import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stratifiedKFold } from '../src-main/core/modelSelection/kFold';
import { resolveParams, type ModelKind, type ParamValue } from '../src-main/core/ml/params';
import { modelSpec } from '../src-main/core/ml/registry';
import { takeLabels, takeRows } from '../src-main/core/ml/types';
import { prepare } from '../src-main/core/recipe/pipeline';
import { parseRecipe } from '../src-main/core/recipe/schema';
import { fitWork } from '../src-main/core/search/estimate';
import { cliWorkbench } from '../src-main/cli/cliWorkbench';
import { loadDatasetFrame } from '../src-main/node/recipe/loadFrame';
import { machine } from './lib/machine';

/**
 * Measures single fits of each model type on one cross-validation fold of
 * the Course 6 data (the bundled sample, or --data FILE) and prints the
 * seconds per unit of `fitWork`: the constants BUILT_IN_SECONDS_PER_UNIT
 * in core/search/estimate.ts are these numbers.
 */
const { values: args } = parseArgs({ options: { data: { type: 'string' } } });
const data = args.data ?? 'resources/sample/tiktok_claims_sample.csv';
const recipe = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
const scratch = mkdtempSync(join(tmpdir(), 'assay-calibrate-'));
const wb = await cliWorkbench();
wb.create(join(scratch, 'c.assay'));
const info = await wb.importFile({ path: data, name: recipe.dataset.name });
const prepared = prepare(recipe, loadDatasetFrame(wb.db, info));
const folds = stratifiedKFold(prepared.train.y, 5);
const f = folds[0];
const Xtr = takeRows(prepared.train.X, f.train);
const ytr = takeLabels(prepared.train.y, f.train);
const features = prepared.train.X.names.length;

const cases: [ModelKind, Record<string, ParamValue>][] = [
  ['logisticRegression', {}],
  ['logisticRegression', { C: 100 }],
  ['decisionTree', { max_depth: 5 }],
  ['decisionTree', { max_depth: null }],
  ['randomForest', { max_depth: 5, max_features: 0.3, max_samples: 0.7, n_estimators: 100 }],
  ['randomForest', { max_depth: 7, max_features: 0.6, max_samples: 0.7, n_estimators: 100 }],
  ['randomForest', { max_depth: null, max_features: 0.6, max_samples: 0.7, n_estimators: 100 }],
  ['randomForest', { max_depth: null, max_features: 0.3, max_samples: 0.7, min_samples_leaf: 2, n_estimators: 100 }],
  ['randomForest', { n_estimators: 100 }],
  ['randomForest', { max_depth: 2, max_features: 0.6, max_samples: 0.7, n_estimators: 100 }],
  ['randomForest', { max_depth: 5, max_features: 1.0, max_samples: 0.7, n_estimators: 100 }],
  ['gradientBoosting', { max_depth: 1, learning_rate: 0.1, min_child_weight: 3, n_estimators: 200 }],
  ['gradientBoosting', { max_depth: 4, learning_rate: 0.01, min_child_weight: 3, n_estimators: 200 }],
  ['gradientBoosting', { max_depth: 4, learning_rate: 0.1, min_child_weight: 3, n_estimators: 200 }],
  ['gradientBoosting', { max_depth: 8, learning_rate: 0.01, min_child_weight: 3, n_estimators: 200 }],
  ['gradientBoosting', { max_depth: 12, learning_rate: 0.1, min_child_weight: 5, n_estimators: 200 }],
  ['gradientBoosting', { max_depth: 12, learning_rate: 0.01, min_child_weight: 5, n_estimators: 200 }],
];
console.log(JSON.stringify({ machine: machine(), rows: ytr.length, features }));
for (const [type, params] of cases) {
  const resolved = resolveParams(type, params, 'calibrate');
  const spec = modelSpec(type);
  spec.fit(Xtr, ytr, 2, resolved as Record<string, unknown>, {}); // warm-up (JIT)
  // The fastest of three: the cores are shared, and the slow outliers are other processes, not the fit.
  let seconds = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    spec.fit(Xtr, ytr, 2, resolved as Record<string, unknown>, {});
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  const work = fitWork(type, resolved, ytr.length, features);
  console.log(JSON.stringify({ type, params, seconds: +seconds.toFixed(3), work, secondsPerUnit: +(seconds / work).toExponential(2) }));
}
await wb.close();
rmSync(scratch, { recursive: true, force: true });
