import type { RecipeInfo } from '../../../../src-main/core/api/contract';
import type { ModelKind } from '../../../../src-main/core/ml/params';
import type { ModelPreset } from '../../../../src-main/core/ml/presets';
import type { RunEstimate } from '../../../../src-main/core/search/runSummary';
import { datasets } from '../state/datasets.svelte';
import { notices } from '../state/notices.svelte';
import { runs } from '../state/runs.svelte';
import { session } from '../state/session.svelte';
import { canRedo, canUndo, record, redo, startHistory, undo, type History } from '../prepare/history';
import { applyForm, applyPreset, formFromRecipe, formIssues, newModel, type FormIssue, type TrainForm } from './trainForm';

/** How long typing pauses before the estimate is asked for. */
export const ESTIMATE_DELAY_MS = 300;

const same = (a: TrainForm, b: TrainForm) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The Train view's state: which recipe and dataset, the tuning form of the
 * recipe's models and search settings, the host's estimate of the search,
 * and starting it (saving the recipe first when the form changed it).
 */
class TrainEditor {
  recipes = $state<RecipeInfo[]>([]);
  recipeId = $state<number | null>(null);
  /** Chosen dataset; null means the one the recipe names. */
  datasetId = $state<number | null>(null);
  form = $state<TrainForm | null>(null);
  saved = $state<TrainForm | null>(null);
  estimate = $state<RunEstimate | null>(null);
  estimateError = $state<string | null>(null);
  starting = $state(false);
  /** Snapshots of the form for undo; the form itself is edited in place. */
  history = $state.raw<History<TrainForm> | null>(null);
  /** An action waiting for the analyst to drop unsaved changes. */
  pendingDiscard = $state<{ what: string; run: () => void } | null>(null);

  recipe = $derived(this.recipes.find((r) => r.id === this.recipeId) ?? null);
  issues = $derived<FormIssue[]>(this.form ? formIssues(this.form) : []);
  dirty = $derived(this.form !== null && this.saved !== null && !same(this.form, this.saved));
  canUndo = $derived(this.history !== null && canUndo(this.history));
  canRedo = $derived(this.history !== null && canRedo(this.history));
  dataset = $derived(
    this.datasetId !== null
      ? (datasets.list.find((d) => d.id === this.datasetId) ?? null)
      : (datasets.list.find((d) => d.name === this.recipe?.recipe.dataset.name) ?? null),
  );

  private timer: ReturnType<typeof setTimeout> | null = null;
  private sequence = 0;
  private loadedId: number | null = null;

  async refresh(): Promise<void> {
    if (!session.project) {
      this.recipes = [];
      this.recipeId = null;
      this.form = null;
      return;
    }
    try {
      this.recipes = await session.client.call('recipe.list', {});
    } catch (err) {
      notices.error(err, 'Could not list the recipes');
      return;
    }
    const keep = this.recipes.find((r) => r.id === this.recipeId);
    if (!keep) this.select(this.recipes[0]?.id ?? null);
    else if (this.loadedId !== keep.id || !this.dirty) this.load(keep);
  }

  chooseDataset(id: number): void {
    this.datasetId = id;
    this.schedule();
  }

  /** Opens another recipe, asking first when the form has unsaved changes. */
  choose(id: number): void {
    if (id === this.recipeId) return;
    if (this.dirty) this.pendingDiscard = { what: 'open another recipe', run: () => this.select(id) };
    else this.select(id);
  }

  confirmDiscard(): void {
    const p = this.pendingDiscard;
    this.pendingDiscard = null;
    p?.run();
  }

  select(id: number | null): void {
    this.recipeId = id;
    this.datasetId = null;
    const r = this.recipes.find((x) => x.id === id);
    if (r) this.load(r);
    else {
      this.form = null;
      this.saved = null;
      this.estimate = null;
    }
  }

