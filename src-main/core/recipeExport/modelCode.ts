/**
 * A recipe's model as a scikit-learn `GridSearchCV`: its estimator (XGBoost's
 * `XGBClassifier` for gradient boosting) with the recipe's fixed parameters,
 * its grid, the recipe's scoring, refit and folds, `n_jobs=-1`.
 */
import { ApiError } from '../api/errors';
import { MODEL_PARAMS, type ParamDef } from '../ml/params';
import { MODEL_WORDS, modelName } from '../recipe/recipePaths';
import type { ModelConfig, ModelType } from '../recipe/schema';
import { code, prose, text, type Prose } from './prose';
import { pyNumber, pyStr, pyValue, type PyValue } from './pythonLiteral';

interface Estimator {
  import: string;
  className: string;
  /** Keyword arguments every fit needs, whatever the recipe says. */
  fixed: string[];
}

export const ESTIMATORS: Record<ModelType, Estimator> = {
  // Assay's logistic regression is Newton's method run to the optimum (core/ml/linear); scikit-learn's
  // default lbfgs stops early on unscaled counts (Course 5's), newton-cholesky reaches the same optimum.
  logisticRegression: { import: 'from sklearn.linear_model import LogisticRegression', className: 'LogisticRegression', fixed: ['solver="newton-cholesky"'] },
  decisionTree: { import: 'from sklearn.tree import DecisionTreeClassifier', className: 'DecisionTreeClassifier', fixed: [] },
  randomForest: { import: 'from sklearn.ensemble import RandomForestClassifier', className: 'RandomForestClassifier', fixed: [] },
  // The objective is the target's (see `objectiveFor`).
  gradientBoosting: { import: 'from xgboost import XGBClassifier', className: 'XGBClassifier', fixed: [] },
};

/** Assay seeds every model with 0 when the recipe names no `random_state`; scikit-learn's default is unseeded. */
const ASSAY_SEED = 0;

/** The largest seed scikit-learn (numpy's RandomState) and XGBoost take. */
const MAX_SEED = 2 ** 32 - 1;

/** Parameters written as floats whatever the value, because the libraries read a whole number as something else. */
const ALWAYS_FLOAT = new Set(['max_samples', 'subsample', 'colsample_bytree', 'learning_rate']);

/** XGBoost's objective for the recipe's target: Assay chooses it from the number of classes, as XGBoost itself would. */
export function objectiveFor(multiclass: boolean): string {
  return multiclass ? 'multi:softprob' : 'binary:logistic';
}

/** True for a parameter that takes fractions (C, min_child_weight, …), as its definition's check says; `max_features` counts features when whole. */
function isRealParam(type: ModelType, name: string): boolean {
  const def = (MODEL_PARAMS[type] as ParamDef[]).find((d) => d.name === name);
  return def !== undefined && name !== 'max_features' && def.check(0.5) === null;
}

/**
 * One parameter value as the library must read it to mean what Assay means:
 * a fraction of rows or features stays a float (`max_samples=1.0`, all rows;
 * `1` would be one row), a real parameter beyond 2^53 is a float literal
 * (`C=1e+308`; as an int of 309 digits scikit-learn's checks fail on it),
 * `penalty: "none"` is scikit-learn's `None`, and XGBoost's `objective: null`
 * is the target's objective.
 */
export function pyParam(type: ModelType, name: string, v: PyValue, o: { multiclass?: boolean } = {}): string {
  if (type === 'logisticRegression' && name === 'penalty' && v === 'none') return 'None';
  if (type === 'gradientBoosting' && name === 'objective' && v === null) return pyStr(objectiveFor(o.multiclass ?? false));
  if (typeof v === 'number') {
    if (name === 'max_features' && v <= 1) return pyNumber(v, { asFloat: true });
    if (ALWAYS_FLOAT.has(name)) return pyNumber(v, { asFloat: true });
    if (isRealParam(type, name) && !Number.isSafeInteger(v)) return pyNumber(v, { asFloat: true });
  }
  return pyValue(v);
}

/**
 * Assay's `max_bins` in the libraries: XGBoost bins only with
 * `tree_method="hist"` and calls the bound `max_bin`; scikit-learn's trees and
 * forests split on exact values, which is what many bins approach, and have no
 * such parameter, so a fixed value is left out (and said so) and a gridded one
 * refused — its candidates would all be the same fit there.
 */
