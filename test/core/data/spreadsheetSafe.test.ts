import { describe, expect, it } from 'vitest';
import { csvField, isFormulaLike, neutralise, toCsv, toTsv, tsvField } from '../../../src-main/core/data/spreadsheetSafe';

describe('the spreadsheet-safe rule', () => {
  it.each([
    ['=', '=HYPERLINK("http://x","y")'],
    ['+', '+1+cmd|" /C calc"!A0'],
    ['-', '-2+3'],
    ['@', '@SUM(A1:A2)'],
    ['a tab', '\t=1+1'],
    ['a carriage return', '\r=1+1'],
  ])('prefixes a text cell that starts with %s', (_, text) => {
    expect(isFormulaLike(text)).toBe(true);
    expect(neutralise(text)).toBe(`'${text}`);
  });

  it('leaves other text alone, also with a trigger character later on or a dash that is not a minus', () => {
    for (const text of ['rf', 'a=b', 'max_depth=5', '— none', ' =1', "'=1", '', 'C-1', '0.5 ± -0.1']) {
      expect(neutralise(text)).toBe(text);
    }
  });

  it('writes finite numbers as numbers, negative and tiny ones untouched in both formats', () => {
    for (const field of [tsvField, csvField]) {
      expect(field(-0.25)).toBe('-0.25');
      expect(field(-1e-7)).toBe('-1e-7');
      expect(field(0.1 + 0.2)).toBe('0.30000000000000004');
      expect(field(-0)).toBe('0');
      expect(field(null)).toBe('');
    }
  });

  it('writes a non-finite number as its name, which no spreadsheet reads as a number: text, under the text rule', () => {
    for (const field of [tsvField, csvField]) {
      // "-Infinity" starts with '-': a spreadsheet would take it for a formula.
      expect(field(-Infinity)).toBe("'-Infinity");
      expect(field(Infinity)).toBe('Infinity');
      expect(field(NaN)).toBe('NaN');
    }
    expect(toTsv(['low', 'high'], [[-Infinity, Infinity]])).toBe("low\thigh\n'-Infinity\tInfinity\n");
    expect(toCsv(['low'], [[-Infinity], [NaN]])).toBe("low\n'-Infinity\nNaN\n");
  });

  it('leaves text that is a plain decimal number alone: no spreadsheet reads it as a formula', () => {
    for (const text of ['-1', '+15551234', '-1e5', '-0.25', '+.5', '-7.', '1E-3', '-0', '0012345']) {
      expect(isFormulaLike(text), text).toBe(false);
      expect(tsvField(text)).toBe(text);
      expect(csvField(text)).toBe(text);
    }
    expect(toCsv(['class'], [['-1'], ['+1']])).toBe('class\n-1\n+1\n');
  });

  it('prefixes text that only starts like a number, and the names of non-finite numbers', () => {
    for (const text of ['-1+2', '=1', '-Infinity', '@x', '-', '+', '-1e', '--1', '-1 ', '-1;', '-0x1F', '-1,5', '+1e5+1', '-.']) {
      expect(isFormulaLike(text), text).toBe(true);
      expect(tsvField(text)).toBe(`'${text}`);
    }
  });

  it('TSV: neutralises before flattening, so a leading tab still counts', () => {
    expect(tsvField('\t=1+1')).toBe("' =1+1");
    expect(tsvField('\r\n@x')).toBe("' @x");
    expect(toTsv(['=h', 'n'], [['+x', -3], ['ok', null]])).toBe("'=h\tn\n'+x\t-3\nok\t\n");
  });

  it('CSV: quotes as RFC 4180 (comma, quote, line break) after neutralising', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('plain')).toBe('plain');
    expect(toCsv(['param_C', 'mean'], [['-x', -0.5], [null, 1]])).toBe("param_C,mean\n'-x,-0.5\n,1\n");
  });
});