  private load(r: RecipeInfo): void {
    this.form = formFromRecipe(r.recipe);
    this.saved = formFromRecipe(r.recipe);
    this.history = startHistory(formFromRecipe(r.recipe));
    this.loadedId = r.id;
    this.schedule();
  }

  issueAt(path: string): string | null {
    return this.issues.find((i) => i.path === path)?.message ?? null;
  }

  setField(model: number, name: string, text: string): void {
    if (!this.form) return;
    this.form.models[model].fields[name] = text;
    this.changed(`field:${model}:${name}`);
  }

  setModelId(model: number, id: string): void {
    if (!this.form) return;
    this.form.models[model].id = id;
    this.changed(`id:${model}`);
  }

  addModel(type: ModelKind): void {
    if (!this.form) return;
    this.form.models.push(newModel(type, this.form.models.map((m) => m.id)));
    this.changed();
  }

  removeModel(model: number): void {
    if (!this.form) return;
    this.form.models.splice(model, 1);
    this.changed();
  }

  usePreset(model: number, preset: ModelPreset): void {
    if (!this.form) return;
    this.form.models[model] = applyPreset(this.form.models[model], preset);
    this.changed();
  }

  resetModel(model: number): void {
    if (!this.form) return;
    const m = this.form.models[model];
    this.form.models[model] = { ...newModel(m.type, []), id: m.id };
    this.changed();
  }

  /**
   * Called after every edit: the edit becomes an undo step (typing in one
   * field is one step, by `key`) and the estimate follows once typing pauses.
   */
  changed(key: string | null = null): void {
    if (this.form && this.history) this.history = record(this.history, structuredClone($state.snapshot(this.form)) as TrainForm, key);
    this.schedule();
  }

  undo(): void {
    if (!this.history || !canUndo(this.history)) return;
    this.history = undo(this.history);
    this.form = structuredClone(this.history.present);
    this.schedule();
  }

  redo(): void {
    if (!this.history || !canRedo(this.history)) return;
    this.history = redo(this.history);
    this.form = structuredClone(this.history.present);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refreshEstimate(), ESTIMATE_DELAY_MS);
  }

  revert(): void {
    if (this.saved) this.form = structuredClone($state.snapshot(this.saved)) as TrainForm;
    this.changed();
  }

  private async refreshEstimate(): Promise<void> {
    const r = this.recipe;
    if (!r || !this.form || this.issues.length > 0) {
      this.estimate = null;
      this.estimateError = null;
      return;
    }
    const seq = ++this.sequence;
    try {
      const recipe = applyForm(r.recipe, $state.snapshot(this.form) as TrainForm);
      const e = await session.client.call('run.estimate', { recipe, ...(this.dataset ? { datasetId: this.dataset.id } : {}) });
      if (seq !== this.sequence) return;
      this.estimate = e;
      this.estimateError = null;
    } catch (err) {
      if (seq !== this.sequence) return;
      this.estimate = null;
      this.estimateError = err instanceof Error ? err.message : String(err);
    }
  }

  /** Saves the form into the recipe; returns whether it is stored. */
  async save(): Promise<boolean> {
    const r = this.recipe;
    if (!r || !this.form || this.issues.length > 0) return false;
    if (!this.dirty) return true;
    try {
      const stored = await session.client.call('recipe.save', { id: r.id, recipe: applyForm(r.recipe, $state.snapshot(this.form) as TrainForm) });
      this.recipes = this.recipes.map((x) => (x.id === stored.id ? stored : x));
      this.load(stored);
      return true;
    } catch (err) {
      notices.error(err, 'Could not save the recipe');
      return false;
    }
  }

  /** Saves, then puts the search in the run queue. */
  async start(): Promise<boolean> {
    if (this.starting || !this.recipe) return false;
    this.starting = true;
    try {
      if (!(await this.save())) return false;
      const s = await runs.start(this.recipe.id, this.dataset?.id);
      return s !== null;
    } finally {
      this.starting = false;
    }
  }
}

export const trainEditor = new TrainEditor();
