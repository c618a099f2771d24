import type { ColumnInfo } from '../../../../src-main/core/data/columns';
import type { Cell } from '../../../../src-main/core/data/spreadsheetSafe';
import type { Num, NumericColumnView, ProfileView } from '../../../../src-main/core/profile/profileView';
import { formatStat, topValueRows, type TopValueRow } from '../grid/columnDetail';
import { formatBytes, formatCount } from '../grid/format';
import { formatShare } from '../grid/sparkline';

/**
 * The Explore view's profile as tables: the overview figures, one row per
 * column (pandas' info() and describe()), value counts, the correlation
 * matrix and the variance inflation factors, formatted for reading.
 */

/** |r| from which a pair is marked, as in the Prepare view's warnings. */
export const STRONG_CORRELATION = 0.7;
/** VIF from which a feature is marked. */
export const HIGH_VIF = 5;

export interface OverviewFigure {
  label: string;
  text: string;
  testId: string;
}

export function overview(p: ProfileView): OverviewFigure[] {
  const pct = (n: number) => (p.rows > 0 ? ` (${formatShare(n / p.rows)})` : '');
  return [
    { label: 'Rows', text: formatCount(p.shape[0]), testId: 'profile-rows' },
    { label: 'Columns', text: formatCount(p.shape[1]), testId: 'profile-columns' },
    { label: 'Memory', text: `${formatBytes(p.memoryBytes)} (${formatBytes(p.memoryBytesDeep)} with text)`, testId: 'profile-memory' },
    { label: 'Missing cells', text: formatCount(p.missing.cells), testId: 'profile-missing-cells' },
    { label: 'Rows with a missing value', text: formatCount(p.missing.rows) + pct(p.missing.rows), testId: 'profile-missing-rows' },
    { label: 'Duplicate rows', text: formatCount(p.duplicates.count) + pct(p.duplicates.count), testId: 'profile-duplicates' },
  ];
}

export interface ColumnRow {
  name: string;
  kind: string;
  dtype: string;
  nonNull: string;
  missing: string;
  missingShare: string;
  /** describe() figures: numeric columns fill mean…max, the others unique/top/freq. */
  mean: string;
  std: string;
  min: string;
  q25: string;
  q50: string;
  q75: string;
  max: string;
  unique: string;
  top: string;
  freq: string;
}

const BLANK = '';

export function columnRows(p: ProfileView, columns: readonly ColumnInfo[]): ColumnRow[] {
  return p.columns.map((c) => {
    const kind = columns.find((x) => x.name === c.name)?.kind ?? c.kind ?? '';
    const base = {
      name: c.name,
      kind,
      dtype: c.dtype,
      nonNull: formatCount(c.count),
      missing: formatCount(c.missing),
      missingShare: c.missing > 0 ? formatShare(c.missingFraction) : '0%',
    };
    const numeric = (d: NumericColumnView['describe']): ColumnRow => ({ ...base, mean: formatStat(d.mean), std: formatStat(d.std), min: formatStat(d.min), q25: formatStat(d.q25), q50: formatStat(d.q50), q75: formatStat(d.q75), max: formatStat(d.max), unique: BLANK, top: BLANK, freq: BLANK });
    if (c.type === 'number') return numeric(c.describe);
    // An integer identifier is described as pandas describes its int64 column: as numbers.
    if (c.describeNumeric) return numeric(c.describeNumeric);
    const d = c.describe;
    return {
      ...base,
      mean: BLANK,
      std: BLANK,
      min: BLANK,
      q25: BLANK,
      q50: BLANK,
      q75: BLANK,
      max: BLANK,
      unique: formatStat(d.unique),
      top: d.top === null ? '—' : String(d.top),
      freq: formatStat(d.freq),
    };
  });
}

/** Columns whose value counts are worth a table: text columns the profile kept top values for. */
export function countableColumns(p: ProfileView): string[] {
  return p.columns.filter((c) => c.type === 'string' && c.top.values.length > 0).map((c) => c.name);
}

export function valueCountRows(p: ProfileView, column: string): { rows: TopValueRow[]; notListed: number; missing: number } {
  const c = p.columns.find((x) => x.name === column);
  if (!c || c.type !== 'string') return { rows: [], notListed: 0, missing: 0 };
  return { rows: topValueRows(c), notListed: Math.max(0, (c.describe.unique ?? 0) - c.top.values.length), missing: c.missing };
}

export interface MatrixCell {
  text: string;
  value: Num;
  strong: boolean;
}

export interface MatrixTable {
  columns: string[];
  rows: { name: string; cells: MatrixCell[] }[];
}

export function correlationTable(p: ProfileView, method: 'pearson' | 'spearman'): MatrixTable | null {
  const m = method === 'pearson' ? p.correlations.pearson : p.correlations.spearman;
  if (!m || m.columns.length === 0) return null;
  return {
    columns: m.columns,
    rows: m.columns.map((name, i) => ({
      name,
      cells: m.values[i].map((v, j) => ({ text: v === null ? '—' : v.toFixed(2), value: v, strong: i !== j && v !== null && Math.abs(v) >= STRONG_CORRELATION })),
    })),
  };
}

export interface VifRow {
  column: string;
  text: string;
  high: boolean;
}

/** A VIF as the table shows it; null (statsmodels' inf, a column the others explain exactly) is ∞. */
function vifText(v: Num): string {
  return v === null || v === Infinity ? '∞' : v >= 1e6 ? v.toExponential(2) : v.toFixed(2);
}

