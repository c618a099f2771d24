import type { ColumnCheck } from '../../../../src-main/core/scoring/columnCheck';

/** The check's problems counted by what is wrong: "2 missing, 1 of another kind". */
export function problemCounts(check: ColumnCheck): string {
  const missing = check.columns.filter((c) => c.found === null).length;
  const wrongKind = check.columns.filter((c) => c.found !== null && !c.ok).length;
  return [missing ? `${missing} missing` : null, wrongKind ? `${wrongKind} of another kind` : null].filter(Boolean).join(', ');
}

/** What a row of the check says in its last column. */
export function columnVerdict(c: ColumnCheck['columns'][number]): string {
  if (c.ok) return '✓ fits';
  return c.found === null ? '✗ missing' : '✗ wrong kind';
}
