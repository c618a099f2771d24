import { isScorerName } from '../../../../src-main/core/metrics/scorers';
import { ApiError } from '../../../../src-main/core/api/errors';
import { DEFAULT_ROPE, type Comparison } from '../../../../src-main/core/compare/types';
import { runsSection } from '../runs/runsSection.svelte';
import { session } from '../state/session.svelte';
import { MIN_COMPARED, modelsOfRun, sameModels, type ComparedRef } from './compareRoute';
import { parseRope, testMetrics } from './compareSettings';

export interface CompareChip {
  label: string;
  /** The run's title and the model type, once the comparison has them. */
  runTitle: string | null;
  type: string | null;
  champion: boolean;
}

/**
 * The comparison the Runs section's Compare mode shows: the models chosen
 * (what the URL holds), the settings of its tests, and the host's answer.
 * Every change of models or settings asks the host again.
 */
class CompareView {
  models = $state<ComparedRef[]>([]);
  /** The link's model list could not be read, so nothing is chosen. */
  unreadableLink = $state(false);
  /** How the models were chosen, when that needs saying (a run with more than four). */
  note = $state<string | null>(null);
  /** The corrected t-test's metric; null = the host's default (the first model's refit metric). */
  metric = $state<string | null>(null);
  ropeText = $state(String(DEFAULT_ROPE));
  exactMcNemar = $state(true);
  /** Confusion matrices as row shares rather than counts. */
  normalize = $state(false);
  /** For targets of more than two classes: the class whose curves against the rest are drawn; null = the rarest. */
  classIndex = $state<number | null>(null);
  /** "Show differences only"; null = on when any parameter differs. */
  differencesChoice = $state<boolean | null>(null);

  comparison = $state<Comparison | null>(null);
  loading = $state(false);
  error = $state<{ message: string; missing: boolean } | null>(null);

  rope = $derived(parseRope(this.ropeText));
  enough = $derived(this.models.length >= MIN_COMPARED);
  metrics = $derived(this.comparison ? testMetrics(this.comparison) : []);
  differencesOnly = $derived(this.differencesChoice ?? this.comparison?.params.some((r) => r.differs) ?? false);
  chips = $derived<CompareChip[]>(
    this.models.map((ref, i) => {
      const m = this.comparison?.models[i];
      return m
        ? { label: m.label, runTitle: m.runTitle, type: m.type, champion: m.champion }
        : { label: `#${ref.runId} ${ref.modelId}`, runTitle: null, type: null, champion: false };
    }),
  );

  private ticket = 0;
  /** The project revision the models were chosen in; 0 = before the app knew its project (a link opened at start). */
  private chosenIn = 0;

  /** Shows the comparison of `models` (the runs table's "Compare", a run's "Compare this run's models"). */
  open(models: ComparedRef[], note: string | null = null): void {
    session.section = 'runs';
    runsSection.mode = 'compare';
    this.show(models, { note });
  }

  /** Compares a run's models: all of them, or its first four with a note. */
  openRun(runId: number, modelIds: readonly string[]): void {
    const { models, note } = modelsOfRun(runId, modelIds);
    this.open(models, note);
  }

  /** Sets the models (from the app or the URL); the same models already shown are not asked for again. */
  show(models: readonly ComparedRef[], how: { note?: string | null; unreadable?: boolean } = {}): void {
    this.unreadableLink = how.unreadable ?? false;
    this.note = how.note ?? null;
    this.chosenIn = session.projectRevision;
    if (sameModels(models, this.models) && (this.comparison || this.loading)) return;
    this.setModels([...models]);
  }

  remove(index: number): void {
    this.note = null;
    this.setModels(this.models.filter((_, i) => i !== index));
  }

  setMetric(metric: string): void {
    this.metric = metric;
    void this.load();
  }

  setRope(text: string): void {
    this.ropeText = text;
    if (this.rope.value !== null) void this.load();
  }

  setExact(exact: boolean): void {
    this.exactMcNemar = exact;
    void this.load();
  }

  /**
   * When the view appears, and whenever another project opens: asks for what is
   * not there yet (a link read before the project was open, an earlier error).
   * Models chosen in another project mean nothing in this one.
   */
  reload(): void {
    const revision = session.projectRevision;
    const otherProject = this.chosenIn !== 0 && this.chosenIn !== revision;
    if (otherProject) {
      this.models = [];
      this.comparison = null;
      this.note = null;
    }
    this.chosenIn = revision;
    if (otherProject || (!this.comparison && !this.loading)) void this.load();
  }

  private setModels(models: ComparedRef[]): void {
    this.models = models;
    // Another set of models may not share the metric, and its table has its own differences.
    this.metric = null;
    this.differencesChoice = null;
    this.comparison = null;
    void this.load();
  }

  private async load(): Promise<void> {
    const mine = ++this.ticket;
    const rope = this.rope.value;
    if (!this.enough || !session.project || rope === null) {
      this.loading = false;
      this.error = null;
      if (!this.enough) this.comparison = null;
      return;
    }
    this.loading = true;
    this.error = null;
    try {
      const c = await session.client.call('run.compare', {
        models: $state.snapshot(this.models),
        ...(this.metric !== null && isScorerName(this.metric) ? { metric: this.metric } : {}),
        rope,
        exactMcNemar: this.exactMcNemar,
      });
      if (mine !== this.ticket) return;
      this.comparison = c;
      this.metric = c.settings.metric;
    } catch (err) {
      if (mine !== this.ticket) return;
      this.comparison = null;
      this.error = { message: err instanceof Error ? err.message : String(err), missing: err instanceof ApiError && err.code === 'not-found' };
    } finally {
      if (mine === this.ticket) this.loading = false;
    }
  }
}

export const compareView = new CompareView();
