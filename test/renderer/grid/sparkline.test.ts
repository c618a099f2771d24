import { describe, expect, it } from 'vitest';
import type { CategoricalColumnView, NumericColumnView } from '../../../src-main/core/profile/profileView';
import {
  SPARK_HEIGHT,
  SPARK_WIDTH,
  categoryBars,
  formatShare,
  headerSummary,
  histogramBars,
  missingShareLabel,
} from '../../../src-renderer/src/lib/grid/sparkline';

const base = { kind: null, memoryBytes: 8, memoryBytesDeep: 8 } as const;

function numeric(name: string, counts: number[], edges: number[], describe: Partial<NumericColumnView['describe']> = {}): NumericColumnView {
  const count = counts.reduce((a, b) => a + b, 0);
  return {
    ...base,
    name,
    type: 'number',
    dtype: 'float64',
    count,
    missing: 0,
    missingFraction: 0,
    describe: { count, mean: 0, std: 0, min: edges[0] ?? null, q25: 0, q50: 0, q75: 0, max: edges[edges.length - 1] ?? null, ...describe },
    histogram: { edges, counts },
  };
}

function text(name: string, values: string[], counts: number[], unique = values.length, missing = 0): CategoricalColumnView {
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    ...base,
    name,
    type: 'string',
    dtype: 'object',
    count: total,
    missing,
    missingFraction: missing / (total + missing),
    describe: { count: total, unique, top: values[0] ?? null, freq: counts[0] ?? null },
    top: { values, counts, proportions: counts.map((c) => c / total), total, missing },
  };
}

