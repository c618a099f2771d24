import { ApiError } from '../../core/api/errors';
import type { ReportDetail } from '../../core/api/contract';
import { chartFromRequest } from '../../core/charts/request';
import type { DatasetInfo } from '../../core/data/columns';
import type { DeckContext } from '../../core/report/deckContext';
import { deckFromRun } from '../../core/report/deckFromRun';
import { checkReportRecord } from '../../core/report/reportRecordChecks';
import { REPORT_VERSION, type Report, type ReportInfo, type ReportSummary, type Slide } from '../../core/report/schema';
import { newSlideId } from '../../core/report/slideId';
import { slideRunIds } from '../../core/report/slideRuns';
import type { RunRecord } from '../../core/search/runRecord';
import type { Workbench } from '../app/workbench';
import { datasetFrame } from '../recipe/frameCache';
import type { RunQueue } from '../runs/runQueue';
import { exportReport, type DeckFormat } from './exportReport';
import { ExportTurns } from './exportTurns';
import { getDataset, listDatasets } from '../store/datasets';
import { deleteReport, getReport, lastEditedReportId, listReports, runsWithoutResults, saveReport } from '../store/reports';

/** What "Add to report" names a report when the project has none yet. */
export const FIRST_REPORT_NAME = 'Report';
/** The most slides a report holds (the schema's bound). */
const MAX_SLIDES = 200;
const MAX_NAME = 200;

const isNotFound = (e: unknown) => e instanceof ApiError && e.code === 'not-found';

/**
 * The project's reports: stored as JSON documents that name runs and
 * datasets by id, so a report keeps what the analyst wrote while its charts
 * are drawn from the stored results at export.
 */
export class ReportService {
  private readonly exports = new ExportTurns();

  constructor(
    private readonly wb: Workbench,
    private readonly runs: RunQueue,
  ) {}

  /** Names and sizes only; a damaged report is listed with the reason. */
  list(): ReportSummary[] {
    return listReports(this.wb.db);
  }

  get(id: number): ReportDetail {
    return this.detail(getReport(this.wb.db, id));
  }

  /** Creates (id null) or replaces a report. */
  async save(id: number | null, report: Report): Promise<ReportDetail> {
    return this.detail(await this.wb.write((db) => saveReport(db, id, report)));
  }

  async delete(id: number): Promise<{ id: number }> {
    await this.wb.write((db) => deleteReport(db, id));
    return { id };
  }

  /** A new report, named after the run, holding the deck built from its record. */
  async fromRun(runId: number): Promise<ReportDetail> {
    const summary = this.runs.summary(runId);
    const record = this.runs.record(runId);
    if (!record) throw new ApiError('conflict', `Run ${runId} (${summary.title}) has no results (${summary.status}); a report needs a finished run.`);
    // A record damaged in the project file is refused naming the field, as a run.json is on the command line.
    if (record.champion) checkReportRecord(record, `Run ${runId} (${summary.title})`);
    const deck = deckFromRun({ runId, title: summary.title, record, summary: this.datasetSummary(record) });
    const name = summary.title.trim().slice(0, MAX_NAME) || `Run #${runId}`;
    return this.save(null, { ...deck, name });
  }

  /**
   * Appends a slide to report `id`, or, with id null, to the report edited
   * last that can be read (a new one when the project has none). A slide id the report already
   * uses (the same slide added twice) is replaced by a fresh one, so ids stay
   * unique within the report. A slide that would take the report past
   * MAX_REPORT_BYTES is refused, the report left as it was (saveReport).
   */
  async addSlide(id: number | null, slide: Slide): Promise<ReportDetail> {
    const info = await this.wb.write((db) => {
      const target = id ?? lastEditedReportId(db);
      const report: Report = target === null ? { version: REPORT_VERSION, name: FIRST_REPORT_NAME, slides: [] } : getReport(db, target).report;
      if (report.slides.length >= MAX_SLIDES) {
        throw new ApiError('conflict', `The report "${report.name}" already has ${MAX_SLIDES} slides, the most a report holds; start another report for this one.`);
      }
      const taken = new Set(report.slides.map((s) => s.id));
      let slideId = slide.id;
      while (taken.has(slideId)) slideId = newSlideId();
      return saveReport(db, target, { ...report, slides: [...report.slides, { ...slide, id: slideId }] });
    });
    return this.detail(info);
  }

  /**
   * The report as a file (exportReport). Exports take turns, one at a time
   * for the host: each waits for the ones before it (cancelled by `signal`
   * while it waits) and reads its report only when its turn comes, so
   * exports waiting hold no copy of it.
   */
  export(id: number, format: DeckFormat, signal?: AbortSignal): Promise<{ fileName: string; mime: string; data: string }> {
    return this.exports.run(() => exportReport(this.context(), getReport(this.wb.db, id).report, format, signal), signal);
  }

  /** Exports waiting for their turn behind the one running. */
  get exportsWaiting(): number {
    return this.exports.waiting;
  }

  /** What exporting needs from this project: the runs' records and titles, the datasets' charts. */
  context(): DeckContext {
    return {
      record: (runId) => {
        try {
          return this.runs.record(runId);
        } catch (e) {
          if (isNotFound(e)) return null;
          throw e;
        }
      },
      runTitle: (runId) => {
        try {
          return this.runs.summary(runId).title;
        } catch (e) {
          if (isNotFound(e)) return null;
          throw e;
        }
      },
      datasetChart: async (datasetId, request) => {
        let info: DatasetInfo;
        try {
          info = getDataset(this.wb.db, datasetId);
        } catch (e) {
          if (isNotFound(e)) return null;
          throw e;
        }
        // The same option the analysis thread draws for `chart.render`, kept as data for a native chart.
        return chartFromRequest(datasetFrame(this.wb.db, info), request);
      },
    };
  }

  private detail(info: ReportInfo): ReportDetail {
    const runIds = info.report.slides.flatMap(slideRunIds);
    return { ...info, missingRuns: runsWithoutResults(this.wb.db, runIds) };
  }

  /**
   * The data slide's column count and missing values, from the dataset the
   * run ran on if the project still has it (its import counted them); without
   * it the deck says what the record knows.
   */
  private datasetSummary(record: RunRecord): { datasetColumns: number; missing: { column: string; count: number }[] } | undefined {
    const same = listDatasets(this.wb.db).filter((d) => d.contentHash === record.dataset.contentHash);
    const dataset = same.find((d) => d.name === record.dataset.name) ?? same[0];
    if (!dataset) return undefined;
    return {
      datasetColumns: dataset.columns.length,
      missing: dataset.columns.filter((c) => c.missing > 0).map((c) => ({ column: c.name, count: c.missing })),
    };
  }
}
