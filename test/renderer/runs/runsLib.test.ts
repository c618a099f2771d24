import { describe, expect, it } from 'vitest';
import type { ModelResult } from '../../../src-main/core/search/runRecord';
import { confusionCells, shadeColor } from '../../../src-renderer/src/lib/runs/confusionView';
import { cvColumns, cvRows, nextSort } from '../../../src-renderer/src/lib/runs/cvTable';

const row = (candidate: number, depth: number | null, recall: number, fit: number) => ({
  candidate,
  params: { max_depth: depth, random_state: 0 },
  mean: { recall },
  std: { recall: 0.01 },
  rank: { recall: 0 },
  split: {},
  meanFitSeconds: fit,
  meanScoreSeconds: 0,
});

const model = {
  modelId: 'rf',
  cv: { rows: [row(0, 5, 0.97, 2), row(1, null, 0.99, 4), row(2, 7, NaN, 1)], best: 1, refit: 'recall' },
} as unknown as ModelResult;
model.cv.rows.forEach((r, i) => (r.rank.recall = [2, 1, 3][i]));

describe('the CV results table', () => {
  it('shows the parameters that vary, mean ± std, rank and time; sorted by rank, best marked', () => {
    const cols = cvColumns(model, ['recall']);
    expect(cols.map((c) => c.label)).toEqual(['max_depth', 'recall', 'rank (recall)', 'fit time (s)']);
    const rows = cvRows(model, cols, { key: 'rank', descending: false });
    expect(rows.map((r) => r.candidate)).toEqual([1, 0, 2]);
    expect(rows[0].best).toBe(true);
    expect(rows[0].cells['mean:recall'].text).toBe('0.990 ± 0.010');
    expect(rows[0].cells['param:max_depth'].text).toBe('None');
  });

  it('sorts by a metric best first, NaN last, and flips on a second click', () => {
    const cols = cvColumns(model, ['recall']);
    const byRecall = nextSort({ key: 'rank', descending: false }, cols[1]);
    expect(byRecall).toEqual({ key: 'mean:recall', descending: true });
    expect(cvRows(model, cols, byRecall).map((r) => r.candidate)).toEqual([1, 0, 2]);
    expect(cvRows(model, cols, nextSort(byRecall, cols[1])).map((r) => r.candidate)).toEqual([2, 0, 1]);
    expect(cvRows(model, cols, { key: 'param:max_depth', descending: false }).map((r) => r.candidate)).toEqual([0, 2, 1]);
  });

  it('prints a metric with enough decimals to tell neighbouring ranks apart (0.9943 and 0.9941)', () => {
    const close = {
      modelId: 'rf',
      cv: { rows: [row(0, 5, 0.9943, 2), row(1, 6, 0.9932, 4), row(2, 7, 0.9941, 1)], best: 0, refit: 'recall' },
    } as unknown as ModelResult;
    close.cv.rows.forEach((r, i) => (r.rank.recall = [1, 3, 2][i]));
    const cols = cvColumns(close, ['recall']);
    const texts = cvRows(close, cols, { key: 'rank', descending: false }).map((r) => r.cells['mean:recall'].text);
    expect(texts).toEqual(['0.9943 ± 0.0100', '0.9941 ± 0.0100', '0.9932 ± 0.0100']);
  });
});

describe('the confusion matrix cells', () => {
  it('give counts with shares of all rows, or shares of each actual class', () => {
    const c = { tn: 90, fp: 10, fn: 5, tp: 45 };
    const counts = confusionCells(c, false);
    expect(counts.flat().map((x) => x.kind)).toEqual(['tn', 'fp', 'fn', 'tp']);
    expect(counts[0][0].share).toBeCloseTo(0.6);
    expect(counts[0][0].shade).toBe(1);
    const rows = confusionCells(c, true);
    expect(rows[1][1].rowShare).toBeCloseTo(0.9);
    expect(rows[0][0].shade).toBe(1);
    expect(shadeColor(1).color).toBe('#ffffff');
    expect(shadeColor(0)).toEqual({ background: 'rgb(247, 251, 255)', color: '#1f1f1f' });
  });
});
