import { describe, expect, it } from 'vitest';
import { buildChart } from '../../../src-main/core/charts';
import { formatMean, groupedMean, groupMeans } from '../../../src-main/core/charts/groupedMean';
import { humanize, inSentence, missingNote } from '../../../src-main/core/charts/spec';
import { numberColumn, stringColumn } from '../../../src-main/core/recipe/frame';
import { sampleFrame } from '../recipe/sampleFrame';
import { chartFixtures, loose, seriesOf } from './fixtures';

describe('groupedMean', () => {
  it('is groupby().mean(): keys sorted, missing keys dropped, missing values skipped', () => {
    const r = groupedMean({
      kind: 'groupedMean',
      by: { name: 'claim_status', values: ['b', 'a', 'b', null, 'a'] },
      y: { name: 'video_view_count', values: [1, 2, 3, 4, NaN] },
    });
    expect(r.groups).toEqual([
      { group: 'a', mean: 2, n: 1 },
      { group: 'b', mean: 2, n: 2 },
    ]);
    expect(r.note).toBe('1 row with a missing claim status skipped · 1 missing value skipped');
    const [s] = seriesOf(r.option);
    expect(s.data.map((d: { value: number }) => d.value)).toEqual([2, 2]);
    expect(s.label.formatter({ value: 2 })).toBe('2.00');
    const o = loose(r.option);
    expect(o.title.text).toBe('Mean video view count by claim status');
    expect(o.xAxis.data).toEqual(['a', 'b']);
  });

  it('matches pandas on the sample', () => {
    const f = sampleFrame();
    const { groups } = groupMeans({
      by: { name: 'claim_status', values: stringColumn(f, 'claim_status', 't') },
      y: { name: 'video_view_count', values: numberColumn(f, 'video_view_count', 't') },
    });
    expect(groups.map((g) => g.group)).toEqual(chartFixtures.groupMeans.groups);
    groups.forEach((g, i) => expect(g.mean).toBeCloseTo(chartFixtures.groupMeans.means[i], 6));
  });

  it('formats bar labels readably', () => {
    expect([formatMean(506956.887), formatMean(5052.13), formatMean(12.345)]).toEqual(['506,957', '5,052', '12.35']);
  });
});

describe('chart specs', () => {
  it('derive texts from column names', () => {
    expect(humanize('video_view_count')).toBe('Video view count');
    expect(humanize('claimStatus')).toBe('Claim status');
    expect(inSentence('claim_status')).toBe('claim status');
    expect(inSentence('ID_count')).toBe('ID count');
    expect(missingNote(0)).toBeUndefined();
  });

  it('buildChart dispatches on kind, and every chart is static with a white background', () => {
    const x = { name: 'n', values: [1, 2, 3, 4] };
    const c = { name: 'c', values: ['a', 'b', 'a', 'b'] };
    const results = [
      buildChart({ kind: 'histogram', x }),
      buildChart({ kind: 'box', x }),
      buildChart({ kind: 'barCounts', x: c }),
      buildChart({ kind: 'heatmap', matrix: [[1]], labels: ['n'] }),
      buildChart({ kind: 'scatter', x, y: x }),
      buildChart({ kind: 'groupedMean', by: c, y: x }),
    ];
    for (const { option } of results) {
      expect(option.animation).toBe(false);
      expect(option.backgroundColor).toBe('#ffffff');
    }
    expect(seriesOf(results[3].option)[0].type).toBe('heatmap');
  });
});
