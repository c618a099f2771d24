import { describe, expect, it } from 'vitest';
import { runChart, runChartRequestSchema } from '../../../src-main/core/charts/runCharts';
import { runChartSpec } from '../../../src-main/core/charts/runChartSpec';
import { compareChart, compareChartSpec } from '../../../src-main/core/charts/compareCharts';
import { buildComparison } from '../../../src-main/core/compare/comparison';
import { banStatusRun } from '../evaluation/multiclassRecord';

type Series = { name: string; type: string; data: unknown[]; label?: { formatter?: string } };
const series = (o: unknown) => (o as { series: Series[] }).series;
const plain = (s: string) => s.replace(/\{\w+\|([^}]*)\}/g, '$1');

describe('run charts of a three-class run', () => {
  const record = banStatusRun();

  it('draws the k×k matrix of the most probable class, counts or shares of rows or columns', () => {
    const spec = runChartSpec(record, 'rf', { kind: 'confusion', set: 'test', normalize: false, threshold: 0.5 });
    expect(spec).toMatchObject({ kind: 'confusion', classes: ['active', 'banned', 'under review'], matrix: record.champion!.test.confusion });
    const cells = (normalize: boolean | 'row' | 'column') =>
      (series(runChart({ ...spec, normalize } as typeof spec).option)[0].data as { value: number[]; label: { formatter: string } }[]).map((c) => plain(c.label.formatter).split('\n')[0]);
    // [[114, 3, 3], [4, 8, 2], [4, 4, 8]]
    expect(cells(false)).toEqual(['114', '3', '3', '4', '8', '2', '4', '4', '8']);
    expect(cells('row').slice(3, 6)).toEqual(['0.29', '0.57', '0.14']);
    expect(cells(true)).toEqual(cells('row'));
    expect([cells('column')[0], cells('column')[3], cells('column')[6]]).toEqual(['0.93', '0.03', '0.03']);
    expect(runChartRequestSchema.safeParse({ kind: 'confusion', set: 'test', normalize: 'column', threshold: null }).success).toBe(true);
    expect(runChartRequestSchema.safeParse({ kind: 'confusion', set: 'test', normalize: 'diagonal', threshold: null }).success).toBe(false);
  });

  it('draws one ROC curve per class against the rest, the macro average and chance', () => {
    const spec = runChartSpec(record, 'rf', { kind: 'roc', set: 'test', threshold: 0.3, classIndex: 1 });
    expect(spec.kind).toBe('rocClasses');
    const names = series(runChart(spec).option).map((s) => s.name);
    expect(names.slice(0, 3).map((n) => n.replace(/ — AUC .*/, ''))).toEqual(['active vs rest', 'banned vs rest', 'under review vs rest']);
    expect(names[3]).toMatch(/^Macro average — AUC 0\.\d{3}$/);
    expect(names[4]).toBe('Chance (AUC = 0.5)');
    expect(names[5]).toBe('banned at p ≥ 0.30');
    expect(names.join(' ')).not.toMatch(/NaN|undefined/);
  });

  it('draws one PR curve per class, the macro AP in the note', () => {
    const r = runChart(runChartSpec(record, 'rf', { kind: 'pr', set: 'validation', threshold: null }));
    expect(series(r.option).map((s) => s.name.replace(/ — AP .*/, ''))).toEqual(['active vs rest', 'banned vs rest', 'under review vs rest']);
    expect(r.note).toMatch(/^macro-average AP 0\.\d{3}/);
  });

  it('says why a class has no curve', () => {
    const r = banStatusRun();
    const t = r.models[0].heldOut.test!;
    // Relabel every "under review" row as "banned": class 2 is then absent.
    const y = t.y.map((v) => (v === 2 ? 1 : v));
    r.models[0].heldOut.test = { ...t, y };
    const out = runChart(runChartSpec(r, 'rf', { kind: 'roc', set: 'test', threshold: null }));
    expect(series(out.option).map((s) => s.name)).not.toContain(expect.stringMatching(/^Macro/));
    expect(out.note).toContain('no curve for under review (no rows, or only its rows); no macro average');
  });
});

describe('comparing three-class models', () => {
  const record = banStatusRun();
  const comparison = buildComparison([
    { run: 1, title: 'ban', record, modelId: 'rf' },
    { run: 1, title: 'ban', record, modelId: 'xgb' },
  ]);

  it('compares k×k matrices and says right and wrong, not misses of a positive class', () => {
    expect(comparison.confusion.matrices[0]?.length).toBe(3);
    const verdict = comparison.pairs[0].verdict;
    expect(verdict).not.toMatch(/undefined|NaN|misses \d+ more/);
    const chart = compareChart(compareChartSpec({ comparison, results: record.models }, { kind: 'confusion', set: 'validation', normalize: false }));
    expect(chart.note).toContain('predicted: the most probable class');
  });

  it('draws one class against the rest for every model, the rarest by default', () => {
    const spec = compareChartSpec({ comparison, results: record.models }, { kind: 'roc', set: 'validation' });
    expect(spec).toMatchObject({ positive: 'banned', subtitle: '“banned” against the other 2 classes, by p(banned)' });
    const chosen = compareChartSpec({ comparison, results: record.models }, { kind: 'pr', set: 'validation', classIndex: 2 });
    expect(chosen).toMatchObject({ positive: 'under review' });
    expect(series(compareChart(chosen).option).length).toBeGreaterThanOrEqual(2);
    expect(() => compareChartSpec({ comparison, results: record.models }, { kind: 'pr', set: 'validation', classIndex: 5 })).toThrow('There is no class 6');
  });
});
