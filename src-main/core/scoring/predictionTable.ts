/**
 * The predictions table, as `assay score` writes it and the Score view shows
 * it: `row` (the 1-based data row of the input), `prediction`, one
 * `p_<class>` per class in the model's order, and `note`; with the input
 * columns kept, they come first. An input column whose name the table uses
 * is kept as "<name> (input)".
 */
import type { Cell } from '../data/spreadsheetSafe';
import type { ScoredRows } from './scoreRows';

export function predictionColumns(classes: readonly string[]): string[] {
  return ['row', 'prediction', ...classes.map((c) => `p_${c}`), 'note'];
}

/** The header: the kept input columns (renamed where they clash), then the prediction columns. */
export function predictionHeader(classes: readonly string[], kept: readonly string[] = []): string[] {
  const ours = predictionColumns(classes);
  const taken = new Set(ours);
  const inputs = kept.map((name) => {
    let n = name;
    while (taken.has(n)) n = `${n} (input)`;
    taken.add(n);
    return n;
  });
  return [...inputs, ...ours];
}

/** Row `i` of a scored chunk: its kept input cells, its 1-based row number, the prediction, the probabilities and the note. */
export function predictionRow(scored: ScoredRows, i: number, rowNumber: number, classes: readonly string[], kept: readonly Cell[] = []): Cell[] {
  const k = scored.predicted[i];
  const cells: Cell[] = [...kept, rowNumber, k < 0 ? null : classes[k]];
  for (let c = 0; c < classes.length; c++) {
    const p = scored.proba[i * classes.length + c];
    cells.push(Number.isNaN(p) ? null : p);
  }
  cells.push(scored.notes[i]);
  return cells;
}
