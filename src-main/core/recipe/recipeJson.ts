/**
 * Recipes as JSON text: the file the CLI runs and the Prepare view imports
 * and exports.
 */
import { jsonErrorLocation, jsonErrorReason, withoutBom } from '../data/jsonSyntax';

export type RecipeText = { ok: true; data: unknown } | { ok: false; message: string; line: number | null; column: number | null };

/** Parses a recipe file's text; a syntax error says where, as "file, line L, column C". */
export function parseRecipeText(text: string, fileName: string): RecipeText {
  try {
    return { ok: true, data: JSON.parse(withoutBom(text)) as unknown };
  } catch (e) {
    const err = e as Error;
    const at = jsonErrorLocation(text, err);
    const reason = jsonErrorReason(err);
    return {
      ok: false,
      message: `${fileName}${at ? `, line ${at.line}, column ${at.column}` : ''}: not valid JSON (${reason}).`,
      line: at?.line ?? null,
      column: at?.column ?? null,
    };
  }
}

/** The recipe as the file Assay writes: two-space JSON with a final newline. */
export function recipeText(recipe: unknown): string {
  return `${JSON.stringify(recipe, null, 2)}\n`;
}

/** A file name for a recipe: its name with characters file systems refuse replaced. */
export function recipeFileName(name: string): string {
  const base = [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 ? '_' : ch))
    .join('')
    .replace(/[\\/:*?"<>|]+/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${base || 'recipe'}.json`;
}
