import type { DatasetInfo } from '../../../../src-main/core/data/columns';
import type { Progress } from '../../../../src-main/core/api/contract';
import { ApiError } from '../../../../src-main/core/api/errors';
import type { ModelSummary, ScoreOutcome } from '../../../../src-main/core/scoring/scoreTypes';
import type { RunSummary } from '../../../../src-main/core/search/runSummary';
import { datasets } from '../state/datasets.svelte';
import { deepLink } from '../state/deepLink.svelte';
import { notices } from '../state/notices.svelte';
import { runs } from '../state/runs.svelte';
import { session } from '../state/session.svelte';
import { defaultDataset, modelSource, sameChoice, scorableRuns, settleModel, type ModelChoice } from './modelChoice';
import { scoreBlocker, type CheckState } from './scoreReadiness';
import { parseThreshold, thresholdInUse } from './thresholdInput';

export interface ScoreJob {
  datasetName: string;
  progress: Progress | null;
  cancelling: boolean;
}

/** A finished scoring, with what it was asked for (the outcome names the new dataset, not the one scored). */
export interface ScoreResult {
  outcome: ScoreOutcome;
  scoredName: string;
}

/**
 * The Score view's state: the model chosen (a run's, or a `.assaymodel`
 * file), the dataset, the column check of one against the other, the
 * threshold override and "keep input columns", the scoring in progress and
 * its result. Every change of model or dataset checks the columns again;
 * an answer to an earlier check than the newest is dropped.
 */
class ScoreView {
  choice = $state<ModelChoice | null>(null);
  /** Where the model comes from; a file not opened yet leaves `choice` null. */
  mode = $state<'run' | 'file'>('run');
  datasetId = $state<number | null>(null);
  check = $state<CheckState>({ status: 'idle' });
  thresholdText = $state('');
  /** Where a prefilled threshold came from, shown beside the field; null when typed here. */
  thresholdOrigin = $state<string | null>(null);
  keepColumns = $state(true);
  job = $state<ScoreJob | null>(null);
  result = $state<ScoreResult | null>(null);
  /** A model file being staged (uploaded in the browser). */
  opening = $state<string | null>(null);
  loaded = $state(false);

  finishedRuns = $derived<RunSummary[]>(scorableRuns(runs.list));
  dataset = $derived<DatasetInfo | null>(datasets.list.find((d) => d.id === this.datasetId) ?? null);
  threshold = $derived(parseThreshold(this.thresholdText));
  /** The model as the last check described it. */
  model = $derived<ModelSummary | null>(this.check.status === 'done' ? this.check.result.model : null);
  thresholdUsed = $derived(thresholdInUse(this.model?.threshold ?? null, this.threshold));
  blocker = $derived(
    scoreBlocker({
      hasModel: this.choice !== null,
      hasDataset: this.dataset !== null,
      check: this.check,
      threshold: this.threshold,
      scoring: this.job !== null,
      importing: datasets.importJob !== null,
    }),
  );

  /** The analyst picked the dataset: a model's training data no longer replaces it. */
  private datasetPicked = false;
  /** The Runs view's threshold handed over by openWith, applied with the model it came with. */
  private pendingThreshold: number | null | undefined = undefined;
  private lastRun: ModelChoice | null = null;
  private lastFile: ModelChoice | null = null;
  private checks = 0;
  private abort: AbortController | null = null;
  private project = -1;

  /** Loads the runs and datasets of the project, then settles on what the URL asks for, else what is chosen, else the newest run's champion. */
  async load(): Promise<void> {
    if (this.project !== session.projectRevision) {
      this.project = session.projectRevision;
      this.forget();
    }
    if (!session.project) {
      this.loaded = false;
      return;
    }
    await Promise.all([runs.refresh(), datasets.refresh()]);
    this.loaded = true;
    const w = deepLink.wanted;
    if (w && w.view === 'score') {
      deepLink.clear();
      if (w.id !== null && this.finishedRuns.some((r) => r.id === w.id)) return this.showRun(w.id, w.model, true);
      if (w.id !== null) notices.info(`Run #${w.id} has no finished models to score with; choose another.`);
    }
    // Checked again on every visit: a column's kind may have been changed in the Data view since.
    if (this.mode === 'file') return this.choice ? this.settleDataset() : undefined;
    const chosen = this.choice?.kind === 'run' ? this.choice : null;
    const run = (chosen && this.finishedRuns.find((r) => r.id === chosen.runId)) ?? this.finishedRuns[0];
    if (run) return this.showRun(run.id, chosen?.runId === run.id ? chosen.modelId : null, true);
    this.choice = null;
    this.check = { status: 'idle' };
  }

