import type { ColumnInfo } from '../../../../src-main/core/data/columns';
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

export function vifRows(p: ProfileView): VifRow[] {
  if (!p.vif) return [];
  return p.vif.columns.map((column, i) => {
    const v = p.vif!.vif[i];
    return { column, text: v === null ? '∞' : v >= 1e6 ? v.toExponential(2) : v.toFixed(2), high: v === null || v >= HIGH_VIF };
  });
}
