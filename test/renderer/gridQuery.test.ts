import { describe, expect, it } from 'vitest';
import {
  cycleSort,
  filterInputs,
  parseInFilter,
  parseRangeFilter,
  parseRowNumber,
  sortStateOf,
  withFilter,
  withoutFilter,
} from '../../src-renderer/src/lib/grid/gridQuery';
import { ALL_ROWS } from '../../src-main/core/data/query';

describe('grid query helpers', () => {
  it('cycles a column through ascending, descending and no sort', () => {
    const a = cycleSort(ALL_ROWS, 3);
    expect(sortStateOf(a, 3)).toBe('ascending');
    const d = cycleSort(a, 3);
    expect(sortStateOf(d, 3)).toBe('descending');
    expect(sortStateOf(cycleSort(d, 3), 3)).toBe('none');
    expect(sortStateOf(cycleSort(d, 5), 5)).toBe('ascending');
  });

  it('keeps one filter per column', () => {
    const q = withFilter(withFilter(ALL_ROWS, { column: 1, op: 'missing' }), { column: 1, op: 'present' });
    expect(q.filters).toEqual([{ column: 1, op: 'present' }]);
    expect(withoutFilter(q, 1).filters).toEqual([]);
  });

  it('parses range, category and row inputs with reasons', () => {
    expect(parseRangeFilter(2, '1,000', '')).toEqual({ ok: true, value: { column: 2, op: 'range', min: 1000 } });
    expect(parseRangeFilter(2, '9', '3')).toEqual({ ok: false, error: 'Min must not be greater than max' });
    expect(parseRangeFilter(2, 'abc', '')).toEqual({ ok: false, error: 'Min: "abc" is not a number' });
    expect(parseInFilter(1, 'claim, NA, claim')).toEqual({ ok: true, value: { column: 1, op: 'in', values: ['claim'], includeMissing: true } });
    expect(filterInputs({ column: 1, op: 'in', values: ['a', 'b'], includeMissing: true }).text).toBe('a, b, NA');
    expect(parseRowNumber('19,000', 19382)).toEqual({ ok: true, value: 19000 });
    expect(parseRowNumber('20000', 19382)).toEqual({ ok: false, error: 'There are only 19,382 rows' });
  });
});
