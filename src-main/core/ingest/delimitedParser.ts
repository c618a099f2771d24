import { ApiError } from '../api/errors';
import { CsvTokenizer } from './csvTokenizer';
import { sniffDelimiter } from './delimiter';
import { ChunkDecoder, type TextEncodingName } from './encoding';
import { dedupeHeader } from './header';
import { ColumnProfiler, type ColumnStats, DistinctBudget } from './inference';
import { isMissing } from './missing';
import { parseNumberLikePandas } from './parseNumber';

/** Cell tags of a {@link RowBatch}. */
export const CELL_NULL = 0;
export const CELL_NUMBER = 1;
export const CELL_TEXT = 2;

/**
 * Converted rows in a flat, transferable form: cell k (row-major) is
 * missing, `nums[k]`, or the next string of `strings`, as `tags[k]` says.
 */
export interface RowBatch {
  rows: number;
  width: number;
  tags: Uint8Array;
  nums: Float64Array;
  strings: string[];
}

export interface ParseSummary {
  /** Null when the file held only blank lines. */
  header: string[] | null;
  delimiter: string;
  rows: number;
  stats: ColumnStats[];
  /** Per column: its non-missing values are known to be all distinct (see {@link ColumnProfiler.allDistinct}). */
  allDistinct: boolean[];
  /** Per column: some cell was not a number, so numeric-looking cells were kept as text. */
  textMode: boolean[];
  /** Per column: numeric cells stored as numbers although their text differs (`007` → 7). */
  rewritten: number[];
}

export interface DelimitedParserOptions {
  encoding: TextEncodingName;
  /** Bytes to skip at the start (a byte-order mark). */
  skip: number;
  delimiter?: string;
  /** Name used in messages. */
  file: string;
  /** Size of the whole input in bytes (the delimiter is sniffed from its first 64K characters). */
  total: number;
  /** Rows per batch. */
  batchRows?: number;
  onBatch: (batch: RowBatch) => void;
}

// Rows are held back until a column has shown whether it is numeric: a
// mixed column then keeps its numeric-looking cells as the original text.
const DECISION_ROWS = 1000;
const SNIFF_CHARS = 65536;
const DEFAULT_BATCH_ROWS = 4096;

/**
 * The CPU side of a delimited import, with no I/O: decodes bytes, tokenizes,
 * profiles each column and converts cells, handing out rows in batches.
 * Feed it the file's bytes in order with {@link push}, then call {@link end}.
 */
export class DelimitedParser {
  private readonly o: DelimitedParserOptions;
  private readonly decoder: ChunkDecoder;
  private readonly batchRows: number;
  private tokenizer: CsvTokenizer | null = null;
  private delimiter: string | undefined;
  private header: string[] | null = null;
  private width = 0;
  private profilers: ColumnProfiler[] = [];
  private textMode: boolean[] = [];
  private rewritten: number[] = [];
  private pending: (string | null)[][] = [];
  private deciding = true;
  private sniffBuffer = '';
  private done = 0;
  private skip: number;
  private rows = 0;
  // Current batch.
  private tags = new Uint8Array(0);
  private nums = new Float64Array(0);
  private strings: string[] = [];
  private batched = 0;
  private k = 0;
  private readonly onRow = (fields: string[], line: number): void => this.row(fields, line);

  constructor(o: DelimitedParserOptions) {
    this.o = o;
    this.decoder = new ChunkDecoder(o.encoding, o.skip);
    this.delimiter = o.delimiter;
    this.skip = o.skip;
    this.batchRows = o.batchRows ?? DEFAULT_BATCH_ROWS;
  }

  push(chunk: Uint8Array): void {
    this.done += chunk.length;
    let bytes = chunk;
    if (this.skip > 0) {
      bytes = chunk.subarray(Math.min(this.skip, chunk.length));
      this.skip -= chunk.length - bytes.length;
    }
    const text = this.decoder.decode(bytes);
    if (!this.tokenizer) {
      this.sniffBuffer += text;
      if (this.sniffBuffer.length < SNIFF_CHARS && this.done < this.o.total) return;
      this.startTokenizer();
    } else {
      this.tokenizer.push(text, this.onRow);
    }
  }

  end(): ParseSummary {
    const tail = this.decoder.end();
    if (!this.tokenizer) {
      this.sniffBuffer += tail;
      this.startTokenizer();
    } else if (tail) {
      this.tokenizer.push(tail, this.onRow);
    }
    this.tokenizer!.end(this.onRow);
    if (this.header !== null && this.deciding) this.flushPending();
    this.flushBatch();
    return {
      header: this.header,
      delimiter: this.delimiter!,
      rows: this.rows,
      stats: this.profilers.map((p) => p.summary()),
      allDistinct: this.profilers.map((p) => p.allDistinct()),
      textMode: this.textMode,
      rewritten: this.rewritten,
    };
  }

