import { describe, expect, it } from 'vitest';
import type { RecipePreview } from '../../../src-main/core/recipe/preview';
import { columnSuggestions, featureChoices, positiveChoices } from '../../../src-renderer/src/lib/prepare/choices';
import { classShares, formatCell, shapeLines, sortedWarnings } from '../../../src-renderer/src/lib/prepare/previewFormat';

const preview = (over: Partial<RecipePreview>): RecipePreview => ({
  fieldErrors: [],
  failure: null,
  mode: 'split',
  rows: { input: 100, train: 60, validation: 20, test: 20 },
  columns: [
    { name: 'a', type: 'number', role: 'feature' },
    { name: 'b', type: 'number', role: 'feature' },
    { name: 'y', type: 'text', role: 'target' },
  ],
  features: ['a', 'b'],
  target: { column: 'y', positive: 'yes', classes: ['no', 'yes'], counts: [{ part: 'train', counts: [{ label: 'no', rows: 45 }, { label: 'yes', rows: 15 }] }] },
  targetBalance: null,
  table: { columns: [], rows: [], hiddenColumns: 0 },
  warnings: [],
  ...over,
});

describe('editor choices', () => {
  it('positive classes: the preview’s for its target, then the profile’s top values, then the current one', () => {
    expect(positiveChoices(null, 'y', preview({}), 'maybe')).toEqual(['no', 'yes', 'maybe']);
    expect(positiveChoices(null, 'other', preview({}), '')).toEqual([]);
  });

  it('features: the last preview’s columns but the target, chosen names it lacks, and those seen before', () => {
    expect(featureChoices(preview({}), ['c'], ['a', 'd'])).toEqual(['a', 'b', 'c', 'd']);
    expect(columnSuggestions(['x', 'a'], preview({}))).toEqual(['x', 'a', 'b', 'y']);
  });

  it('the shape per part, shares and cells', () => {
    expect(shapeLines(preview({})).map((s) => s.text)).toEqual(['60 × 2', '20 × 2', '20 × 2']);
    expect(shapeLines(preview({ mode: 'whole', rows: { input: 100, whole: 19084 } }))).toEqual([{ part: 'whole', label: 'Whole table', rows: 19084, text: '19,084 × 3' }]);
    const failed = preview({ mode: 'whole', rows: { input: 100, whole: 5 }, failure: { step: 2, op: 'dropColumns', message: 'x' } });
    expect(shapeLines(failed)[0].label).toBe('Before step 3');
    expect(classShares([{ label: 'no', rows: 45 }, { label: 'yes', rows: 15 }])).toBe('no 75.0 % · yes 25.0 %');
    expect(formatCell(null)).toBe('');
    expect(formatCell(0.1 + 0.2)).toBe('0.3');
    expect(formatCell('x'.repeat(80))).toHaveLength(58);
    const w = (severity: 'error' | 'warning' | 'info', message: string) => ({ severity, code: 'leakage' as const, message });
    expect(sortedWarnings([w('info', '1'), w('warning', '2'), w('error', '3'), w('warning', '4')]).map((x) => x.message)).toEqual(['3', '2', '4', '1']);
  });
});
