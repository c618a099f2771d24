import { describe, expect, it } from 'vitest';
import { tooManyFieldsError } from '../../../src-main/core/ingest/rowShape';
import { importSourceName } from '../../../src-renderer/src/lib/data/importSource';
import { skipBadLinesOffer } from '../../../src-renderer/src/lib/data/skipBadLinesOffer';

describe('a file to import', () => {
  it('is named by its file name, without folders, whether the page holds it or the desktop dialog picked its path', () => {
    expect(importSourceName(new File(['a,b\n'], 'claims.csv'))).toBe('claims.csv');
    expect(importSourceName({ path: '/home/a/data/claims.csv' })).toBe('claims.csv');
    expect(importSourceName({ path: 'C:\\Users\\a\\Data\\Q3 claims.tsv' })).toBe('Q3 claims.tsv');
  });

  it('picked by path is offered again without its long rows, by the same path', () => {
    const picked = { path: '/home/a/data/broken.csv' };
    expect(skipBadLinesOffer(tooManyFieldsError('broken.csv', 2, 5, 3, 2), picked, 'error')).toEqual({ file: picked, fileName: 'broken.csv' });
  });
});
