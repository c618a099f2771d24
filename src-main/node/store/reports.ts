import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import { damagedReportMessage } from '../../core/report/damagedReport';
import { reportSizeProblem } from '../../core/report/reportSize';
import { REPORT_VERSION, reportSchema, type Report, type ReportInfo, type ReportSummary } from '../../core/report/schema';

interface Row {
  id: number;
  name: unknown;
  json: unknown;
  created_at: string;
  updated_at: string;
}

/** The stored content as a report, or why it cannot be read: a hand-edited file, a newer version's report, a torn write. */
type Read = { report: Report; damaged: null } | { report: null; damaged: string };

function read(r: Row): Read {
  if (typeof r.json !== 'string') return { report: null, damaged: 'its content is not text' };
  let data: unknown;
  try {
    data = JSON.parse(r.json);
  } catch (e) {
    return { report: null, damaged: `its content is not valid JSON (${(e as Error).message})` };
  }
  const parsed = reportSchema.safeParse(data);
  if (parsed.success) return { report: parsed.data, damaged: null };
  const issue = parsed.error.issues[0];
  const at = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return { report: null, damaged: `${at}${issue.message}` };
}

const nameOf = (r: { name: unknown }) => (typeof r.name === 'string' ? r.name : String(r.name));

function toInfo(r: Row): ReportInfo {
  const { report, damaged } = read(r);
  if (damaged !== null) {
    throw new ApiError('conflict', damagedReportMessage(r.id, nameOf(r), damaged));
  }
  return { id: r.id, report, createdAt: r.created_at, updatedAt: r.updated_at };
}

/** A report as the list reads it: its frame looked at by SQLite's JSON functions, its slides not parsed here. */
interface SummaryRow {
  id: number;
  name: unknown;
  created_at: string;
  updated_at: string;
  kind: string;
  valid: number;
  root: string | null;
  version: unknown;
  slides_type: string | null;
  slides: number | null;
}

/** Why the list calls a report damaged, from what SQLite read of its frame; null when the frame is sound. */
function frameDamage(db: Database.Database, r: SummaryRow): string | null {
  if (r.kind !== 'text') return 'its content is not text';
  if (!r.valid) {
    // Rare: JSON.parse says where the text stops being JSON.
    const row = db.prepare('SELECT * FROM reports WHERE id = ?').get(r.id) as Row;
    return read(row).damaged ?? 'its content is not valid JSON';
  }
  if (r.root !== 'object') return 'its content is not a JSON object';
  if (r.version !== REPORT_VERSION) return `version: ${JSON.stringify(r.version ?? null)} is not a report version this Assay reads (${REPORT_VERSION})`;
  if (r.slides_type !== 'array') return 'slides: not a list of slides';
  return null;
}

/**
 * Every report, newest first, as the list shows it: names and sizes, not
 * the slides (a project's reports can weigh tens of megabytes, and checking
 * each against the schema takes seconds). SQLite's JSON functions read each
 * report's frame: content that is not JSON, of another version or without
 * slides is listed as damaged with the reason, so the other reports still
 * list and it can be deleted. A fault deeper in a slide is found when the
 * report is opened (getReport says which field).
 */
export function listReports(db: Database.Database): ReportSummary[] {
  const rows = db
    .prepare(
      `SELECT id, name, created_at, updated_at, typeof(json) AS kind,
         CASE WHEN typeof(json) = 'text' THEN json_valid(json) ELSE 0 END AS valid,
         CASE WHEN typeof(json) = 'text' AND json_valid(json) THEN json_type(json) END AS root,
         CASE WHEN typeof(json) = 'text' AND json_valid(json) AND json_type(json) = 'object' THEN json_extract(json, '$.version') END AS version,
         CASE WHEN typeof(json) = 'text' AND json_valid(json) AND json_type(json) = 'object' THEN json_type(json, '$.slides') END AS slides_type,
         CASE WHEN typeof(json) = 'text' AND json_valid(json) AND json_type(json, '$.slides') = 'array' THEN json_array_length(json, '$.slides') END AS slides
       FROM reports ORDER BY id DESC`,
    )
    .all() as SummaryRow[];
  return rows.map((r) => {
    const damaged = frameDamage(db, r);
    return { id: r.id, name: nameOf(r), slides: damaged === null ? (r.slides ?? 0) : 0, createdAt: r.created_at, updatedAt: r.updated_at, damaged };
  });
}

/** A report with its slides; a damaged one is refused, saying why. */
export function getReport(db: Database.Database, id: number): ReportInfo {
  const row = db.prepare('SELECT * FROM reports WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new ApiError('not-found', `There is no report ${id} in this project.`);
  return toInfo(row);
}

/**
 * The report edited last that can be read (an "Add to report" with no report
 * named goes there), or null when there is none: a damaged report is passed
 * over rather than sinking every "Add to report".
 */
export function lastEditedReportId(db: Database.Database): number | null {
  for (const row of db.prepare('SELECT * FROM reports ORDER BY updated_at DESC, id DESC').iterate() as IterableIterator<Row>) {
    if (read(row).damaged === null) return row.id;
  }
  return null;
}

/**
 * Saves a report after validating it: a new one when `id` is null, else
 * replaces that one. A report whose JSON would pass MAX_REPORT_BYTES is
 * refused, saying which slide weighs most. Names need not be unique: a report is found by id, and
 * two decks of the same run may well share the run's title.
 */
export function saveReport(db: Database.Database, id: number | null, data: unknown): ReportInfo {
  const report = reportSchema.parse(data);
  const json = JSON.stringify(report);
  // Past the bound a report could be stored yet never sent back to be edited: refused, the stored one kept.
  const tooLarge = reportSizeProblem(report, json);
  if (tooLarge) throw new ApiError('bad-input', tooLarge);
  const now = new Date().toISOString();
  if (id === null) {
    const r = db.prepare('INSERT INTO reports (name, json, created_at, updated_at) VALUES (?, ?, ?, ?)').run(report.name, json, now, now);
    return getReport(db, Number(r.lastInsertRowid));
  }
  if (db.prepare('SELECT 1 FROM reports WHERE id = ?').get(id) === undefined) throw new ApiError('not-found', `There is no report ${id} in this project.`);
  db.prepare('UPDATE reports SET name = ?, json = ?, updated_at = ? WHERE id = ?').run(report.name, json, now, id);
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
