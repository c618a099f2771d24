import { describe, expect, it } from 'vitest';
import type { Report, ReportSummary } from '../../src-main/core/report/schema';
import { damagedReportMessage, damageReason } from '../../src-main/core/report/damagedReport';
import { deleteQuestion, entryMeta, openableIds, summaryOf, withDamage, withEntry, withSent } from '../../src-renderer/src/lib/report/reportList';

const entry = (id: number, extra: Partial<ReportSummary> = {}): ReportSummary => ({
  id,
  name: `Report ${id}`,
  slides: 2,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  damaged: null,
  ...extra,
});

const report = (name: string, slides: number): Report => ({
  version: 1,
  name,
  slides: Array.from({ length: slides }, (_, i) => ({ id: `s${i}`, title: '', caption: '', notes: '', body: { kind: 'bullets', bullets: [] }, runIds: [] })),
});

describe('the list of reports', () => {
  it('holds summaries: a fetched or saved report becomes its entry, new ones first', () => {
    const detail = { id: 5, report: report('Deck', 3), createdAt: 'c', updatedAt: 'u' };
    expect(summaryOf(detail)).toEqual({ id: 5, name: 'Deck', slides: 3, createdAt: 'c', updatedAt: 'u', damaged: null });
    const list = [entry(4), entry(2)];
    expect(withEntry(list, entry(5)).map((r) => r.id)).toEqual([5, 4, 2]);
    expect(withEntry(list, entry(2, { name: 'Renamed' }))).toEqual([entry(4), entry(2, { name: 'Renamed' })]);
    expect(withSent(list, 4, report('Typed', 7))).toEqual([entry(4, { name: 'Typed', slides: 7 }), entry(2)]);
  });

  it('a damaged report cannot be opened: it says why, and the delete question says so', () => {
    const damaged = entry(3, { name: 'Torn', slides: 0, damaged: 'its content is not valid JSON (Unexpected end of JSON input)' });
    expect(openableIds([entry(4), damaged, entry(1)])).toEqual([4, 1]);
    expect(entryMeta(damaged)).toBe('Damaged: its content is not valid JSON (Unexpected end of JSON input)');
    expect(entryMeta(entry(1, { slides: 1 }))).toBe('1 slide');
    expect(deleteQuestion(damaged)).toMatch(/^Delete the damaged report “Torn” from this project\? It cannot be opened \(its content is not valid JSON/);
    expect(deleteQuestion(entry(1))).toBe('Delete the report “Report 1” (2 slides) from this project? The runs and datasets it shows stay. This cannot be undone.');
  });

  it('a report found damaged when opened is marked so in the list, with the reason the host gave', () => {
    const message = damagedReportMessage(4, 'Deep (v2)', 'slides.2.body.table.numeric: Invalid input: expected array, received string');
    expect(message).toBe(
      "Report 4 (“Deep (v2)”) is damaged in this project file and cannot be opened or exported: slides.2.body.table.numeric: Invalid input: expected array, received string. Delete it from the Report view's list.",
    );
    const reason = damageReason(message)!;
    expect(reason).toBe('slides.2.body.table.numeric: Invalid input: expected array, received string');
    expect(damageReason('There is no report 4 in this project.')).toBeNull();
    const list = withDamage([entry(4), entry(2)], 4, reason);
    expect(list[0]).toEqual(entry(4, { slides: 0, damaged: reason }));
    expect(openableIds(list)).toEqual([2]);
  });
});
