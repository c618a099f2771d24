import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import { reportSchema, type Report, type ReportInfo } from '../../core/report/schema';

interface Row {
  id: number;
  name: string;
  json: string;
  created_at: string;
  updated_at: string;
}

function readReport(r: Row): Report {
  let data: unknown;
  try {
    data = JSON.parse(r.json);
  } catch (e) {
    throw new ApiError('bad-input', `Report ${r.id} ("${r.name}") is damaged in this project file (${(e as Error).message}).`);
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError('bad-input', `Report ${r.id} ("${r.name}") cannot be read: ${issue.path.join('.') || 'report'}: ${issue.message}.`);
  }
  return parsed.data;
}

const toInfo = (r: Row): ReportInfo => ({ id: r.id, report: readReport(r), createdAt: r.created_at, updatedAt: r.updated_at });

/** Newest first. */
export function listReports(db: Database.Database): ReportInfo[] {
  return (db.prepare('SELECT * FROM reports ORDER BY id DESC').all() as Row[]).map(toInfo);
}

export function getReport(db: Database.Database, id: number): ReportInfo {
  const row = db.prepare('SELECT * FROM reports WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new ApiError('not-found', `There is no report ${id} in this project.`);
  return toInfo(row);
}

/** The report edited last (an "Add to report" with no report named goes there), or null when there is none. */
export function lastEditedReportId(db: Database.Database): number | null {
  const row = db.prepare('SELECT id FROM reports ORDER BY updated_at DESC, id DESC LIMIT 1').get() as { id: number } | undefined;
  return row?.id ?? null;
}

/**
 * Saves a report after validating it: a new one when `id` is null, else
 * replaces that one. Names need not be unique: a report is found by id, and
 * two decks of the same run may well share the run's title.
 */
export function saveReport(db: Database.Database, id: number | null, data: unknown): ReportInfo {
  const report = reportSchema.parse(data);
  const now = new Date().toISOString();
  if (id === null) {
    const r = db.prepare('INSERT INTO reports (name, json, created_at, updated_at) VALUES (?, ?, ?, ?)').run(report.name, JSON.stringify(report), now, now);
    return getReport(db, Number(r.lastInsertRowid));
  }
  if (db.prepare('SELECT 1 FROM reports WHERE id = ?').get(id) === undefined) throw new ApiError('not-found', `There is no report ${id} in this project.`);
  db.prepare('UPDATE reports SET name = ?, json = ?, updated_at = ? WHERE id = ?').run(report.name, JSON.stringify(report), now, id);
  return getReport(db, id);
}

export function deleteReport(db: Database.Database, id: number): void {
  const r = db.prepare('DELETE FROM reports WHERE id = ?').run(id);
  if (r.changes === 0) throw new ApiError('not-found', `There is no report ${id} in this project.`);
}

/**
 * Of `runIds`, those with no run in the project or a run without results
 * (failed, cancelled before it scored anything): their slides export as
 * placeholders. Ascending, each once.
 */
export function runsWithoutResults(db: Database.Database, runIds: readonly number[]): number[] {
  const ids = [...new Set(runIds)].sort((a, b) => a - b);
  if (ids.length === 0) return [];
  const found = new Set(
    (db.prepare(`SELECT id FROM runs WHERE record_json IS NOT NULL AND id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as { id: number }[]).map(
      (r) => r.id,
    ),
  );
  return ids.filter((id) => !found.has(id));
}
