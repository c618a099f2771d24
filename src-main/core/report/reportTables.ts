/**
 * A run's tables as slides show them (ReportTable): cells formatted as the
 * Run view formats them, numbers flagged for right alignment, and the
 * confusion matrix shaded as the app's ConfusionMatrix (darker = more rows).
 * A score that is not defined prints "–", never "NaN".
 */
import { recipeFacts } from '../compare/sameRows';
import { distinguishingDecimals, formatCount } from '../evaluation/format';
import type { LogisticTable } from '../evaluation/logisticTable';
import { classificationReportTable, logisticTableRows, type Cell } from '../evaluation/tsv';
import type { ParamValue } from '../ml/params';
import { MODEL_WORDS } from '../recipe/recipePaths';
import type { ModelType } from '../recipe/schema';
import type { ModelResult, RunRecord } from '../search/runRecord';
import type { ReportTable } from './schema';
import { clip } from './slideNotes';

/** Rows a table slide shows at most; longer tables keep their largest rows and say so. */
export const MAX_SLIDE_ROWS = 20;
const MAX_CELL = 400;

const NOT_DEFINED = '–';

/** Fixed decimals; "–" for NaN or a missing value. */
const fixed = (v: number | null | undefined, digits = 3): string | null =>
  v === null || v === undefined ? null : Number.isFinite(v) ? v.toFixed(digits) : NOT_DEFINED;

const cellText = (s: string) => clip(s, MAX_CELL);

/** A model type in words: "random forest". */
export function modelWords(type: string): string {
  return MODEL_WORDS[type as ModelType] ?? type;
}

