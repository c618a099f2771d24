import { z } from 'zod';
import { chartRequestSchema } from '../charts/request';
import { runChartRequestSchema } from '../charts/runCharts';
import { compareChartRequestSchema } from '../charts/compareCharts';
import { wellFormed } from './wellFormedText';

/**
 * A report: an ordered list of slides, stored in the project as JSON. Slides
 * refer to runs and datasets by id and keep only what the analyst wrote
 * (titles, captions, notes, the executive summary's sentences) and snapshots
 * of tables; charts are drawn from the stored data at export, natively where
 * PowerPoint can draw them. A slide whose run was deleted exports as a
 * placeholder that says so.
 */
export const REPORT_VERSION = 1;

/** Every text of a report is made well-formed on the way in: a lone surrogate is stored as U+FFFD, never as bytes that are not UTF-8. */
const text = (max: number) => z.string().max(max).transform(wellFormed);
const runId = z.number().int().positive();

/** A chart as the app draws it: the same requests as `chart.render`, `run.chart` and `run.compareChart`. */
export const chartSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dataset'), id: z.number().int().positive(), chart: chartRequestSchema }).strict(),
  z.object({ type: z.literal('run'), id: runId, modelId: z.string().min(1).max(60), chart: runChartRequestSchema }).strict(),
  z
    .object({
      type: z.literal('compare'),
      models: z.array(z.object({ runId, modelId: z.string().min(1).max(60) }).strict()).min(2).max(4),
      chart: compareChartRequestSchema,
    })
    .strict(),
]);
export type ChartSourceRef = z.infer<typeof chartSourceSchema>;

const cell = text(400).nullable();
/** A table as the view formats it; `fills` colours cells (a confusion matrix's shades) as #rrggbb. */
export const reportTableSchema = z
  .object({
    header: z.array(text(200)).min(1).max(40),
    rows: z.array(z.array(cell).max(40)).max(500),
    numeric: z.array(z.boolean()).max(40),
    fills: z.array(z.array(z.string().regex(/^#[0-9a-fA-F]{6}$/).nullable()).max(40)).max(500).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    t.rows.forEach((r, i) => {
      if (r.length !== t.header.length) ctx.addIssue({ code: 'custom', path: ['rows', i], message: `row ${i + 1} has ${r.length} cells for ${t.header.length} columns` });
    });
    if (t.numeric.length !== t.header.length) ctx.addIssue({ code: 'custom', path: ['numeric'], message: `${t.numeric.length} alignment flags for ${t.header.length} columns` });
  });
export type ReportTable = z.infer<typeof reportTableSchema>;

export const slideBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('title'), subtitle: text(500) }).strict(),
  z.object({ kind: z.literal('bullets'), bullets: z.array(text(1000)).max(20) }).strict(),
  /** The executive summary: headed sections of sentences, as the seeds' one-page summary. */
  z.object({ kind: z.literal('sections'), sections: z.array(z.object({ heading: text(200), bullets: z.array(text(1000)).max(12) }).strict()).max(6) }).strict(),
  z.object({ kind: z.literal('chart'), source: chartSourceSchema }).strict(),
  z.object({ kind: z.literal('table'), table: reportTableSchema }).strict(),
]);
export type SlideBody = z.infer<typeof slideBodySchema>;

export const slideSchema = z
  .object({
    /** Stable within the report (for reordering and keys). */
    id: z.string().min(1).max(40).transform(wellFormed),
    title: text(300),
    caption: text(2000),
    /** Speaker notes: the exact figures behind the slide. */
    notes: text(20_000),
    body: slideBodySchema,
    /** The runs the slide shows; when one is deleted the slide exports as a placeholder. */
    runIds: z.array(runId).max(8),
  })
  .strict();
export type Slide = z.infer<typeof slideSchema>;

export const reportSchema = z
  .object({
    version: z.literal(REPORT_VERSION),
    name: z.string().trim().min(1).max(200).transform(wellFormed),
    slides: z.array(slideSchema).max(200),
  })
  .strict();
export type Report = z.infer<typeof reportSchema>;

/**
 * The most a stored report weighs as JSON (UTF-8 bytes). The schema bounds
 * each slide, but 200 slides of 500-row tables add up to gigabytes; a report
 * past what one host message carries (MAX_MESSAGE_BYTES, 64 MiB) could be
 * stored yet never opened and saved again. Held well under it, so a stored
 * report always travels with room to spare, and is refused on the way in.
 */
export const MAX_REPORT_BYTES = 16 * 2 ** 20;

/** A stored report. */
export interface ReportInfo {
  id: number;
  report: Report;
  createdAt: string;
  updatedAt: string;
}

/**
 * A stored report as the list shows it: its name and size, without its
 * slides (report.get fetches those when it is opened). A report whose stored
 * content no longer reads (not JSON, or not what this version's schema
 * wants) is listed with `damaged` saying why: it can be deleted, not opened.
 */
export interface ReportSummary {
  id: number;
  name: string;
  /** 0 for a damaged report. */
  slides: number;
  createdAt: string;
  updatedAt: string;
  damaged: string | null;
}
