/**
 * Rows whose field count differs from the header's, handled as pandas'
 * `read_csv` (C parser) handles them: a short row is padded with missing
 * values, silently in pandas and with a note here; a long row is an error
 * ("Expected N fields in line L, saw M") unless `on_bad_lines='skip'`
 * drops it. Assay's 'skip' also lists the dropped lines in a note, which is
 * what pandas' 'warn' prints, so nothing is dropped unseen.
 */
import { ApiError, type ApiErrorData } from '../api/errors';

/** What a row with more fields than the header does: `error` fails the import (the default), `skip` drops the row. */
export type OnBadLines = 'error' | 'skip';

/** How many rows had a shape problem, and the physical lines of the first {@link MAX_LISTED_LINES}. */
export interface BadLines {
  count: number;
  lines: number[];
}

/** Enough to find the pattern in an editor; the count says how many more there are. */
export const MAX_LISTED_LINES = 20;

/** Counts rows and keeps the first lines, in constant memory. */
export class LineList {
  private count = 0;
  private readonly lines: number[] = [];

  add(line: number): void {
    if (this.count++ < MAX_LISTED_LINES) this.lines.push(line);
  }

  summary(): BadLines {
    return { count: this.count, lines: this.lines.slice() };
  }
}

// The long-row error is recognised by this phrase, so every host (the import
// view, the CLI) can offer to import again with the rows skipped.
const TOO_MANY_FIELDS = 'the first extra field starts here';

/** The default answer to a long row: an error at the first extra field. */
export function tooManyFieldsError(file: string, line: number, column: number, fields: number, width: number): ApiError {
  return new ApiError(
    'bad-input',
    `${file}, line ${line}, column ${column}: this row has ${fields} fields but the header has ${width}; ${TOO_MANY_FIELDS}. ` +
      'Fix the line, or import again skipping lines with too many fields (pandas on_bad_lines="skip").',
    { file, line, column },
  );
}

/** True for the error of {@link tooManyFieldsError}: importing again with `onBadLines: 'skip'` gets past it. */
export function isTooManyFieldsError(e: unknown): boolean {
  const d = e as Partial<ApiErrorData> | null;
  return !!d && d.code === 'bad-input' && typeof d.message === 'string' && d.message.includes(TOO_MANY_FIELDS) && d.location?.column !== undefined;
}

function lineList(b: BadLines): string {
  const more = b.count - b.lines.length;
  return `line${b.count === 1 ? '' : 's'} ${b.lines.join(', ')}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''}`;
}

/** The dataset note for padded short rows; null when there were none. */
export function shortRowsNote(file: string, b: BadLines): string | null {
  if (b.count === 0) return null;
  const rows = b.count === 1 ? '1 row has' : `${b.count.toLocaleString('en-US')} rows have`;
  return `In ${file}, ${rows} fewer fields than the header (${lineList(b)}); the missing fields were read as missing values, as pandas reads them.`;
}

/** The dataset note for long rows dropped under `onBadLines: 'skip'`; null when there were none. */
export function skippedRowsNote(file: string, b: BadLines): string | null {
  if (b.count === 0) return null;
  const rows = b.count === 1 ? '1 row' : `${b.count.toLocaleString('en-US')} rows`;
  return `${rows} of ${file} had more fields than the header and ${b.count === 1 ? 'was' : 'were'} skipped (${lineList(b)}), as pandas' on_bad_lines="skip" drops them.`;
}
