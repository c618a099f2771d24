/**
 * The parts of a run record the "new report from run" deck reads, checked
 * before the deck is built. A run.json is a file anyone can edit or cut
 * short: a damaged one is refused naming the file and the field, never
 * turned into a JavaScript error or a slide of "undefined", "null" or
 * "[object Object]". The comparison's checks (core/compare/recordChecks.ts)
 * cover the record's frame and every model; these add what only the deck
 * reads: the champion among the models, the search's counts, parameters and
 * ranks, the one-hot indicators the summary names, the recipe, the
 * classification report, a logistic regression's coefficients, the notes
 * and timings of the title slide.
 */
import { ApiError } from '../api/errors';
import { checkRecordFields, Damage, fail, list, object, rowCount, score, scores, text } from '../compare/recordChecks';
import { classificationReportTable } from '../evaluation/tsv';
import { recipeSchema } from '../recipe/schema';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A number the deck prints as it is (seconds); NaN is written as null in JSON. */
function number(v: unknown, path: string, expected = 'a number'): void {
  if (v !== null && typeof v !== 'number') fail(path, v, expected);
}

/** A whole number of at least `min`: a candidate's number, a rank, a step's index. */
function whole(v: unknown, path: string, min: number, expected: string): number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min ? v : fail(path, v, expected);
}

/**
 * The largest |coefficient| whose odds ratio, e^coefficient, is a number:
 * past it the odds ratio is Infinity (or 0), which no slide can print, and
 * no fit that converged gets there.
 */
const MAX_COEFFICIENT = Math.log(Number.MAX_VALUE);

/** A hyper-parameter as a recipe holds one (src-main/core/ml/params.ts): the deck prints null as Python's None. */
function param(v: unknown, path: string): void {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return;
  fail(path, v, 'a parameter value (a number, a string, true or false, or null)');
}

function params(v: unknown, path: string): void {
  for (const [k, x] of Object.entries(object(v, path, 'an object of parameters'))) param(x, `${path}.${k}`);
}

/** The model ids of the record, for messages: "logreg, xgb". */
function modelIds(models: unknown[]): string[] {
  return models.map((m) => (isObject(m) && typeof m.modelId === 'string' ? m.modelId : '?'));
}

/** What an importance set's rows carry besides the feature and its value: a spread and an interval, when kept. */
function importanceExtras(sets: unknown, path: string): void {
  for (const [i, set] of (Array.isArray(sets) ? sets : []).entries()) {
    const s = object(set, `${path}[${i}]`);
    text(s.title, `${path}[${i}].title`);
    text(s.description, `${path}[${i}].description`);
    (s.features as Json[]).forEach((f, j) => {
      for (const k of ['std', 'low', 'high'] as const) if (f[k] !== undefined) score(f[k], `${path}[${i}].features[${j}].${k}`);
    });
  }
}

/** A list of `n` numbers (null for a value the fit could not compute). */
function numbers(v: unknown, path: string, n: number, expected: string): void {
  const xs = list(v, path, expected);
  if (xs.length !== n) throw new Damage(path, `has ${xs.length} values for ${n} terms`);
  xs.forEach((x, i) => score(x, `${path}[${i}]`));
}

/** A logistic regression's JSON as the coefficients slide and its reading take it (LogisticRegressionModel.toJSON). */
function logisticModel(v: unknown, path: string): void {
  const m = object(v, path, "the fitted logistic regression's coefficients");
  if (m.kind !== 'logisticRegression') fail(`${path}.kind`, m.kind, '"logisticRegression"');
  const features = list(m.features, `${path}.features`, 'a list of feature names');
  features.forEach((f, i) => text(f, `${path}.features[${i}]`));
  const multinomial = m.multiClass === 'multinomial';
  if (multinomial) {
    // k > 2 classes: one coefficient vector and one intercept per class (MultinomialLogisticRegressionModel.toJSON).
    const vectors = list(m.coefficients, `${path}.coefficients`, 'one list of coefficients per class');
    if (vectors.length < 3) throw new Damage(`${path}.coefficients`, `has ${vectors.length} lists for a model of more than two classes`);
    vectors.forEach((w, c) => coefficientList(w, `${path}.coefficients[${c}]`, features.length));
    numbers(m.intercept, `${path}.intercept`, vectors.length, 'one intercept per class');
  } else {
    coefficientList(m.coefficients, `${path}.coefficients`, features.length);
    if (m.intercept !== undefined) score(m.intercept, `${path}.intercept`);
  }
  if (m.fitIntercept !== undefined && typeof m.fitIntercept !== 'boolean') fail(`${path}.fitIntercept`, m.fitIntercept, 'true or false');
  if (m.penalty !== undefined) text(m.penalty, `${path}.penalty`);
  for (const k of ['warning', 'inferenceError'] as const) if (m[k] !== undefined && m[k] !== null) text(m[k], `${path}.${k}`);
  if (m.inference === undefined || m.inference === null) return;
  const inf = object(m.inference, `${path}.inference`, 'the standard errors and p-values, or null');
  const terms = list(inf.terms, `${path}.inference.terms`, 'a list of terms');
  terms.forEach((t, i) => text(t, `${path}.inference.terms[${i}]`));
  if (!multinomial) {
    waldFigures(inf, `${path}.inference`, terms.length);
    return;
  }
  const equations = list(inf.equations, `${path}.inference.equations`, 'one equation per class but the reference');
  equations.forEach((e, i) => {
    const eq = object(e, `${path}.inference.equations[${i}]`, 'an equation of the class against the reference');
    if (!Number.isInteger(eq.class)) fail(`${path}.inference.equations[${i}].class`, eq.class, 'a class index');
    waldFigures(eq, `${path}.inference.equations[${i}]`, terms.length);
  });
}

