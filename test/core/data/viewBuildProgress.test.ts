import { describe, expect, it } from 'vitest';
import { viewBuildProgress } from '../../../src-main/core/data/viewBuildProgress';

const columns = [
  { index: 0, name: 'id' },
  { index: 3, name: 'video_view_count' },
];
const sorted = { sort: { column: 3, descending: true }, filters: [] };

describe('a view build as the grid reports it', () => {
  it('names what is built and the phase, with a count where SQLite gives one', () => {
    expect(viewBuildProgress({ phase: 'reading', done: 400_000, total: 1_000_000 }, sorted, columns, 1_000_000)).toEqual({
      done: 400_000,
      total: 1_000_000,
      unit: 'rows',
      message: 'Sorting 1,000,000 rows by video_view_count: reading rows',
    });
    // SQLite's sorter reports nothing: no total, so the grid shows an indeterminate bar.
    expect(viewBuildProgress({ phase: 'ordering', done: 0, total: 1_000_000 }, sorted, columns, 1_000_000)).toEqual({
      done: 0,
      unit: 'rows',
      message: 'Sorting 1,000,000 rows by video_view_count: ordering them',
    });
    expect(viewBuildProgress({ phase: 'writing', done: 300, total: 600 }, sorted, columns, 1_000_000)).toMatchObject({
      done: 300,
      total: 600,
      message: 'Sorting 1,000,000 rows by video_view_count: writing the view',
    });
  });

  it('filters are named as such, alone or with a sort', () => {
    const filter = { column: 0, op: 'present' as const };
    expect(viewBuildProgress({ phase: 'reading', done: 250, total: 1000 }, { sort: null, filters: [filter] }, columns, 1000).message).toBe(
      'Filtering 1,000 rows: reading rows',
    );
    expect(viewBuildProgress({ phase: 'reading', done: 0, total: 1000 }, { sort: { column: 0, descending: false }, filters: [filter] }, columns, 1000).message).toBe(
      'Filtering and sorting 1,000 rows by id: reading rows',
    );
  });

  it('never reports more done than the total', () => {
    expect(viewBuildProgress({ phase: 'reading', done: 12, total: 10 }, sorted, columns, 10).done).toBe(10);
  });
});
