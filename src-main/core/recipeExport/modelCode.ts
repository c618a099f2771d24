/**
 * A recipe's model as a scikit-learn `GridSearchCV`: its estimator (XGBoost's
 * `XGBClassifier` for gradient boosting) with the recipe's fixed parameters,
 * its grid, the recipe's scoring, refit and folds, `n_jobs=-1`.
 */
import { MODEL_WORDS } from '../recipe/recipePaths';
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
  gradientBoosting: { import: 'from xgboost import XGBClassifier', className: 'XGBClassifier', fixed: ['objective="binary:logistic"'] },
};

/** Assay seeds every model with 0 when the recipe names no `random_state`; scikit-learn's default is unseeded. */
const ASSAY_SEED = 0;

/**
 * One parameter value as the library must read it to mean what Assay means:
 * a fraction of rows or features stays a float (`max_samples=1.0`, all rows;
 * `1` would be one row), and `penalty: "none"` is scikit-learn's `None`.
 */
export function pyParam(type: ModelType, name: string, v: PyValue): string {
  if (type === 'logisticRegression' && name === 'penalty' && v === 'none') return 'None';
  if (typeof v === 'number') {
    if (name === 'max_samples' || (name === 'max_features' && v <= 1)) return pyNumber(v, { asFloat: true });
    if (name === 'subsample' || name === 'colsample_bytree' || name === 'learning_rate') return pyNumber(v, { asFloat: true });
  }
  return pyValue(v);
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
export function modelSection(model: ModelConfig, variable: string, o: { folds: number; refit: string; dask: boolean; candidates: number }): ModelSection {
  const est = ESTIMATORS[model.type];
  const params = Object.entries(model.params).map(([k, v]) => [k, pyParam(model.type, k, v)] as [string, string]);
  const grid = Object.entries(model.grid).map(([k, vs]) => [k, `[${vs.map((v) => pyParam(model.type, k, v)).join(', ')}]`] as [string, string]);
  const seeded = 'random_state' in model.params || 'random_state' in model.grid;
  const ctorArgs = [...est.fixed, ...(seeded ? [] : [`random_state=${ASSAY_SEED}`]), `**${variable}_params`];
  const search = `${variable}_search`;
  const fit = `${search}.fit(X_train, y_train)`;
  const fits = o.candidates * o.folds + 1;
  const explain: Prose[] = [
    prose`${MODEL_WORDS[model.type].replace(/^./, (c) => c.toUpperCase())} ${code(pyStr(model.id))} (${code(est.className)}): ${o.candidates === 1 ? 'one candidate' : `${o.candidates} candidates, every combination of the grid,`} cross-validated on the folds of the training rows and scored on every metric; the best on ${code(pyStr(o.refit))} is refitted on all training rows (${code('refit')}). scikit-learn makes ${fits} fits here (${o.candidates} × ${o.folds} + 1).`,
  ];
  if (model.type === 'logisticRegression') {
    explain.push(
      prose`${code('solver="newton-cholesky"')}: Assay fits a logistic regression by Newton's method to the optimum of scikit-learn's objective; the default ${code('lbfgs')} stops short of it on unscaled counts (as in the Course 5 data), and its scores would differ.`,
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
