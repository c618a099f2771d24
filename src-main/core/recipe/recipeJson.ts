/**
 * Recipes as JSON text: the file the CLI runs and the Prepare view imports
 * and exports.
 */

/**
 * Turns JSON.parse's "at position N" into a 1-based line and column, for
 * messages. V8 says "position N" for every syntax error; an unexpected end
 * of input has no position, and is placed after the last character.
 */
export function jsonErrorLocation(text: string, error: Error): { line: number; column: number } | null {
  const m = /position (\d+)/.exec(error.message);
  const pos = m ? Number(m[1]) : /end of (JSON )?input/i.test(error.message) ? text.length : null;
  if (pos === null) return null;
  const before = text.slice(0, pos).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

export type RecipeText = { ok: true; data: unknown } | { ok: false; message: string; line: number | null; column: number | null };

/** Parses a recipe file's text; a syntax error says where, as "file, line L, column C". */
export function parseRecipeText(text: string, fileName: string): RecipeText {
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (e) {
    const err = e as Error;
    const at = jsonErrorLocation(text, err);
    // V8's message repeats the position and sometimes the line; the location says it better.
    const reason = err.message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
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
