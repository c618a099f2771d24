import { describe, expect, it } from 'vitest';
import { buildProgressView } from '../../../src-renderer/src/lib/grid/buildProgress';

describe('the view-build indicator', () => {
  it('says what is built and how far, floored to whole percent', () => {
    expect(buildProgressView({ done: 400_000, total: 1_000_000, unit: 'rows', message: 'Sorting 1,000,000 rows by video_view_count' })).toEqual({
      text: 'Sorting 1,000,000 rows by video_view_count… 40 %',
      percent: 40,
    });
    expect(buildProgressView({ done: 999_999, total: 1_000_000, unit: 'rows', message: 'Filtering 1,000,000 rows' }).percent).toBe(99);
  });

  it('is indeterminate before the first report or without a total', () => {
    expect(buildProgressView(null)).toEqual({ text: 'Preparing the view…', percent: null });
    expect(buildProgressView({ done: 5, unit: 'rows', message: 'Sorting 7 rows by x' })).toEqual({ text: 'Sorting 7 rows by x…', percent: null });
  });
});
