import type { ColumnKind, DatasetInfo } from '../../../../src-main/core/data/columns';
import type { Progress } from '../../../../src-main/core/api/contract';
import { ApiError } from '../../../../src-main/core/api/errors';
import type { OnBadLines } from '../../../../src-main/core/ingest/rowShape';
import { skipBadLinesOffer, type SkipBadLinesOffer } from '../data/skipBadLinesOffer';
import { importSourceName, type ImportSource } from '../data/importSource';
import { deepLink } from './deepLink.svelte';
import { settleSelection } from './route';
import { notices } from './notices.svelte';
import { session } from './session.svelte';

export interface ImportJob {
  fileName: string;
  stage: 'uploading' | 'importing';
  progress: Progress | null;
  cancelling: boolean;
}

/** The project's datasets, the selected one, and the import in progress. */
class Datasets {
  list = $state<DatasetInfo[]>([]);
  selectedId = $state<number | null>(null);
  loading = $state(false);
  importJob = $state<ImportJob | null>(null);
  /** Set when the last import failed on a row with too many fields: it can be run again skipping such rows. */
  skipOffer = $state<SkipBadLinesOffer | null>(null);
  /** Bumped when the selected dataset's rows may read differently (kind change): grids drop their pages. */
  dataRevision = $state(0);
  private abort: AbortController | null = null;

  selected = $derived(this.list.find((d) => d.id === this.selectedId) ?? null);

  async refresh(): Promise<void> {
    if (!session.project) {
      // Views call this from effects that read the list: writing an equal empty list would re-run them forever.
      if (this.list.length > 0) this.list = [];
      if (this.selectedId !== null) this.selectedId = null;
      return;
    }
    this.loading = true;
    try {
      this.list = await session.client.call('dataset.list', {});
      const ids = this.list.map((d) => d.id);
      this.selectedId = settleSelection(ids, deepLink.take(['data', 'explore']), this.selectedId);
    } catch (err) {
      notices.error(err, 'Could not list the datasets');
    } finally {
      this.loading = false;
    }
  }

  select(id: number): void {
    this.selectedId = id;
  }

  async rename(id: number, name: string): Promise<boolean> {
    const trimmed = name.trim();
    if (!trimmed) return false;
    try {
      this.replace(await session.client.call('dataset.rename', { id, name: trimmed }));
      return true;
    } catch (err) {
      notices.error(err, 'Could not rename the dataset');
      return false;
    }
  }

  async remove(id: number): Promise<void> {
    try {
      await session.client.call('dataset.delete', { id });
      const index = this.list.findIndex((d) => d.id === id);
      this.list = this.list.filter((d) => d.id !== id);
      if (this.selectedId === id) this.selectedId = (this.list[index] ?? this.list[index - 1])?.id ?? null;
    } catch (err) {
      notices.error(err, 'Could not delete the dataset');
    }
  }

  async setColumnKind(column: number, kind: ColumnKind): Promise<void> {
    const dataset = this.selected;
    if (!dataset) return;
    try {
      this.replace(await session.client.call('dataset.setColumnKind', { id: dataset.id, column, kind }));
      this.dataRevision++;
    } catch (err) {
      notices.error(err, 'Could not change the column kind');
    }
  }

  /** Upload (web) or locate (desktop) the file, then import it; selects the new dataset. */
  async importFile(file: ImportSource, onBadLines: OnBadLines = 'error'): Promise<void> {
    const fileName = importSourceName(file);
    if (this.importJob) {
      notices.info(`An import is already running (${this.importJob.fileName}); wait for it or cancel it first.`);
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    const picked = 'path' in file;
    this.importJob = { fileName, stage: picked ? 'importing' : 'uploading', progress: picked ? null : { done: 0, total: file.size, unit: 'bytes' }, cancelling: false };
    notices.dismiss();
    this.skipOffer = null;
    try {
      const staged = picked ? { path: file.path, displayName: fileName } : await session.client.stageFile(file, (p) => this.updateProgress(p), abort.signal);
      if (abort.signal.aborted) throw new ApiError('cancelled', '');
      if (this.importJob) this.importJob = { ...this.importJob, stage: 'importing', progress: null };
      const dataset = await session.client.call(
        'dataset.import',
        { path: staged.path, displayName: staged.displayName, onBadLines },
        { onProgress: (p) => this.updateProgress(p), signal: abort.signal },
      );
      this.list = [...this.list.filter((d) => d.id !== dataset.id), dataset];
      this.selectedId = dataset.id;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'cancelled') {
        notices.info(`The import of ${fileName} was cancelled; nothing was changed.`);
      } else {
        notices.error(err);
        this.skipOffer = skipBadLinesOffer(err, file, onBadLines);
      }
    } finally {
      this.importJob = null;
      this.abort = null;
    }
  }

  /** Runs the offered import again with pandas' on_bad_lines='skip': the long rows are dropped and listed in a note. */
  importSkippingBadLines(): Promise<void> {
    const offer = this.skipOffer;
    return offer ? this.importFile(offer.file, 'skip') : Promise.resolve();
  }

  cancelImport(): void {
    if (!this.abort || !this.importJob) return;
    this.importJob = { ...this.importJob, cancelling: true };
    this.abort.abort();
  }

  private updateProgress(p: Progress): void {
    if (this.importJob) this.importJob = { ...this.importJob, progress: p };
  }

  private replace(info: DatasetInfo): void {
    this.list = this.list.map((d) => (d.id === info.id ? info : d));
  }
}

export const datasets = new Datasets();
