import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../src-main/core/profile/profileView';
import { columnRows, correlationTable, overview, valueCountRows, vifRows } from '../../../src-renderer/src/lib/explore/profileTables';

const profile = {
  rows: 4,
  shape: [4, 2],
  memoryBytes: 64,
  memoryBytesDeep: 100,
  missing: { cells: 1, rows: 1 },
  duplicates: { count: 1, fraction: 0.25 },
  columns: [
    {
      name: 'x',
      type: 'number',
      kind: 'float',
      dtype: 'float64',
      count: 3,
      missing: 1,
      missingFraction: 0.25,
      memoryBytes: 32,
      memoryBytesDeep: 32,
      describe: { count: 3, mean: 2, std: 1, min: 1, q25: 1.5, q50: 2, q75: 2.5, max: 3 },
      histogram: { edges: [1, 2, 3], counts: [1, 2] },
    },
    {
      name: 'c',
      type: 'string',
      kind: 'categorical',
      dtype: 'object',
      count: 4,
      missing: 0,
      missingFraction: 0,
      memoryBytes: 32,
      memoryBytesDeep: 68,
      describe: { count: 4, unique: 2, top: 'a', freq: 3 },
      top: { values: ['a', 'b'], counts: [3, 1], proportions: [0.75, 0.25], total: 4, missing: 0 },
    },
  ],
  correlations: { pearson: { columns: ['x', 'y'], values: [[1, -0.8], [-0.8, 1]] }, spearman: null },
  vif: { columns: ['x', 'y'], rows: 3, vif: [1.2, null] },
} as unknown as ProfileView;

describe('profile tables', () => {
  it('reads the overview, with shares of the rows', () => {
    const f = Object.fromEntries(overview(profile).map((x) => [x.testId, x.text]));
    expect(f['profile-rows']).toBe('4');
    expect(f['profile-duplicates']).toBe('1 (25%)');
  });

  it('fills describe() for numbers and unique/top/freq for the others', () => {
    const [x, c] = columnRows(profile, []);
    expect([x.missing, x.missingShare, x.mean, x.q75, x.unique]).toEqual(['1', '25%', '2', '2.50', '']);
    expect([c.missingShare, c.mean, c.unique, c.top, c.freq]).toEqual(['0%', '', '2', 'a', '3']);
    expect(valueCountRows(profile, 'c').rows.map((r) => r.percent)).toEqual(['75%', '25%']);
  });

  it("describes an integer identifier as pandas' int64 column, keeping its kind", () => {
    const id = {
      ...profile.columns[1],
      name: '#',
      kind: 'identifier',
      dtype: 'int64',
      describe: { count: 4, unique: 4, top: '1', freq: 1 },
      describeNumeric: { count: 4, mean: 2.5, std: 1.2909944487358056, min: 1, q25: 1.75, q50: 2.5, q75: 3.25, max: 4 },
    };
    const [r] = columnRows({ ...profile, columns: [id] } as unknown as ProfileView, []);
    expect([r.kind, r.dtype, r.mean, r.std, r.min, r.q25, r.max, r.unique, r.top]).toEqual(['identifier', 'int64', '2.50', '1.29', '1', '1.75', '4', '', '']);
  });

  it('marks strong correlations off the diagonal and high or infinite VIF', () => {
    const m = correlationTable(profile, 'pearson')!;
    expect(m.rows[0].cells.map((c) => [c.text, c.strong])).toEqual([
      ['1.00', false],
      ['-0.80', true],
    ]);
    expect(correlationTable(profile, 'spearman')).toBeNull();
    expect(vifRows(profile)).toEqual([
      { column: 'x', text: '1.20', high: false },
      { column: 'y', text: '∞', high: true },
    ]);
  });
});
