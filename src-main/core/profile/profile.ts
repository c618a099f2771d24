import type { ColumnKind } from '../data/columns';
import type { Frame, FrameColumn } from '../recipe/frame';
import { correlationMatrix, type CorrelationMatrix, type NumericInput } from './correlation';
import { describeCategorical, describeNumeric, isoTextRange, type CategoricalDescription, type NumericDescription } from './describe';
import { duplicatedRows } from './duplicates';
import { factorizeStrings, type Factorized } from './factorize';
import { histogram, type Histogram } from './histogram';
import { integerIdentifierValues } from './integerIdentifier';
import { quartileOrder, sortPresent, type SortedColumn } from './sorting';
import { pandasDescendingOrder, valueCountsOf, type ValueCounts } from './valueCounts';

/**
 * Everything the Explore view (and `assay profile`) shows about a table:
 * pandas' `shape`, `info()`, `describe()`, `isna().sum()`,
 * `duplicated().sum()`, value counts and `corr()` in one pass per statistic.
 */
export interface DatasetProfile {
  rows: number;
  /** [rows, columns], as `df.shape`. */
  shape: [number, number];
  columns: ColumnProfile[];
  /** Σ of the columns' `memoryBytes` (what pandas' `info()` reports). */
  memoryBytes: number;
  /** Σ of the columns' `memoryBytesDeep`. */
  memoryBytesDeep: number;
  /** Missing cells over all columns, and rows with at least one. */
  missing: { cells: number; rows: number };
  /** `duplicated().sum()` over all columns, first occurrence kept. */
  duplicates: { count: number; fraction: number };
  /**
   * Over the numeric columns (the first {@link ProfileOptions.correlationColumns}
   * of them, see `notes`), pairwise complete observations; spearman is null when not asked for.
   */
  correlations: { pearson: CorrelationMatrix; spearman: CorrelationMatrix | null };
  /** What the profile leaves out, and why (a wide table's correlations are bounded). */
  notes: string[];
}

/**
 * Numeric columns the correlation matrices cover by default. The matrices
 * grow with the square of the columns: 1,333 numeric columns make two
 * 1.8-million-cell matrices, tens of MB of JSON that no one reads as a table.
 */
export const MAX_CORRELATION_COLUMNS = 100;

/** Values of a categorical column the profile lists in full (a checklist longer than this is unreadable). */
export const MAX_LISTED_VALUES = 200;

export interface ColumnProfileBase {
  name: string;
  /** The column's kind as imported (or as a recipe step left it); null when unknown. */
  kind: ColumnKind | null;
  /**
   * The dtype pandas would give it: `int64` (integers without missing values),
   * `float64` (floats, or integers with missing values), `bool`, or `object`
   * (text, and booleans with missing values).
   */
  dtype: 'int64' | 'float64' | 'bool' | 'object';
  /** Non-missing values (`info()`'s non-null count). */
  count: number;
  /** `isna().sum()`. */
  missing: number;
  missingFraction: number;
  /**
   * Memory estimate as pandas' `info()` counts it: 8 bytes a row (a float64,
   * or an object column's pointer).
   */
  memoryBytes: number;
  /**
   * With the text itself: `memoryBytes` plus, once per distinct string,
   * 16 bytes of header and 1 byte per character (2 when any character is
   * beyond Latin-1), as V8 stores strings. Numeric columns: equal to memoryBytes.
   */
  memoryBytesDeep: number;
}

export interface NumericColumnProfile extends ColumnProfileBase {
  type: 'number';
  describe: NumericDescription;
  /** Equal-width bins between min and max (np.histogram). */
  histogram: Histogram;
}

export interface CategoricalColumnProfile extends ColumnProfileBase {
  type: 'string';
  describe: CategoricalDescription;
  /** The most frequent values (value_counts order), at most `topValues` of them. */
  top: ValueCounts<string>;
  /**
   * pandas' numeric `describe()` of an identifier whose values are all
   * integers (`#`, `video_id`): pandas reads those as int64 (float64 with a
   * missing value) and describes them as numbers; `dtype` says so too.
   */
  describeNumeric?: NumericDescription;
  /**
   * Categorical columns only: `value_counts()`, the first
   * {@link MAX_LISTED_VALUES} values, which the grid's category filter lists
   * as a checklist (`top` keeps only the few a summary shows).
   */
  valueCounts?: ValueCounts<string>;
}

export type ColumnProfile = NumericColumnProfile | CategoricalColumnProfile;

export interface ProfileOptions {
  /** Histogram bins for numeric columns (default 20). */
  bins?: number;
  /** Categories kept per text column (default 10). */
  topValues?: number;
  /** Compute the Spearman matrix too (default true). */
  spearman?: boolean;
  /** Numeric columns the correlation matrices cover, the first ones in table order (default {@link MAX_CORRELATION_COLUMNS}). */
  correlationColumns?: number;
}

