import type { ColumnKind } from '../../../../src-main/core/data/columns';

/** A cell value as decoded from an Arrow page; null is missing. */
export type CellValue = string | number | boolean | null;

export interface FormattedCell {
  text: string;
  missing: boolean;
  numeric: boolean;
}

/** Integers as written, with no grouping (they are often codes or years). */
export function formatInteger(v: number): string {
  if (!Number.isFinite(v)) return formatNonFinite(v);
  const r = Math.round(v);
  return Object.is(r, -0) ? '0' : Math.abs(r) < 1e21 ? r.toFixed(0) : String(r);
}

/**
 * Floats in at most `significant` significant digits, trailing zeros trimmed;
 * exponent notation only for very large or very small magnitudes.
 */
export function formatFloat(v: number, significant = 6): string {
  if (!Number.isFinite(v)) return formatNonFinite(v);
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e15 || abs < 1e-4) return trimExponent(v.toExponential(Math.max(0, significant - 3)));
  const intDigits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 0;
  let decimals = Math.max(0, significant - intDigits);
  if (abs < 1) decimals = significant - Math.floor(Math.log10(abs)) - 1; // leading zeros don't count
  const s = trimZeros(v.toFixed(Math.min(decimals, 20)));
  return s === '-0' ? '0' : s;
}

export function formatCell(value: CellValue | undefined, kind: ColumnKind): FormattedCell {
  if (value === null || value === undefined) return { text: 'NA', missing: true, numeric: false };
  if (typeof value === 'number') {
    const text = kind === 'integer' || Number.isInteger(value) ? formatInteger(value) : formatFloat(value);
    return { text, missing: false, numeric: true };
  }
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false', missing: false, numeric: false };
  return { text: value, missing: false, numeric: false };
}

/** 19382 → "19,382" (counts, not data values). */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${units[u]}`;
}

export const KIND_LABELS: Record<ColumnKind, string> = {
  integer: 'int',
  float: 'float',
  boolean: 'bool',
  categorical: 'cat',
  text: 'text',
  identifier: 'id',
  datetime: 'date',
};

function formatNonFinite(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Inf' : '-Inf';
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

function trimExponent(s: string): string {
  const [mant, exp] = s.split('e');
  return `${trimZeros(mant)}e${exp.replace('+', '')}`;
}