/** A parameter as Python prints it (None, True), since the analyst compares against scikit-learn. */
export function paramText(v: ParamValue | undefined): string {
  if (v === undefined || v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

/** The metrics the recipe scored, in its order; the best candidate's metrics when the recipe does not say. */
export function scoredMetrics(record: RunRecord): string[] {
  const scoring = recipeFacts(record).scoring;
  if (scoring.length) return scoring;
  return Object.keys(record.models.find((m) => !m.partial)?.bestCv ?? record.models[0]?.bestCv ?? {});
}

/** The parameters a model's search varied; all its fitted parameters when nothing varied (a single candidate). */
export function searchedParams(m: ModelResult): Record<string, ParamValue> {
  const rows = m.cv.rows;
  const varying = Object.keys(rows[0]?.params ?? {}).filter((k) => new Set(rows.map((r) => JSON.stringify(r.params[k]))).size > 1);
  if (!varying.length) return m.bestParams;
  return Object.fromEntries(varying.map((k) => [k, m.bestParams[k] ?? rows.find((r) => r.candidate === m.cv.best)?.params[k] ?? null]));
}

/** "max_depth 4, n_estimators 10"; "defaults" when there are none. */
export function paramsText(params: Record<string, ParamValue>): string {
  const parts = Object.entries(params).map(([k, v]) => `${k} ${paramText(v)}`);
  return parts.length ? parts.join(', ') : 'defaults';
}

/**
 * The decimals of every score of a table, so its columns read alike: the
 * fewest at which each column's distinct values print apart, at most four —
 * past that the difference between cross-validation means is noise, and one
 * column of six decimals beside columns of four reads as a different kind
 * of number.
 */
const MAX_TABLE_DECIMALS = 4;
function tableDecimals(columns: (number | undefined)[][]): number {
  return Math.max(3, ...columns.map((c) => distinguishingDecimals(c.filter((v): v is number => v !== undefined), 3, MAX_TABLE_DECIMALS)));
}

const bestRow = (m: ModelResult) => m.cv.rows.find((r) => r.candidate === m.cv.best) ?? null;

/** "0.992 ± 0.003" at the given decimals; "–" when the mean is not defined. */
function meanStd(mean: number | undefined, std: number | undefined, digits: number): string | null {
  if (mean === undefined) return null;
  if (!Number.isFinite(mean)) return NOT_DEFINED;
  return std !== undefined && Number.isFinite(std) ? `${mean.toFixed(digits)} ± ${std.toFixed(digits)}` : mean.toFixed(digits);
}

/**
 * The search, one row per model: type, candidates, the best candidate's
 * searched parameters and its mean ± std cross-validation score for every
 * scored metric; the champion marked ★.
 */
export function searchTable(record: RunRecord): ReportTable {
  const metrics = scoredMetrics(record);
  const digits = tableDecimals(metrics.map((k) => record.models.map((m) => m.bestCv[k])));
  const rows = record.models.map((m): (string | null)[] => {
    const champion = record.champion?.modelId === m.modelId;
    const best = bestRow(m);
    return [
      cellText(`${m.modelId}${champion ? ' ★' : ''}${m.partial ? ' (partial)' : ''}`),
      modelWords(m.type),
      formatCount(m.candidates),
      cellText(paramsText(searchedParams(m))),
      ...metrics.map((k) => meanStd(m.bestCv[k], best?.std[k], digits) ?? NOT_DEFINED),
    ];
  });
  return {
    header: ['model', 'type', 'candidates', 'best parameters', ...metrics.map((k) => `CV ${k}`)],
    rows,
    numeric: [false, false, true, false, ...metrics.map(() => true)],
  };
}

/**
 * A model's best candidates by rank on the refit metric (at most `top`):
 * the searched parameters and mean ± std of every scored metric.
 */
export function bestCandidatesTable(m: ModelResult, metrics: string[], top = 10): ReportTable {
  const rows = [...m.cv.rows].sort((a, b) => (a.rank[m.cv.refit] ?? Infinity) - (b.rank[m.cv.refit] ?? Infinity) || a.candidate - b.candidate).slice(0, top);
  const varying = Object.keys(m.cv.rows[0]?.params ?? {}).filter((k) => new Set(m.cv.rows.map((r) => JSON.stringify(r.params[k]))).size > 1);
  const digits = tableDecimals(metrics.map((k) => rows.map((r) => r.mean[k])));
  return {
    header: [`rank (${m.cv.refit})`, ...varying, ...metrics],
    rows: rows.map((r) => [
      r.rank[m.cv.refit] === undefined ? NOT_DEFINED : String(r.rank[m.cv.refit]),
      ...varying.map((k) => paramText(r.params[k])),
      ...metrics.map((k) => meanStd(r.mean[k], r.std[k], digits) ?? NOT_DEFINED),
    ]),
    numeric: [true, ...varying.map((k) => m.cv.rows.every((r) => typeof r.params[k] === 'number' || r.params[k] === null)), ...metrics.map(() => true)],
  };
}

/**
 * The champion's scores: test (scored once), validation when the split kept
 * one, and the mean ± std cross-validation score of its best candidate.
 */
export function championMetricsTable(record: RunRecord): ReportTable | null {
  const c = record.champion;
  const m = c ? record.models.find((x) => x.modelId === c.modelId) : undefined;
  if (!c || !m) return null;
  const metrics = scoredMetrics(record).filter((k) => c.test.metrics[k] !== undefined || m.validation?.metrics[k] !== undefined || m.bestCv[k] !== undefined);
  const best = bestRow(m);
  const header = ['metric', 'test', ...(m.validation ? ['validation'] : []), 'mean CV ± std'];
  const rows = metrics.map((k) => [
    k,
    fixed(c.test.metrics[k]) ?? NOT_DEFINED,
    ...(m.validation ? [fixed(m.validation.metrics[k]) ?? NOT_DEFINED] : []),
    meanStd(m.bestCv[k], best?.std[k], 3) ?? NOT_DEFINED,
  ]);
  return { header, rows, numeric: header.map((_, i) => i > 0) };
}

/** White (0) to the app's accent blue (1), the scale of ConfusionMatrix.svelte's shadeColor. */
export function blueFill(shade: number): string {
  const t = Number.isFinite(shade) ? Math.max(0, Math.min(1, shade)) : 0;
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `#${[mix(247, 8), mix(251, 69), mix(255, 148)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The confusion matrix in scikit-learn's layout (rows actual, columns
 * predicted, in `classes` order), counts with thousands separators, each
 * count cell shaded by its share of the largest count.
 */
export function confusionMatrixTable(matrix: number[][], classes: readonly string[]): ReportTable {
  const max = Math.max(1e-12, ...matrix.flat());
  return {
    header: ['actual \\ predicted', ...classes.map(cellText)],
    rows: matrix.map((r, i) => [cellText(classes[i] ?? String(i)), ...r.map((v) => formatCount(v))]),
    numeric: [false, ...classes.map(() => true)],
    fills: matrix.map((r) => [null, ...r.map((v) => blueFill(v / max))]),
  };
}

const reportCell = (v: Cell, column: number, last: number): string | null => {
  if (v === null) return null;
  if (typeof v === 'string') return cellText(v);
  if (column === last) return formatCount(v);
  return fixed(v, 2);
};

/**
 * scikit-learn's classification report (two decimals, as it prints them),
 * from the report a run stored; null when it is missing or unreadable.
 */
export function classificationTable(report: unknown, classes: readonly string[]): ReportTable | null {
  let t;
  try {
    t = classificationReportTable(report, classes);
  } catch {
    return null;
  }
  const last = t.header.length - 1;
  return { header: t.header, rows: t.rows.map((r) => r.map((v, j) => reportCell(v, j, last))), numeric: t.header.map((_, j) => j > 0) };
}

/** A coefficient as the Coefficients tab prints it: four decimals, or scientific notation when tiny. */
function coefficientText(v: number | null): string | null {
  if (v === null) return null;
  if (!Number.isFinite(v)) return NOT_DEFINED;
  return Math.abs(v) < 1e-3 && v !== 0 ? v.toExponential(2) : v.toFixed(4);
}

/**
 * The logistic-regression coefficients with statsmodels' columns and the
 * odds ratio. Beyond `maxRows` terms, the intercept and the largest
 * |coefficient|s are kept in model order; `shown`/`of` say how many.
 */
export function coefficientsTable(table: LogisticTable, maxRows = MAX_SLIDE_ROWS): { table: ReportTable; shown: number; of: number } {
  const t = logisticTableRows(table);
  let rows = t.rows;
  if (rows.length > maxRows) {
    const keep = new Set(
      rows
        .map((r, i) => ({ i, size: r[0] === 'const' ? Infinity : Math.abs(Number(r[1])) }))
        .sort((a, b) => b.size - a.size)
        .slice(0, maxRows)
        .map((x) => x.i),
    );
    rows = rows.filter((_, i) => keep.has(i));
  }
  // The odds ratio of a tiny coefficient needs its decimals (1.0000009), as formatOddsRatio gives them.
  const odds = t.header.indexOf('odds ratio');
  const p = t.header.indexOf('P>|z|');
  const text = (v: Cell, j: number): string | null => {
    if (v === null) return null;
    if (typeof v === 'string') return cellText(v);
    if (j === odds) return oddsText(v);
    if (j === p) return pText(v);
    return coefficientText(v);
  };
  return {
    table: { header: t.header, rows: rows.map((r) => r.map(text)), numeric: t.header.map((_, j) => j > 0) },
    shown: rows.length,
    of: t.rows.length,
  };
}

function oddsText(v: number): string {
  if (!Number.isFinite(v)) return NOT_DEFINED;
  let digits = 4;
  while (digits < 8 && v !== 1 && Number(v.toFixed(digits)) === 1) digits++;
  return v.toFixed(digits);
}

const pText = (p: number) => (!Number.isFinite(p) ? NOT_DEFINED : p < 0.001 ? '<0.001' : p.toFixed(3));
