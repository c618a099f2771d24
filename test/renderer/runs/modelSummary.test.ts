import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../src-main/core/search/runRecord';
import { modelSummaryTable } from '../../../src-renderer/src/lib/runs/modelSummary';

const model = (modelId: string, recall: number) => ({ modelId, type: 'randomForest', candidates: 4, partial: false, bestCv: { recall }, validation: null });

describe('the Models table', () => {
  it('prints each metric column with the decimals that separate its models (0.9943 vs 0.9941)', () => {
    const record = { models: [model('rf', 0.9943), model('xgb', 0.9941)], champion: null } as unknown as RunRecord;
    const t = modelSummaryTable(record);
    expect(t.header).toEqual(['model', 'type', 'candidates', 'CV recall']);
    expect(t.rows.map((r) => t.format(r[3] as number, 3))).toEqual(['0.9943', '0.9941']);
    // Counts keep their thousands separators.
    expect(t.format(11450, 2)).toBe('11,450');
  });

  it('keeps three decimals where they already tell the models apart', () => {
    const record = { models: [model('rf', 0.91), model('xgb', 0.87)], champion: null } as unknown as RunRecord;
    const t = modelSummaryTable(record);
    expect(t.format(0.91, 3)).toBe('0.910');
  });
});
