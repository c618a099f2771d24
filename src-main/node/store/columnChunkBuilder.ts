import { CELL_NULL, CELL_NUMBER, type RowBatch } from '../../core/ingest/delimitedParser';
import { encodeChunkTexts } from './chunkTexts';

/**
 * Rows per chunk: few enough chunks that a 10,000,000-row column is ~600
 * reads, small enough that the builder holds little: the strings of a chunk
 * live until it is encoded, and at 65,536 rows they raised the peak memory of
 * a 1,000,000-row import by 160 MB (16,384: 35 MB).
 */
export const CHUNK_ROWS = 16_384;

/** A stored cell of a row table, as SQLite gives it back. */
export type StoredCell = number | string | null;

/**
 * One column chunk ready to store: `numbers` the Float64 cells' bytes (NaN
 * where a cell is text or missing), `texts` the {@link encodeChunkTexts}
 * BLOB; each null when the chunk holds no such cell. Each owns its whole
 * ArrayBuffer, so it can be transferred from a worker thread without a copy.
 */
export interface EncodedColumnChunk {
  col: number;
  chunk: number;
  rows: number;
  numbers: Uint8Array | null;
  texts: Uint8Array | null;
}

/**
 * Accumulates a row table's cells column by column and hands out each
 * {@link CHUNK_ROWS}-row chunk encoded, ready to store. No I/O, so it runs
 * where the rows are parsed (the import's worker thread) as well as beside
 * SQLite. Holds one chunk per column at most.
 */
export class ColumnChunkBuilder {
  private numbers: Float64Array[];
  private readonly texts: (string | null)[][];
  private readonly hasNumber: boolean[];
  private readonly hasText: boolean[];
  private readonly width: number;
  private at = 0;
  private chunk = 0;

  /** `columns[j]` is the row-table column that cell `j` of a row belongs to. */
  constructor(
    private readonly columns: readonly number[],
    private readonly emit: (chunks: EncodedColumnChunk[]) => void,
  ) {
    const width = columns.length;
    this.width = width;
    this.numbers = Array.from({ length: width }, () => new Float64Array(CHUNK_ROWS));
    this.texts = Array.from({ length: width }, () => new Array<string | null>(CHUNK_ROWS).fill(null));
    this.hasNumber = new Array<boolean>(width).fill(false);
    this.hasText = new Array<boolean>(width).fill(false);
  }

  /** Cell `j` of the current row; call {@link endRow} after the row's last cell. */
  number(j: number, v: number): void {
    this.numbers[j][this.at] = v;
    this.hasNumber[j] = true;
  }

  text(j: number, v: string): void {
    this.texts[j][this.at] = v;
    this.numbers[j][this.at] = NaN;
    this.hasText[j] = true;
  }

  missing(j: number): void {
    this.numbers[j][this.at] = NaN;
  }

  cell(j: number, v: StoredCell): void {
    if (v === null) this.missing(j);
    else if (typeof v === 'number') this.number(j, v);
    else this.text(j, v);
  }

  endRow(): void {
    if (++this.at === CHUNK_ROWS) this.flush();
  }

  /** Adds a batch of parsed rows (see {@link RowBatch}), whose cells are this builder's columns in order. */
  addBatch(b: RowBatch): void {
    const { tags, nums, strings } = b;
    const width = this.width;
    let t = 0;
    let s = 0;
    for (let r = 0; r < b.rows; r++) {
      const at = this.at;
      for (let j = 0; j < width; j++, t++) {
        const tag = tags[t];
        if (tag === CELL_NUMBER) {
          this.numbers[j][at] = nums[t];
          this.hasNumber[j] = true;
        } else if (tag === CELL_NULL) {
          this.numbers[j][at] = NaN;
        } else {
          this.texts[j][at] = strings[s++];
          this.numbers[j][at] = NaN;
          this.hasText[j] = true;
        }
      }
      this.endRow();
    }
  }

  /** Hands out the rows added since the last chunk. */
  flush(): void {
    const n = this.at;
    if (n === 0) return;
    const out: EncodedColumnChunk[] = [];
    for (let j = 0; j < this.width; j++) {
      let numbers: Uint8Array | null = null;
      if (this.hasNumber[j]) {
        const full = this.numbers[j];
        // A full chunk's array is handed over whole (no copy) and replaced.
        if (n === CHUNK_ROWS) {
          numbers = new Uint8Array(full.buffer);
          this.numbers[j] = new Float64Array(CHUNK_ROWS);
        } else {
          numbers = new Uint8Array(full.slice(0, n).buffer);
        }
      }
      const texts = this.hasText[j] ? encodeChunkTexts(this.texts[j], n) : null;
      out.push({ col: this.columns[j], chunk: this.chunk, rows: n, numbers, texts });
      if (this.hasText[j]) this.texts[j].fill(null);
      this.hasNumber[j] = false;
      this.hasText[j] = false;
    }
    this.chunk++;
    this.at = 0;
    this.emit(out);
  }
}

/** The ArrayBuffers of `chunks`, to transfer them to another thread. */
export function chunkBuffers(chunks: readonly EncodedColumnChunk[]): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const c of chunks) {
    if (c.numbers) buffers.push(c.numbers.buffer as ArrayBuffer);
    if (c.texts) buffers.push(c.texts.buffer as ArrayBuffer);
  }
  return buffers;
}
