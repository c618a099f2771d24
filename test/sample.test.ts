import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLUMNS, DEFAULT_SEED, classCounts, csvField, generateRows, sampleCsvChunks } from '../scripts/generate-sample';
import { SAMPLE, splitCsvLine } from './sampleCsv';

function readSample(): { header: string[]; rows: Record<string, string>[] } {
  const lines = readFileSync(SAMPLE, 'utf8').split('\n');
  expect(lines.pop()).toBe(''); // file ends with a newline
  const header = splitCsvLine(lines[0]);
  const rows = lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    expect(cells).toHaveLength(header.length);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
  return { header, rows };
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('committed sample CSV', () => {
  const { header, rows } = readSample();

  it('has the 12 seed columns in order and 19,382 rows numbered 1..N', () => {
    expect(header).toEqual([...COLUMNS]);
    expect(rows).toHaveLength(19_382);
    rows.forEach((r, i) => expect(r['#']).toBe(String(i + 1)));
  });

  it('has 298 rows without claim_status, which also miss transcription and counts', () => {
    const missing = rows.filter((r) => r.claim_status === '');
    expect(missing).toHaveLength(298);
    for (const r of missing) {
      expect(r.video_transcription_text).toBe('');
      expect(r.video_view_count).toBe('');
      expect(r.video_comment_count).toBe('');
      expect(r.verified_status).not.toBe('');
    }
  });

  it('is balanced between claims and opinions, with ~6 % verified authors', () => {
    const labelled = rows.filter((r) => r.claim_status !== '');
    const claims = labelled.filter((r) => r.claim_status === 'claim').length;
    expect(labelled.every((r) => r.claim_status === 'claim' || r.claim_status === 'opinion')).toBe(true);
    expect(claims / labelled.length).toBeGreaterThanOrEqual(0.47);
    expect(claims / labelled.length).toBeLessThanOrEqual(0.53);
    const verified = rows.filter((r) => r.verified_status === 'verified').length / rows.length;
    expect(verified).toBeGreaterThanOrEqual(0.05);
    expect(verified).toBeLessThanOrEqual(0.07);
    expect(new Set(rows.map((r) => r.verified_status))).toEqual(new Set(['verified', 'not verified']));
    expect(new Set(rows.map((r) => r.author_ban_status))).toEqual(new Set(['active', 'under review', 'banned']));
  });

  it('has distinct 10-digit video ids and integer durations 5..60', () => {
    const ids = rows.map((r) => r.video_id);
    expect(ids.every((id) => /^[1-9]\d{9}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const durations = rows.map((r) => Number(r.video_duration_sec));
    expect(durations.every((d) => Number.isInteger(d) && d >= 5 && d <= 60)).toBe(true);
  });

  it('writes counts as floats and claims get far more views than opinions', () => {
    const labelled = rows.filter((r) => r.claim_status !== '');
    expect(labelled.every((r) => /^\d+\.0$/.test(r.video_view_count) && /^\d+\.0$/.test(r.video_comment_count))).toBe(true);
    const views = (cls: string) => labelled.filter((r) => r.claim_status === cls).map((r) => Number(r.video_view_count));
    expect(mean(views('claim'))).toBeGreaterThan(5 * mean(views('opinion')));
  });
});

describe('generator', () => {
  it('gives identical text for the same seed and different text for another seed', () => {
    const text = (seed: number) => [...sampleCsvChunks(2_000, seed, 4_096)].join('');
    const a = text(DEFAULT_SEED);
    expect(text(DEFAULT_SEED)).toBe(a);
    expect(text(DEFAULT_SEED + 1)).not.toBe(a);
    expect(a.split('\n')).toHaveLength(2_000 + 2);
  });

  it('reproduces the committed file with its default arguments', () => {
    expect([...sampleCsvChunks()].join('')).toBe(readFileSync(SAMPLE, 'utf8'));
  });

  it('scales the class blocks with the row count', () => {
    expect(classCounts(19_382)).toEqual({ claims: 9_608, opinions: 9_476, missing: 298 });
    const rows = [...generateRows(2_000, 7)];
    expect(rows.filter((r) => r.claimStatus === null)).toHaveLength(Math.round((298 / 19_382) * 2_000));
  });

  it('quotes CSV fields with commas or quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('12,000 teeth')).toBe('"12,000 teeth"');
    expect(csvField('the word "sofa"')).toBe('"the word ""sofa"""');
  });
});
