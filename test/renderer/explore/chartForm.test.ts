import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../src-main/core/data/columns';
import { chartRequestSchema } from '../../../src-main/core/charts/request';
import { columnRoles, defaultForm, describeChart, fieldsOf, parseBins, presets, toRequest, type ChartForm } from '../../../src-renderer/src/lib/explore/chartForm';

const col = (index: number, name: string, kind: ColumnInfo['kind']): ColumnInfo => ({ index, name, kind }) as ColumnInfo;
const SAMPLE: ColumnInfo[] = [
  col(0, '#', 'identifier'),
  col(1, 'claim_status', 'categorical'),
  col(2, 'video_id', 'identifier'),
  col(3, 'video_duration_sec', 'integer'),
  col(4, 'video_transcription_text', 'text'),
  col(5, 'verified_status', 'categorical'),
  col(6, 'video_view_count', 'float'),
];

describe('chart form', () => {
  const roles = columnRoles(SAMPLE, null);

  it('offers numbers and text lengths as quantities, categories to group by, never identifiers', () => {
    expect(roles.numeric.map((o) => o.label)).toEqual(['video_duration_sec', 'Length of video_transcription_text', 'video_view_count']);
    expect(roles.categorical).toEqual(['claim_status', 'verified_status']);
    expect(roles.heatmap).toEqual(['video_duration_sec', 'video_view_count']);
  });

  it('turns each preset into a valid chart request', () => {
    const list = presets(roles, defaultForm(roles));
    expect(list.map((p) => p.id)).toEqual(['box-views', 'length-by-claim', 'heatmap', 'balance']);
    for (const p of list) {
      const r = toRequest(p.form);
      expect(r.ok).toBe(true);
      if (r.ok) expect(chartRequestSchema.safeParse(r.request).success).toBe(true);
    }
    const length = toRequest(list[1].form);
    expect(length.ok && length.request).toMatchObject({ kind: 'histogram', x: { lengthOf: 'video_transcription_text' }, hue: 'claim_status' });
  });

  it('says why a form cannot make a chart yet', () => {
    const base = defaultForm(roles);
    const cases: [Partial<ChartForm>, RegExp][] = [
      [{ kind: 'heatmap', columns: ['video_view_count'] }, /at least two numeric columns/],
      [{ kind: 'barCounts', category: 'claim_status', hue: 'claim_status' }, /different column/],
      [{ kind: 'histogram', x: '' }, /numeric column for the x axis/],
      [{ kind: 'groupedMean', category: '' }, /categorical column to group by/],
    ];
    for (const [patch, why] of cases) {
      const r = toRequest({ ...base, ...patch });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(why);
    }
  });

  it('takes "auto" or a whole number of bins, and says what is wrong with anything else', () => {
    expect([parseBins(''), parseBins(' Auto '), parseBins('25'), parseBins('500')]).toEqual(['auto', 'auto', 25, 500]);
    expect([parseBins('0'), parseBins('501'), parseBins('2.5'), parseBins('ten')]).toEqual([null, null, null, null]);
    const base = { ...defaultForm(roles), kind: 'histogram' as const, x: 'video_view_count' };
    const ok = toRequest({ ...base, bins: '40' });
    expect(ok.ok && ok.request).toEqual({ kind: 'histogram', x: 'video_view_count', bins: 40 });
    const bad = toRequest({ ...base, bins: '2.5' });
    expect(bad.ok ? '' : bad.reason).toBe('Bins must be "auto" or a whole number from 1 to 500, not "2.5".');
  });

  it('stacks or dodges classes only when there is a hue, and normalizes bar counts on request', () => {
    const base = { ...defaultForm(roles), x: 'video_view_count', multiple: 'dodge' as const };
    const plain = toRequest({ ...base, kind: 'histogram' });
    expect(plain.ok && plain.request).not.toHaveProperty('multiple');
    const split = toRequest({ ...base, kind: 'histogram', hue: 'verified_status' });
    expect(split.ok && split.request).toMatchObject({ hue: 'verified_status', multiple: 'dodge' });
    const shares = toRequest({ ...base, kind: 'barCounts', category: 'claim_status', hue: 'verified_status', normalize: true });
    expect(shares.ok && shares.request).toEqual({ kind: 'barCounts', x: 'claim_status', hue: 'verified_status', normalize: true });
  });

  it('offers no seed presets for a dataset without the seed columns', () => {
    const other = columnRoles([col(0, 'a', 'float'), col(1, 'b', 'text')], null);
    expect(presets(other, defaultForm(other))).toEqual([]);
  });

  it('sends only the texts the analyst typed, trimmed', () => {
    const r = toRequest({ ...defaultForm(roles), kind: 'box', x: 'video_view_count', category: '', title: '  Views  ', xLabel: ' ' });
    expect(r.ok && r.request).toEqual({ kind: 'box', x: 'video_view_count', title: 'Views' });
    expect(describeChart({ ...defaultForm(roles), kind: 'box', x: 'video_view_count', category: 'claim_status' })).toBe('Box plot of video_view_count by claim_status');
  });

  it('offers log axes on a scatter plot only, and sends only those ticked', () => {
    const scatter = { ...defaultForm(roles), kind: 'scatter' as const, x: 'video_view_count', y: 'video_duration_sec' };
    expect(fieldsOf('scatter').log).toBe(true);
    expect(fieldsOf('histogram').log).toBe(false);
    const plain = toRequest(scatter);
    expect(plain.ok && plain.request).toEqual({ kind: 'scatter', x: 'video_view_count', y: 'video_duration_sec' });
    const logged = toRequest({ ...scatter, logX: true });
    expect(logged.ok && logged.request).toEqual({ kind: 'scatter', x: 'video_view_count', y: 'video_duration_sec', logX: true });
    if (logged.ok) expect(chartRequestSchema.safeParse(logged.request).success).toBe(true);
    // A tick left over from a scatter plot does not leak into another kind.
    const box = toRequest({ ...scatter, kind: 'box', category: '', logX: true, logY: true });
    expect(box.ok && box.request).toEqual({ kind: 'box', x: 'video_view_count' });
  });
});
