import { ApiError, type SourceLocation } from '../api/errors';

/**
 * Columns one dataset can hold. A dataset is one SQLite table, and SQLite
 * allows 2,000 columns in a table and in a result set (SQLITE_MAX_COLUMN,
 * which better-sqlite3 keeps at its default); a sorted or filtered page reads
 * the row number beside every column, so one column is left for it.
 */
export const MAX_DATASET_COLUMNS = 1999;

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The refusal for a source with more columns than {@link MAX_DATASET_COLUMNS}; checked before anything is written. */
export function tooManyColumnsError(file: string, columns: number, location: SourceLocation = { file }): ApiError {
  return new ApiError(
    'bad-input',
    `${file} has ${thousands(columns)} columns; Assay can store at most ${thousands(MAX_DATASET_COLUMNS)} per dataset. Select fewer columns in the source or split the file.`,
    location,
  );
}
