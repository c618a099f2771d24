import type { Report, ReportInfo, ReportSummary } from '../../../../src-main/core/report/schema';

/** The Report view's list of reports: summaries from report.list, kept in step with what is saved. */

export const slideCount = (n: number) => `${n} slide${n === 1 ? '' : 's'}`;

/** The list entry of a report just saved or fetched. */
export function summaryOf(info: ReportInfo): ReportSummary {
  return { id: info.id, name: info.report.name, slides: info.report.slides.length, createdAt: info.createdAt, updatedAt: info.updatedAt, damaged: null };
}

/** The list with `entry` replacing the one of its id, or first when it is new (newest first, as the host lists them). */
export function withEntry(list: readonly ReportSummary[], entry: ReportSummary): ReportSummary[] {
  return list.some((r) => r.id === entry.id) ? list.map((r) => (r.id === entry.id ? entry : r)) : [entry, ...list];
}

/** The list entry as a report being sent shows it: its name and slide count, before the host answers. */
export function withSent(list: readonly ReportSummary[], id: number, report: Report): ReportSummary[] {
  return list.map((r) => (r.id === id ? { ...r, name: report.name, slides: report.slides.length } : r));
}

/** The list with report `id` marked damaged: it is listed with the reason and can only be deleted. */
export function withDamage(list: readonly ReportSummary[], id: number, reason: string): ReportSummary[] {
  return list.map((r) => (r.id === id ? { ...r, slides: 0, damaged: reason } : r));
}

/** The reports that can be opened, in list order: a damaged one can only be deleted. */
export function openableIds(list: readonly ReportSummary[]): number[] {
  return list.filter((r) => r.damaged === null).map((r) => r.id);
}

/** What the list says under a report's name. */
export function entryMeta(r: ReportSummary): string {
  return r.damaged === null ? slideCount(r.slides) : `Damaged: ${r.damaged}`;
}

/** The question before a report is deleted. */
export function deleteQuestion(r: ReportSummary): string {
  if (r.damaged !== null) {
    return `Delete the damaged report “${r.name}” from this project? It cannot be opened (${r.damaged}). The runs and datasets it showed stay. This cannot be undone.`;
  }
  return `Delete the report “${r.name}” (${slideCount(r.slides)}) from this project? The runs and datasets it shows stay. This cannot be undone.`;
}
