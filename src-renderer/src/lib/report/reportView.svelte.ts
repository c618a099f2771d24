import type { ReportDetail } from '../../../../src-main/core/api/contract';
import { ApiError } from '../../../../src-main/core/api/errors';
import { damageReason } from '../../../../src-main/core/report/damagedReport';
import { newSlideId } from '../../../../src-main/core/report/slideId';
import { REPORT_VERSION, type Report, type ReportSummary, type Slide } from '../../../../src-main/core/report/schema';
import { saveFile } from '../charts/saveFile';
import { notices } from '../state/notices.svelte';
import { settleSelection } from '../state/route';
import { session } from '../state/session.svelte';
import { addedMessage } from './addToReport';
import { openableIds, summaryOf, withDamage, withEntry, withSent } from './reportList';
import { duplicateSlide, moveSlide, removeSlide } from './slideOrder';
import { LIMITS, linesToBullets, newReportName, reportProblem, reportToSave } from './slideTexts';

/** How long typing pauses before the report is saved. */
export const SAVE_DELAY_MS = 600;

/** saved: as stored; pending: an edit waits to be saved; saving: sent; failed: the host refused (the notice says why); invalid: cannot be saved as it is. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'invalid';

export type DeckFormat = 'pptx' | 'pdf' | 'images';
export const DECK_FORMATS: { id: DeckFormat; label: string }[] = [
  { id: 'pptx', label: 'PowerPoint (.pptx)' },
  { id: 'pdf', label: 'PDF' },
  { id: 'images', label: 'Images (.zip)' },
];

type TextField = 'title' | 'caption' | 'notes';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * The Report view's state: the project's reports (names and sizes; a
 * report's slides are fetched when it is opened), the one open (edited in
 * place and saved a moment after each edit), and the actions other views
 * take on reports ("Add to report", "New report from run").
 */
class ReportView {
  list = $state<ReportSummary[]>([]);
  loaded = $state(false);
  loading = $state(false);
  openId = $state<number | null>(null);
  /** The report whose slides are being fetched, shown once they arrive. */
  opening = $state<number | null>(null);
  /** The open report as edited; what is saved follows it. */
  draft = $state<Report | null>(null);
  /** Runs the open report's slides name that are gone: those slides export as placeholders. */
  missingRuns = $state<number[]>([]);
  saveState = $state<SaveState>('saved');
  exporting = $state<DeckFormat | null>(null);

  problem = $derived(this.draft ? reportProblem(this.draft) : null);

  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The draft has edits not sent to the host yet. */
  private dirty = false;
  /** The last save sent, until it is answered; saves are sent one after another. */
  private inFlight: Promise<void> | null = null;
  /** Saves sent so far: an answer to any but the last is not the newest state. */
  private sent = 0;
  private project = -1;
  private exportController: AbortController | null = null;

  async refresh(): Promise<void> {
    if (!session.project) {
      this.forget();
      this.list = [];
      this.loaded = false;
      return;
    }
    if (this.project !== session.projectRevision) {
      // Another project: whatever was open belongs to the one before, and is not saved into this one.
      this.project = session.projectRevision;
      this.forget();
    }
    this.loading = true;
    try {
      this.list = await session.client.call('report.list', {});
      this.loaded = true;
      if (this.openId !== null && !openableIds(this.list).includes(this.openId)) this.forget();
      // Runs may have been deleted since the report was opened: its placeholders follow.
      if (this.openId !== null) void this.recheckRuns(this.openId);
    } catch (err) {
      notices.error(err, 'Could not list the reports');
    } finally {
      this.loading = false;
    }
  }

  /** Opens the report a link asked for if it is there, else keeps the one open, else opens the newest. */
  async settle(wanted: number | null): Promise<void> {
    const id = settleSelection(openableIds(this.list), wanted, this.openId);
    if (id !== null && id !== this.openId) await this.open(id);
  }

