import { describe, expect, it } from 'vitest';
import { formatBytes, formatCell, formatCount, formatFloat, formatInteger } from '../../src-renderer/src/lib/grid/format';
import { describeProgress } from '../../src-renderer/src/lib/util/progress';

describe('number formatting', () => {
  it('writes integers without decimals or grouping', () => {
    expect(formatInteger(7017666017)).toBe('7017666017');
    expect(formatInteger(-0)).toBe('0');
    expect(formatInteger(3.0000001)).toBe('3');
  });

  it('writes floats compactly', () => {
    expect(formatFloat(0.123456789)).toBe('0.123457');
    expect(formatFloat(1234.5678)).toBe('1234.57');
    expect(formatFloat(12345678.9)).toBe('12345679');
    expect(formatFloat(0.0123)).toBe('0.0123');
    expect(formatFloat(0.5)).toBe('0.5');
    expect(formatFloat(-2.25)).toBe('-2.25');
    expect(formatFloat(0.00001234)).toBe('1.234e-5');
    expect(formatFloat(1.5e20)).toBe('1.5e20');
    expect(formatFloat(0)).toBe('0');
    expect(formatFloat(NaN)).toBe('NaN');
    expect(formatFloat(-Infinity)).toBe('-Inf');
  });

  it('formats cells by value and kind', () => {
    expect(formatCell(null, 'float')).toEqual({ text: 'NA', missing: true, numeric: false });
    expect(formatCell(undefined, 'text').missing).toBe(true);
    expect(formatCell(42, 'integer')).toEqual({ text: '42', missing: false, numeric: true });
    expect(formatCell(2, 'float').text).toBe('2');
    expect(formatCell(1 / 3, 'float').text).toBe('0.333333');
    expect(formatCell(true, 'boolean').text).toBe('true');
    expect(formatCell('claim', 'categorical')).toEqual({ text: 'claim', missing: false, numeric: false });
  });

  it('formats counts and sizes', () => {
    expect(formatCount(19382)).toBe('19,382');
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3_355_443)).toBe('3.20 MB');
  });

  it('describes progress in bytes and rows', () => {
    expect(describeProgress({ done: 512 * 1024, total: 1024 * 1024, unit: 'bytes' })).toEqual({
      percent: 50,
      amount: '512 KB of 1.00 MB',
    });
    expect(describeProgress({ done: 12000, unit: 'rows' })).toEqual({ percent: null, amount: '12,000 rows' });
    expect(describeProgress({ done: 5, total: 0, unit: 'items' }).percent).toBeNull();
  });
});
