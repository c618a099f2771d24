import type { CorrelationMatrix } from './correlation';
import type { CategoricalColumnProfile, DatasetProfile, NumericColumnProfile } from './profile';
import type { VifResult } from './vif';

/**
 * The profile as it crosses the API: plain arrays and JSON-safe numbers, so
 * both hosts (JSON over a WebSocket, structured clone over IPC) deliver the
 * same thing. A statistic that is undefined (NaN, ±∞) arrives as null.
 */
export type Num = number | null;

type Nullable<T> = { [K in keyof T]: T[K] extends number ? Num : T[K] };

export interface MatrixView {
  columns: string[];
  /** Row-major, columns × columns. */
  values: Num[][];
}

export interface NumericColumnView extends Omit<NumericColumnProfile, 'describe'> {
  describe: Nullable<NumericColumnProfile['describe']>;
}
export interface CategoricalColumnView extends Omit<CategoricalColumnProfile, 'describe' | 'describeNumeric'> {
  describe: Nullable<CategoricalColumnProfile['describe']>;
  describeNumeric?: Nullable<NonNullable<CategoricalColumnProfile['describeNumeric']>>;
}
export type ColumnProfileView = NumericColumnView | CategoricalColumnView;

export interface ProfileView extends Omit<DatasetProfile, 'columns' | 'correlations'> {
  columns: ColumnProfileView[];
  correlations: { pearson: MatrixView; spearman: MatrixView | null };
  /** Variance inflation of each numeric column against the others (statsmodels, with a constant); null when it cannot be computed. */
  vif: { columns: string[]; rows: number; vif: Num[] } | null;
}

export function finiteOrNull(x: number): Num {
  return Number.isFinite(x) ? x : null;
}

function matrixView(m: CorrelationMatrix): MatrixView {
  const k = m.columns.length;
  return {
    columns: [...m.columns],
    values: Array.from({ length: k }, (_, a) => Array.from(m.matrix.subarray(a * k, (a + 1) * k), finiteOrNull)),
  };
}

function nullable<T extends object>(o: T): Nullable<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = typeof v === 'number' ? finiteOrNull(v) : v;
  return out as Nullable<T>;
}

export function profileView(p: DatasetProfile, vif: VifResult | null): ProfileView {
  return {
    ...p,
    columns: p.columns.map((c): ColumnProfileView => {
      if (c.type === 'number') return { ...c, describe: nullable(c.describe) };
      const { describeNumeric, ...rest } = c;
      return describeNumeric ? { ...rest, describe: nullable(c.describe), describeNumeric: nullable(describeNumeric) } : { ...rest, describe: nullable(c.describe) };
    }),
    correlations: { pearson: matrixView(p.correlations.pearson), spearman: p.correlations.spearman ? matrixView(p.correlations.spearman) : null },
    vif: vif ? { columns: vif.columns, rows: vif.rows, vif: vif.vif.map(finiteOrNull) } : null,
  };
}
