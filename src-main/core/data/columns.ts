/**
 * What a column holds, as inferred at import and overridable by the user.
 * `datetime` columns come from Arrow `timestamp`/`date` columns and are stored
 * as ISO 8601 text (`2024-03-01T12:00:00.000Z`, `2024-03-01`), which SQLite
 * sorts in time order.
 */
export const COLUMN_KINDS = ['integer', 'float', 'boolean', 'categorical', 'text', 'identifier', 'datetime'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export interface ColumnInfo {
  /** Position in the source file, 0-based. */
  index: number;
  /** Header after pandas-style de-duplication (`x`, `x.1`; blank → `Unnamed: N`). */
  name: string;
  kind: ColumnKind;
  /** What inference chose; `kind` differs from it only after a user override. */
  inferredKind: ColumnKind;
  /** Non-missing values. */
  count: number;
  missing: number;
  /** Distinct non-missing values, or null when past the tracking cap. */
  distinct: number | null;
}

export interface DatasetInfo {
  id: number;
  name: string;
  /** File name the data came from. */
  sourceName: string;
  rows: number;
  columns: ColumnInfo[];
  importedAt: string;
  /** Format details and anything the analyst should know about how the file was read. */
  format: { kind: 'delimited' | 'arrow'; encoding?: string; delimiter?: string };
  notes: string[];
  /** SHA-256 of the source file's bytes, for recipes. */
  contentHash: string;
}
