import type { ClassificationReport } from '../metrics/classificationReport';
import type { ParamValue } from '../ml/params';
import type { ImportanceSet, ModelResult } from '../search/runRecord';
import type { LogisticTable } from './logisticTable';

export type Cell = string | number | null;

/** A table as the views show it and the clipboard takes it. */
export interface Table {
  header: string[];
  rows: Cell[][];
}

const clean = (c: Cell) => (c === null ? '' : typeof c === 'number' ? (Number.isNaN(c) ? 'NaN' : String(c)) : c.replace(/[\t\r\n]+/g, ' '));

/** Tab-separated text that Excel, Sheets and PowerPoint paste as a table; numbers keep full precision. */
export function toTsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(clean).join('\t')).join('\n') + '\n';
}

const param = (v: ParamValue | undefined): Cell => (v === undefined ? null : v === null ? 'None' : typeof v === 'boolean' ? (v ? 'True' : 'False') : v);

/** Like scikit-learn's `cv_results_` as a DataFrame: param_… columns, then mean/std/rank per metric. */
export function cvResultsTable(model: ModelResult, metrics: string[]): Table {
  const keys = [...new Set(model.cv.rows.flatMap((r) => Object.keys(r.params)))].sort();
  const header = ['candidate', ...keys.map((k) => `param_${k}`), ...metrics.flatMap((m) => [`mean_test_${m}`, `std_test_${m}`, `rank_test_${m}`]), 'mean_fit_time'];
  const rows = model.cv.rows.map((r) => [r.candidate, ...keys.map((k) => param(r.params[k])), ...metrics.flatMap((m) => [r.mean[m], r.std[m], r.rank[m]]), r.meanFitSeconds]);
  return { header, rows };
}

/** scikit-learn's classification_report as rows: each class, accuracy, macro and weighted averages. */
export function classificationReportTable(report: ClassificationReport, classes: readonly string[]): Table {
  const header = ['', 'precision', 'recall', 'f1-score', 'support'];
  const rows: Cell[][] = report.perClass.map((c) => [classes[c.label] ?? String(c.label), c.precision, c.recall, c.f1, c.support]);
  if (report.accuracy !== null) rows.push(['accuracy', null, null, report.accuracy, report.micro.support]);
  rows.push(['macro avg', report.macro.precision, report.macro.recall, report.macro.f1, report.macro.support]);
  rows.push(['weighted avg', report.weighted.precision, report.weighted.recall, report.weighted.f1, report.weighted.support]);
  return { header, rows };
}

/** Rows = actual, columns = predicted. */
export function confusionTable(matrix: number[][], classes: readonly string[]): Table {
  return { header: ['actual \\ predicted', ...classes], rows: matrix.map((r, i) => [classes[i], ...r]) };
}

/** Features by importance, largest first (|log| for odds ratios, |value| for coefficients). */
export function importanceTable(set: ImportanceSet): Table {
  const size = (v: number) => (set.kind === 'oddsRatio' ? Math.abs(Math.log(v)) : set.kind === 'coefficient' ? Math.abs(v) : v);
  const sorted = [...set.features].sort((a, b) => size(b.value) - size(a.value));
  const spread = sorted.some((w) => w.std !== undefined);
  const interval = sorted.some((w) => w.low !== undefined);
  const header = ['feature', set.title, ...(spread ? ['std'] : []), ...(interval ? ['95% low', '95% high'] : [])];
  const rows = sorted.map((w) => [w.feature, w.value, ...(spread ? [w.std ?? null] : []), ...(interval ? [w.low ?? null, w.high ?? null] : [])]);
  return { header, rows };
}

/** statsmodels' summary columns; without inference (a penalised fit) only the coefficient and odds ratio. */
export function logisticTableRows(table: LogisticTable): Table {
  const inference = table.terms.some((t) => t.stdError !== null);
  if (!inference) return { header: ['term', 'coef', 'odds ratio'], rows: table.terms.map((t) => [t.term, t.coefficient, t.oddsRatio]) };
  return {
    header: ['term', 'coef', 'std err', 'z', 'P>|z|', '[0.025', '0.975]', 'odds ratio'],
    rows: table.terms.map((t) => [t.term, t.coefficient, t.stdError, t.z, t.pValue, t.low, t.high, t.oddsRatio]),
  };
}
