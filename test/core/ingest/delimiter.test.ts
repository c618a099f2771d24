import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from '../../../src-main/core/ingest/delimiter';

describe('sniffDelimiter', () => {
  it('picks the consistently present delimiter', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n4,5,6\n')).toBe(',');
    expect(sniffDelimiter('a\tb\tc\n1\t2,5\t3\n4\t5\t6\n')).toBe('\t');
    expect(sniffDelimiter('a;b;c\n1,5;2;3\n4;5,25;6\n')).toBe(';');
    expect(sniffDelimiter('a|b\n1|2\n')).toBe('|');
  });

  it('ignores delimiters inside quotes, including quoted newlines', () => {
    expect(sniffDelimiter('name;note\n"a,b,c";x\n"d,\ne";y\nf;g\n')).toBe(';');
  });

  it('breaks ties in the order , tab ; |', () => {
    expect(sniffDelimiter('a,b;c\n1,2;3\n')).toBe(',');
    expect(sniffDelimiter('a\tb;c\n1\t2;3\n')).toBe('\t');
  });

  it('uses only complete lines when there are some, and copes with a header-only sample', () => {
    expect(sniffDelimiter('a;b;c\n1;2;3\n4,5,6,7,8')).toBe(';');
    expect(sniffDelimiter('a\tb')).toBe('\t');
  });

  it('prefers tab for .tsv and .tab files', () => {
    expect(sniffDelimiter('a,b\tc\n1,2\t3\n', 'data.tsv')).toBe('\t');
    expect(sniffDelimiter('a,b\tc\n1,2\t3\n', 'DATA.TAB')).toBe('\t');
    expect(sniffDelimiter('a,b\tc\n1,2\t3\n', 'data.csv')).toBe(',');
  });

  it('defaults to comma', () => {
    expect(sniffDelimiter('')).toBe(',');
    expect(sniffDelimiter('single\ncolumn\n')).toBe(',');
  });
});
