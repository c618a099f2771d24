import type { ColumnInfo, ColumnKind } from '../../../../src-main/core/data/columns';

export const MIN_COLUMN_WIDTH = 48;
export const MAX_COLUMN_WIDTH = 800;

const BASE_WIDTH: Record<ColumnKind, number> = {
  integer: 96,
  float: 104,
  boolean: 80,
  categorical: 140,
  text: 280,
  identifier: 130,
  // Room for a nanosecond timestamp, `2024-03-01T12:00:00.123456789Z`.
  datetime: 230,
};

/**
 * A starting width: wide enough for the header (the name with its filter and
 * details buttons; the kind badge and missing share), wider for text.
 */
export function defaultColumnWidth(column: Pick<ColumnInfo, 'name' | 'kind'> & { missing?: number }): number {
  // The widest share label, so a column never needs resizing to read it.
  const missingText = column.missing ? '99.9% missing' : '';
  const forSubline = 36 + 6 + Math.ceil(missingText.length * 6.2) + 18;
  const forHeader = Math.max(Math.ceil(column.name.length * 8.4) + 16 + 40, forSubline);
  return clampWidth(Math.max(BASE_WIDTH[column.kind], Math.min(forHeader, 320)));
}

export function clampWidth(w: number): number {
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, w)));
}

/** Width of the row-number gutter for a row count (room for its digits). */
export function gutterWidth(rowCount: number): number {
  const digits = Math.max(2, String(Math.max(1, rowCount)).length + 1);
  return 16 + digits * 7.5;
}
