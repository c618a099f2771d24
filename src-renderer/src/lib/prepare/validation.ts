import { humanMessage } from '../../../../src-main/core/recipe/issueMessages';
import { describeRecipePath } from '../../../../src-main/core/recipe/recipePaths';
import { recipeSchema, stepSchema } from '../../../../src-main/core/recipe/schema';
import type { RecipeDraft, StepDraft } from './draft';
import type { FieldSpec } from './stepCatalog';

/**
 * Validation as the analyst types: a field's text is first read as its kind
 * (a number, a list of columns), then the whole draft is checked by the
 * recipe schema — the same one saving uses — and each problem is shown next
 * to the field its JSON path names.
 */
export interface Issue {
  path: (string | number)[];
  /** The path as the editors name it: "step 5 (split) · test share". */
  where: string;
  message: string;
}

const toPath = (p: readonly PropertyKey[]) => p.map((k) => (typeof k === 'number' ? k : String(k)));

/** Every problem of the draft, by JSON path. A missing split is left to the preview, which runs without one. */
export function draftIssues(draft: RecipeDraft): Issue[] {
  const r = recipeSchema.safeParse(draft);
  if (r.success) return [];
  return r.error.issues
    .filter((i) => !(countSplits(draft) === 0 && i.code === 'custom' && i.path.length === 1 && i.path[0] === 'steps'))
    .map((i) => ({ path: toPath(i.path), where: describeRecipePath(i.path, draft), message: humanMessage(i) }));
}

function countSplits(draft: RecipeDraft): number {
  return draft.steps.filter((s) => s.op === 'split').length;
}

/** The problems of one step, by field. */
export function stepIssues(issues: readonly Issue[], index: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    if (i.path[0] !== 'steps' || i.path[1] !== index) continue;
    const key = String(i.path[2] ?? 'op');
    out[key] ??= i.message;
  }
  return out;
}

/** The first problem at exactly this path or below it. */
export function issueAt(issues: readonly Issue[], ...path: (string | number)[]): string | null {
  return issues.find((i) => path.every((p, k) => i.path[k] === p))?.message ?? null;
}

/** A single step checked alone, for a step's own badge. */
export function stepIsValid(step: StepDraft): boolean {
  return stepSchema.safeParse(step).success;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** Reads what was typed into a field of the given kind. */
export function parseField(spec: FieldSpec, text: string): Parsed {
  const t = text.trim();
  switch (spec.kind) {
    case 'columns': {
      const cols = splitColumns(text);
      return { ok: true, value: spec.optional && cols.length === 0 ? undefined : cols };
    }
    case 'column':
      // An optional column (resample's class column) is absent rather than empty.
      return { ok: true, value: t === '' && spec.optional ? undefined : t };
    case 'text':
      return { ok: true, value: t };
    case 'number': {
      if (t === '') return spec.optional ? { ok: true, value: undefined } : { ok: false, error: 'enter a number' };
      const n = Number(t.replace(',', '.'));
      if (!Number.isFinite(n)) return { ok: false, error: `“${t}” is not a number` };
      if (spec.integer && !Number.isInteger(n)) return { ok: false, error: 'enter a whole number' };
      return { ok: true, value: n };
    }
    case 'range': {
      const parts = t.split(/\s*(?:–|-|,|to)\s*/).filter(Boolean);
      if (parts.length !== 2) return { ok: false, error: 'enter min–max, e.g. 2–3' };
      const [a, b] = parts.map(Number);
      if (!Number.isInteger(a) || !Number.isInteger(b)) return { ok: false, error: 'enter two whole numbers' };
      return { ok: true, value: [a, b] };
    }
    default:
      return { ok: true, value: text };
  }
}

/** The text a field shows for a value. */
export function formatField(spec: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (spec.kind === 'columns') return Array.isArray(value) ? value.join(', ') : '';
  if (spec.kind === 'range') return Array.isArray(value) ? `${value[0]}–${value[1]}` : '';
  return String(value);
}

/** Column names typed as a comma-separated list; blanks are ignored. */
export function splitColumns(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
