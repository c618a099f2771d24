import { ApiError } from '../api/errors';
import { ENSEMBLE_MAX_BINS, MAX_BINS_LIMIT } from './tree/binning';

/**
 * Every model's hyper-parameters under the names analysts know from
 * scikit-learn and XGBoost, with their defaults and what values they take.
 * Recipes use these names; models receive the camelCase `key`s.
 */
export type ParamValue = number | string | boolean | null;

export interface ParamDef {
  /** The scikit-learn / XGBoost name, used in recipes. */
  name: string;
  /** The name the model implementation takes. */
  key: string;
  default: ParamValue;
  doc: string;
  /** Checks one value; returns why it is invalid, or null. */
  check(v: ParamValue): string | null;
  /** Values a form offers as suggestions (the field still takes any valid value or list). */
  choices?: ParamValue[];
}

const isInt = (v: ParamValue): v is number => typeof v === 'number' && Number.isInteger(v);

function int(min: number, opts: { nullable?: boolean } = {}) {
  return (v: ParamValue) =>
    (v === null && opts.nullable) || (isInt(v) && v >= min)
      ? null
      : `expected an integer ≥ ${min}${opts.nullable ? ' or null' : ''}`;
}

function real(min: number, max: number, opts: { minOpen?: boolean; nullable?: boolean } = {}) {
  return (v: ParamValue) => {
    if (v === null && opts.nullable) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) return `expected a number${opts.nullable ? ' or null' : ''}`;
    const lowOk = opts.minOpen ? v > min : v >= min;
    return lowOk && v <= max ? null : `expected a number in ${opts.minOpen ? '(' : '['}${min}, ${max}]`;
  };
}

/** An integer in [min, max]. */
function intIn(min: number, max: number) {
  return (v: ParamValue) => (isInt(v) && v >= min && v <= max ? null : `expected an integer from ${min} to ${max}`);
}

/**
 * `max_bins`, as in LightGBM and scikit-learn's HistGradientBoosting: the most
 * bins a feature's values are cut into before trees look for splits.
 */
const maxBinsDef = {
  name: 'max_bins',
  key: 'maxBins',
  default: ENSEMBLE_MAX_BINS,
  doc: 'most bins per feature; features with more distinct values are cut at quantiles (more bins: finer splits, slower)',
  check: intIn(2, MAX_BINS_LIMIT),
  choices: [255, 511, 1023],
} satisfies ParamDef;

const bool = (v: ParamValue) => (typeof v === 'boolean' ? null : 'expected true or false');
const oneOf =
  (...values: ParamValue[]) =>
  (v: ParamValue) =>
    values.includes(v) ? null : `expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}`;

/** `max_features`: a fraction in (0, 1], an integer count, 'sqrt', 'log2' or null (all). */
function maxFeatures(v: ParamValue): string | null {
  if (v === null || v === 'sqrt' || v === 'log2') return null;
  if (typeof v === 'number' && ((v > 0 && v <= 1) || (isInt(v) && v >= 1))) return null;
  return "expected a fraction in (0, 1], a whole number of features, 'sqrt', 'log2' or null";
}

/** scikit-learn's and NumPy's range for random_state (a 32-bit unsigned seed). */
const MAX_SEED = 4294967295;
const seed = (v: ParamValue) => (isInt(v) && v >= 0 && v <= MAX_SEED ? null : `expected an integer from 0 to ${MAX_SEED}`);