  /**
   * Opens a report. The list holds names only, so its slides are fetched;
   * the view names it at once (the URL and the view agree without waiting)
   * and shows it when they arrive. Edits to the report shown before are
   * sent first, and the fetch waits for them, so reopening that report
   * shows them. A damaged report is not opened: the notice says why.
   */
  async open(id: number): Promise<void> {
    if (id === this.openId && (this.draft || this.opening === id)) return;
    const listed = this.list.find((r) => r.id === id);
    if (listed && listed.damaged !== null) {
      notices.error(`“${listed.name}” is damaged and cannot be opened (${listed.damaged}); delete it from the list.`, 'Could not open the report');
      return;
    }
    const saved = this.flush();
    this.forget();
    this.openId = id;
    this.opening = id;
    try {
      await saved;
      const detail = await session.client.call('report.get', { id });
      if (this.list.some((r) => r.id === id)) this.list = withEntry(this.list, summaryOf(detail));
      // Another report opened meanwhile, or this one shown already (a slide added to it): the answer is not news.
      if (this.openId === id && this.draft === null) this.show(detail);
    } catch (err) {
      if (this.openId === id && this.draft === null) this.forget();
      // A fault deep in a slide shows only once the report is read: from now on the list says so.
      const damaged = err instanceof ApiError && err.code === 'conflict' ? damageReason(err.message) : null;
      if (damaged !== null) this.list = withDamage(this.list, id, damaged);
      notices.error(err, 'Could not open the report');
    } finally {
      if (this.opening === id) this.opening = null;
    }
  }

  private async recheckRuns(id: number): Promise<void> {
    try {
      const detail = await session.client.call('report.get', { id });
      if (this.openId === id) this.missingRuns = detail.missingRuns;
    } catch {
      // The next save or open says the same; a failed check changes nothing shown.
    }
  }

  async create(): Promise<void> {
    await this.flush();
    try {
      const report: Report = { version: REPORT_VERSION, name: newReportName(this.list.map((r) => r.name)), slides: [] };
      const detail = await session.client.call('report.save', { id: null, report });
      this.upsert(detail);
      this.show(detail);
    } catch (err) {
      notices.error(err, 'Could not create a report');
    }
  }

  async remove(id: number): Promise<void> {
    if (id === this.openId) this.cancelPending();
    // A save under way finishes first: it would otherwise name a report that is gone.
    await this.inFlight;
    try {
      await session.client.call('report.delete', { id });
      this.list = this.list.filter((r) => r.id !== id);
      if (id === this.openId) {
        this.forget();
        await this.settle(null);
      }
    } catch (err) {
      notices.error(err, 'Could not delete the report');
    }
  }

  /** A new report built from a run, opened in the Report view. */
  async fromRun(runId: number): Promise<boolean> {
    await this.flush();
    try {
      const detail = await session.client.call('report.fromRun', { runId });
      this.upsert(detail);
      this.show(detail);
      session.section = 'report';
      notices.info(`Made “${detail.report.name}” from run #${runId}: ${detail.report.slides.length} slides.`);
      return true;
    } catch (err) {
      notices.error(err, `Could not make a report from run #${runId}`);
      return false;
    }
  }

  /**
   * "Add to report": appends the slide to the report open here, or, when
   * none is, to the report edited last (the host starts one when the
   * project has none), and says where it went.
   */
  async add(slide: Slide): Promise<boolean> {
    await this.flush();
    const id = this.openId !== null && this.list.some((r) => r.id === this.openId) ? this.openId : null;
    try {
      const detail = await session.client.call('report.addSlide', { id, slide });
      this.upsert(detail);
      if (detail.id === this.openId && this.draft) {
        // Edits typed meanwhile stay: the slide joins the draft rather than replacing it.
        if (this.dirty) this.draft.slides.push(clone(detail.report.slides.at(-1)!));
        else this.draft = clone(detail.report);
        this.missingRuns = detail.missingRuns;
      } else if (detail.id === this.openId) {
        // Still being fetched: this answer is newer than the fetch's.
        this.show(detail);
      }
      notices.info(addedMessage(detail.report, detail.report.slides.at(-1)?.id ?? slide.id));
      return true;
    } catch (err) {
      notices.error(err, 'Could not add to the report');
      return false;
    }
  }

  rename(name: string): void {
    this.edit((r) => (r.name = name.slice(0, LIMITS.name)));
  }

  setText(index: number, field: TextField, value: string): void {
    this.edit((r) => {
      if (r.slides[index]) r.slides[index][field] = value.slice(0, LIMITS[field]);
    });
  }

  setSubtitle(index: number, value: string): void {
    this.edit((r) => {
      const body = r.slides[index]?.body;
      if (body?.kind === 'title') body.subtitle = value.slice(0, LIMITS.subtitle);
    });
  }

