import type { RecipeInfo } from '../../../../src-main/core/api/contract';
import type { RecipePreview } from '../../../../src-main/core/recipe/preview';
import { parseRecipeText, recipeFileName, recipeText } from '../../../../src-main/core/recipe/recipeJson';
import { saveFile } from '../charts/saveFile';
import { datasets } from '../state/datasets.svelte';
import { notices } from '../state/notices.svelte';
import { session } from '../state/session.svelte';
import { newDraft, sameDraft, type RecipeDraft } from './draft';
import { canRedo, canUndo, record, redo, startHistory, undo, type History } from './history';
import { draftIssues, type Issue } from './validation';

/** How long typing pauses before the preview is asked for. */
export const PREVIEW_DELAY_MS = 350;

export interface ImportProblem {
  fileName: string;
  message: string;
  line: number | null;
  column: number | null;
}

/**
 * The Prepare view's state: the project's recipes, the one being edited (its
 * undo history and last saved version), and the host's preview of it.
 */
class PrepareEditor {
  recipes = $state<RecipeInfo[]>([]);
  loading = $state(false);
  /** The stored recipe being edited; null for a new one not saved yet. */
  openId = $state<number | null>(null);
  history = $state<History<RecipeDraft> | null>(null);
  /** The draft as last saved (or loaded); null for a new recipe. */
  saved = $state<RecipeDraft | null>(null);
  preview = $state<RecipePreview | null>(null);
  previewing = $state(false);
  previewError = $state<string | null>(null);
  importProblem = $state<ImportProblem | null>(null);
  /** The features the last preview gave with "every column but the target", offered when choosing features. */
  allFeatures = $state<string[]>([]);
  saving = $state(false);
  /** Whether the open recipe started as a new one (its model is the default one). */
  isNew = $state(false);
  /** An action waiting for the analyst to discard unsaved changes. */
  pendingDiscard = $state<{ what: string; run: () => void } | null>(null);

  draft = $derived(this.history?.present ?? null);
  dirty = $derived(this.draft !== null && (this.saved === null || !sameDraft(this.draft, this.saved)));
  issues = $derived<Issue[]>(this.draft ? draftIssues(this.draft) : []);
  canUndo = $derived(this.history !== null && canUndo(this.history));
  canRedo = $derived(this.history !== null && canRedo(this.history));
  dataset = $derived(this.draft ? (datasets.list.find((d) => d.name === this.draft!.dataset.name) ?? null) : null);

  private timer: ReturnType<typeof setTimeout> | null = null;
  private sequence = 0;
  /** The dataset the last preview was asked for; null while none could be. */
  private previewedDataset: number | null = null;
  /** A preview waits for the dataset list to arrive. */
  private waitingForDatasets = false;

  async refresh(): Promise<void> {
    if (!session.project) {
      this.recipes = [];
      this.close();
      return;
    }
    this.loading = true;
    try {
      this.recipes = await session.client.call('recipe.list', {});
      if (this.openId !== null && !this.recipes.some((r) => r.id === this.openId)) this.close();
    } catch (err) {
      notices.error(err, 'Could not list the recipes');
    } finally {
      this.loading = false;
    }
  }

  /** Runs `action` now, or once the analyst agrees to drop unsaved changes. */
  guard(what: string, action: () => void): void {
    if (this.dirty) this.pendingDiscard = { what, run: action };
    else action();
  }

  confirmDiscard(): void {
    const p = this.pendingDiscard;
    this.pendingDiscard = null;
    p?.run();
  }

  open(id: number): void {
    if (id === this.openId && this.draft) return;
    this.guard('open another recipe', () => {
      const info = this.recipes.find((r) => r.id === id);
      if (info) this.load(info, false);
    });
  }

  create(): void {
    this.guard('start a new recipe', () => {
      const d = datasets.selected ?? datasets.list[0] ?? null;
      const taken = this.recipes.map((r) => r.name);
      let name = 'New recipe';
      for (let i = 2; taken.includes(name); i++) name = `New recipe ${i}`;
      this.openId = null;
      this.saved = null;
      this.isNew = true;
      this.history = startHistory(newDraft(name, d ? { name: d.name, contentHash: d.contentHash } : null));
      this.importProblem = null;
      this.forgetPreview(null);
      this.schedulePreview(0);
    });
  }

  close(): void {
    this.openId = null;
    this.history = null;
    this.saved = null;
    this.preview = null;
    this.previewError = null;
    this.allFeatures = [];
  }

  private load(info: RecipeInfo, isNew: boolean): void {
    const draft = structuredClone($state.snapshot(info.recipe)) as RecipeDraft;
    this.openId = info.id;
    this.saved = draft;
    this.isNew = isNew;
    this.history = startHistory(draft);
    this.importProblem = null;
    this.forgetPreview(info.id);
    this.schedulePreview(0);
  }

  private previewOf: number | null | undefined = undefined;

  /** Another recipe's preview would mislead while this one's is computed; the same recipe's stays until replaced. */
  private forgetPreview(id: number | null): void {
    if (this.previewOf === id && id !== null) return;
    this.previewOf = id;
    this.preview = null;
    this.previewError = null;
    this.allFeatures = [];
  }

