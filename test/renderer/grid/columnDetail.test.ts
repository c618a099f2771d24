import { describe, expect, it } from 'vitest';
import type { CategoricalColumnView, NumericColumnView } from '../../../src-main/core/profile/profileView';
import {
  MAX_BAR_CATEGORIES,
  describeFigures,
  detailCharts,
  formatStat,
  infoFigures,
  noChartReason,
  topValueRows,
  valuesNotListed,
} from '../../../src-renderer/src/lib/grid/columnDetail';

/** video_view_count of the sample, as `assay profile --json` reports it. */
const views: NumericColumnView = {
  name: 'video_view_count',
  type: 'number',
  kind: 'float',
  dtype: 'float64',
  count: 19_084,
  missing: 298,
  missingFraction: 298 / 19_382,
  memoryBytes: 155_056,
  memoryBytesDeep: 155_056,
  describe: { count: 19_084, mean: 257_740.29108153426, std: 323_299.7988766774, min: 20, q25: 5_048, q50: 9_981, q75: 513_250.5, max: 999_961 },
  histogram: { edges: [20, 999_961], counts: [19_084] },
};

const claims: CategoricalColumnView = {
  name: 'claim_status',
  type: 'string',
  kind: 'categorical',
  dtype: 'object',
  count: 19_084,
  missing: 298,
  missingFraction: 298 / 19_382,
  memoryBytes: 155_056,
  memoryBytesDeep: 155_100,
  describe: { count: 19_084, unique: 2, top: 'claim', freq: 9_608 },
  top: { values: ['claim', 'opinion'], counts: [9_608, 9_476], proportions: [9_608 / 19_084, 9_476 / 19_084], total: 19_084, missing: 298 },
};

describe('column detail figures', () => {
  it("formats statistics: grouped integers, two decimals, small numbers by significant digits, NaN as a dash", () => {
    expect(formatStat(19_084)).toBe('19,084');
    expect(formatStat(257_740.29108153426)).toBe('257,740.29');
    expect(formatStat(513_250.5)).toBe('513,250.50');
    expect(formatStat(0.012345)).toBe('0.01235');
    expect(formatStat(-3)).toBe('-3');
    expect(formatStat(null)).toBe('—');
  });

  it("numeric describe() in pandas' order with the exact value kept for the tooltip", () => {
    const f = describeFigures(views);
    expect(f.map((x) => x.label)).toEqual(['count', 'mean', 'std', 'min', '25%', '50%', '75%', 'max']);
    expect(f.map((x) => x.text)).toEqual(['19,084', '257,740.29', '323,299.80', '20', '5,048', '9,981', '513,250.50', '999,961']);
    expect(f[1].exact).toBe('257740.29108153426');
    expect(f[0].exact).toBeNull();
  });

  it('text describe() and the info line with the missing count and share', () => {
    expect(describeFigures(claims).map((x) => [x.label, x.text])).toEqual([
      ['count', '19,084'],
      ['unique', '2'],
      ['top', 'claim'],
      ['freq', '9,608'],
    ]);
    const info = Object.fromEntries(infoFigures(claims, 'categorical').map((x) => [x.label, x.text]));
    expect(info).toMatchObject({ Kind: 'categorical', dtype: 'object', 'Non-null': '19,084', Missing: '298 (1.5%)' });
    expect(Object.fromEntries(infoFigures({ ...views, missing: 0, missingFraction: 0 }, 'float').map((x) => [x.label, x.text])).Missing).toBe('0');
  });

  it('top values with counts and shares, and how many are left out', () => {
    expect(topValueRows(claims)).toEqual([
      { value: 'claim', count: '9,608', percent: '50%', proportion: 9_608 / 19_084 },
      { value: 'opinion', count: '9,476', percent: '50%', proportion: 9_476 / 19_084 },
    ]);
    expect(valuesNotListed(claims)).toBe(0);
    expect(valuesNotListed({ ...claims, describe: { ...claims.describe, unique: 25 } })).toBe(23);
    expect(topValueRows(views)).toEqual([]);
  });
});

describe('column detail charts', () => {
  it('a number gets a histogram with the chosen bins and a box plot', () => {
    expect(detailCharts(views, 'float', { bins: 30, normalize: false })).toEqual([
      { id: 'histogram', request: { kind: 'histogram', x: 'video_view_count', bins: 30 } },
      { id: 'box', request: { kind: 'box', x: 'video_view_count' } },
    ]);
    expect(noChartReason(views, 'float')).toBeNull();
  });

  it('categories and booleans get bar counts, normalized on request (the class balance)', () => {
    expect(detailCharts(claims, 'categorical', { bins: 'auto', normalize: true })).toEqual([
      { id: 'barCounts', request: { kind: 'barCounts', x: 'claim_status', normalize: true } },
    ]);
    expect(detailCharts({ ...views, name: 'ok' }, 'boolean', { bins: 'auto', normalize: false })[0].id).toBe('barCounts');
  });

  it('too many distinct values or no values at all: no chart, and a reason', () => {
    const ids = { ...claims, describe: { ...claims.describe, unique: MAX_BAR_CATEGORIES + 1 } };
    expect(detailCharts(ids, 'identifier', { bins: 'auto', normalize: false })).toEqual([]);
    expect(noChartReason(ids, 'identifier')).toContain('41 distinct values are too many');
    const empty = { ...views, count: 0 };
    expect(detailCharts(empty, 'float', { bins: 'auto', normalize: false })).toEqual([]);
    expect(noChartReason(empty, 'float')).toBe('Every value is missing: nothing to chart.');
  });
});

describe('an integer identifier (the sample\'s video_id)', () => {
  const videoId: CategoricalColumnView = {
    ...claims,
    name: 'video_id',
    kind: 'identifier',
    dtype: 'int64',
    count: 19_382,
    missing: 0,
    missingFraction: 0,
    describe: { count: 19_382, unique: 19_382, top: '7017666017', freq: 1 },
    // pandas 1.5: df['video_id'].describe() (test/fixtures/profile/sample.json).
    describeNumeric: { count: 19_382, mean: 5_576_632_543.829223, std: 2_533_333_202.816259, min: 1_200_086_394, q25: 3_382_956_438, q50: 5_569_156_855.5, q75: 7_748_966_875, max: 9_999_607_730 },
  };

  it("shows pandas' dtype and numeric describe(), the kind staying identifier", () => {
    expect(describeFigures(videoId).map((x) => [x.label, x.text])).toEqual([
      ['count', '19,382'],
      ['mean', '5,576,632,543.83'],
      ['std', '2,533,333,202.82'],
      ['min', '1,200,086,394'],
      ['25%', '3,382,956,438'],
      ['50%', '5,569,156,855.50'],
      ['75%', '7,748,966,875'],
      ['max', '9,999,607,730'],
    ]);
    expect(Object.fromEntries(infoFigures(videoId, 'identifier').map((x) => [x.label, x.text]))).toMatchObject({ Kind: 'identifier', dtype: 'int64' });
  });
});
