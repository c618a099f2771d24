import type { RecipeExportFormat } from '../../../../src-main/core/recipeExport/exportFormats';
import { saveFile } from '../charts/saveFile';
import { notices } from '../state/notices.svelte';
import { session } from '../state/session.svelte';
import type { RecipeExportSource } from './exportChoices';

export interface ExportedProgram {
  fileName: string;
  /** Leaking steps kept as the recipe has them, steps written in plain pandas, where the data file is looked for. */
  notes: string[];
}

/**
 * "Export as Python…" in Prepare and Runs: the recipe as a scikit-learn
 * script or Jupyter notebook, saved as a file, its notes in a notice. One
 * export at a time.
 */
class RecipeExport {
  busy = $state(false);

  /** The file saved and its notes, or null when nothing was saved (a notice says why). */
  async export(source: RecipeExportSource, format: RecipeExportFormat, dask: boolean): Promise<ExportedProgram | null> {
    if (this.busy) return null;
    this.busy = true;
    try {
      const f = await session.client.call('recipe.exportPython', { ...source, format, dask });
      saveFile(f.fileName, f.mime, f.data, false);
      notices.info([`Exported ${f.fileName}.`, ...f.notes].join(' '));
      return { fileName: f.fileName, notes: f.notes };
    } catch (err) {
      notices.error(err, 'runId' in source ? `Could not export run #${source.runId}'s recipe as Python` : 'Could not export the recipe as Python');
      return null;
    } finally {
      this.busy = false;
    }
  }
}

export const recipeExport = new RecipeExport();
