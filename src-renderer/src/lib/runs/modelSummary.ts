import type { RunRecord } from '../../../../src-main/core/search/runRecord';
import { modelLabel } from '../train/trainForm';
import { distinguishingDecimals } from '../../../../src-main/core/evaluation/format';

export interface ModelSummaryTable {
  header: string[];
  rows: (string | number | null)[][];
  /** A numeric cell as shown: counts with separators, scores with the decimals that separate the models in that column. */
  format: (v: number, column: number) => string;
}

/**
 * One row per model: the best candidate's mean CV score, the validation
 * score and, for the champion, the test score of every recipe metric.
 */
export function modelSummaryTable(record: RunRecord): ModelSummaryTable {
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
  const kept = rows.map((r) => r.filter((_, c) => keep[c]));
  const digits = kept[0]?.map((_, c) => distinguishingDecimals(kept.map((r) => r[c]).filter((v): v is number => typeof v === 'number'))) ?? [];
  const format = (v: number, column: number) => (column === 2 && Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(digits[column] ?? 3));
  return { header: header.filter((_, c) => keep[c]), rows: kept, format };
}
