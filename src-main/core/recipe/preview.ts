import type { z } from 'zod';
import { ApiError } from '../api/errors';
import type { FeatureMatrix } from '../ml/types';
import { isMissingAt, type Frame } from './frame';
import { humanMessage } from './issueMessages';
import { prepare, type PreparedData } from './pipeline';
import { describeRecipePath, stepName, upperFirst } from './recipePaths';
import { recipeSchema, type Recipe, type Step } from './schema';
import { STEPS } from './steps';
import type { FittedStep, RowRole } from './steps/stepTypes';
import {
  featureWarnings,
  imbalanceWarning,
  leakageWarnings,
  rareClassWarnings,
  staticLeakNotes,
  targetMissingWarning,
  type ClassCount,
  type RecipeWarning,
} from './warnings';

/**
 * What the Prepare view shows while a recipe is edited: the recipe run by
 * `prepare` on the dataset, reduced to JSON-safe figures — the rows of each
 * part, the final columns, the target's classes, the first training rows and
 * the warnings.
 *
 * Two relaxations let an unfinished recipe preview at once:
 * - a recipe without a split step is checked as if it had one at the end, and
 *   its steps run on the whole table (mode `whole`), with a warning that
 *   training needs a split;
 * - when a step fails, the steps before it run on the whole table, so the
 *   analyst still sees the columns the failing step was given (mode `whole`,
 *   with `failure` naming the step).
 */
export const PREVIEW_ROWS = 50;
/** Columns of the preview table beyond this are listed but not shown (a large vocabulary adds thousands). */
export const PREVIEW_TABLE_COLUMNS = 60;

export type PreviewCell = number | string | null;

export interface FieldError {
  /** JSON path into the recipe, e.g. ['steps', 2, 'columns']. */
  path: (string | number)[];
  /** The path as the editors name it, e.g. "step 3 (drop columns) · columns". */
  where: string;
  message: string;
}

export interface StepFailure {
  /** 0-based index of the failing step; absent when the failure comes after the steps (target, features). */
  step?: number;
  op?: Step['op'];
  /** The column the message is about, when it names one. */
  column?: string;
  message: string;
}

export interface PreviewColumn {
  name: string;
  type: 'number' | 'text';
  role: 'feature' | 'target' | 'other';
}

export type PreviewPart = 'train' | 'validation' | 'test' | 'whole';

/** The target's classes over the prepared rows (every part together), in the models' class order. */
export interface TargetBalance {
  column: string;
  classes: { name: string; count: number; share: number }[];
}

export interface RecipePreview {
  /** Problems in the recipe document, by JSON path; the steps did not run when there are any. */
  fieldErrors: FieldError[];
  failure: StepFailure | null;
  /** `split`: parts as `prepare` makes them; `whole`: no split yet, or a step failed; `none`: nothing ran. */
  mode: 'split' | 'whole' | 'none';
  rows: { input: number } & Partial<Record<PreviewPart, number | null>>;
  /** The final table's columns in order: the features, then the target (`split`); every column (`whole`). */
  columns: PreviewColumn[];
  features: string[];
  /** `positive` is null for a target with more than two classes (and while a binary recipe has not chosen it). */
  target: { column: string; positive: string | null; classes: string[]; counts: { part: PreviewPart; counts: ClassCount[] }[] } | null;
  /** How the prepared rows divide among the target's classes, for any number of classes; null when the target is not there. */
  targetBalance: TargetBalance | null;
  /** The first rows of the training part (or of the whole table). */
  table: { columns: string[]; rows: PreviewCell[][]; hiddenColumns: number };
  warnings: RecipeWarning[];
}

const NO_SPLIT = { op: 'split', test: 0.25 } as const;

function fieldErrors(issues: readonly z.core.$ZodIssue[], input: unknown): FieldError[] {
  return issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    where: describeRecipePath(i.path, input),
    message: humanMessage(i),
  }));
}

function emptyPreview(rows: number, extra: Partial<RecipePreview>): RecipePreview {
  return {
    fieldErrors: [],
    failure: null,
    mode: 'none',
    rows: { input: rows },
    columns: [],
    features: [],
    target: null,
    targetBalance: null,
    table: { columns: [], rows: [], hiddenColumns: 0 },
    warnings: [],
    ...extra,
  };
}

/**
 * Validates `input` as a recipe and previews it on `data`. Never throws for
 * a bad recipe: schema problems come back as field errors, run problems as
 * a failure naming the step.
 */
