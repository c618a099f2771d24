/**
 * The parts of a run record the comparison reads, checked before it reads
 * them. A run.json is a file anyone can edit or cut short, and a damaged one
 * must be refused naming the field that is wrong — never compared into
 * confident wrong numbers (McNemar on 100 scores for 3,817 labels) or a
 * JavaScript error. Only the compared models are checked in depth: a damaged
 * model nobody chose does not stop a comparison.
 */
import { ApiError } from '../api/errors';

/** A field that is not what the comparison reads, as "path problem". */
export class Damage extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path} ${problem}`);
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const count = (n: number) => n.toLocaleString('en-US');

/** A value as a message shows it: "null", "a list", "a string ("NaN")", "2". */
function shown(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `a string (${JSON.stringify(v.length > 24 ? `${v.slice(0, 24)}…` : v)})`;
  return String(v);
}

export function fail(path: string, v: unknown, expected: string): never {
  throw new Damage(path, v === undefined ? `is missing (${expected})` : `is ${shown(v)}, not ${expected}`);
}

export function object(v: unknown, path: string, expected = 'an object'): Json {
  return isObject(v) ? v : fail(path, v, expected);
}

export function list(v: unknown, path: string, expected = 'a list'): unknown[] {
  return Array.isArray(v) ? v : fail(path, v, expected);
}

export function text(v: unknown, path: string): string {
  return typeof v === 'string' ? v : fail(path, v, 'a string');
}

/** A count of rows: a whole number a double holds exactly (1e308 is "whole" to JavaScript, but no count). */
export function rowCount(v: unknown, path: string): number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : fail(path, v, 'a number of rows');
}

/** A score: a finite number, or a failed fit's NaN (null once written as JSON). */
export function score(v: unknown, path: string): void {
  if (v === null || Number.isNaN(v)) return;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, v, 'a score (a number, or null for a failed fit)');
}

export function scores(v: unknown, path: string, what: string): Json {
  const o = object(v, path, what);
  for (const [k, s] of Object.entries(o)) score(s, `${path}.${k}`);
  return o;
}

/** An evaluation as the metrics table and the matrices read it: a k × k confusion matrix for k classes. */
function evaluation(v: unknown, path: string, rows: number, k: number): void {
  const e = object(v, path, 'an evaluation (rows, metrics, confusion)');
  if (rowCount(e.rows, `${path}.rows`) !== rows) throw new Damage(`${path}.rows`, `is ${count(e.rows as number)}, but the set has ${count(rows)} rows`);
  scores(e.metrics, `${path}.metrics`, 'an object of scores');
  const m = list(e.confusion, `${path}.confusion`, `a ${k} × ${k} confusion matrix`);
  if (m.length !== k) fail(`${path}.confusion`, m, `a ${k} × ${k} confusion matrix`);
  m.forEach((row, i) => {
    const r = list(row, `${path}.confusion[${i}]`, `a row of ${k} counts`);
    if (r.length !== k) fail(`${path}.confusion[${i}]`, r, `a row of ${k} counts`);
    r.forEach((c, j) => rowCount(c, `${path}.confusion[${i}][${j}]`));
  });
}

const probability = (p: unknown) => typeof p === 'number' && p >= 0 && p <= 1;

/**
 * Held-out predictions, one per row of the set. Two classes: a 0/1 label
 * and p(positive) per row. More: a class index per row and every class's
 * probability, row-major (`proba`, n × k), with `score` empty.
 */
function heldOut(v: unknown, path: string, rows: { n: number; of: string }, k: number): number[] | null {
  if (v === null || v === undefined) return null;
  const h = object(v, path, 'an object of labels y and scores');
  const y = list(h.y, `${path}.y`, 'a list of labels');
  const s = list(h.score, `${path}.score`, 'a list of probabilities');
  if (y.length !== rows.n) throw new Damage(`${path}.y`, `has ${count(y.length)} labels for the ${count(rows.n)} rows of ${rows.of}`);
  if (k === 2) {
    if (s.length !== y.length) throw new Damage(`${path}.score`, `has ${count(s.length)} values for ${count(y.length)} labels`);
    y.forEach((l, i) => (l === 0 || l === 1 ? null : fail(`${path}.y[${i}]`, l, '0 or 1')));
    s.forEach((p, i) => (probability(p) ? null : fail(`${path}.score[${i}]`, p, 'a probability from 0 to 1')));
    if (h.proba !== undefined) fail(`${path}.proba`, h.proba, 'absent for two classes (p(positive) is in score)');
    return y as number[];
  }
  if (s.length !== 0) throw new Damage(`${path}.score`, `has ${count(s.length)} values, but with ${k} classes the probabilities are in proba`);
  const proba = list(h.proba, `${path}.proba`, `a list of ${k} probabilities per row`);
  if (proba.length !== y.length * k) throw new Damage(`${path}.proba`, `has ${count(proba.length)} values for ${count(y.length)} rows of ${k} classes`);
  y.forEach((l, i) => (typeof l === 'number' && Number.isInteger(l) && l >= 0 && l < k ? null : fail(`${path}.y[${i}]`, l, `a class index from 0 to ${k - 1}`)));
  proba.forEach((p, i) => (probability(p) ? null : fail(`${path}.proba[${i}]`, p, 'a probability from 0 to 1')));
  return y as number[];
}

function cvResults(v: unknown, path: string): void {
  const cv = object(v, path, 'the cross-validation results');
  const rows = list(cv.rows, `${path}.rows`, 'a list of candidates');
  const candidates = rows.map((r, i) => {
    const at = `${path}.rows[${i}]`;
    const row = object(r, at, 'a candidate');
    const split = object(row.split, `${at}.split`, 'an object of fold scores per metric');
    for (const [metric, folds] of Object.entries(split)) list(folds, `${at}.split.${metric}`, 'a list of fold scores').forEach((s, j) => score(s, `${at}.split.${metric}[${j}]`));
    const mean = scores(row.mean, `${at}.mean`, 'an object of mean scores per metric');
    const std = scores(row.std, `${at}.std`, 'an object of score spreads per metric');
    for (const metric of Object.keys(split)) {
      if (!(metric in mean)) fail(`${at}.mean.${metric}`, undefined, 'the mean of its fold scores');
      if (!(metric in std)) fail(`${at}.std.${metric}`, undefined, 'the spread of its fold scores');
    }
    return row.candidate;
  });
  if (!candidates.includes(cv.best)) fail(`${path}.best`, cv.best, `the candidate of a row of ${path}.rows`);
  text(cv.refit, `${path}.refit`);
}

function importances(v: unknown, path: string): void {
  if (v === undefined) return;
  list(v, path, 'a list of importance sets').forEach((set, i) => {
    const at = `${path}[${i}]`;
    const s = object(set, at, 'an importance set');
    text(s.kind, `${at}.kind`);
    list(s.features, `${at}.features`, 'a list of features').forEach((f, j) => {
      const o = object(f, `${at}.features[${j}]`, 'a feature and its value');
      text(o.feature, `${at}.features[${j}].feature`);
      score(o.value, `${at}.features[${j}].value`);
    });
  });
}

/** The labels a compared model kept of each held-out set, to be the same rows within one run. */
type Labels = Partial<Record<'validation' | 'test' | 'outOfFold', { path: string; y: number[] }>>;

function model(v: unknown, path: string, rows: { train: number; validation: number; test: number }, k: number): Labels {
  const m = object(v, path, 'a model');
  text(m.type, `${path}.type`);
  object(m.bestParams, `${path}.bestParams`, 'an object of parameters');
  cvResults(m.cv, `${path}.cv`);
  if (m.validation !== null) evaluation(m.validation, `${path}.validation`, rows.validation, k);
  importances(m.importances, `${path}.importances`);
  if (m.partial !== undefined && typeof m.partial !== 'boolean') fail(`${path}.partial`, m.partial, 'true or false');
  const labels: Labels = {};
  // Records from before held-out predictions were kept have none.
  if (m.heldOut === undefined) return labels;
  const h = object(m.heldOut, `${path}.heldOut`, 'an object of held-out predictions');
  for (const [set, n] of [['validation', rows.validation], ['test', rows.test], ['outOfFold', rows.train]] as const) {
    const at = `${path}.heldOut.${set}`;
    const y = heldOut(h[set], at, { n, of: `rows.${set === 'outOfFold' ? 'train' : set}` }, k);
    if (y) labels[set] = { path: at, y };
  }
  return labels;
}

/** Two models of one run predicted the same rows: their labels must agree row by row. */
function sameLabels(a: Labels, b: Labels): void {
  for (const set of ['validation', 'test', 'outOfFold'] as const) {
    const [x, y] = [a[set], b[set]];
    if (!x || !y) continue;
    const at = x.y.findIndex((l, i) => l !== y.y[i]);
    if (at >= 0) throw new Damage(`${y.path}.y`, `differs from ${x.path}.y (row ${count(at + 1)} first), though both models are of one run`);
  }
}

/**
 * Throws `Damage` for the first field of `record` that is not what the comparison reads;
 * the models in `modelIds` are checked in depth. Other readers of run records (the report) build on it.
 */
export function checkRecordFields(record: unknown, modelIds: string[]): void {
  const r = object(record, '', 'a JSON object');
  text(r.recipeName, 'recipeName');
  const models = list(r.models, 'models', 'a list of models').map((m, i) => {
    const o = object(m, `models[${i}]`, 'a model');
    text(o.modelId, `models[${i}].modelId`);
    return o;
  });
  const classes = list(r.classes, 'classes', 'the class names');
  if (classes.length < 2) fail('classes', classes, 'two or more class names');
  classes.forEach((c, i) => text(c, `classes[${i}]`));
  const repeated = classes.findIndex((c, i) => classes.indexOf(c) !== i);
  if (repeated >= 0) throw new Damage(`classes[${repeated}]`, `repeats the class ${JSON.stringify(classes[repeated])}`);
  const k = classes.length;
  const rowsOf = object(r.rows, 'rows', 'the rows of each set');
  const rows = { train: rowCount(rowsOf.train, 'rows.train'), validation: rowCount(rowsOf.validation, 'rows.validation'), test: rowCount(rowsOf.test, 'rows.test') };
  const dataset = object(r.dataset, 'dataset', 'the dataset');
  text(dataset.name, 'dataset.name');
  if (dataset.contentHash !== null) text(dataset.contentHash, 'dataset.contentHash');
  list(r.leakage, 'leakage', 'a list of leakage notes').forEach((n, i) => text(object(n, `leakage[${i}]`, 'a leakage note').message, `leakage[${i}].message`));
  if (r.champion !== null) {
    const c = object(r.champion, 'champion', 'the champion, or null');
    text(c.modelId, 'champion.modelId');
    evaluation(c.test, 'champion.test', rows.test, k);
  }
  const labels = models.flatMap((m, i) => (modelIds.includes(m.modelId as string) ? [model(m, `models[${i}]`, rows, k)] : []));
  for (const other of labels.slice(1)) sameLabels(labels[0], other);
}

/**
 * Throws `bad-input` naming the run (`name`: "Run 7", "out1/run.json") and
 * the field when `record` cannot be compared as it is: a field missing or of
 * the wrong kind, held-out labels other than class indices, scores outside [0, 1],
 * lists of different lengths, or two models of the run with different labels
 * for the same rows. Models not in `modelIds` are checked only for their id.
 */
export function checkRunRecord(record: unknown, name: string, modelIds: string[]): void {
  try {
    checkRecordFields(record, modelIds);
  } catch (e) {
    if (!(e instanceof Damage)) throw e;
    const field = e.path === '' ? 'its record' : e.path;
    throw new ApiError('bad-input', `${name} cannot be compared: ${field} ${e.problem}.`);
  }
}