function dtypeOf(c: FrameColumn, missing: number): ColumnProfileBase['dtype'] {
  if (c.type === 'string') return 'object';
  if (c.kind === 'boolean') return missing > 0 ? 'object' : 'bool';
  if (c.kind === 'integer') return missing > 0 ? 'float64' : 'int64';
  return 'float64';
}

const BEYOND_LATIN1 = /[\u0100-\uffff]/;

function textBytes(uniques: readonly string[]): number {
  let bytes = 0;
  for (const s of uniques) bytes += 16 + (BEYOND_LATIN1.test(s) ? 2 : 1) * s.length;
  return bytes;
}

export function profileFrame(frame: Frame, options: ProfileOptions = {}): DatasetProfile {
  const bins = options.bins ?? 20;
  const topValues = options.topValues ?? 10;
  const rows = frame.rows;
  const factorized = new Map<string, Factorized>();
  const numeric: NumericInput[] = [];
  const scratch = new Float64Array(rows);
  const spearman = options.spearman !== false;
  let distinctKey = false;
  const columns: ColumnProfile[] = frame.names.map((name) => {
    const c = frame.columns.get(name)!;
    const shallow = 8 * rows;
    if (c.type === 'number') {
      // Spearman ranks need the full sort; without them the quartiles need only a selection.
      const partial = spearman ? null : quartileOrder(c.values);
      const sorted: SortedColumn | null = partial ? null : sortPresent(c.values);
      const describe = describeNumeric(c.values, sorted ?? { sorted: partial! }, scratch);
      numeric.push({ name, values: c.values, sorted: sorted ?? undefined });
      const missing = rows - describe.count;
      if (sorted && missing === 0 && !distinctKey) distinctKey = allDistinct(sorted.sorted);
      return {
        name,
        type: 'number',
        kind: c.kind ?? null,
        dtype: dtypeOf(c, missing),
        count: describe.count,
        missing,
        missingFraction: rows > 0 ? missing / rows : 0,
        memoryBytes: shallow,
        memoryBytesDeep: shallow,
        describe,
        histogram: histogram(c.values, describe.min, describe.max, bins),
      };
    }
    const f = factorizeStrings(c.values);
    factorized.set(name, f);
    const order = pandasDescendingOrder(f.counts);
    const integers = c.kind === 'identifier' ? integerIdentifierValues(f) : null;
    return {
      name,
      type: 'string',
      kind: c.kind ?? null,
      dtype: integers ? (f.missing > 0 ? 'float64' : 'int64') : 'object',
      count: rows - f.missing,
      missing: f.missing,
      missingFraction: rows > 0 ? f.missing / rows : 0,
      memoryBytes: shallow,
      memoryBytesDeep: shallow + textBytes(f.uniques),
      describe: c.kind === 'datetime' ? { ...describeCategorical(f, order), ...isoTextRange(f.uniques) } : describeCategorical(f, order),
      top: valueCountsOf(f, topValues, order),
      ...(integers ? { describeNumeric: describeNumeric(integers, sortPresent(integers), scratch) } : {}),
      ...(c.kind === 'categorical' ? { valueCounts: valueCountsOf(f, MAX_LISTED_VALUES, order) } : {}),
    };
  });
  const dup = duplicatedRows(frame, { factorized, distinctKey });
  const notes: string[] = [];
  const correlationColumns = options.correlationColumns ?? MAX_CORRELATION_COLUMNS;
  const correlated = numeric.slice(0, correlationColumns);
  if (numeric.length > correlated.length) {
    notes.push(
      `Correlations cover the first ${correlated.length.toLocaleString('en-US')} of the ${numeric.length.toLocaleString('en-US')} numeric columns ` +
        `(${correlated[0].name} to ${correlated[correlated.length - 1].name}): a matrix of all of them would be too large to show.`,
    );
  }
  return {
    rows,
    shape: [rows, frame.names.length],
    columns,
    memoryBytes: columns.reduce((s, c) => s + c.memoryBytes, 0),
    memoryBytesDeep: columns.reduce((s, c) => s + c.memoryBytesDeep, 0),
    missing: { cells: columns.reduce((s, c) => s + c.missing, 0), rows: rowsWithMissing(frame) },
    duplicates: { count: dup.count, fraction: rows > 0 ? dup.count / rows : 0 },
    correlations: {
      pearson: correlationMatrix(correlated, 'pearson'),
      spearman: spearman ? correlationMatrix(correlated, 'spearman') : null,
    },
    notes,
  };
}

function allDistinct(sorted: Float64Array): boolean {
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return false;
  return true;
}

function rowsWithMissing(frame: Frame): number {
  const any = new Uint8Array(frame.rows);
  for (const c of frame.columns.values()) {
    if (c.type === 'number') {
      const v = c.values;
      for (let i = 0; i < v.length; i++) if (v[i] !== v[i]) any[i] = 1;
    } else {
      const v = c.values;
      for (let i = 0; i < v.length; i++) if (v[i] === null) any[i] = 1;
    }
  }
  let n = 0;
  for (let i = 0; i < any.length; i++) n += any[i];
  return n;
}