/** Coefficients of one class (or of the binary model), each with an odds ratio that is a number. */
function coefficientList(v: unknown, path: string, n: number): void {
  numbers(v, path, n, 'a list of coefficients');
  (v as unknown[]).forEach((c, i) => {
    if (typeof c === 'number' && Math.abs(c) > MAX_COEFFICIENT) fail(`${path}[${i}]`, c, `a coefficient whose odds ratio is a number (at most ${Math.floor(MAX_COEFFICIENT)} either way)`);
  });
}

/** Coefficients, standard errors, z, p-values and 95% intervals of one set of terms. */
function waldFigures(inf: Json, path: string, n: number): void {
  for (const k of ['coef', 'stdErrors', 'z', 'pValues'] as const) numbers(inf[k], `${path}.${k}`, n, 'a list of numbers');
  const ci = list(inf.ci95, `${path}.ci95`, 'a list of 95% intervals');
  if (ci.length !== n) throw new Damage(`${path}.ci95`, `has ${ci.length} intervals for ${n} terms`);
  ci.forEach((p, i) => numbers(p, `${path}.ci95[${i}]`, 2, 'an interval [low, high]'));
}

/** What the search, best-candidate and coefficient slides read of a model, beyond what the comparison checks. */
function searchFields(m: Json, path: string): void {
  rowCount(m.candidates, `${path}.candidates`);
  rowCount(m.fits, `${path}.fits`);
  params(m.bestParams, `${path}.bestParams`);
  scores(m.bestCv, `${path}.bestCv`, 'an object of mean cross-validation scores');
  list(m.failedFits, `${path}.failedFits`, 'a list of failed fits');
  const cv = object(m.cv, `${path}.cv`);
  list(cv.rows, `${path}.cv.rows`).forEach((r, i) => {
    const at = `${path}.cv.rows[${i}]`;
    const row = object(r, at, 'a candidate');
    whole(row.candidate, `${at}.candidate`, 0, 'a candidate number');
    params(row.params, `${at}.params`);
    const rank = object(row.rank, `${at}.rank`, 'an object of ranks per metric');
    for (const [k, v] of Object.entries(rank)) whole(v, `${at}.rank.${k}`, 1, 'a rank (1 for the best)');
  });
  importanceExtras(m.importances, `${path}.importances`);
  // A model refitted as a logistic regression has its coefficients; a partial one was never refitted.
  if (isObject(m.model) && m.model.kind === 'logisticRegression') logisticModel(m.model, `${path}.model`);
  else if (m.type === 'logisticRegression' && m.partial !== true && m.model !== null) logisticModel(m.model, `${path}.model`);
}

/** The one-hot indicators the summary and the coefficients' reading name (absent in records from before they were kept). */
function dummies(v: unknown, features: unknown[]): void {
  if (v === undefined) return;
  list(v, 'dummies', 'a list of the one-hot indicators (feature, column, value, base)').forEach((d, i) => {
    const at = `dummies[${i}]`;
    const o = object(d, at, 'a one-hot indicator (feature, column, value, base)');
    const feature = text(o.feature, `${at}.feature`);
    if (!features.includes(feature)) throw new Damage(`${at}.feature`, `${JSON.stringify(feature)} is not one of the run's features`);
    text(o.column, `${at}.column`);
    text(o.value, `${at}.value`);
    if (o.base !== null && typeof o.base !== 'string') fail(`${at}.base`, o.base, 'the dropped category, or null');
  });
}

/** The first zod issue of `value` as a Damage at `root` + its path. */
function schemaDamage(root: string, value: unknown, issue: { path: PropertyKey[]; message: string }): Damage {
  const at = [root, ...issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))].join('');
  const found = issue.path.reduce<unknown>((v, k) => (isObject(v) || Array.isArray(v) ? (v as Json)[k as string] : undefined), value);
  if (issue.path.length && found === undefined) return new Damage(at, 'is missing');
  return new Damage(at, `is not valid (${issue.message})`);
}