const MAX_BINS = 'max_bins';
const binsAreExact = (type: ModelType) => type === 'randomForest' || type === 'decisionTree';

/** The parameter name the library takes for Assay's `name`. */
function libraryName(type: ModelType, name: string): string {
  return type === 'gradientBoosting' && name === MAX_BINS ? 'max_bin' : name;
}

/**
 * Values Assay's engine takes that the libraries refuse, refused here with
 * the field named, before the program is written: a seed beyond 2^32 − 1,
 * an XGBoost objective that is not the target's, and a gridded `max_bins`
 * for a scikit-learn model that has none.
 */
function checkForLibraries(model: ModelConfig, index: number, multiclass: boolean): void {
  const places: [string, PyValue, string][] = [
    ...Object.entries(model.params).map(([k, v]): [string, PyValue, string] => [k, v, `$.models[${index}].params.${k}`]),
    ...Object.entries(model.grid).flatMap(([k, vs]) => vs.map((v, i): [string, PyValue, string] => [k, v, `$.models[${index}].grid.${k}[${i}]`])),
  ];
  const field = (name: string, path: string) => `${modelName(index, model.type)} · ${name} (${path})`;
  for (const [name, vs] of Object.entries(model.grid)) {
    if (name === MAX_BINS && binsAreExact(model.type)) {
      throw new ApiError(
        'bad-input',
        `${field(name, `$.models[${index}].grid.${name}`)}: scikit-learn's ${ESTIMATORS[model.type].className} splits on exact values and has no bin count, so the ${vs.length} values of this grid would all be one fit there; to export the recipe, keep a single max_bins in params (it is then left out of the program) or remove it.`,
      );
    }
  }
  for (const [name, v, path] of places) {
    if (name === 'random_state' && typeof v === 'number' && v > MAX_SEED) {
      throw new ApiError(
        'bad-input',
        `${field(name, path)}: ${String(v)} is beyond the seeds scikit-learn and XGBoost take (0 to ${MAX_SEED}); choose a smaller one to export the recipe.`,
      );
    }
    if (model.type === 'gradientBoosting' && name === 'objective' && v !== null && v !== objectiveFor(multiclass)) {
      throw new ApiError(
        'bad-input',
        `${field(name, path)}: "${String(v)}" does not fit the target: the recipe ${multiclass ? 'names no target.positive, so its target has more than two classes' : 'names a positive class, so its target has two classes'} and the objective is "${objectiveFor(multiclass)}"; remove the parameter or set it to null.`,
      );
    }
  }
}

function pyParamDict(type: ModelType, entries: [string, string][]): string[] {
  if (entries.length === 0) return ['{}'];
  return ['{', ...entries.map(([k, v]) => `    ${pyStr(k)}: ${v},`), '}'];
}

/** `name = {…}` over one or more lines. */
function assign(name: string, lines: string[]): string[] {
  return lines.length === 1 ? [`${name} = ${lines[0]}`] : [`${name} = ${lines[0]}`, ...lines.slice(1)];
}

export interface ModelSection {
  title: Prose;
  explain: Prose[];
  code: string[];
  import: string;
}

/**
 * The section of one model. `variable` is the Python name prefix for it (made
 * from the model id by `pyIdentifier`); `folds` the number of folds.
 */
