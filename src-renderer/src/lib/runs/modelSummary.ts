import type { RunRecord } from '../../../../src-main/core/search/runRecord';
import { modelLabel } from '../train/trainForm';

/**
 * One row per model: the best candidate's mean CV score, the validation
 * score and, for the champion, the test score of every recipe metric.
 */
export function modelSummaryTable(record: RunRecord): { header: string[]; rows: (string | number | null)[][] } {
  const metrics = Object.keys(record.models[0]?.bestCv ?? {});
  const header = ['model', 'type', 'candidates', ...metrics.map((m) => `CV ${m}`), ...metrics.map((m) => `validation ${m}`), ...metrics.map((m) => `test ${m}`)];
  const rows = record.models.map((m) => {
    const champion = record.champion?.modelId === m.modelId;
    return [
      `${m.modelId}${champion ? ' ★' : ''}${m.partial ? ' (partial)' : ''}`,
      modelLabel(m.type),
      m.candidates,
      ...metrics.map((k) => m.bestCv[k] ?? null),
      ...metrics.map((k) => m.validation?.metrics[k] ?? null),
      ...metrics.map((k) => (champion ? (record.champion!.test.metrics[k] ?? null) : null)),
    ];
  });
  // Columns with no value at all (no validation set, or a run without a champion) are left out.
  const keep = header.map((_, c) => c < 3 || rows.some((r) => r[c] !== null));
  return { header: header.filter((_, c) => keep[c]), rows: rows.map((r) => r.filter((_, c) => keep[c])) };
}
