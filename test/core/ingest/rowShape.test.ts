/** The parser's handling of rows whose field count differs from the header's (pandas' read_csv semantics). */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { DelimitedParser, type ParseSummary, type RowBatch } from '../../../src-main/core/ingest/delimitedParser';
import { isTooManyFieldsError, type OnBadLines, shortRowsNote, skippedRowsNote } from '../../../src-main/core/ingest/rowShape';

function parse(csv: string, onBadLines?: OnBadLines): { summary: ParseSummary; batches: RowBatch[] } {
  const bytes = new TextEncoder().encode(csv);
  const batches: RowBatch[] = [];
  const parser = new DelimitedParser({ encoding: 'utf-8', skip: 0, file: 'f.csv', total: bytes.length, onBadLines, onBatch: (b) => batches.push(b) });
  parser.push(bytes);
  return { summary: parser.end(), batches };
}

describe('rows that do not fit the header', () => {
  it('pads a short row with missing cells and records its line', () => {
    const { summary, batches } = parse('a,b,c\n1,2,3\n4\n5,6,7\n');
    expect(summary.rows).toBe(3);
    expect(Array.from(batches[0].tags.slice(3, 6))).toEqual([1, 0, 0]);
    expect(summary.shortRows).toEqual({ count: 1, lines: [3] });
    expect(summary.skippedRows).toEqual({ count: 0, lines: [] });
  });

  it('refuses a long row by default, at its first extra field', () => {
    let err: unknown;
    try {
      parse('a,b\n1,2\n3,4,5\n');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).location).toEqual({ file: 'f.csv', line: 3, column: 5 });
    expect(isTooManyFieldsError(err)).toBe(true);
  });

  it("drops long rows under 'skip', counting them beyond the 20 lines it lists", () => {
    const lines = ['a,b'];
    for (let i = 0; i < 25; i++) lines.push('1,2', '1,2,3');
    const { summary } = parse(lines.join('\n'), 'skip');
    expect(summary.rows).toBe(25);
    expect(summary.skippedRows.count).toBe(25);
    expect(summary.skippedRows.lines).toEqual(Array.from({ length: 20 }, (_, i) => 3 + 2 * i));
  });

  it('tells the long-row error from other import errors', () => {
    expect(isTooManyFieldsError(new ApiError('bad-input', 'f.csv, line 3: unterminated quote', { file: 'f.csv', line: 3, column: 1 }))).toBe(false);
    expect(isTooManyFieldsError(new Error('the first extra field starts here'))).toBe(false);
    expect(isTooManyFieldsError(null)).toBe(false);
  });

  it('writes no note when every row fits', () => {
    expect(shortRowsNote('f.csv', { count: 0, lines: [] })).toBeNull();
    expect(skippedRowsNote('f.csv', { count: 0, lines: [] })).toBeNull();
    expect(skippedRowsNote('f.csv', { count: 1234, lines: [2] })).toBe(
      '1,234 rows of f.csv had more fields than the header and were skipped (lines 2 and 1,233 more), as pandas\' on_bad_lines="skip" drops them.',
    );
  });
});