export function modelSection(
  model: ModelConfig,
  variable: string,
  o: { index: number; folds: number; refit: string; dask: boolean; candidates: number; multiclass: boolean },
): ModelSection {
  checkForLibraries(model, o.index, o.multiclass);
  const est = ESTIMATORS[model.type];
  const opts = { multiclass: o.multiclass };
  const dropsBins = binsAreExact(model.type) && MAX_BINS in model.params;
  const params = Object.entries(model.params)
    .filter(([k]) => !(dropsBins && k === MAX_BINS))
    .map(([k, v]) => [libraryName(model.type, k), pyParam(model.type, k, v, opts)] as [string, string]);
  const grid = Object.entries(model.grid).map(
    ([k, vs]) => [libraryName(model.type, k), `[${vs.map((v) => pyParam(model.type, k, v, opts)).join(', ')}]`] as [string, string],
  );
  const binsHist = model.type === 'gradientBoosting' && (MAX_BINS in model.params || MAX_BINS in model.grid);
  const seeded = 'random_state' in model.params || 'random_state' in model.grid;
  const namesObjective = 'objective' in model.params || 'objective' in model.grid;
  const objective = model.type === 'gradientBoosting' && !namesObjective ? [`objective=${pyStr(objectiveFor(o.multiclass))}`] : [];
  // newton-cholesky is binary (one-vs-rest beyond two classes); newton-cg reaches the multinomial optimum Assay fits.
  const fixed = model.type === 'logisticRegression' && o.multiclass ? ['solver="newton-cg"'] : est.fixed;
  const ctorArgs = [...fixed, ...objective, ...(binsHist ? ['tree_method="hist"'] : []), ...(seeded ? [] : [`random_state=${ASSAY_SEED}`]), `**${variable}_params`];
  const search = `${variable}_search`;
  const fit = `${search}.fit(X_train, y_train)`;
  const fits = o.candidates * o.folds + 1;
  const explain: Prose[] = [
    prose`${MODEL_WORDS[model.type].replace(/^./, (c) => c.toUpperCase())} ${code(pyStr(model.id))} (${code(est.className)}): ${o.candidates === 1 ? 'one candidate' : `${o.candidates} candidates, every combination of the grid,`} cross-validated on the folds of the training rows and scored on every metric; the best on ${code(pyStr(o.refit))} is refitted on all training rows (${code('refit')}). scikit-learn makes ${fits} fits here (${o.candidates} × ${o.folds} + 1).`,
  ];
  if (model.type === 'logisticRegression' && o.multiclass) {
    explain.push(
      prose`${code('solver="newton-cg"')}: with more than two classes Assay fits the multinomial model (scikit-learn's default for them) by Newton's method to its optimum; ${code('newton-cg')} reaches the same optimum, where ${code('newton-cholesky')} would fit one model per class instead.`,
    );
  } else if (model.type === 'logisticRegression') {
    explain.push(
      prose`${code('solver="newton-cholesky"')}: Assay fits a logistic regression by Newton's method to the optimum of scikit-learn's objective; the default ${code('lbfgs')} stops short of it on unscaled counts (as in the Course 5 data), and its scores would differ.`,
    );
  }
  if (model.type === 'gradientBoosting') {
    explain.push(
      o.multiclass
        ? prose`${code('objective="multi:softprob"')}: one tree per class in each round and the softmax of their sums, as Assay boosts a target of more than two classes (XGBoost would choose it too; it is written out for clarity).`
        : prose`${code('objective="binary:logistic"')}: the target has two classes, as Assay boosts them.`,
    );
  }
  if (binsHist) {
    explain.push(
      prose`${code('tree_method="hist"')}: the recipe sets ${code(MAX_BINS)}, how many bins Assay cuts each feature into; XGBoost bins features only with its histogram method, where the bound is called ${code('max_bin')}.`,
    );
  }
  if (dropsBins) {
    explain.push(
      prose`The recipe's ${code(`${MAX_BINS}=${String(model.params[MAX_BINS])}`)} is left out: it bounds how many bins Assay cuts each feature into, and ${code(ESTIMATORS[model.type].className)} has no bins — it splits on exact values, which many bins approach.`,
    );
  }
  if (!seeded) explain.push(prose`The recipe names no ${code('random_state')}, so Assay's default seed ${ASSAY_SEED} is given.`);
  if (o.dask) explain.push(prose`The search runs under ${code('joblib.parallel_backend("dask")')}, so its fits are spread over the Dask cluster's workers with the same results.`);
  return {
    title: [...prose`Model ${code(pyStr(model.id))}: `, text(MODEL_WORDS[model.type])],
    explain,
    import: est.import,
    code: [
      ...assign(`${variable}_params`, pyParamDict(model.type, params)),
      ...assign(`${variable}_grid`, pyParamDict(model.type, grid)),
      `${search} = GridSearchCV(`,
      `    ${est.className}(${ctorArgs.join(', ')}),`,
      `    ${variable}_grid,`,
      `    scoring=SCORING,`,
      `    refit=REFIT,`,
      `    cv=FOLDS,`,
      `    n_jobs=-1,`,
      `)`,
      `started = time.perf_counter()`,
      ...(o.dask ? ['with parallel_backend("dask"):', `    ${fit}`] : [fit]),
      `seconds = time.perf_counter() - started`,
      `search_seconds += seconds`,
      `searches.append(${search})`,
      `models.append(search_summary(${pyStr(model.id)}, ${pyStr(model.type)}, ${variable}_params, ${search}, seconds))`,
    ],
  };
}