export function vifRows(p: ProfileView): VifRow[] {
  if (!p.vif) return [];
  return p.vif.columns.map((column, i) => {
    const v = p.vif!.vif[i];
    return { column, text: vifText(v), high: v === null || v >= HIGH_VIF };
  });
}

/*
 * The same tables as data for their exports (the TSV copy, the picture, the
 * report slide): numbers stay numbers, so the copy keeps every digit and is
 * spreadsheet-safe and the picture right-aligns them; `format` gives the
 * text the screen shows. Each table fits the picture's bounds (core/charts/
 * tableChart.ts: 40 columns, 500 rows, headers of 120 and cells of 200
 * characters, a title of 200), and the label says what was left out.
 */

export interface ExportedTable {
  /** The table's name: the picture's title and the slide's. */
  label: string;
  header: string[];
  rows: Cell[][];
  format: (v: number, column: number) => string;
}

/** The picture's bounds (tableImageSchema). */
export const PICTURE_LIMITS = { columns: 40, rows: 500, header: 120, cell: 200, title: 200 } as const;

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Within the picture's bounds: rows past the limit dropped (the label says how many were kept), long texts shortened. */
function bounded(name: string, header: string[], rows: Cell[][], format: ExportedTable['format'], leftOut: string[] = []): ExportedTable {
  const notes = [...leftOut];
  if (rows.length > PICTURE_LIMITS.rows) notes.push(`first ${formatCount(PICTURE_LIMITS.rows)} of ${formatCount(rows.length)} rows`);
  const note = notes.length ? ` (${notes.join(', ')})` : '';
  return {
    label: cut(name, PICTURE_LIMITS.title - note.length) + note,
    header: header.slice(0, PICTURE_LIMITS.columns).map((h) => cut(h, PICTURE_LIMITS.header)),
    rows: rows.slice(0, PICTURE_LIMITS.rows).map((r) => r.slice(0, PICTURE_LIMITS.columns).map((c) => (typeof c === 'string' ? cut(c, PICTURE_LIMITS.cell) : c))),
    format,
  };
}

const COLUMN_HEADER = ['column', 'kind', 'dtype', 'non-null', 'missing', 'missing %', 'mean', 'std', 'min', '25%', '50%', '75%', 'max', 'unique', 'top', 'freq'];
const MISSING_PERCENT = COLUMN_HEADER.indexOf('missing %');

/** The Columns table: info() and describe() per column; the missing share as a percentage (12 significant digits, no float noise). */
export function columnsExport(p: ProfileView, dataset: { name: string; columns: readonly ColumnInfo[] }): ExportedTable {
  const rows = p.columns.map((c): Cell[] => {
    const kind = dataset.columns.find((x) => x.name === c.name)?.kind ?? c.kind ?? '';
    const base: Cell[] = [c.name, kind, c.dtype, c.count, c.missing, Number((c.missingFraction * 100).toPrecision(12))];
    const numbers = (d: NumericColumnView['describe']): Cell[] => [...base, d.mean, d.std, d.min, d.q25, d.q50, d.q75, d.max, null, null, null];
    if (c.type === 'number') return numbers(c.describe);
    if (c.describeNumeric) return numbers(c.describeNumeric);
    const d = c.describe;
    return [...base, null, null, null, null, null, null, null, d.unique, d.top === null ? null : String(d.top), d.freq];
  });
  return bounded(`Columns of ${dataset.name}`, COLUMN_HEADER, rows, (v, column) => (column === MISSING_PERCENT ? formatShare(v / 100) : formatStat(v)));
}

/** Value counts of one text column: the count and the share of the non-missing values. */
export function valueCountsExport(p: ProfileView, column: string): ExportedTable {
  const c = p.columns.find((x) => x.name === column);
  const rows = c && c.type === 'string' ? c.top.values.map((v, i): Cell[] => [String(v), c.top.counts[i], c.top.proportions[i]]) : [];
  return bounded(`Value counts of ${column}`, ['value', 'count', 'share'], rows, (v, i) => (i === 2 ? formatShare(v) : formatCount(v)));
}

/** The VIF table; an infinite VIF is Infinity, so the column stays numeric and shows ∞. */
export function vifExport(p: ProfileView): ExportedTable {
  const rows = p.vif ? p.vif.columns.map((column, i): Cell[] => [column, p.vif!.vif[i] ?? Infinity]) : [];
  return bounded('Variance inflation factors', ['column', 'VIF'], rows, (v) => vifText(v));
}

/**
 * The correlation matrix, the first column naming the row. Wider than the
 * picture allows, it keeps the first 39 columns and their rows (square, as
 * shown), and the label says so.
 */
export function correlationExport(p: ProfileView, method: 'pearson' | 'spearman'): ExportedTable | null {
  const m = method === 'pearson' ? p.correlations.pearson : p.correlations.spearman;
  if (!m || m.columns.length === 0) return null;
  const k = Math.min(m.columns.length, PICTURE_LIMITS.columns - 1);
  const names = m.columns.slice(0, k);
  const leftOut = k < m.columns.length ? [`first ${k} of ${formatCount(m.columns.length)} columns`] : [];
  return bounded(
    `${method === 'pearson' ? 'Pearson' : 'Spearman'} correlation matrix`,
    ['', ...names],
    names.map((name, i): Cell[] => [name, ...m.values[i].slice(0, k)]),
    (v) => v.toFixed(2),
    leftOut,
  );
}
