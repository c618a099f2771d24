import type { RecipeExportFormat } from '../../../../src-main/core/recipeExport/exportFormats';

/** What "Export as Python…" writes from: a saved recipe, or a run's own copy of its recipe. */
export type RecipeExportSource = { recipeId: number } | { runId: number };

export interface PythonFormatChoice {
  format: RecipeExportFormat;
  label: string;
  detail: string;
}

export const PYTHON_FORMAT_CHOICES: readonly PythonFormatChoice[] = [
  { format: 'sklearn', label: 'Script (.py)', detail: 'python3 FILE.py [DATA.csv]: pandas, scikit-learn and XGBoost; prints the run as JSON.' },
  { format: 'notebook', label: 'Notebook (.ipynb)', detail: 'The same program for Jupyter, one cell per step with a note on each.' },
];

/** Why a Prepare recipe cannot be exported yet, or null when it can: the export writes the saved recipe. */
export function prepareExportBlocker(o: { openId: number | null; dirty: boolean; issues: number }): string | null {
  if (o.issues > 0) return 'Fix the marked fields first';
  if (o.openId === null || o.dirty) return 'Save the recipe first: the export writes the saved recipe';
  return null;
}

/** The dialog's title for what is exported. */
export function exportSubject(source: RecipeExportSource, name: string): string {
  return 'runId' in source ? `Export run #${source.runId}'s recipe as Python` : `Export “${name}” as Python`;
}