export function previewRecipe(input: unknown, data: Frame): RecipePreview {
  const hasSplit = Array.isArray((input as { steps?: unknown })?.steps)
    ? ((input as { steps: unknown[] }).steps).some((s) => (s as { op?: unknown })?.op === 'split')
    : true;
  // Without a split the recipe is checked with one appended, then runs without it.
  const candidate = hasSplit ? input : { ...(input as object), steps: [...(input as { steps: unknown[] }).steps, NO_SPLIT] };
  const parsed = recipeSchema.safeParse(candidate);
  if (!parsed.success) return emptyPreview(data.rows, { fieldErrors: fieldErrors(parsed.error.issues, candidate) });
  const recipe: Recipe = hasSplit ? parsed.data : { ...parsed.data, steps: parsed.data.steps.slice(0, -1) };

  if (!hasSplit) {
    const trace = traceSteps(recipe, data, 'all');
    const preview = wholePreview(recipe, data, trace.frame, trace.failure);
    preview.warnings.unshift(
      {
        severity: 'info',
        code: 'no-split',
        message: 'There is no split step yet, so the preview shows the whole table. Add a split step before training; steps that learn from the data belong after it.',
      },
      ...missingTarget(recipe, trace.frame),
    );
    return preview;
  }

  let prepared: PreparedData;
  try {
    prepared = prepare(recipe, data);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const trace = traceSteps(recipe, data, 'train');
    const failure = trace.failure ?? { message, column: quotedName(message) };
    const preview = wholePreview(recipe, data, trace.frame, failure);
    // The trace stops at a failing step; the target is checked on the rows the split would get.
    const atSplit = trace.failure ? [] : missingTarget(recipe, trace.frame);
    preview.warnings.unshift(...atSplit, ...leakageWarnings(staticLeakNotes(recipe)));
    return preview;
  }
  return splitPreview(recipe, data, prepared);
}

function splitPreview(recipe: Recipe, data: Frame, p: PreparedData): RecipePreview {
  const target = recipe.target.column;
  const counts = (part: PreviewPart, y: Int32Array): { part: PreviewPart; counts: ClassCount[] } => {
    const n = new Array<number>(p.classes.length).fill(0);
    for (let i = 0; i < y.length; i++) n[y[i]]++;
    return { part, counts: p.classes.map((label, k) => ({ label, rows: n[k] })) };
  };
  const parts = [counts('train', p.train.y), ...(p.validation ? [counts('validation', p.validation.y)] : []), counts('test', p.test.y)];
  const warnings = [...leakageWarnings(p.leakage), ...featureWarnings(p.train.X, vocabularies(p))];
  const imbalance = imbalanceWarning(target, parts[0].counts);
  if (imbalance) warnings.push(imbalance);
  warnings.push(...rareClassWarnings(target, parts[0].counts, recipe.cv.folds));
  const all = p.classes.map((label, k) => ({ label, rows: parts.reduce((s, part) => s + part.counts[k].rows, 0) }));
  return {
    fieldErrors: [],
    failure: null,
    mode: 'split',
    rows: { input: data.rows, train: p.train.X.rows, validation: p.validation ? p.validation.X.rows : null, test: p.test.X.rows },
    columns: [...p.features.map((name): PreviewColumn => ({ name, type: 'number', role: 'feature' })), { name: target, type: 'text', role: 'target' }],
    features: p.features,
    target: { column: target, positive: recipe.target.positive ?? null, classes: [...p.classes], counts: parts },
    targetBalance: targetBalance(target, all),
    table: matrixTable(p.train.X, p.train.y, p.classes, target),
    warnings,
  };
}

function targetBalance(column: string, counts: readonly ClassCount[]): TargetBalance {
  const total = counts.reduce((s, c) => s + c.rows, 0);
  return { column, classes: counts.map((c) => ({ name: c.label, count: c.rows, share: total ? c.rows / total : 0 })) };
}

/** The n-gram columns the recipe's vectorizers learned. */
function vocabularies(p: PreparedData): Set<string> {
  const out = new Set<string>();
  for (const learned of Object.values(p.learned)) {
    const vocabulary = (learned as { vocabulary?: unknown } | null)?.vocabulary;
    if (Array.isArray(vocabulary)) for (const v of vocabulary) out.add(String(v));
  }
  return out;
}

