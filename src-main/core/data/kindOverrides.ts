import type { ColumnInfo, ColumnKind } from './columns';

/**
 * Kind overrides that are refused whatever the values: a date/time column
 * has no numeric or boolean reading (its ISO text would become NaN), and no
 * other column may become one, since Assay does not parse dates from text.
 * The store checks the values for the remaining overrides; the kind menu
 * uses this to disable these choices with the same reason.
 */
export function kindOverrideRefusal(column: Pick<ColumnInfo, 'name' | 'inferredKind'>, kind: ColumnKind): string | null {
  if (column.inferredKind === 'datetime') {
    if (kind === 'integer' || kind === 'float' || kind === 'boolean') {
      return `Column "${column.name}" holds dates and times, which cannot be ${kind}; it can be text, categorical or an identifier.`;
    }
    return null;
  }
  if (kind === 'datetime') {
    return `Column "${column.name}" cannot be datetime: Assay reads dates and times only from Arrow timestamp and date columns, not from ${column.inferredKind} values.`;
  }
  return null;
}
