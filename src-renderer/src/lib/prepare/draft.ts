import type { z } from 'zod';
import { RECIPE_VERSION, type RecipeInput, type stepSchema, type StepOp } from '../../../../src-main/core/recipe/schema';
import { stepType } from './stepCatalog';

/**
 * The recipe being edited: the recipe's JSON as the schema reads it, whose
 * values may still be invalid (an empty column list, a share of 1.5). The
 * editing operations never change a draft; they return a new one, so every
 * version can be kept for undo.
 */
export type StepDraft = z.input<typeof stepSchema>;
export type RecipeDraft = Omit<RecipeInput, 'steps'> & { steps: StepDraft[] };

export interface DatasetChoice {
  name: string;
  contentHash: string;
}

/** The model a new recipe starts with, since a recipe needs one; the Train view edits models. */
export const DEFAULT_MODELS: RecipeDraft['models'] = [{ id: 'logreg', type: 'logisticRegression', params: {}, grid: {} }];

export function newDraft(name: string, dataset: DatasetChoice | null): RecipeDraft {
  return {
    version: RECIPE_VERSION,
    name,
    dataset: dataset ? datasetRef(dataset) : { name: '' },
    target: { column: '', positive: '' },
    steps: [],
    models: structuredClone(DEFAULT_MODELS),
  };
}

const HASH = /^[0-9a-f]{64}$/;

function datasetRef(d: DatasetChoice): RecipeDraft['dataset'] {
  return { name: d.name, contentHash: HASH.test(d.contentHash) ? d.contentHash : null };
}

/** Points the recipe at another dataset of the project; a file path written for the old one no longer applies. */
export function setDataset(draft: RecipeDraft, d: DatasetChoice): RecipeDraft {
  if (draft.dataset.name === d.name) return draft;
  return { ...draft, dataset: datasetRef(d) };
}

export function setName(draft: RecipeDraft, name: string): RecipeDraft {
  return { ...draft, name };
}

/** A new target forgets the positive class, which belonged to the old one. */
export function setTarget(draft: RecipeDraft, column: string): RecipeDraft {
  if (draft.target.column === column) return draft;
  const features = draft.features?.filter((f) => f !== column);
  return { ...draft, target: { column, positive: '' }, ...(draft.features ? { features: features!.length ? features : undefined } : {}) };
}

export function setPositive(draft: RecipeDraft, positive: string): RecipeDraft {
  return { ...draft, target: { ...draft.target, positive } };
}

/** null: every column but the target; else the chosen list, in order. */
export function setFeatures(draft: RecipeDraft, features: string[] | null): RecipeDraft {
  const next = { ...draft };
  if (features === null) delete next.features;
  else next.features = [...features];
  return next;
}

export function toggleFeature(draft: RecipeDraft, column: string, on: boolean, order: readonly string[]): RecipeDraft {
  const current = new Set(draft.features ?? []);
  if (on) current.add(column);
  else current.delete(column);
  // Keep the table's column order, then any chosen name the table does not have (yet).
  const ordered = [...order.filter((c) => current.has(c)), ...[...current].filter((c) => !order.includes(c))];
  return setFeatures(draft, ordered);
}

/** Adds a step of the given type with its defaults, at `at` or else at the end; where it belongs is the analyst's call (the preview warns of leaks). */
export function addStep(draft: RecipeDraft, op: StepOp, at?: number): RecipeDraft {
  const step = stepType(op).create();
  const steps = [...draft.steps];
  steps.splice(at ?? steps.length, 0, step);
  return { ...draft, steps };
}

export function removeStep(draft: RecipeDraft, index: number): RecipeDraft {
  if (index < 0 || index >= draft.steps.length) return draft;
  return { ...draft, steps: draft.steps.filter((_, i) => i !== index) };
}

/** Moves a step up (-1) or down (+1); a move past either end changes nothing. */
export function moveStep(draft: RecipeDraft, index: number, delta: -1 | 1): RecipeDraft {
  const to = index + delta;
  if (index < 0 || index >= draft.steps.length || to < 0 || to >= draft.steps.length) return draft;
  const steps = [...draft.steps];
  [steps[index], steps[to]] = [steps[to], steps[index]];
  return { ...draft, steps };
}

/** Sets one field of a step; `undefined` removes it (the schema's default applies). */
export function setStepField(draft: RecipeDraft, index: number, key: string, value: unknown): RecipeDraft {
  const old = draft.steps[index];
  if (!old || key === 'op') return draft;
  const step = { ...old } as Record<string, unknown>;
  if (value === undefined) delete step[key];
  else step[key] = value;
  const steps = [...draft.steps];
  steps[index] = step as StepDraft;
  return { ...draft, steps };
}

/** Equal drafts serialise equally: key order is kept by every operation above. */
export function sameDraft(a: RecipeDraft | null, b: RecipeDraft | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
