import type { ControlCharacter } from './controlCharacters';
import { MAX_DATASET_COLUMNS, tooManyColumnsError } from './datasetLimits';
import { DelimitedRecords } from './delimitedRecords';
import type { DecodingReport, TextEncodingName } from './encoding';
import { dedupeHeader } from './header';
import { type BadLines, LineList, type OnBadLines, tooManyFieldsError } from './rowShape';
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

/** A cell's text and the physical line it is on, for messages. */
export interface CellExample {
  value: string;
  line: number;
}

export interface ParseSummary {
  /** Null when the file held only blank lines. */
  header: string[] | null;
  delimiter: string;
  rows: number;
  stats: ColumnStats[];
  /** Per column: its non-missing values are known to be all distinct (see {@link ColumnProfiler.allDistinct}). */
  allDistinct: boolean[];
  /** Per column: some cell was not a number, so numeric-looking cells from then on were kept as text. */
  textMode: boolean[];
  /**
   * Per column: the row (1-based) from which cells were kept as text; 0 when
   * none was, or when the first rows already decided (textMode from row 1).
   * Every non-missing cell before it was stored as a number: the column is not
   * numeric after all, so the importer puts their text back (a second pass
   * over the file) and the column holds text only, as the same values stay
   * one value (`5` is never both 5 and "5").
   */
  textFrom: number[];
  /** Per column: numbers written with leading zeros (`007`, `02134`) stored as numbers, and the first. */
  leadingZeros: number[];
  firstLeadingZero: (CellExample | null)[];
  /** Per column: the first integer beyond ±(2^53 − 1), kept as text (see `isUnsafeInteger`). */
  firstUnsafe: (CellExample | null)[];
  /** Per column: the first number with more significant digits than a double keeps, which a double rounds (see `roundsAsDouble`). */
  firstInexact: (CellExample | null)[];
  /** Bytes read as Windows-1252 in a UTF-8 decode. */
  decoding: DecodingReport;
  /** The first control character in the file (kept as it is), or null. */
  firstControl: ControlCharacter | null;
  /** Unpaired surrogates of a UTF-16 file, each read as U+FFFD, and the line of the first; null when none. */
  loneSurrogates: { count: number; line: number } | null;
  /** Rows with fewer fields than the header, padded with missing cells as pandas pads them with NaN. */
  shortRows: BadLines;
  /** Rows with more fields than the header, dropped under `onBadLines: 'skip'` (never stored). */
  skippedRows: BadLines;
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
  /** A row with more fields than the header fails the import (`error`, the default, as in pandas) or is dropped (`skip`). */
  onBadLines?: OnBadLines;
  onBatch: (batch: RowBatch) => void;
}

// Rows are held back until a column has shown whether it is numeric: a
// column that is mixed early keeps its numeric-looking cells as the original
// text without a second pass over the file.
const DECISION_ROWS = 1000;
const DEFAULT_BATCH_ROWS = 4096;

/** `007`, `-02134`, `00.5`: a number whose text starts with a zero before another digit. */
function hasLeadingZero(raw: string): boolean {
  let i = 0;
  while (raw.charCodeAt(i) === 32) i++;
  const c = raw.charCodeAt(i);
  if (c === 43 || c === 45) i++;
  if (raw.charCodeAt(i) !== 48) return false;
  const d = raw.charCodeAt(i + 1);
  return d >= 48 && d <= 57;
}

/**
 * The CPU side of a delimited import, with no I/O: decodes bytes, tokenizes,
 * profiles each column and converts cells, handing out rows in batches.
 * Feed it the file's bytes in order with {@link push}, then call {@link end}.
 */
export class DelimitedParser {
  private readonly o: DelimitedParserOptions;
  private readonly records: DelimitedRecords;
  private readonly batchRows: number;
  private header: string[] | null = null;
  private width = 0;
  private profilers: ColumnProfiler[] = [];
  private textMode: boolean[] = [];
  private textFrom: number[] = [];
  private leadingZeros: number[] = [];
  private firstLeadingZero: (CellExample | null)[] = [];
  private firstUnsafe: (CellExample | null)[] = [];
  private firstInexact: (CellExample | null)[] = [];
  private pending: (string | null)[][] = [];
  private pendingLines: number[] = [];
  private readonly shortRows = new LineList();
  private readonly skippedRows = new LineList();
  private deciding = true;
  private rows = 0;
  // Current batch.
  private tags = new Uint8Array(0);
  private nums = new Float64Array(0);
  private strings: string[] = [];
  private batched = 0;
  private k = 0;

  constructor(o: DelimitedParserOptions) {
    this.o = o;
    this.batchRows = o.batchRows ?? DEFAULT_BATCH_ROWS;
    this.records = new DelimitedRecords({ ...o, onRecord: (fields, line) => this.row(fields, line) });
  }

  push(chunk: Uint8Array): void {
    this.records.push(chunk);
  }

