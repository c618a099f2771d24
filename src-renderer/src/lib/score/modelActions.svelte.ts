import type { ExportFormat } from '../../../../src-main/core/modelExport/exportFormats';
import { saveFile } from '../charts/saveFile';
import { notices } from '../state/notices.svelte';
import { session } from '../state/session.svelte';
import { exportChoices } from './exportChoices';

export interface RunModelRef {
  runId: number;
  modelId: string;
  type: string;
}

export interface ExportedFile {
  fileName: string;
  /** For the analyst: renamed features, a threshold the file records but does not apply. */
  notes: string[];
}

/**
 * A run's model leaving the Runs view: "Save model…" (the `.assaymodel`
 * file, with the Runs view's threshold) and "Export model…" (XGBoost JSON or
 * ONNX, with the exporter's notes). One action at a time: the buttons wait
 * for the file being made.
 */
class ModelActions {
  busy = $state<'save' | 'export' | null>(null);

  /** `threshold`: the Runs view's, null for the argmax rule. */
  async save(m: RunModelRef, threshold: number | null): Promise<void> {
    if (this.busy) return;
    this.busy = 'save';
    try {
      const f = await session.client.call('model.file', { runId: m.runId, modelId: m.modelId, threshold });
      saveFile(f.fileName, f.mime, f.data, true);
      notices.info(`Saved ${f.fileName}${threshold === null ? '' : ` with the decision threshold ${threshold}`}.`);
    } catch (err) {
      notices.error(err, `Could not save model "${m.modelId}" of run #${m.runId}`);
    } finally {
      this.busy = null;
    }
  }

  /** The file saved and the exporter's notes, or null when nothing was saved (a notice says why); a format the model cannot take is refused here, as the host would. */
  async export(m: RunModelRef, format: ExportFormat, threshold: number | null): Promise<ExportedFile | null> {
    if (this.busy) return null;
    const refused = exportChoices(m.type).find((c) => c.format === format)?.unavailable;
    if (refused) {
      notices.error(refused, `Could not export model "${m.modelId}"`);
      return null;
    }
    this.busy = 'export';
    try {
      const f = await session.client.call('model.export', { runId: m.runId, modelId: m.modelId, format, threshold });
      saveFile(f.fileName, f.mime, f.data, true);
      notices.info([`Exported ${f.fileName}.`, ...f.notes].join(' '));
      return { fileName: f.fileName, notes: f.notes };
    } catch (err) {
      notices.error(err, `Could not export model "${m.modelId}" of run #${m.runId}`);
      return null;
    } finally {
      this.busy = null;
    }
  }
}

export const modelActions = new ModelActions();