  /** Applies an edit; edits with the same key in a row are one undo step. */
  edit(change: (d: RecipeDraft) => RecipeDraft, key: string | null = null): void {
    if (!this.history) return;
    const next = change(this.history.present);
    if (next === this.history.present) return;
    this.history = record(this.history, next, key);
    this.schedulePreview();
  }

  undo(): void {
    if (!this.history || !canUndo(this.history)) return;
    this.history = undo(this.history);
    this.schedulePreview();
  }

  redo(): void {
    if (!this.history || !canRedo(this.history)) return;
    this.history = redo(this.history);
    this.schedulePreview();
  }

  async save(): Promise<void> {
    const draft = this.draft;
    if (!draft || this.saving) return;
    this.saving = true;
    try {
      const stored = await session.client.call('recipe.save', { id: this.openId, recipe: $state.snapshot(draft) });
      this.recipes = [...this.recipes.filter((r) => r.id !== stored.id), stored].sort((a, b) => a.name.localeCompare(b.name));
      const wasNew = this.isNew;
      this.load(stored, wasNew);
      notices.dismiss();
    } catch (err) {
      notices.error(err, 'Could not save the recipe');
    } finally {
      this.saving = false;
    }
  }

  async duplicate(id: number): Promise<void> {
    this.guard('duplicate a recipe', () => void this.duplicateNow(id));
  }

  private async duplicateNow(id: number): Promise<void> {
    try {
      const copy = await session.client.call('recipe.duplicate', { id });
      this.recipes = [...this.recipes, copy].sort((a, b) => a.name.localeCompare(b.name));
      this.load(copy, false);
    } catch (err) {
      notices.error(err, 'Could not duplicate the recipe');
    }
  }

  async remove(id: number): Promise<void> {
    try {
      await session.client.call('recipe.delete', { id });
      this.recipes = this.recipes.filter((r) => r.id !== id);
      if (this.openId === id) this.close();
    } catch (err) {
      notices.error(err, 'Could not delete the recipe');
    }
  }

  /** Reads a recipe file and stores it in the project; problems say where in the file. */
  async importText(text: string, fileName: string): Promise<void> {
    const parsed = parseRecipeText(text, fileName);
    if (!parsed.ok) {
      this.importProblem = { fileName, message: parsed.message, line: parsed.line, column: parsed.column };
      return;
    }
    try {
      const stored = await session.client.call('recipe.save', { id: null, recipe: parsed.data });
      this.importProblem = null;
      this.recipes = [...this.recipes, stored].sort((a, b) => a.name.localeCompare(b.name));
      this.guard('open the imported recipe', () => this.load(stored, false));
    } catch (err) {
      this.importProblem = { fileName, message: err instanceof Error ? err.message : String(err), line: null, column: null };
    }
  }

  /** The draft as the engine's JSON file (unsaved edits included). */
  exportDraft(): void {
    const draft = this.draft;
    if (!draft) return;
    saveFile(recipeFileName(draft.name), 'application/json', recipeText($state.snapshot(draft)), false);
  }

  /**
   * The dataset list can arrive after the recipe opened (a reload on a deep
   * link races the two requests): the preview is asked for once it does.
   */
  datasetAvailable(id: number | null, listing: boolean): void {
    if (!this.draft || listing) return;
    if (this.waitingForDatasets || (id !== null && id !== this.previewedDataset)) this.schedulePreview(0);
  }

  /** Asks the host for a preview once typing pauses; a newer request makes older answers stale. */
  schedulePreview(delay = PREVIEW_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    // The shown preview belongs to an older draft from now on, not only once the request leaves.
    this.previewing = true;
    this.sequence++;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runPreview();
    }, delay);
  }

  private async runPreview(): Promise<void> {
    const draft = this.draft;
    const dataset = this.dataset;
    const seq = ++this.sequence;
    this.previewedDataset = dataset?.id ?? null;
    this.waitingForDatasets = !dataset && datasets.loading;
    if (!draft) {
      this.previewing = false;
      return;
    }
    // Still listing: datasetAvailable asks again when the list arrives, so no "not in this project" flashes meanwhile.
    if (this.waitingForDatasets) return;
    if (!dataset) {
      this.previewing = false;
      this.preview = null;
      this.previewError = draft.dataset.name
        ? `The dataset “${draft.dataset.name}” is not in this project; choose one of its datasets.`
        : 'Choose a dataset to preview the recipe.';
      return;
    }
    try {
      const preview = await session.client.call('recipe.preview', { datasetId: dataset.id, recipe: $state.snapshot(draft) });
      if (seq !== this.sequence) return;
      this.preview = preview;
      this.previewError = null;
      if (!draft.features && preview.features.length) this.allFeatures = preview.features;
    } catch (err) {
      if (seq !== this.sequence) return;
      this.previewError = err instanceof Error ? err.message : String(err);
    } finally {
      if (seq === this.sequence) this.previewing = false;
    }
  }
}

export const prepareEditor = new PrepareEditor();