function matrixTable(X: FeatureMatrix, y: Int32Array, classes: readonly string[], target: string): RecipePreview['table'] {
  const shown = Math.min(X.columns.length, PREVIEW_TABLE_COLUMNS);
  const n = Math.min(X.rows, PREVIEW_ROWS);
  const rows: PreviewCell[][] = [];
  for (let i = 0; i < n; i++) {
    const row: PreviewCell[] = [];
    for (let j = 0; j < shown; j++) row.push(jsonNumber(X.columns[j][i]));
    row.push(classes[y[i]]);
    rows.push(row);
  }
  return { columns: [...X.names.slice(0, shown), target], rows, hiddenColumns: X.columns.length - shown };
}

function wholePreview(recipe: Recipe, data: Frame, frame: Frame, failure: StepFailure | null): RecipePreview {
  const target = recipe.target.column;
  const names = frame.names;
  const features = names.includes(target) ? (recipe.features ?? names.filter((n) => n !== target)) : [];
  const featureSet = new Set(features);
  const columns = names.map(
    (name): PreviewColumn => ({
      name,
      type: frame.columns.get(name)!.type === 'number' ? 'number' : 'text',
      role: name === target ? 'target' : featureSet.has(name) ? 'feature' : 'other',
    }),
  );
  const classes = classCounts(frame, target);
  const warnings: RecipeWarning[] = [];
  const imbalance = classes && classes.length >= 2 ? imbalanceWarning(target, classes, 'table') : null;
  if (imbalance) warnings.push(imbalance);
  if (classes) warnings.push(...rareClassWarnings(target, classes, recipe.cv.folds, 'rows of the table'));
  return {
    ...emptyPreview(data.rows, {}),
    failure,
    mode: 'whole',
    rows: { input: data.rows, whole: frame.rows },
    columns,
    features,
    target: classes ? { column: target, positive: recipe.target.positive ?? null, classes: classes.map((c) => c.label), counts: [{ part: 'whole', counts: classes }] } : null,
    targetBalance: classes && classes.length ? targetBalance(target, classes) : null,
    table: frameTable(frame),
    warnings,
  };
}

function frameTable(frame: Frame): RecipePreview['table'] {
  const names = frame.names.slice(0, PREVIEW_TABLE_COLUMNS);
  const cols = names.map((n) => frame.columns.get(n)!);
  const rows: PreviewCell[][] = [];
  for (let i = 0; i < Math.min(frame.rows, PREVIEW_ROWS); i++) {
    rows.push(cols.map((c) => (c.type === 'number' ? jsonNumber(c.values[i]) : c.values[i])));
  }
  return { columns: names, rows, hiddenColumns: frame.names.length - names.length };
}

/** The target's classes and their rows, sorted by label; missing values are not a class. */
function classCounts(frame: Frame, target: string): ClassCount[] | null {
  const c = frame.columns.get(target);
  if (!c) return null;
  const counts = new Map<string, number>();
  for (let i = 0; i < frame.rows; i++) {
    if (isMissingAt(c, i)) continue;
    const v = c.type === 'number' ? String(c.values[i]) : c.values[i]!;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([label, rows]) => ({ label, rows }));
}

function missingTarget(recipe: Recipe, frame: Frame): RecipeWarning[] {
  const w = targetMissingWarning(recipe.target.column, frame);
  return w ? [w] : [];
}

const jsonNumber = (v: number): number | null => (Number.isFinite(v) ? v : null);

const quotedName = (message: string): string | undefined => /"([^"]+)"/.exec(message)?.[1];

/**
 * Runs the steps one by one on all rows (the split passes them through) to
 * find the first that fails. Steps after the split are applied as to
 * training rows, so resampling still happens in the trace.
 */
function traceSteps(recipe: Recipe, data: Frame, afterSplit: RowRole): { frame: Frame; failure: StepFailure | null } {
  let frame = data;
  let role: RowRole = 'all';
  for (let i = 0; i < recipe.steps.length; i++) {
    const step = recipe.steps[i];
    if (step.op === 'split') {
      role = afterSplit;
      continue;
    }
    try {
      const impl = STEPS[step.op] as { fit(f: Frame, s: Step, c: { target: string }): FittedStep };
      frame = impl.fit(frame, step, { target: recipe.target.column }).apply(frame, role);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return {
        frame,
        failure: { step: i, op: step.op, column: quotedName(err.message), message: `${upperFirst(stepName(i, step.op))}: ${err.message}` },
      };
    }
  }
  return { frame, failure: null };
}
