import type { ProfileView } from '../../../../src-main/core/profile/profileView';
import type { RecipePreview } from '../../../../src-main/core/recipe/preview';

/**
 * The choices the editor offers: classes for the positive class, columns for
 * the features. They come from what is known so far (the dataset's profile,
 * the last preview), so they are suggestions, never a limit.
 */

/** The target's classes: from the preview when it ran, else the profile's most frequent values, plus the current choice. */
export function positiveChoices(profile: ProfileView | null, target: string, preview: RecipePreview | null, current: string | undefined): string[] {
  const out: string[] = [];
  const add = (v: string) => {
    if (v !== '' && !out.includes(v)) out.push(v);
  };
  if (preview?.target?.column === target) preview.target.classes.forEach(add);
  const col = profile?.columns.find((c) => c.name === target);
  if (col && col.type === 'string') col.top.values.forEach(add);
  if (current !== undefined) add(current);
  return out;
}

/** The previewed target has more than two classes: it takes no positive class (each class is its own). */
export function isMulticlassTarget(preview: RecipePreview | null, target: string): boolean {
  return !!preview?.target && preview.target.column === target && preview.target.classes.length > 2;
}

/**
 * The columns a feature list can choose from: the final columns of the last
 * preview (all but the target), then any chosen name it lacks, then those
 * seen in earlier previews, so switching to a chosen list never hides one.
 */
export function featureChoices(preview: RecipePreview | null, chosen: readonly string[] | undefined, seen: readonly string[]): string[] {
  const out: string[] = [];
  const add = (v: string) => {
    if (!out.includes(v)) out.push(v);
  };
  const target = preview?.target?.column;
  for (const c of preview?.columns ?? []) if (c.role !== 'target' && c.name !== target) add(c.name);
  (chosen ?? []).forEach(add);
  seen.forEach(add);
  return out;
}

/** Names a step field can suggest: the dataset's columns and those the last preview showed. */
export function columnSuggestions(datasetColumns: readonly string[], preview: RecipePreview | null): string[] {
  return [...new Set([...datasetColumns, ...(preview?.columns.map((c) => c.name) ?? [])])];
}
