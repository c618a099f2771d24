/**
 * The Run view's tables as data: each builder returns the header and rows the
 * view renders, and `toTsv` turns the same rows into what its copy buttons
 * put on the clipboard (Excel, Sheets and PowerPoint paste TSV as a table).
 * Builders keep numbers as numbers: that is how the copy knows which cells
 * are text and may need neutralising (core/data/spreadsheetSafe.ts).
 */
import { ApiError } from '../api/errors';
import type { Cell } from '../data/spreadsheetSafe';
import type { ParamValue } from '../ml/params';
import type { ImportanceSet, ModelResult } from '../search/runRecord';
import type { LogisticTable } from './logisticTable';

export type { Cell } from '../data/spreadsheetSafe';
/** Tab-separated text, every table copy's one writer: text cells a spreadsheet would evaluate get a leading '. */
export { toTsv } from '../data/spreadsheetSafe';

/** A table as the views show it and the clipboard takes it. */
export interface Table {
  header: string[];
  rows: Cell[][];
}

/** A parameter as Python prints it, since the analyst compares against scikit-learn. */
const param = (v: ParamValue | undefined): Cell => (v === undefined ? null : v === null ? 'None' : typeof v === 'boolean' ? (v ? 'True' : 'False') : v);

/**
 * Like scikit-learn's `cv_results_` as a DataFrame: one row per candidate,
 * param_… columns (sorted, as ParameterGrid orders them), then mean_test_X,
 * std_test_X and rank_test_X per metric, and the mean fit time.
 */
export function cvResultsTable(model: ModelResult, metrics: string[]): Table {
  const keys = [...new Set(model.cv.rows.flatMap((r) => Object.keys(r.params)))].sort();
  const header = [
    'candidate',
    ...keys.map((k) => `param_${k}`),
    ...metrics.flatMap((m) => [`mean_test_${m}`, `std_test_${m}`, `rank_test_${m}`]),
    'mean_fit_time',
  ];
  const rows = model.cv.rows.map((r): Cell[] => [
    r.candidate,
    ...keys.map((k) => param(r.params[k])),
    ...metrics.flatMap((m) => [r.mean[m] ?? null, r.std[m] ?? null, r.rank[m] ?? null]),
    r.meanFitSeconds,
  ]);
  return { header, rows };
}

interface Scores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function readScores(v: unknown, where: string): Scores {
  if (!isObject(v)) throw new ApiError('bad-input', `Classification report: ${where} is missing.`);
  for (const k of ['precision', 'recall', 'f1', 'support'] as const) {
    if (typeof v[k] !== 'number') throw new ApiError('bad-input', `Classification report: ${where} has no number "${k}".`);
  }
  return v as unknown as Scores;
}

/**
 * scikit-learn's `classification_report` as rows: one per class, then
 * "accuracy" (F1 column only, as the text report prints it) or "micro avg"
 * when not every present class was considered, "macro avg" and "weighted avg".
 * `report` is what `classificationReport` returns, read from a stored run, so
 * its shape is checked; `classes` names the class indices.
 */
export function classificationReportTable(report: unknown, classes: readonly string[] = []): Table {
  if (!isObject(report) || !Array.isArray(report.perClass)) {
    throw new ApiError('bad-input', 'Classification report: expected the object classificationReport returns (with perClass, macro and weighted).');
  }
  const header = ['', 'precision', 'recall', 'f1-score', 'support'];
  const row = (name: string, s: Scores): Cell[] => [name, s.precision, s.recall, s.f1, s.support];
  const rows: Cell[][] = report.perClass.map((c: unknown, i) => {
    const s = readScores(c, `class row ${i + 1}`);
    const label = isObject(c) && typeof c.label === 'number' ? c.label : i;
    return row(classes[label] ?? String(label), s);
  });
  const micro = readScores(report.micro, 'the micro average');
  if (typeof report.accuracy === 'number') rows.push(['accuracy', null, null, report.accuracy, micro.support]);
  else rows.push(row('micro avg', micro));
  rows.push(row('macro avg', readScores(report.macro, 'the macro average')));
  rows.push(row('weighted avg', readScores(report.weighted, 'the weighted average')));
  return { header, rows };
}

/** Rows = actual class, columns = predicted, as scikit-learn's `confusion_matrix`. */
export function confusionTable(matrix: number[][], classes: readonly string[]): Table {
  if (matrix.length !== classes.length || matrix.some((r) => r.length !== classes.length)) {
    throw new ApiError(
      'bad-input',
      `Confusion table: the matrix is ${matrix.length}×${matrix[0]?.length ?? 0} but there are ${classes.length} classes (${classes.join(', ')}).`,
    );
  }
  return { header: ['actual \\ predicted', ...classes], rows: matrix.map((r, i) => [classes[i], ...r]) };
}

/**
 * Features by importance, largest first: by |value| for coefficients, by
 * distance from 1 (|log|) for odds ratios, by value otherwise. Spreads and
 * 95% intervals get columns only when some feature has them; NaN sorts last.
 */
export function importanceTable(set: ImportanceSet): Table {
  const size = (v: number) => {
    const s = set.kind === 'oddsRatio' ? Math.abs(Math.log(v)) : set.kind === 'coefficient' ? Math.abs(v) : v;
    return Number.isNaN(s) ? -Infinity : s;
  };
  // Two NaNs give -Infinity − -Infinity = NaN, which sort treats as a tie.
  const sorted = [...set.features].sort((a, b) => size(b.value) - size(a.value));
  const spread = sorted.some((w) => w.std !== undefined);
  const interval = sorted.some((w) => w.low !== undefined);
  const header = ['feature', set.title, ...(spread ? ['std'] : []), ...(interval ? ['95% low', '95% high'] : [])];
  const rows = sorted.map((w): Cell[] => [
    w.feature,
    w.value,
    ...(spread ? [w.std ?? null] : []),
    ...(interval ? [w.low ?? null, w.high ?? null] : []),
  ]);
  return { header, rows };
}

/**
 * The logistic-regression table with statsmodels' column names, plus the odds
 * ratio; without inference (a penalised fit) only the coefficient and odds
 * ratio, rather than five empty columns.
 */
export function logisticTableRows(table: LogisticTable): Table {
  const inference = table.rows.some((t) => t.stdError !== null);
  if (!inference) return { header: ['term', 'coef', 'odds ratio'], rows: table.rows.map((t) => [t.term, t.coefficient, t.oddsRatio]) };
  return {
    header: ['term', 'coef', 'std err', 'z', 'P>|z|', '[0.025', '0.975]', 'odds ratio'],
    rows: table.rows.map((t) => [t.term, t.coefficient, t.stdError, t.z, t.pValue, t.low, t.high, t.oddsRatio]),
  };
}
