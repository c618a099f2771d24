import { readFileSync } from 'node:fs';
import type { ColumnKind } from '../../../src-main/core/data/columns';
import { makeFrame, type Frame } from '../../../src-main/core/recipe/frame';
import { prepare, type PreparedData } from '../../../src-main/core/recipe/pipeline';
import { parseRecipe, type Recipe } from '../../../src-main/core/recipe/schema';
import { sampleFrame } from '../recipe/sampleFrame';

export const ROW_ID = '__raw_row';

export function shippedRecipe(file: string): Recipe {
  return parseRecipe(JSON.parse(readFileSync(`resources/recipes/${file}`, 'utf8')));
}

/** The columns of a frame as a dataset describes them. */
export function frameColumns(frame: Frame): { name: string; kind: ColumnKind }[] {
  return frame.names.map((name) => {
    const c = frame.columns.get(name)!;
    return { name, kind: c.type === 'number' ? 'float' : (c.kind ?? 'categorical') };
  });
}

/**
 * The recipe prepared as a run prepares it, and which raw row each held-out
 * row is: the recipe runs again with a row-number column carried as one more
 * feature (the last), so the split's choice can be read off its matrices.
 */
export function preparedWithRawRows(recipe: Recipe, frame: Frame = sampleFrame()) {
  const prepared = prepare(recipe, frame);
  const ids = Float64Array.from({ length: frame.rows }, (_, i) => i);
  const tagged = makeFrame(frame.rows, [...frame.names.map((n) => [n, frame.columns.get(n)!] as [string, never]), [ROW_ID, { type: 'number', values: ids }]]);
  const traced: Recipe = {
    ...recipe,
    features: [...prepared.features, ROW_ID],
    steps: recipe.steps.map((s) => (s.op === 'selectColumns' ? { ...s, columns: [...s.columns, ROW_ID] } : s)),
  };
  const withIds = prepare(traced, tagged);
  const rowsOf = (part: PreparedData['test'] | null) => (part ? Array.from(part.X.columns.at(-1)!) : []);
  return { prepared, frame, rows: { train: rowsOf(withIds.train), validation: rowsOf(withIds.validation), test: rowsOf(withIds.test) } };
}