  /** A run's model (its champion when `modelId` is null or not in the run); a run that is gone or unfinished changes nothing. */
  showRun(runId: number, modelId: string | null, recheck = false): void {
    const run = this.finishedRuns.find((r) => r.id === runId);
    const model = run ? settleModel(run, modelId) : null;
    if (!run || model === null) return;
    this.choose({ kind: 'run', runId, modelId: model }, { contentHash: run.datasetHash, name: run.datasetName }, recheck);
  }

  /**
   * "Score with this model…" in the Runs view: opens this view on the model,
   * with the Runs view's threshold (null: it was left at the default). The
   * view's load applies it, as a link, once the runs are listed again (the
   * run may have finished since this view last listed them).
   */
  openWith(runId: number, modelId: string, threshold: number | null): void {
    this.pendingThreshold = threshold;
    deepLink.wanted = { view: 'score', id: runId, model: modelId, tab: null };
    session.section = 'score';
  }

  /** A `.assaymodel` file the analyst picked: uploaded to the host (web) or located (desktop), then checked. */
  async openFile(file: File): Promise<void> {
    this.opening = file.name;
    try {
      const staged = await session.client.stageFile(file);
      this.choose({ kind: 'file', path: staged.path, displayName: staged.displayName }, null);
    } catch (err) {
      notices.error(err, `Could not open ${file.name}`);
    } finally {
      this.opening = null;
    }
  }

  /** The source switch: back to the run model or file chosen before, else the newest run's champion or nothing. */
  setMode(mode: 'run' | 'file'): void {
    if (mode === this.mode) return;
    this.mode = mode;
    const last = mode === 'run' ? this.lastRun : this.lastFile;
    if (last?.kind === 'run' && this.finishedRuns.some((r) => r.id === last.runId)) return this.showRun(last.runId, last.modelId);
    if (last?.kind === 'file') return this.choose(last, null);
    if (mode === 'run' && this.finishedRuns[0]) return this.showRun(this.finishedRuns[0].id, null);
    this.choice = null;
    this.result = null;
    void this.runCheck();
  }

  /** The run select: that run's champion. */
  chooseRun(runId: number): void {
    this.showRun(runId, null);
  }

  /** The model select, within the chosen run. */
  chooseModel(modelId: string): void {
    if (this.choice?.kind === 'run') this.showRun(this.choice.runId, modelId);
  }

  /** The threshold field as typed; validated as it changes (see `threshold`). */
  setThreshold(text: string): void {
    this.thresholdText = text;
    this.thresholdOrigin = null;
  }

  chooseDataset(id: number): void {
    this.datasetPicked = true;
    if (id === this.datasetId) return;
    this.datasetId = id;
    this.result = null;
    void this.runCheck();
  }

  /** Imports a file as the Data view does, and checks the model against it once it is in. */
  async importDataset(file: File): Promise<void> {
    const before = new Set(datasets.list.map((d) => d.id));
    await datasets.importFile(file);
    const added = datasets.list.find((d) => !before.has(d.id));
    if (added) this.chooseDataset(added.id);
  }

