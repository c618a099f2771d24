import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../src-main/core/profile/profileView';
import { tableImageSchema } from '../../../src-main/core/charts/tableChart';
import {
  columnRows,
  columnsExport,
  correlationExport,
  correlationTable,
  overview,
  valueCountRows,
  valueCountsExport,
  vifExport,
  vifRows,
  type ExportedTable,
} from '../../../src-renderer/src/lib/explore/profileTables';

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

/** What TableExports sends to `table.render` for the picture (displayTable's rule), checked against the host's schema. */
function picture(t: ExportedTable) {
  return tableImageSchema.parse({
    title: t.label,
    header: t.header,
    rows: t.rows.map((r) => r.map((c, i) => (typeof c === 'number' ? t.format(c, i) : c))),
    numeric: t.header.map((_, i) => t.rows.length > 0 && t.rows.every((r) => r[i] === null || typeof r[i] === 'number')),
  });
}

describe('profile tables for export (TSV copy, picture, report slide)', () => {
  const dataset = { name: 'claims', columns: [] };

  it('gives the Columns table with numbers as numbers and the screen’s texts as its format', () => {
    const t = columnsExport(profile, dataset);
    expect(t.label).toBe('Columns of claims');
    expect(t.header).toEqual(['column', 'kind', 'dtype', 'non-null', 'missing', 'missing %', 'mean', 'std', 'min', '25%', '50%', '75%', 'max', 'unique', 'top', 'freq']);
    expect(t.rows).toEqual([
      ['x', 'float', 'float64', 3, 1, 25, 2, 1, 1, 1.5, 2, 2.5, 3, null, null, null],
      ['c', 'categorical', 'object', 4, 0, 0, null, null, null, null, null, null, null, 2, 'a', 3],
    ]);
    const p = picture(t);
    expect(p.rows[0]).toEqual(['x', 'float', 'float64', '3', '1', '25%', '2', '1', '1', '1.50', '2', '2.50', '3', null, null, null]);
    expect(p.numeric).toEqual([false, false, false, true, true, true, true, true, true, true, true, true, true, true, false, true]);
  });

  it('keeps the missing share as a percentage without float noise, and an integer identifier described as numbers', () => {
    const x = { ...profile.columns[0], missingFraction: 0.07 };
    const id = { ...profile.columns[1], name: '#', kind: 'identifier', dtype: 'int64', describeNumeric: { count: 4, mean: 2.5, std: 1.29, min: 1, q25: 1.75, q50: 2.5, q75: 3.25, max: 4 } };
    const t = columnsExport({ ...profile, columns: [x, id] } as unknown as ProfileView, { name: 'd', columns: [{ name: '#', kind: 'identifier' }] as never });
    expect(t.rows[0][5]).toBe(7);
    expect(t.rows[1]).toEqual(['#', 'identifier', 'int64', 4, 0, 0, 2.5, 1.29, 1, 1.75, 2.5, 3.25, 4, null, null, null]);
  });

  it('gives value counts with the share of the non-missing values', () => {
    const t = valueCountsExport(profile, 'c');
    expect([t.label, t.header, t.rows]).toEqual(['Value counts of c', ['value', 'count', 'share'], [['a', 3, 0.75], ['b', 1, 0.25]]]);
    expect(picture(t).rows).toEqual([['a', '3', '75%'], ['b', '1', '25%']]);
    expect(valueCountsExport(profile, 'x').rows).toEqual([]);
  });

  it('gives the VIF with an infinite one as a number shown ∞', () => {
    const t = vifExport(profile);
    expect([t.label, t.header, t.rows]).toEqual(['Variance inflation factors', ['column', 'VIF'], [['x', 1.2], ['y', Infinity]]]);
    expect(picture(t)).toMatchObject({ rows: [['x', '1.20'], ['y', '∞']], numeric: [false, true] });
    expect(vifExport({ ...profile, vif: null }).rows).toEqual([]);
  });

  it('gives the correlation matrix with the row name first, for the chosen method', () => {
    const t = correlationExport(profile, 'pearson')!;
    expect([t.label, t.header, t.rows]).toEqual(['Pearson correlation matrix', ['', 'x', 'y'], [['x', 1, -0.8], ['y', -0.8, 1]]]);
    expect(picture(t).rows[0]).toEqual(['x', '1.00', '-0.80']);
    expect(correlationExport(profile, 'spearman')).toBeNull();
    const spearman = { columns: ['x'], values: [[null]] };
    expect(correlationExport({ ...profile, correlations: { ...profile.correlations, spearman } }, 'spearman')).toMatchObject({ label: 'Spearman correlation matrix', rows: [['x', null]] });
  });

  it('cuts a matrix wider than the picture to its first 39 columns and rows, and says so', () => {
    const names = Array.from({ length: 45 }, (_, i) => `v${i}`);
    const pearson = { columns: names, values: names.map((_, i) => names.map((_, j) => (i === j ? 1 : 0.1))) };
    const t = correlationExport({ ...profile, correlations: { pearson, spearman: null } }, 'pearson')!;
    expect(t.label).toBe('Pearson correlation matrix (first 39 of 45 columns)');
    expect(t.header).toEqual(['', ...names.slice(0, 39)]);
    expect(t.rows.map((r) => r[0])).toEqual(names.slice(0, 39));
    expect(t.rows.every((r) => r.length === 40)).toBe(true);
    expect(() => picture(t)).not.toThrow();
  });

  it('keeps a long table and long texts within the picture’s bounds', () => {
    const columns = Array.from({ length: 501 }, (_, i) => ({ ...profile.columns[1], name: `c${i}`, describe: { count: 4, unique: 2, top: 'é'.repeat(300), freq: 3 } }));
    const t = columnsExport({ ...profile, columns } as unknown as ProfileView, { name: 'n'.repeat(250), columns: [] });
    expect(t.rows).toHaveLength(500);
    expect(t.label).toMatch(/^Columns of n+… \(first 500 of 501 rows\)$/);
    expect(t.label).toHaveLength(200);
    expect(t.rows[0][14]).toBe(`${'é'.repeat(199)}…`);
    expect(() => picture(t)).not.toThrow();
  });
});