export const MODEL_PARAMS = {
  logisticRegression: [
    { name: 'penalty', key: 'penalty', default: 'l2', doc: "'l2' (ridge) or 'none'", check: oneOf('l2', 'none'), choices: ['l2', 'none', 'l2, none'] },
    { name: 'C', key: 'C', default: 1, doc: 'inverse regularization strength', check: real(0, Infinity, { minOpen: true }) },
    { name: 'fit_intercept', key: 'fitIntercept', default: true, doc: 'fit an intercept', check: bool, choices: [true, false] },
    { name: 'max_iter', key: 'maxIter', default: 100, doc: 'maximum solver iterations', check: int(1) },
    { name: 'tol', key: 'tol', default: 1e-4, doc: 'convergence tolerance', check: real(0, 1, { minOpen: true }) },
    { name: 'random_state', key: 'randomState', default: 0, doc: 'seed (unused by the solver)', check: seed },
  ],
  decisionTree: [
    { name: 'max_depth', key: 'maxDepth', default: null, doc: 'maximum depth; null grows until leaves are pure', check: int(1, { nullable: true }) },
    { name: 'min_samples_split', key: 'minSamplesSplit', default: 2, doc: 'fewest rows a node needs to be split', check: int(2) },
    { name: 'min_samples_leaf', key: 'minSamplesLeaf', default: 1, doc: 'fewest rows in a leaf', check: int(1) },
    { name: 'max_features', key: 'maxFeatures', default: null, doc: 'features considered per split', check: maxFeatures, choices: [null, 'sqrt', 'log2', 0.3, 0.6] },
    { name: 'random_state', key: 'randomState', default: 0, doc: 'seed', check: seed },
  ],
  randomForest: [
    { name: 'n_estimators', key: 'nEstimators', default: 100, doc: 'number of trees', check: int(1) },
    { name: 'max_depth', key: 'maxDepth', default: null, doc: 'maximum depth; null grows until leaves are pure', check: int(1, { nullable: true }) },
    { name: 'max_features', key: 'maxFeatures', default: 'sqrt', doc: 'features considered per split', check: maxFeatures, choices: ['sqrt', 'log2', null, 0.3, 0.6] },
    { name: 'max_samples', key: 'maxSamples', default: null, doc: 'share of rows drawn for each tree (with bootstrap)', check: real(0, 1, { minOpen: true, nullable: true }) },
    { name: 'min_samples_split', key: 'minSamplesSplit', default: 2, doc: 'fewest rows a node needs to be split', check: int(2) },
    { name: 'min_samples_leaf', key: 'minSamplesLeaf', default: 1, doc: 'fewest rows in a leaf', check: int(1) },
    { name: 'bootstrap', key: 'bootstrap', default: true, doc: 'draw rows with replacement for each tree', check: bool, choices: [true, false] },
    maxBinsDef,
    { name: 'random_state', key: 'randomState', default: 0, doc: 'seed', check: seed },
  ],
  gradientBoosting: [
    { name: 'n_estimators', key: 'nEstimators', default: 100, doc: 'boosting rounds', check: int(1) },
    { name: 'learning_rate', key: 'learningRate', default: 0.3, doc: 'shrinkage of each tree', check: real(0, 1, { minOpen: true }) },
    { name: 'max_depth', key: 'maxDepth', default: 6, doc: 'maximum depth of each tree', check: int(1) },
    { name: 'min_child_weight', key: 'minChildWeight', default: 1, doc: 'smallest hessian sum in a child', check: real(0, Infinity) },
    { name: 'reg_lambda', key: 'regLambda', default: 1, doc: 'L2 penalty on leaf weights', check: real(0, Infinity) },
    { name: 'gamma', key: 'gamma', default: 0, doc: 'smallest loss reduction to split', check: real(0, Infinity) },
    { name: 'subsample', key: 'subsample', default: 1, doc: 'share of rows per tree', check: real(0, 1, { minOpen: true }) },
    { name: 'colsample_bytree', key: 'colsampleBytree', default: 1, doc: 'share of features per tree', check: real(0, 1, { minOpen: true }) },
    maxBinsDef,
    { name: 'random_state', key: 'randomState', default: 0, doc: 'seed', check: seed },
    {
      name: 'objective',
      key: 'objective',
      default: null,
      doc: "null chooses from the target: 'binary:logistic' for two classes, 'multi:softprob' for more",
      check: oneOf(null, 'binary:logistic', 'multi:softprob'),
      choices: [null, 'binary:logistic', 'multi:softprob'],
    },
  ],
} satisfies Record<string, ParamDef[]>;

export type ModelKind = keyof typeof MODEL_PARAMS;

/** Parameters that only decide how many ensemble members are scored: one fit serves every value. */
export const STAGED_PARAM: Partial<Record<ModelKind, string>> = {
  randomForest: 'n_estimators',
  gradientBoosting: 'n_estimators',
};

function defsOf(type: ModelKind): ParamDef[] {
  return MODEL_PARAMS[type];
}

function closest(name: string, names: string[]): string | null {
  const dist = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length][b.length];
  };
  let best: string | null = null;
  let bestD = 3;
  for (const n of names) {
    const d = dist(name, n);
    if (d < bestD) [best, bestD] = [n, d];
  }
  return best;
}

/** Checks one named value for a model; `where` is the JSON path for messages. */
export function checkParam(type: ModelKind, name: string, value: ParamValue, where: string): void {
  const defs = defsOf(type);
  const def = defs.find((d) => d.name === name);
  if (!def) {
    const hint = closest(name, defs.map((d) => d.name));
    throw new ApiError(
      'bad-input',
      `${where}: ${type} has no parameter "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}. Its parameters: ${defs.map((d) => d.name).join(', ')}.`,
    );
  }
  const why = def.check(value);
  if (why) throw new ApiError('bad-input', `${where}: ${name} = ${JSON.stringify(value)}: ${why}.`);
}

/** Fills defaults and converts recipe names to the model's keys. */
export function resolveParams(type: ModelKind, values: Record<string, ParamValue>, where: string): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const d of defsOf(type)) out[d.key] = d.default;
  for (const [name, v] of Object.entries(values)) {
    checkParam(type, name, v, `${where}.${name}`);
    out[defsOf(type).find((d) => d.name === name)!.key] = v;
  }
  return out;
}

/**
 * Every combination of a grid, in scikit-learn's `ParameterGrid` order:
 * keys sorted, the last key varying fastest.
 */
export function expandGrid(grid: Record<string, ParamValue[]>): Record<string, ParamValue>[] {
  const keys = Object.keys(grid).sort();
  let out: Record<string, ParamValue>[] = [{}];
  for (const k of keys) {
    const next: Record<string, ParamValue>[] = [];
    for (const partial of out) for (const v of grid[k]) next.push({ ...partial, [k]: v });
    out = next;
  }
  return out;
}
