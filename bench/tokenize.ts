/**
 * Micro-benchmark of the CSV tokenizer: 1,000,000 rows × 12 columns generated
 * in memory (shaped like the seed TikTok data), fed in 1 MiB chunks.
 * Run: npx tsx bench/tokenize.ts
 */
import { CsvTokenizer } from '../src-main/core/ingest/csvTokenizer';

const ROWS = 1_000_000;
const CHUNK = 1 << 20;

function generate(): string {
  const words = ['someone', 'shared', 'with', 'me', 'that', 'drone', 'deliveries', 'are', 'already', 'happening', 'soil', 'planet'];
  const parts: string[] = [
    '#,claim_status,video_id,video_duration_sec,video_transcription_text,verified_status,author_ban_status,video_view_count,video_like_count,video_share_count,video_download_count,video_comment_count\n',
  ];
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let r = 1; r <= ROWS; r++) {
    let text = '';
    const len = 6 + rand(10);
    for (let w = 0; w < len; w++) text += (w ? ' ' : '') + words[rand(words.length)];
    // Every 10th transcription is quoted with an embedded comma, like real exports.
    if (r % 10 === 0) text = `"${text}, ""really"""`;
    parts.push(
      `${r},${rand(2) ? 'claim' : 'opinion'},${1000000000 + rand(999999999)},${5 + rand(55)},${text},` +
        `${rand(2) ? 'verified' : 'not verified'},${rand(3) ? 'active' : 'under review'},` +
        `${rand(999999)}.0,${rand(99999)}.0,${rand(9999)}.0,${rand(999)}.0,${rand(99)}.0\n`,
    );
  }
  return parts.join('');
}

const text = generate();
const mb = text.length / 1e6;
console.log(`generated ${ROWS.toLocaleString('en')} rows, ${mb.toFixed(1)} M characters`);

function run(): { ms: number; rows: number; fields: number } {
  const t = new CsvTokenizer({ delimiter: ',', file: 'bench.csv' });
  let rows = 0;
  let fields = 0;
  const onRow = (f: string[]): void => {
    rows++;
    fields += f.length;
  };
  const start = performance.now();
  for (let i = 0; i < text.length; i += CHUNK) t.push(text.slice(i, i + CHUNK), onRow);
  t.end(onRow);
  return { ms: performance.now() - start, rows, fields };
}

let best = Infinity;
for (let i = 0; i < 5; i++) {
  const { ms, rows, fields } = run();
  best = Math.min(best, ms);
  console.log(`run ${i + 1}: ${ms.toFixed(0)} ms, ${rows.toLocaleString('en')} records, ${fields.toLocaleString('en')} fields, ${(mb / (ms / 1000)).toFixed(0)} MB/s`);
}
console.log(`best: ${best.toFixed(0)} ms = ${(mb / (best / 1000)).toFixed(0)} MB/s`);