describe('missing share label', () => {
  it("is empty for a complete column and a share otherwise (the sample's 298 of 19,382)", () => {
    expect(missingShareLabel(0, 19_382)).toBe('');
    expect(missingShareLabel(298, 19_382)).toBe('1.5% missing');
    expect(missingShareLabel(2_000, 10_000)).toBe('20% missing');
  });

  it('never rounds a partial column to 0 % or 100 %', () => {
    expect(missingShareLabel(1, 1_000_000)).toBe('<0.1% missing');
    expect(missingShareLabel(999_999, 1_000_000)).toBe('>99.9% missing');
    expect(missingShareLabel(996, 1_000)).toBe('99.6% missing');
    expect(missingShareLabel(10, 10)).toBe('100% missing');
  });

  it('shares: one decimal below 10 %, whole percents above', () => {
    expect(formatShare(0.5034583944665688)).toBe('50%');
    expect(formatShare(0.06211949231245485)).toBe('6.2%');
    expect(formatShare(0.05)).toBe('5%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(1)).toBe('100%');
  });
});

describe('histogram sparkline', () => {
  it('scales the tallest bin to the full height and spreads the bins over the width', () => {
    const bars = histogramBars({ edges: [0, 1, 2, 3, 4], counts: [10, 5, 0, 1] });
    expect(bars).toHaveLength(4);
    expect(bars[0].height).toBe(SPARK_HEIGHT);
    expect(bars[0].y).toBe(0);
    expect(bars[1].height).toBeCloseTo(SPARK_HEIGHT / 2, 9);
    expect(bars[1].y + bars[1].height).toBe(SPARK_HEIGHT);
    expect(bars[2].height).toBe(0);
    // bins sit side by side inside the box, with a gap between them
    expect(bars[0].x).toBeGreaterThanOrEqual(0);
    expect(bars[3].x + bars[3].width).toBeLessThanOrEqual(SPARK_WIDTH);
    expect(bars[1].x).toBeGreaterThan(bars[0].x + bars[0].width);
  });

  it('keeps a single value visible next to a tall bin', () => {
    const bars = histogramBars({ edges: [0, 1, 2], counts: [100_000, 1] });
    expect(bars[1].height).toBe(1);
  });

  it('labels each bin as np.histogram counts it: half-open, the last one closed', () => {
    const bars = histogramBars({ edges: [20, 50_017.05, 100_014.1], counts: [9_925, 1_200] });
    expect(bars[0].label).toBe('20 to under 50,017: 9,925');
    expect(bars[1].label).toBe('50,017 to 100,014: 1,200');
    expect(histogramBars({ edges: [0, 0.25, 0.5], counts: [1, 2] })[0].label).toBe('0 to under 0.25: 1');
  });

  it('draws nothing for an empty or malformed histogram', () => {
    expect(histogramBars({ edges: [], counts: [] })).toEqual([]);
    expect(histogramBars({ edges: [0, 1], counts: [1, 2] })).toEqual([]);
  });
});

describe('category bars', () => {
  it('lists the three most frequent values with their share of the present values', () => {
    const bars = categoryBars({ values: ['active', 'under review', 'banned', 'x'], counts: [15_680, 2_117, 1_585, 1], total: 19_383 });
    expect(bars.map((b) => b.label)).toEqual(['active', 'under review', 'banned']);
    expect(bars[0].proportion).toBeCloseTo(15_680 / 19_383, 12);
    expect(bars.map((b) => b.percent)).toEqual(['81%', '11%', '8.2%']);
  });
});

describe('header summary', () => {
  it('numbers get a histogram with a title saying what it shows', () => {
    const s = headerSummary(numeric('video_view_count', [9_925, 500], [20, 500_000, 999_961]), 'float');
    expect(s.kind).toBe('histogram');
    expect(s.title).toBe('video_view_count: histogram of 10,425 values in 2 bins from 20 to 999,961');
  });

  it('categories get their top values (claim_status: claim and opinion, missing left out)', () => {
    const s = headerSummary(text('claim_status', ['claim', 'opinion'], [9_608, 9_476], 2, 298), 'categorical');
    expect(s.kind).toBe('categories');
    if (s.kind !== 'categories') return;
    expect(s.bars.map((b) => [b.label, b.percent])).toEqual([
      ['claim', '50%'],
      ['opinion', '50%'],
    ]);
    expect(s.title).toContain('claim: 9,608 (50%)');
  });

  it('ids and free text, where no value covers 1 % of rows, get a distinct count instead of bars', () => {
    const ids = headerSummary(text('video_id', ['a', 'b', 'c', 'd'], [1, 1, 1, 1]), 'identifier');
    expect(ids).toMatchObject({ kind: 'distinct', text: 'all 4 distinct' });
    // The sample's transcripts: the most frequent appears twice in 19,084.
    const transcripts = text('video_transcription_text', ['x', 'y'], [2, 1], 19_071);
    transcripts.top.total = 19_084;
    transcripts.count = 19_084;
    expect(headerSummary(transcripts, 'text')).toMatchObject({ kind: 'distinct', text: '19,071 distinct' });
    // In a small table the same counts are a fair share of the rows: bars again.
    expect(headerSummary(text('t', ['x', 'y', 'z'], [2, 1, 1]), 'text').kind).toBe('categories');
  });

  it('a boolean (0/1 in the profile) shows true and false by their share, from the mean', () => {
    const s = headerSummary(numeric('ok', [1, 0, 3], [0, 0.5, 0.75, 1], { mean: 0.75 }), 'boolean');
    expect(s.kind).toBe('categories');
    if (s.kind !== 'categories') return;
    expect(s.bars.map((b) => [b.label, b.count, b.percent])).toEqual([
      ['true', 3, '75%'],
      ['false', 1, '25%'],
    ]);
  });

  it('a column with no values says so', () => {
    const empty = text('x', [], [], 0, 5);
    expect(headerSummary(empty, 'text')).toMatchObject({ kind: 'empty', text: 'all missing' });
  });
});

describe('header summaries under a filter', () => {
  it('say they describe all rows, not the filtered ones, in the label and the title', () => {
    const claims = text('claim_status', ['claim', 'opinion'], [9_608, 9_476], 2, 298);
    const unfiltered = headerSummary(claims, 'categorical');
    expect(unfiltered.scope).toBeUndefined();
    const filtered = headerSummary(claims, 'categorical', { filtered: true });
    expect(filtered.scope).toBe('all rows');
    expect(filtered.title).toMatch(/^claim_status \(all rows; the filter is not applied here\): 2 distinct values/);
    const views = headerSummary(numeric('video_view_count', [9_925, 500], [20, 500_000, 999_961]), 'float', { filtered: true });
    expect(views).toMatchObject({ kind: 'histogram', scope: 'all rows' });
    expect(views.title).toContain('(all rows; the filter is not applied here)');
  });
});