  end(): ParseSummary {
    this.records.end();
    if (this.header !== null && this.deciding) this.flushPending();
    this.flushBatch();
    return {
      header: this.header,
      delimiter: this.records.delimiter!,
      rows: this.rows,
      stats: this.profilers.map((p) => p.summary()),
      allDistinct: this.profilers.map((p) => p.allDistinct()),
      textMode: this.textMode,
      textFrom: this.textFrom,
      leadingZeros: this.leadingZeros,
      firstLeadingZero: this.firstLeadingZero,
      firstUnsafe: this.firstUnsafe,
      firstInexact: this.firstInexact,
      decoding: this.records.decoding,
      firstControl: this.records.firstControl,
      loneSurrogates: this.records.loneSurrogates,
      shortRows: this.shortRows.summary(),
      skippedRows: this.skippedRows.summary(),
    };
  }

  private startTable(fields: string[], line: number): void {
    if (fields.length > MAX_DATASET_COLUMNS) throw tooManyColumnsError(this.o.file, fields.length, { file: this.o.file, line });
    const header = dedupeHeader(fields.slice());
    this.header = header;
    this.width = header.length;
    const budget = new DistinctBudget();
    this.profilers = header.map((name) => new ColumnProfiler({ name, budget }));
    this.textMode = header.map(() => false);
    this.textFrom = header.map(() => 0);
    this.leadingZeros = header.map(() => 0);
    this.firstLeadingZero = header.map(() => null);
    this.firstUnsafe = header.map(() => null);
    this.firstInexact = header.map(() => null);
    this.tags = new Uint8Array(this.batchRows * this.width);
    this.nums = new Float64Array(this.batchRows * this.width);
  }

  private row(fields: string[], line: number): void {
    if (this.header === null) return this.startTable(fields, line);
    const width = this.width;
    if (fields.length !== width) {
      if (fields.length > width) {
        if (this.o.onBadLines === 'skip') return this.skippedRows.add(line);
        this.tooManyFields(fields.length, line);
      }
      // pandas pads a short row with NaN: here, with empty (missing) cells.
      this.shortRows.add(line);
      fields = fields.concat(new Array<string>(width - fields.length).fill(''));
    }
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
          const p = profilers[j];
          p.observePresent(raw);
          if (p.lastUnsafe) this.unsafe(j, raw, line);
          else if (p.lastInexact) this.firstInexact[j] ??= { value: raw, line };
          raws[j] = raw;
          if (!textMode[j] && parseNumberLikePandas(raw) === null) textMode[j] = true;
        }
      }
      this.pending.push(raws);
      this.pendingLines.push(line);
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
          if (!p.lastCanonical) this.rewrote(j, raw, line);
          tags[k] = CELL_NUMBER;
          this.nums[k] = v;
        } else {
          if (p.lastUnsafe) this.unsafe(j, raw, line);
          else if (p.lastInexact) this.firstInexact[j] ??= { value: raw, line };
          this.putCell(raw, j, k, line);
        }
      }
    }
    this.k = k;
    this.rows++;
    if (++this.batched === this.batchRows) this.flushBatch();
  }

  private unsafe(j: number, raw: string, line: number): void {
    this.firstUnsafe[j] ??= { value: raw, line };
  }

  /** Column j stores as a number a cell whose text is not that number's canonical form. */
  private rewrote(j: number, raw: string, line: number): void {
    if (hasLeadingZero(raw) && this.leadingZeros[j]++ === 0) this.firstLeadingZero[j] = { value: raw, line };
  }

  private tooManyFields(n: number, line: number): never {
    throw tooManyFieldsError(this.o.file, line, this.records.fieldColumn(this.width), n, this.width);
  }

  /** Stores a non-missing cell at k: a number when its column is still numeric, else its text. */
  private putCell(raw: string, j: number, k: number, line: number): void {
    if (!this.textMode[j]) {
      const n = parseNumberLikePandas(raw);
      if (n !== null) {
        if (String(n) !== raw) this.rewrote(j, raw, line);
        this.tags[k] = CELL_NUMBER;
        this.nums[k] = n;
        return;
      }
      this.textMode[j] = true;
      // Earlier cells of this column, if any, were stored as numbers.
      this.textFrom[j] = this.rows + 1;
    }
    this.tags[k] = CELL_TEXT;
    this.strings.push(raw);
  }

  private flushPending(): void {
    this.deciding = false;
    const width = this.width;
    const lines = this.pendingLines;
    this.pending.forEach((raws, r) => {
      let k = this.k;
      for (let j = 0; j < width; j++, k++) {
        const raw = raws[j];
        if (raw === null) this.tags[k] = CELL_NULL;
        else this.putCell(raw, j, k, lines[r]);
      }
      this.k = k;
      this.rows++;
      if (++this.batched === this.batchRows) this.flushBatch();
    });
    this.pending = [];
    this.pendingLines = [];
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
