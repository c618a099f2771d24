import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import type { RecipeInfo } from '../../core/api/contract';
import { parseRecipe } from '../../core/recipe/schema';

export type StoredRecipe = RecipeInfo;

interface Row {
  id: number;
  name: string;
  json: string;
  created_at: string;
  updated_at: string;
}

const toStored = (r: Row): StoredRecipe => ({
  id: r.id,
  name: r.name,
  recipe: parseRecipe(JSON.parse(r.json), r.name),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listRecipes(db: Database.Database): StoredRecipe[] {
  return (db.prepare('SELECT * FROM recipes ORDER BY name').all() as Row[]).map(toStored);
}

export function getRecipe(db: Database.Database, id: number): StoredRecipe {
  const row = db.prepare('SELECT * FROM recipes WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new ApiError('not-found', `There is no recipe ${id} in this project.`);
  return toStored(row);
}

function uniqueName(db: Database.Database, wanted: string, exceptId: number | null): string {
  const taken = new Set(
    (db.prepare('SELECT name FROM recipes WHERE id IS NOT ?').all(exceptId) as { name: string }[]).map((r) => r.name),
  );
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted} (${i})`)) return `${wanted} (${i})`;
}

/**
 * Saves a recipe after validating it: a new one when `id` is null, else
 * replaces that one. The recipe's own name is the key shown to the analyst;
 * a clash gets a numbered name rather than an error.
 */
export function saveRecipe(db: Database.Database, id: number | null, data: unknown): StoredRecipe {
  const recipe = parseRecipe(data, 'recipe');
  const now = new Date().toISOString();
  const name = uniqueName(db, recipe.name, id);
  const stored = { ...recipe, name };
  if (id === null) {
    const r = db
      .prepare('INSERT INTO recipes (name, json, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(name, JSON.stringify(stored), now, now);
    return getRecipe(db, Number(r.lastInsertRowid));
  }
  getRecipe(db, id);
  db.prepare('UPDATE recipes SET name = ?, json = ?, updated_at = ? WHERE id = ?').run(name, JSON.stringify(stored), now, id);
  return getRecipe(db, id);
}

export function duplicateRecipe(db: Database.Database, id: number): StoredRecipe {
  const original = getRecipe(db, id);
  return saveRecipe(db, null, { ...original.recipe, name: `${original.name} (copy)` });
}

export function recipeExists(db: Database.Database, id: number): boolean {
  return db.prepare('SELECT 1 FROM recipes WHERE id = ?').get(id) !== undefined;
}

/**
 * Deletes a recipe; its runs stay (each keeps its own copy of the recipe) but
 * no longer point to it: SQLite gives the next recipe saved the largest id
 * again, and runs still naming the deleted one would pass for that recipe's.
 */
export function deleteRecipe(db: Database.Database, id: number): void {
  getRecipe(db, id);
  db.transaction(() => {
    db.prepare('UPDATE runs SET recipe_id = NULL WHERE recipe_id = ?').run(id);
    db.prepare('DELETE FROM recipes WHERE id = ?').run(id);
  })();
}
