import { readFileSync } from 'node:fs';
import { makeFrame, type Frame, type FrameColumn } from '../../../src-main/core/recipe/frame';
import { CsvTokenizer } from '../../../src-main/core/ingest/csvTokenizer';
import { isMissing } from '../../../src-main/core/ingest/missing';

const NUMERIC = new Set([
  '#',
  'video_id',
  'video_duration_sec',
  'video_view_count',
  'video_like_count',
  'video_share_count',
  'video_download_count',
  'video_comment_count',
]);

let cached: Frame | null = null;

/** The bundled sample as a recipe frame, read with the import's own tokenizer. */
export function sampleFrame(): Frame {
  if (cached) return cached;
  const rows: string[][] = [];
  const t = new CsvTokenizer({ delimiter: ',', file: 'sample.csv' });
  const onRow = (f: string[]) => rows.push(f.slice());
  t.push(readFileSync('resources/sample/tiktok_claims_sample.csv', 'utf8'), onRow);
  t.end(onRow);
  const [header, ...data] = rows;
  const entries: [string, FrameColumn][] = header.map((name, j) => {
    if (NUMERIC.has(name)) {
      return [name, { type: 'number', values: Float64Array.from(data, (r) => (isMissing(r[j]) ? NaN : Number(r[j]))) }];
    }
    return [name, { type: 'string', values: data.map((r) => (isMissing(r[j]) ? null : r[j])), kind: name.includes('text') ? 'text' : 'categorical' }];
  });
  cached = makeFrame(data.length, entries);
  return cached;
}
