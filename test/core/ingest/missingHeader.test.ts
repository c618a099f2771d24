import { describe, expect, it } from 'vitest';
import { dedupeHeader } from '../../../src-main/core/ingest/header';
import { isMissing, PANDAS_NA_VALUES } from '../../../src-main/core/ingest/missing';

describe('PANDAS_NA_VALUES', () => {
  it('is exactly pandas 2.x STR_NA_VALUES', () => {
    expect([...PANDAS_NA_VALUES].sort()).toEqual(
      [
        '', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN',
        '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null',
      ].sort(),
    );
  });

  it('matches exactly, without trimming or case folding', () => {
    expect(isMissing('')).toBe(true);
    expect(isMissing('NA')).toBe(true);
    expect(isMissing('#N/A N/A')).toBe(true);
    expect(isMissing(' NA')).toBe(false);
    expect(isMissing('na')).toBe(false);
    expect(isMissing('Nan')).toBe(false);
    expect(isMissing('NONE')).toBe(false);
    expect(isMissing('a long value that is not missing')).toBe(false);
  });
});

describe('dedupeHeader', () => {
  it('names blank headers by position', () => {
    expect(dedupeHeader(['', 'b', ''])).toEqual(['Unnamed: 0', 'b', 'Unnamed: 2']);
  });

  it('numbers duplicates, skipping names taken anywhere in the header', () => {
    expect(dedupeHeader(['a', 'a', 'a'])).toEqual(['a', 'a.1', 'a.2']);
    expect(dedupeHeader(['a', 'a', 'a.1'])).toEqual(['a', 'a.2', 'a.1']);
    expect(dedupeHeader(['a', 'a', 'a.1', 'a.2', 'a'])).toEqual(['a', 'a.3', 'a.1', 'a.2', 'a.4']);
    expect(dedupeHeader(['a', 'a', 'a', 'a.1', 'a.1'])).toEqual(['a', 'a.2', 'a.3', 'a.1', 'a.1.1']);
    expect(dedupeHeader(['b', 'a.1', 'a', 'a'])).toEqual(['b', 'a.1', 'a', 'a.2']);
  });

  it('de-duplicates given names before unnamed ones', () => {
    expect(dedupeHeader(['', 'Unnamed: 0'])).toEqual(['Unnamed: 0.1', 'Unnamed: 0']);
    expect(dedupeHeader(['', 'b', '', 'Unnamed: 1'])).toEqual(['Unnamed: 0', 'b', 'Unnamed: 2', 'Unnamed: 1']);
  });

  it('does not modify its argument', () => {
    const raw = ['x', 'x'];
    dedupeHeader(raw);
    expect(raw).toEqual(['x', 'x']);
  });
});