/** The recipe fields the deck reads (target, steps, folds, metrics, champion rule), each as the recipe schema has it. */
const RECIPE_FIELDS = ['target', 'steps', 'cv', 'scoring', 'refit', 'champion'] as const;

function recipe(v: unknown): void {
  const r = object(v, 'recipe', 'the recipe the run ran');
  for (const key of RECIPE_FIELDS) {
    if (r[key] === undefined) continue;
    // Steps one by one, so the message numbers the step as the preparation slide does.
    if (key === 'steps') {
      list(r.steps, 'recipe.steps', 'a list of steps').forEach((step, i) => {
        const parsed = recipeSchema.shape.steps.element.safeParse(step);
        if (!parsed.success) throw schemaDamage(`recipe.steps[${i}]`, step, parsed.error.issues[0]);
      });
      continue;
    }
    const parsed = recipeSchema.shape[key].safeParse(r[key]);
    if (!parsed.success) throw schemaDamage(`recipe.${key}`, r[key], parsed.error.issues[0]);
  }
}

/** The champion's stored classification report, which its slide prints (null in records that kept none). */
function classificationReport(v: unknown, classes: unknown[]): void {
  if (v === null || v === undefined) return;
  try {
    classificationReportTable(v, classes as string[]);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    throw new Damage('champion.test.report', `is not a classification report (${e.message.replace(/^Classification report: /, '').replace(/\.$/, '')})`);
  }
  const report = object(v, 'champion.test.report');
  const rows: [string, Json][] = (report.perClass as Json[]).map((c, i) => [`champion.test.report.perClass[${i}]`, c]);
  rows.forEach(([at, c]) => {
    if (c.label !== undefined && !(Number.isInteger(c.label) && (c.label as number) >= 0 && (c.label as number) < classes.length)) {
      fail(`${at}.label`, c.label, `a class index from 0 to ${classes.length - 1}`);
    }
  });
  for (const k of ['micro', 'macro', 'weighted'] as const) rows.push([`champion.test.report.${k}`, report[k] as Json]);
  // Shares print with two decimals and supports with separators: anything else would print as "1e+308".
  for (const [at, scoresOf] of rows) {
    for (const k of ['precision', 'recall', 'f1'] as const) {
      const x = scoresOf[k] as number;
      if (!(x >= 0 && x <= 1)) fail(`${at}.${k}`, x, 'a share from 0 to 1');
    }
    rowCount(scoresOf.support, `${at}.support`);
  }
  if (typeof report.accuracy === 'number' && !(report.accuracy >= 0 && report.accuracy <= 1)) fail('champion.test.report.accuracy', report.accuracy, 'a share from 0 to 1');
}

function check(record: unknown): void {
  const r = object(record, '', 'a JSON object');
  const models = list(r.models, 'models', 'a list of models');
  if (models.length === 0) fail('models', models, 'a list of the models the run searched');
  checkRecordFields(record, modelIds(models));
  if (r.champion === null) return;
  const champion = object(r.champion, 'champion', 'the champion, or null');
  const ids = modelIds(models);
  const id = champion.modelId as string;
  if (!ids.includes(id)) throw new Damage('champion', `${JSON.stringify(id)} is not one of the run's models (${ids.join(', ')})`);
  text(champion.rule, 'champion.rule');
  classificationReport((champion.test as Json).report, r.classes as unknown[]);
  models.forEach((m, i) => searchFields(m as Json, `models[${i}]`));
  const features = list(r.features, 'features', 'a list of feature names');
  features.forEach((f, i) => text(f, `features[${i}]`));
  dummies(r.dummies, features);
  list(r.notes, 'notes', 'a list of notes').forEach((n, i) => text(n, `notes[${i}]`));
  (r.leakage as unknown[]).forEach((l, i) => {
    whole((l as Json).step, `leakage[${i}].step`, 0, 'a step number');
    text((l as Json).op, `leakage[${i}].op`);
  });
  recipe(r.recipe);
  rowCount((r.dataset as Json).rows, 'dataset.rows');
  for (const key of ['recipeName', 'assayVersion', 'startedAt', 'status'] as const) text(r[key], key);
  number(object(r.seconds, 'seconds', 'the timings in seconds').total, 'seconds.total', 'a number of seconds');
}

/**
 * Throws `bad-input` naming the file (`name`: "out/run.json") and the field
 * when the deck cannot be built from `record` as it is: "out/run.json:
 * champion "rf" is not one of the run's models (logreg, xgb)." A record
 * without a champion passes (the caller says the run is not finished).
 */
export function checkReportRecord(record: unknown, name: string): void {
  try {
    check(record);
  } catch (e) {
    if (!(e instanceof Damage)) throw e;
    throw new ApiError('bad-input', `${name}: ${e.path === '' ? 'the record' : e.path} ${e.problem}.`);
  }
}