  private startTokenizer(): void {
    this.delimiter ??= sniffDelimiter(this.sniffBuffer, this.o.file);
    this.tokenizer = new CsvTokenizer({ delimiter: this.delimiter, file: this.o.file });
    const text = this.sniffBuffer;
    this.sniffBuffer = '';
    this.tokenizer.push(text, this.onRow);
  }

  private row(fields: string[], line: number): void {
    const width = this.width;
    if (this.header === null) {
      const header = dedupeHeader(fields.slice());
      this.header = header;
      this.width = header.length;
      const budget = new DistinctBudget();
      this.profilers = header.map((name) => new ColumnProfiler({ name, budget }));
      this.textMode = header.map(() => false);
      this.rewritten = header.map(() => 0);
      this.tags = new Uint8Array(this.batchRows * this.width);
      this.nums = new Float64Array(this.batchRows * this.width);
      return;
    }
    if (fields.length !== width) this.raggedRow(fields.length, line);
    const profilers = this.profilers;
    if (this.deciding) {
      const raws = new Array<string | null>(width);
      const textMode = this.textMode;
      for (let j = 0; j < width; j++) {
        const raw = fields[j];
        if (isMissing(raw)) {
          profilers[j].observeMissing();
          raws[j] = null;
        } else {
          profilers[j].observePresent(raw);
          raws[j] = raw;
          if (!textMode[j] && parseNumberLikePandas(raw) === null) textMode[j] = true;
        }
      }
      this.pending.push(raws);
      if (this.pending.length >= DECISION_ROWS) this.flushPending();
      return;
    }
    const tags = this.tags;
    let k = this.k;
    for (let j = 0; j < width; j++, k++) {
      const raw = fields[j];
      if (isMissing(raw)) {
        profilers[j].observeMissing();
        tags[k] = CELL_NULL;
      } else {
        const p = profilers[j];
        const v = p.observePresent(raw);
        if (v === v && !this.textMode[j]) {
          // A plain number the profiler has already read.
          if (!p.lastCanonical) this.rewritten[j]++;
          tags[k] = CELL_NUMBER;
          this.nums[k] = v;
        } else {
          this.putCell(raw, j, k);
        }
      }
    }
    this.k = k;
    this.rows++;
    if (++this.batched === this.batchRows) this.flushBatch();
  }

  private raggedRow(n: number, line: number): never {
    const file = this.o.file;
    const width = this.width;
    if (n > width) {
      const col = this.tokenizer!.fieldColumn(width);
      throw new ApiError(
        'bad-input',
        `${file}, line ${line}, column ${col}: this row has ${n} fields but the header has ${width}; the first extra field starts here.`,
        { file, line, column: col },
      );
    }
    throw new ApiError('bad-input', `${file}, line ${line}: this row has ${n} field${n === 1 ? '' : 's'} but the header has ${width}.`, {
      file,
      line,
    });
  }

  /** Stores a non-missing cell at k: a number when its column is still numeric, else its text. */
  private putCell(raw: string, j: number, k: number): void {
    if (!this.textMode[j]) {
      const n = parseNumberLikePandas(raw);
      if (n !== null) {
        if (String(n) !== raw) this.rewritten[j]++;
        this.tags[k] = CELL_NUMBER;
        this.nums[k] = n;
        return;
      }
      this.textMode[j] = true;
    }
    this.tags[k] = CELL_TEXT;
    this.strings.push(raw);
  }

  private flushPending(): void {
    this.deciding = false;
    const width = this.width;
    for (const raws of this.pending) {
      let k = this.k;
      for (let j = 0; j < width; j++, k++) {
        const raw = raws[j];
        if (raw === null) this.tags[k] = CELL_NULL;
        else this.putCell(raw, j, k);
      }
      this.k = k;
      this.rows++;
      if (++this.batched === this.batchRows) this.flushBatch();
    }
    this.pending = [];
  }

  private flushBatch(): void {
    if (this.batched === 0) return;
    const n = this.batched * this.width;
    const batch: RowBatch = {
      rows: this.batched,
      width: this.width,
      tags: this.batched === this.batchRows ? this.tags : this.tags.slice(0, n),
      nums: this.batched === this.batchRows ? this.nums : this.nums.slice(0, n),
      strings: this.strings,
    };
    // The consumer may keep (or transfer) the arrays: start the next batch on fresh ones.
    this.tags = new Uint8Array(this.batchRows * this.width);
    this.nums = new Float64Array(this.batchRows * this.width);
    this.strings = [];
    this.batched = 0;
    this.k = 0;
    this.o.onBatch(batch);
  }
}