  async score(): Promise<void> {
    const choice = this.choice;
    const dataset = this.dataset;
    if (this.blocker !== null || !choice || !dataset || !this.threshold.ok) return;
    const abort = new AbortController();
    this.abort = abort;
    this.job = { datasetName: dataset.name, progress: null, cancelling: false };
    this.result = null;
    try {
      const outcome = await session.client.call(
        'model.score',
        { source: modelSource(choice), datasetId: dataset.id, threshold: this.threshold.value, keepColumns: this.keepColumns },
        { onProgress: (p) => this.job && (this.job = { ...this.job, progress: p }), signal: abort.signal },
      );
      datasets.list = [...datasets.list.filter((d) => d.id !== outcome.dataset.id), outcome.dataset];
      this.result = { outcome, scoredName: dataset.name };
    } catch (err) {
      if (err instanceof ApiError && err.code === 'cancelled') notices.info(`The scoring of ${dataset.name} was cancelled; no dataset was made.`);
      else notices.error(err, `Could not score ${dataset.name}`);
    } finally {
      this.job = null;
      this.abort = null;
    }
  }

  cancel(): void {
    if (!this.abort || !this.job) return;
    this.job = { ...this.job, cancelling: true };
    this.abort.abort();
  }

  /** Shows the predictions in the Data view's grid. */
  openPredictions(): void {
    const id = this.result?.outcome.dataset.id;
    if (id === undefined) return;
    datasets.select(id);
    session.section = 'data';
  }

  private choose(choice: ModelChoice, trainedOn: { contentHash: string | null; name: string } | null, recheck = false): void {
    const changed = !sameChoice(choice, this.choice);
    const fromRuns = this.pendingThreshold;
    this.pendingThreshold = undefined;
    if (fromRuns !== undefined) {
      this.thresholdText = fromRuns === null ? '' : String(fromRuns);
      this.thresholdOrigin = fromRuns === null ? null : 'from the Runs view';
    } else if (changed && this.thresholdOrigin !== null) {
      // The Runs view's threshold was that model's; another model starts from its own.
      this.thresholdText = '';
      this.thresholdOrigin = null;
    }
    if (!changed && !recheck && (this.check.status === 'done' || this.check.status === 'checking')) return;
    this.choice = choice;
    this.mode = choice.kind;
    if (choice.kind === 'run') this.lastRun = choice;
    else this.lastFile = choice;
    if (changed) this.result = null;
    this.settleDataset(trainedOn);
  }

  /** The dataset the analyst chose stays; else the model's training data, else the one shown in Data. */
  private settleDataset(trainedOn: { contentHash: string | null; name: string } | null = null): void {
    const exists = datasets.list.some((d) => d.id === this.datasetId);
    if (!exists) this.datasetPicked = false;
    if (!this.datasetPicked) this.datasetId = defaultDataset(datasets.list, trainedOn, this.datasetId ?? datasets.selectedId);
    void this.runCheck();
  }

  private async runCheck(): Promise<void> {
    const n = ++this.checks;
    const choice = this.choice;
    const datasetId = this.datasetId;
    if (!choice || datasetId === null) {
      this.check = { status: 'idle' };
      return;
    }
    this.check = { status: 'checking' };
    try {
      const result = await session.client.call('model.check', { source: modelSource(choice), datasetId });
      if (n !== this.checks) return;
      this.check = { status: 'done', result };
      // A file names the data it was trained on only once read: score that by default when it is in the project.
      if (choice.kind === 'file' && !this.datasetPicked) {
        const trained = defaultDataset(datasets.list, { contentHash: result.model.trainedOn.contentHash, name: result.model.trainedOn.dataset }, datasetId);
        if (trained !== datasetId) {
          this.datasetId = trained;
          void this.runCheck();
        }
      }
    } catch (err) {
      if (n !== this.checks) return;
      this.check = { status: 'error', message: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Another project: nothing chosen in the one before means anything here. */
  private forget(): void {
    this.abort?.abort();
    this.choice = null;
    this.mode = 'run';
    this.lastRun = null;
    this.lastFile = null;
    this.datasetId = null;
    this.datasetPicked = false;
    this.check = { status: 'idle' };
    this.result = null;
    this.thresholdText = '';
    this.thresholdOrigin = null;
    this.checks++;
  }
}

export const scoreView = new ScoreView();
