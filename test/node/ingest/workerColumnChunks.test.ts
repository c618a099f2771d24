/**
 * The parser worker builds the column chunks of the rows it parses and hands
 * them over ready to store, after the batches of their rows.
 */
import { describe, expect, it } from 'vitest';
import { CELL_NULL, CELL_NUMBER, type RowBatch } from '../../../src-main/core/ingest/delimitedParser';
import { workerEngine } from '../../../src-main/node/ingest/parserWorker';
import { decodeChunkTexts } from '../../../src-main/node/store/chunkTexts';
import { CHUNK_ROWS, type EncodedColumnChunk } from '../../../src-main/node/store/columnChunkBuilder';

describe('the parser worker', () => {
  it('sends every row of every column in chunks, after their batches, equal to the batched cells', async () => {
    const n = CHUNK_ROWS + 10;
    const lines = ['x,s'];
    for (let i = 0; i < n; i++) lines.push(`${i % 7 === 0 ? '' : i},${i % 5 === 0 ? '' : i % 5 === 1 ? '" "' : `s${i % 3}`}`);
    const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
    const cells: (number | string | null)[][] = [[], []];
    const chunks: EncodedColumnChunk[] = [];
    let batchedRows = 0;
    const engine = await workerEngine(
      { encoding: 'utf-8', skip: 0, file: 'w.csv', total: bytes.length, onBadLines: 'error' },
      (b: RowBatch) => {
        let s = 0;
        for (let k = 0; k < b.rows * b.width; k++) cells[k % b.width].push(b.tags[k] === CELL_NULL ? null : b.tags[k] === CELL_NUMBER ? b.nums[k] : b.strings[s++]);
        batchedRows += b.rows;
      },
      (c) => {
        for (const chunk of c) expect(chunk.chunk * CHUNK_ROWS + chunk.rows).toBeLessThanOrEqual(batchedRows);
        chunks.push(...c);
      },
    );
    expect(engine).not.toBeNull();
    try {
      engine!.push(bytes);
      await engine!.end();
    } finally {
      engine!.close();
    }
    for (const col of [0, 1]) {
      const mine = chunks.filter((c) => c.col === col).sort((a, b) => a.chunk - b.chunk);
      expect(mine.map((c) => c.rows)).toEqual([CHUNK_ROWS, 10]);
      const fromChunks: (number | string | null)[] = [];
      for (const c of mine) {
        const numbers = c.numbers ? new Float64Array(c.numbers.buffer, c.numbers.byteOffset, c.rows) : null;
        const texts = c.texts ? decodeChunkTexts(c.texts, c.rows, `column ${col}`) : null;
        for (let i = 0; i < c.rows; i++) {
          const v = texts?.[i] ?? numbers?.[i] ?? NaN;
          fromChunks.push(typeof v === 'number' && Number.isNaN(v) ? null : v);
        }
      }
      expect(fromChunks).toEqual(cells[col]);
    }
    expect(cells[1].slice(0, 3)).toEqual([null, ' ', 's2']);
  });
});
