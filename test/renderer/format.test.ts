import { describe, expect, it } from 'vitest';
import type { CategoricalColumnView } from '../../src-main/core/profile/profileView';
import { describeFigures } from '../../src-renderer/src/lib/grid/columnDetail';
import { defaultColumnWidth } from '../../src-renderer/src/lib/grid/columnWidths';
import { formatBytes, formatCell, formatCount, formatFloat, formatInteger, KIND_LABELS } from '../../src-renderer/src/lib/grid/format';
import { filterEditorKind } from '../../src-renderer/src/lib/grid/gridQuery';
import { kindChoices } from '../../src-renderer/src/lib/grid/kindChoices';
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

describe('datetime columns in the grid', () => {
  it('shows ISO text as it is, with a date badge, room for nanoseconds and a text filter', () => {
    expect(formatCell('2023-11-14T22:13:20.123456789Z', 'datetime')).toEqual({ text: '2023-11-14T22:13:20.123456789Z', missing: false, numeric: false });
    expect(formatCell(null, 'datetime').missing).toBe(true);
    expect(KIND_LABELS.datetime).toBe('date');
    expect(defaultColumnWidth({ name: 't', kind: 'datetime' })).toBeGreaterThanOrEqual(230);
    expect(filterEditorKind('datetime')).toBe('contains');
  });

  it('offers a datetime column text, categorical and identifier, and disables the numeric kinds with the reason', () => {
    const choices = kindChoices({ name: 'when', inferredKind: 'datetime' });
    expect(choices.map((c) => c.kind)).toEqual(['integer', 'float', 'boolean', 'categorical', 'text', 'identifier', 'datetime']);
    expect(choices.filter((c) => c.refusal === null).map((c) => c.kind)).toEqual(['categorical', 'text', 'identifier', 'datetime']);
    expect(choices[0].refusal).toBe('Column "when" holds dates and times, which cannot be integer; it can be text, categorical or an identifier.');
    // Other columns never list datetime: Assay does not parse dates from text.
    expect(kindChoices({ name: 'x', inferredKind: 'text' }).map((c) => c.kind)).not.toContain('datetime');
    expect(kindChoices({ name: 'x', inferredKind: 'text' }).every((c) => c.refusal === null)).toBe(true);
  });

  it('lists the earliest and latest value in the column details', () => {
    const base = { name: 'when', kind: 'datetime', dtype: 'object', count: 3, missing: 0, missingFraction: 0, memoryBytes: 24, memoryBytesDeep: 24 } as const;
    const view = {
      ...base,
      type: 'string',
      describe: { count: 3, unique: 3, top: '2024-01-01', freq: 1, min: '1999-12-31', max: '2024-01-01' },
      top: { values: [], counts: [], proportions: [], total: 3 },
    } as unknown as CategoricalColumnView;
    expect(describeFigures(view).map((f) => [f.label, f.text])).toEqual([
      ['count', '3'],
      ['unique', '3'],
      ['top', '2024-01-01'],
      ['freq', '1'],
      ['min', '1999-12-31'],
      ['max', '2024-01-01'],
    ]);
  });
});
