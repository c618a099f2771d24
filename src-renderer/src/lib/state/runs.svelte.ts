import { isActive, type RunDetail, type RunSummary } from '../../../../src-main/core/search/runSummary';
import { notices } from './notices.svelte';
import { session } from './session.svelte';

/** How often the list is asked for while a run is queued or running. */
export const POLL_MS = 500;

/**
 * The project's runs: the list (polled while something is active, so
 * progress bars move), the open run's detail, and the queue actions.
 */
class Runs {
  list = $state<RunSummary[]>([]);
  loaded = $state(false);
  /** The run the Runs view shows. */
  openId = $state<number | null>(null);
  detail = $state<RunDetail | null>(null);
  detailLoading = $state(false);

  active = $derived(this.list.filter((r) => isActive(r.status)));

  private timer: ReturnType<typeof setTimeout> | null = null;
  private project = -1;

  async refresh(): Promise<void> {
    if (!session.project) {
      this.list = [];
      this.detail = null;
      this.openId = null;
      return;
    }
    if (this.project !== session.projectRevision) {
      this.project = session.projectRevision;
      this.openId = null;
      this.detail = null;
    }
    try {
      const before = new Map(this.list.map((r) => [r.id, r.status]));
      this.list = await session.client.call('run.list', {});
      this.loaded = true;
      // A run that just ended while open gets its record.
      const open = this.list.find((r) => r.id === this.openId);
      if (open && before.get(open.id) !== open.status) void this.loadDetail(open.id);
      if (this.openId !== null && !open) {
        this.openId = null;
        this.detail = null;
      }
    } catch (err) {
      notices.error(err, 'Could not list the runs');
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.active.length > 0) this.timer = setTimeout(() => void this.refresh(), POLL_MS);
  }

  async start(recipeId: number, datasetId?: number): Promise<RunSummary | null> {
    try {
      const s = await session.client.call('run.start', { recipeId, ...(datasetId !== undefined ? { datasetId } : {}) });
      await this.refresh();
      return s;
    } catch (err) {
      notices.error(err, 'Could not start the run');
      return null;
    }
  }

  async cancel(id: number): Promise<void> {
    try {
      await session.client.call('run.cancel', { id });
      await this.refresh();
    } catch (err) {
      notices.error(err, 'Could not cancel the run');
    }
  }

  /** Renames a run, or sets its note or tags; the saved summary, or null when the host refused (the notice says why). */
  async update(id: number, changes: { title?: string; note?: string; tags?: string[] }): Promise<RunSummary | null> {
    try {
      const s = await session.client.call('run.update', { id, ...changes });
      // In place: a new detail object would reset the open run's model and tab.
      if (this.detail?.summary.id === id) this.detail.summary = s;
      this.list = this.list.map((r) => (r.id === id ? s : r));
      await this.refresh();
      return s;
    } catch (err) {
      notices.error(err, 'Could not save the run');
      return null;
    }
  }

  /** Queues a run's recipe again on the same data, and opens the new run. */
  async rerun(id: number): Promise<RunSummary | null> {
    try {
      const s = await session.client.call('run.rerun', { id });
      notices.info(`Run #${s.id} queued: re-run of #${id}`);
      await this.refresh();
      this.open(s.id);
      return s;
    } catch (err) {
      notices.error(err, 'Could not re-run the run');
      return null;
    }
  }

  async remove(id: number): Promise<void> {
    try {
      await session.client.call('run.delete', { id });
      if (this.openId === id) {
        this.openId = null;
        this.detail = null;
      }
      await this.refresh();
    } catch (err) {
      notices.error(err, 'Could not delete the run');
    }
  }

  open(id: number): void {
    this.openId = id;
    void this.loadDetail(id);
  }

  private async loadDetail(id: number): Promise<void> {
    this.detailLoading = true;
    try {
      const d = await session.client.call('run.get', { id });
      if (this.openId === id) this.detail = d;
    } catch (err) {
      notices.error(err, 'Could not open the run');
    } finally {
      this.detailLoading = false;
    }
  }
}

export const runs = new Runs();
