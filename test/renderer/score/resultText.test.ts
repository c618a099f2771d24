import { describe, expect, it } from 'vitest';
import type { ColumnCheck } from '../../../src-main/core/scoring/columnCheck';
import { checkColumns } from '../../../src-main/core/scoring/columnCheck';
import { columnVerdict, problemCounts } from '../../../src-renderer/src/lib/score/checkText';
import { evaluationNote } from '../../../src-renderer/src/lib/score/resultText';

describe('the column check in words', () => {
  const needed = [
    { name: 'claim_status', kind: 'categorical' as const },
    { name: 'video_view_count', kind: 'float' as const },
    { name: 'video_duration_sec', kind: 'integer' as const },
    { name: 'author_ban_status', kind: 'categorical' as const },
  ];

  it('counts missing columns and columns of another kind apart', () => {
    const check: ColumnCheck = checkColumns(needed, [
      { name: 'video_view_count', kind: 'categorical' },
      { name: 'video_duration_sec', kind: 'float' },
    ]);
    expect(problemCounts(check)).toBe('2 missing, 1 of another kind');
    expect(check.columns.map(columnVerdict)).toEqual(['✗ missing', '✗ wrong kind', '✓ fits', '✗ missing']);
    expect(problemCounts(checkColumns(needed, [{ name: 'video_view_count', kind: 'text' }, { name: 'claim_status', kind: 'text' }, { name: 'video_duration_sec', kind: 'integer' }, { name: 'author_ban_status', kind: 'identifier' }]))).toBe('1 of another kind');
    expect(problemCounts(checkColumns(needed, []))).toBe('4 missing');
  });
});

describe('what the confusion matrix of scored rows counts', () => {
  const base = { rows: 19084, confusion: [[1, 2], [3, 4]], metrics: { accuracy: 0.5, precision: 0.5, recall: 0.5, f1: 0.5 } };

  it('says which rows are left out, and why', () => {
    expect(evaluationNote({ ...base, unlabelled: 0, notScored: 298 })).toBe(
      'Counts the 19,084 rows scored with a label; left out: 298 rows with a label but a note instead of a prediction. The metrics are for the positive class.',
    );
    expect(evaluationNote({ ...base, rows: 1, unlabelled: 1, notScored: 2 })).toBe(
      "Counts the 1 row scored with a label; left out: 1 row without a label of the model's classes and 2 rows with a label but a note instead of a prediction. The metrics are for the positive class.",
    );
    expect(evaluationNote({ ...base, unlabelled: 0, notScored: 0 })).toBe('Counts the 19,084 rows scored with a label. The metrics are for the positive class.');
  });
});
