import type { HeldOutScores, ModelResult, RunRecord } from '../../../../src-main/core/search/runRecord';
import { runs } from '../state/runs.svelte';
import { DEFAULT_THRESHOLD } from '../../../../src-main/core/metrics/thresholds';
import type { TuningSetId } from '../../../../src-main/core/evaluation/tuningSet';
import type { MatrixShares } from '../../../../src-main/core/evaluation/multiclass';

export type RunTab = 'overview' | 'cv' | 'confusion' | 'curves' | 'importance' | 'coefficients';
export type HeldOutSet = 'validation' | 'test';

/** What the Run view shows of the open run: which model, tab, held-out set, decision threshold and the rows it is tuned on. */
class RunView {
  modelId = $state<string | null>(null);
  tab = $state<RunTab>('overview');
  set = $state<HeldOutSet>('test');
  normalize = $state(false);
  threshold = $state(DEFAULT_THRESHOLD);
  /** The rows "Find" tunes the threshold on; null = the least biased one the model has. */
  tuning = $state<TuningSetId | null>(null);
  recallTarget = $state(0.9);
  importance = $state(0);
  /** For more than two classes: what the k×k matrix cells show. */
  shares = $state<MatrixShares>('count');
  /** For more than two classes: the class whose threshold the per-class view slides; null = the rarest. */
  classIndex = $state<number | null>(null);
  /**
   * The per-class view's cut on p(class). Kept apart from `threshold`, which
   * is the binary decision rule a saved or scored model takes with it; a
   * k-class model always decides by its most probable class.
   */
  classThreshold = $state(DEFAULT_THRESHOLD);

  record = $derived<RunRecord | null>(runs.detail?.record ?? null);
  model = $derived<ModelResult | null>(this.record?.models.find((m) => m.modelId === this.modelId) ?? this.record?.models[0] ?? null);
  /** The held-out sets this model has predictions for. */
  sets = $derived<HeldOutSet[]>(
    this.model ? (['test', 'validation'] as const).filter((s) => this.model!.heldOut?.[s] != null) : [],
  );
  scores = $derived<HeldOutScores | null>(this.model && this.sets.length ? (this.model.heldOut[this.sets.includes(this.set) ? this.set : this.sets[0]] ?? null) : null);
  shownSet = $derived<HeldOutSet | null>(this.sets.includes(this.set) ? this.set : (this.sets[0] ?? null));
  isChampion = $derived(!!this.model && this.record?.champion?.modelId === this.model.modelId);

  /** A newly opened run starts on its champion, at the default threshold. */
  reset(record: RunRecord | null): void {
    this.modelId = record?.champion?.modelId ?? record?.models[0]?.modelId ?? null;
    this.threshold = DEFAULT_THRESHOLD;
    this.tuning = null;
    this.importance = 0;
    this.set = 'test';
    this.classIndex = null;
    this.classThreshold = DEFAULT_THRESHOLD;
  }

  selectModel(id: string): void {
    this.modelId = id;
    this.importance = 0;
  }
}

export const runView = new RunView();