  setBullets(index: number, text: string): void {
    this.edit((r) => {
      const body = r.slides[index]?.body;
      if (body?.kind === 'bullets') body.bullets = linesToBullets(text, LIMITS.bullets);
    });
  }

  setSectionHeading(index: number, section: number, value: string): void {
    this.edit((r) => {
      const body = r.slides[index]?.body;
      if (body?.kind === 'sections' && body.sections[section]) body.sections[section].heading = value.slice(0, LIMITS.heading);
    });
  }

  setSectionBullets(index: number, section: number, text: string): void {
    this.edit((r) => {
      const body = r.slides[index]?.body;
      if (body?.kind === 'sections' && body.sections[section]) body.sections[section].bullets = linesToBullets(text, LIMITS.sectionBullets);
    });
  }

  move(from: number, to: number): void {
    if (from === to) return;
    this.edit((r) => (r.slides = moveSlide(r.slides, from, to)));
  }

  duplicate(index: number): void {
    this.edit((r) => (r.slides = duplicateSlide(r.slides, index, newSlideId())));
  }

  removeSlide(index: number): void {
    this.edit((r) => (r.slides = removeSlide(r.slides, index)));
  }

  /**
   * Sends the edits not saved yet, now; resolves once the host has them (or
   * refused them). What is sent is taken when called, so opening another
   * report right after still saves this one's edits; saves go in order.
   */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Edits made in a project since closed are not saved into the one open now.
    if (this.project !== session.projectRevision) this.cancelPending();
    const id = this.openId;
    if (!this.dirty || id === null || !this.draft || reportProblem(this.draft)) return this.inFlight ?? Promise.resolve();
    this.dirty = false;
    const project = session.projectRevision;
    const report = reportToSave($state.snapshot(this.draft) as Report);
    this.saveState = 'saving';
    // The list shows the name and size sent, before the host answers.
    this.list = withSent(this.list, id, report);
    const previous = this.inFlight;
    const ticket = ++this.sent;
    this.inFlight = (async () => {
      await previous;
      try {
        const detail = await session.client.call('report.save', { id, report });
        if (project !== session.projectRevision) return;
        // A later save already sent holds newer edits: the list keeps those.
        if (this.sent === ticket) this.upsert(detail);
        if (this.openId === id) {
          this.missingRuns = detail.missingRuns;
          this.saveState = this.dirty ? 'pending' : this.sent === ticket ? 'saved' : 'saving';
        }
      } catch (err) {
        if (this.openId === id) {
          this.dirty = true;
          this.saveState = 'failed';
        }
        notices.error(err, 'Could not save the report');
      } finally {
        if (this.sent === ticket) this.inFlight = null;
      }
    })();
    return this.inFlight;
  }

  /** Saves, then has the host write the deck and hands the file over. */
  async exportDeck(format: DeckFormat): Promise<void> {
    if (this.exporting || this.openId === null) return;
    if (this.problem) {
      notices.error(this.problem, 'Could not export the report');
      return;
    }
    this.exporting = format;
    const controller = new AbortController();
    this.exportController = controller;
    try {
      await this.flush();
      const r = await session.client.call('report.export', { id: this.openId, format }, { signal: controller.signal });
      saveFile(r.fileName, r.mime, r.data, true);
      notices.info(`Exported ${r.fileName}.`);
    } catch (err) {
      notices.error(err, 'Could not export the report');
    } finally {
      this.exporting = null;
      this.exportController = null;
    }
  }

  cancelExport(): void {
    this.exportController?.abort();
  }

  private edit(change: (r: Report) => void): void {
    if (!this.draft) return;
    change(this.draft);
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (reportProblem(this.draft)) {
      this.saveState = 'invalid';
      return;
    }
    this.saveState = 'pending';
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  private show(detail: ReportDetail): void {
    this.cancelPending();
    this.project = session.projectRevision;
    this.openId = detail.id;
    this.opening = null;
    this.draft = clone(detail.report);
    this.missingRuns = detail.missingRuns;
    this.saveState = 'saved';
  }

  private upsert(detail: ReportDetail): void {
    this.list = withEntry(this.list, summaryOf(detail));
  }

  private cancelPending(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dirty = false;
  }

  private forget(): void {
    this.cancelPending();
    this.openId = null;
    this.opening = null;
    this.draft = null;
    this.missingRuns = [];
    this.saveState = 'saved';
  }
}

export const reportView = new ReportView();
