import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { CsvTokenizer } from '../../../src-main/core/ingest/csvTokenizer';

interface Row {
  line: number;
  fields: string[];
  columns: number[];
}

function tokenize(chunks: string[], delimiter = ','): Row[] {
  const t = new CsvTokenizer({ delimiter, file: 'data.csv' });
  const rows: Row[] = [];
  const onRow = (fields: string[], line: number): void => {
    rows.push({ line, fields: fields.slice(), columns: fields.map((_, i) => t.fieldColumn(i)) });
  };
  for (const c of chunks) t.push(c, onRow);
  t.end(onRow);
  return rows;
}

const fieldsOf = (rows: Row[]): string[][] => rows.map((r) => r.fields);

const TRICKY =
  'id,"name, full",note\r\n' +
  '1,"Smith, J","He said ""hi"""\r\n' +
  '2,"multi\r\nline\nfield\rend",plain\n' +
  '\n' +
  '3,x"y,"""quoted"""\r' +
  '\r\n' +
  '   \n' +
  '4,"a"tail,""\n' +
  '  5 ,,\n' +
  '6,é€😀,last';

describe('CsvTokenizer', () => {
  it('parses quotes, doubled quotes, embedded newlines and all line ends', () => {
    const rows = tokenize([TRICKY]);
    expect(fieldsOf(rows)).toEqual([
      ['id', 'name, full', 'note'],
      ['1', 'Smith, J', 'He said "hi"'],
      ['2', 'multi\r\nline\nfield\rend', 'plain'],
      ['3', 'x"y', '"quoted"'],
      ['4', 'atail', ''],
      ['  5 ', '', ''],
      ['6', 'é€😀', 'last'],
    ]);
  });

  it('numbers records by the physical line they start on, after multi-line fields and blank lines', () => {
    const rows = tokenize([TRICKY]);
    // line 3 holds a field spanning lines 3-6 (CRLF, LF, CR inside), line 7 is blank,
    // line 9 is CR+CRLF (one blank line), line 10 is whitespace only.
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 8, 11, 12, 13]);
    expect(rows[3].columns).toEqual([1, 3, 7]);
    expect(rows[1].columns).toEqual([1, 3, 14]);
  });

  it('gives identical results however the text is split', () => {
    const whole = tokenize([TRICKY]);
    for (let i = 0; i <= TRICKY.length; i++) {
      expect(tokenize([TRICKY.slice(0, i), TRICKY.slice(i)]), `split at ${i}`).toEqual(whole);
    }
    // Every pair of split points, including empty chunks.
    const doc = TRICKY.slice(0, 90);
    const wholeDoc = tokenize([doc]);
    for (let i = 0; i <= doc.length; i++) {
      for (let j = i; j <= doc.length; j++) {
        expect(tokenize([doc.slice(0, i), doc.slice(i, j), '', doc.slice(j)])).toEqual(wholeDoc);
      }
    }
    // One character at a time.
    expect(tokenize([...TRICKY])).toEqual(whole);
  });

  it('skips empty and whitespace-only lines like pandas, but keeps delimiter-only lines', () => {
    expect(fieldsOf(tokenize(['a,b\n\n \t \n,\n1,2\n\n']))).toEqual([['a', 'b'], ['', ''], ['1', '2']]);
    // With a tab delimiter a tab-only line is a record of empty fields.
    expect(fieldsOf(tokenize(['a\tb\n\t\n  \n1\t2'], '\t'))).toEqual([['a', 'b'], ['', ''], ['1', '2']]);
    // Leading whitespace before data stays in the field.
    expect(fieldsOf(tokenize(['a\n  "q"\n']))).toEqual([['a'], ['  "q"']]);
  });

  it('flushes a last line without a line break, including a trailing delimiter', () => {
    expect(fieldsOf(tokenize(['a,b\n1,']))).toEqual([['a', 'b'], ['1', '']]);
    expect(fieldsOf(tokenize(['a,b\n1,"x"']))).toEqual([['a', 'b'], ['1', 'x']]);
    expect(fieldsOf(tokenize(['a,b\r']))).toEqual([['a', 'b']]);
    expect(fieldsOf(tokenize(['']))).toEqual([]);
  });

  it('reports the start column of each field for ragged-row messages', () => {
    const rows = tokenize(['a,b\nxx,"y,y",zzz\n']);
    expect(rows[1].columns).toEqual([1, 4, 10]);
  });

  it('rejects an unterminated quote, naming the line and column where it opened', () => {
    const t = new CsvTokenizer({ delimiter: ',', file: 'bad.csv' });
    t.push('a,b\n1,2\n3,"never\nclosed\n', () => {});
    let err: unknown;
    try {
      t.end(() => {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    const apiErr = err as ApiError;
    expect(apiErr.code).toBe('bad-input');
    expect(apiErr.location).toEqual({ file: 'bad.csv', line: 3, column: 3 });
    expect(apiErr.message).toContain('bad.csv, line 3, column 3');
    expect(apiErr.message).toMatch(/unterminated quoted field/i);
  });

  it('works with other delimiters', () => {
    expect(fieldsOf(tokenize(['a;b\n"x;y";2\n'], ';'))).toEqual([['a', 'b'], ['x;y', '2']]);
    expect(fieldsOf(tokenize(['a|b\n1|2'], '|'))).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reuses the fields array only when documented: each row is complete when handed over', () => {
    const seen: string[] = [];
    const t = new CsvTokenizer({ delimiter: ',', file: 'f.csv' });
    t.push('a,b,c\n1,2\n', (f) => seen.push(f.join('|')));
    t.end(() => {});
    expect(seen).toEqual(['a|b|c', '1|2']);
  });
});
