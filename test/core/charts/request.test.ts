/**
 * Chart requests resolved against a frame: columns by name, and the length
 * of a text column as a numeric axis (the seed's text_length histogram).
 */
import { describe, expect, it } from 'vitest';
import { chartFromRequest, chartRequestSchema } from '../../../src-main/core/charts/request';
import { makeFrame } from '../../../src-main/core/recipe/frame';

const frame = makeFrame(5, [
  ['text', { type: 'string', values: ['ab', 'abcd', null, 'a😀', 'abc'] }],
  ['cls', { type: 'string', values: ['x', 'y', 'x', 'y', 'x'] }],
  ['n', { type: 'number', values: Float64Array.from([1, 2, 3, 4, 5]) }],
]);

describe('chartFromRequest', () => {
  it('charts the length of a text column in code points, skipping missing text', () => {
    const request = chartRequestSchema.parse({ kind: 'box', x: { lengthOf: 'text' } });
    const { option, note } = chartFromRequest(frame, request);
    expect(JSON.stringify(option.title)).toContain('Box plot of length of text');
    expect(note).toMatch(/1 row with missing values skipped/);
    // Lengths 2, 4, 2 (the emoji is one code point), 3: median 2.5, min 2, max 4.
    const box = (option.series as { type: string; data: unknown[] }[]).find((s) => s.type === 'boxplot')!;
    expect(JSON.stringify(box.data)).toContain('[2,2,2.5,3.25,4]');
  });

  it('labels a length axis "Length of <column>" and keeps missing text out of every class', () => {
    const f = makeFrame(4, [
      ['video_transcription_text', { type: 'string', values: ['one', null, 'three', 'fo😀r'] }],
      ['claim_status', { type: 'string', values: ['claim', 'claim', null, 'opinion'] }],
    ]);
    const request = chartRequestSchema.parse({ kind: 'histogram', x: { lengthOf: 'video_transcription_text' }, hue: 'claim_status', bins: 2 });
    const { option, note } = chartFromRequest(f, request);
    expect((option.xAxis as { name: string }).name).toBe('Length of video transcription text');
    expect(JSON.stringify(option.title)).toContain('Length of video transcription text by claim status');
    // Row 2 has no text, row 3 no class: two rows skipped, lengths 3 (claim) and 4 (opinion) drawn.
    expect(note).toMatch(/2 rows with missing values skipped/);
    const series = option.series as { name: string; data: number[][] }[];
    const counted = series.map((s) => [s.name, s.data.reduce((n, bar) => n + bar[3] - bar[2], 0)]);
    expect(counted).toEqual([
      ['claim', 1],
      ['opinion', 1],
    ]);
  });

  it('asks for a log axis on either side of a scatter plot, and only there', () => {
    const request = chartRequestSchema.parse({ kind: 'scatter', x: 'n', y: 'n', logX: true });
    const { option } = chartFromRequest(frame, request);
    expect((option.xAxis as { type: string }).type).toBe('log');
    expect((option.yAxis as { type: string }).type).toBe('value');
    expect((chartFromRequest(frame, chartRequestSchema.parse({ kind: 'scatter', x: 'n', y: 'n', logY: true })).option.yAxis as { type: string }).type).toBe('log');
    expect(chartRequestSchema.safeParse({ kind: 'histogram', x: 'n', logX: true }).success).toBe(false);
  });

  it('names the missing text column in the error', () => {
    const request = chartRequestSchema.parse({ kind: 'scatter', x: { lengthOf: 'nope' }, y: 'n' });
    expect(() => chartFromRequest(frame, request)).toThrow(/no column "nope" to measure/);
  });

  it('refuses the length of a numeric column, naming it', () => {
    const request = chartRequestSchema.parse({ kind: 'histogram', x: { lengthOf: 'n' } });
    expect(() => chartFromRequest(frame, request)).toThrow(/"n" is not text/);
  });

  it('accepts a length on histogram, scatter and grouped-mean axes but not as a category', () => {
    expect(chartRequestSchema.safeParse({ kind: 'histogram', x: { lengthOf: 'text' }, hue: 'cls' }).success).toBe(true);
    expect(chartRequestSchema.safeParse({ kind: 'scatter', x: { lengthOf: 'text' }, y: 'n' }).success).toBe(true);
    expect(chartRequestSchema.safeParse({ kind: 'groupedMean', by: 'cls', y: { lengthOf: 'text' } }).success).toBe(true);
    expect(chartRequestSchema.safeParse({ kind: 'barCounts', x: { lengthOf: 'text' } }).success).toBe(false);
  });
});
