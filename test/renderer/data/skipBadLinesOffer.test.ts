/** The import view offers "import again, skipping lines with too many fields" only where that helps. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { tooManyFieldsError } from '../../../src-main/core/ingest/rowShape';
import { skipBadLinesOffer } from '../../../src-renderer/src/lib/data/skipBadLinesOffer';

const file = new File(['a,b\n1,2,3\n'], 'broken.csv');

describe('skipBadLinesOffer', () => {
  it('offers the retry after a long-row error, as it arrives over the API (plain data)', () => {
    const wire = ApiError.from(JSON.parse(JSON.stringify(tooManyFieldsError('broken.csv', 2, 5, 3, 2))));
    expect(skipBadLinesOffer(wire, file, 'error')).toEqual({ file, fileName: 'broken.csv' });
  });

  it('does not offer it for other errors, nor after an import that already skipped', () => {
    expect(skipBadLinesOffer(new ApiError('bad-input', 'broken.csv has a header but no data rows.', { file: 'broken.csv', line: 2 }), file, 'error')).toBeNull();
    expect(skipBadLinesOffer(tooManyFieldsError('broken.csv', 2, 5, 3, 2), file, 'skip')).toBeNull();
  });
});
