import { ApiError, describeLocation } from '../api/errors';

/**
 * Receives one record. `fields` is reused for the next record: copy it
 * (`fields.slice()`) if you keep it. `line` is the 1-based physical line on
 * which the record starts.
 */
export type RowHandler = (fields: string[], line: number) => void;

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

// Tokenizer states (between two characters; a chunk may end in any of them).
/** At the start of a physical line that may begin a record. */
const START_RECORD = 0;
/** At the start of a field within a record. */
const START_FIELD = 1;
/** Inside an unquoted field (or in the literal tail after a closing quote); `pending` holds its text so far. */
const UNQUOTED = 2;
/** Inside a quoted field; `pending` holds its text so far. */
const QUOTED = 3;
/** Just read a quote inside a quoted field: `""` (literal quote) or the closing quote. */
const QUOTE_IN_QUOTED = 4;
/** Just ended a line with CR: swallow a following LF. */
const AFTER_CR = 5;
/** At the start of a record, read only spaces/tabs so far (`pending`); pandas skips such lines. */
const WS_LINE = 6;

/**
 * Streaming RFC 4180 tokenizer that reproduces pandas' C parser on the
 * default dialect (`"` quotes, doubled-quote escapes, no escape char, no
 * comments):
 * - CRLF, LF and lone CR end lines; inside quotes they are kept verbatim;
 * - empty lines and lines of only spaces/tabs are skipped (pandas'
 *   `skip_blank_lines=True` treats whitespace-only lines as blank);
 * - a quote in the middle of an unquoted field is literal (`x"y` → `x"y`),
 *   and text after a closing quote is appended (`"x"y` → `xy`).
 * Chunks passed to {@link push} may split the text anywhere.
 */
export class CsvTokenizer {
  private readonly delim: number;
  private readonly file: string;

  private state = START_RECORD;
  private pending = '';
  private fields: string[] = [];
  private nfields = 0;
  private columns: number[] = [];
  private lastColumns: number[] = [];
  /** Current physical line (1-based) and the absolute offset where it starts. */
  private line = 1;
  private lineStart = 0;
  /** Absolute offset of the next chunk's first character. */
  private offset = 0;
  private recordLine = 1;
  /** A CR was the last character read inside a quoted field (so a following LF is the same line break). */
  private quotedCR = false;
  private quoteLine = 0;
  private quoteColumn = 0;

  constructor(opts: { delimiter: string; file: string }) {
    if (opts.delimiter.length !== 1 || /["\r\n]/.test(opts.delimiter)) {
      throw new ApiError('bad-request', `The delimiter must be one character other than a quote or line break, not ${JSON.stringify(opts.delimiter)}.`);
    }
    this.delim = opts.delimiter.charCodeAt(0);
    this.file = opts.file;
  }

  /** The physical line (1-based) the next character pushed is on. */
  get currentLine(): number {
    return this.line;
  }

  /** 1-based column (position within its physical line) where field `i` of the last emitted row starts. */
  fieldColumn(i: number): number {
    return this.lastColumns[i];
  }

  push(text: string, onRow: RowHandler): void {
    const n = text.length;
    const delim = this.delim;
    const base = this.offset;
    const fields = this.fields;
    let columns = this.columns;
    let state = this.state;
    let pending = this.pending;
    let nfields = this.nfields;
    let line = this.line;
    let lineStart = this.lineStart;
    let i = 0;

    while (i < n) {
      switch (state) {
        case AFTER_CR: {
          if (text.charCodeAt(i) === LF) {
            i++;
            lineStart = base + i;
          }
          state = START_RECORD;
          break;
        }
        case START_RECORD: {
          const c = text.charCodeAt(i);
          if (c === LF) {
            i++;
            line++;
            lineStart = base + i;
          } else if (c === CR) {
            i++;
            line++;
            lineStart = base + i;
            state = AFTER_CR;
          } else {
            this.recordLine = line;
            nfields = 0;
            if ((c === SPACE || c === TAB) && c !== delim) {
              columns[0] = base + i - lineStart + 1;
              pending = '';
              state = WS_LINE;
            } else {
              state = START_FIELD;
            }
          }
          break;
        }
        case WS_LINE: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = text.charCodeAt(j);
            if ((c !== SPACE && c !== TAB) || c === delim) break;
            j++;
          }
          if (j === n) {
            pending += text.slice(i);
            i = n;
          } else if (c === LF || c === CR) {
            // Whitespace-only line: skipped like an empty one.
            pending = '';
            i = j + 1;
            line++;
            lineStart = base + i;
            state = c === CR ? AFTER_CR : START_RECORD;
          } else {
            // Real data: the whitespace belongs to the first field.
            pending += text.slice(i, j);
            i = j;
            state = UNQUOTED;
          }
          break;
        }
        case START_FIELD: {
          if (text.charCodeAt(i) === QUOTE) {
            columns[nfields] = base + i - lineStart + 1;
            this.quoteLine = line;
            this.quoteColumn = columns[nfields];
            this.quotedCR = false;
            pending = '';
            i++;
            state = QUOTED;
            break;
          }
          // Fast path: a run of unquoted fields, until the record or the chunk ends or a quote opens a field.
          for (;;) {
            columns[nfields] = base + i - lineStart + 1;
            let j = i;
            let c = 0;
            while (j < n) {
              c = text.charCodeAt(j);
              if (c === delim || c === LF || c === CR) break;
              j++;
            }
            if (j === n) {
              pending = text.slice(i);
              i = n;
              state = UNQUOTED;
              break;
            }
            fields[nfields++] = text.slice(i, j);
            i = j + 1;
            if (c !== delim) {
              this.emit(nfields, onRow);
              columns = this.columns;
              line++;
              lineStart = base + i;
              state = c === CR ? AFTER_CR : START_RECORD;
              break;
            }
            if (i === n || text.charCodeAt(i) === QUOTE) break; // state stays START_FIELD
          }
          break;
        }
        case UNQUOTED: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = text.charCodeAt(j);
            if (c === delim || c === LF || c === CR) break;
            j++;
          }
          if (j === n) {
            pending = pending === '' ? text.slice(i) : pending + text.slice(i);
            i = n;
            break;
          }
          fields[nfields++] = pending === '' ? text.slice(i, j) : pending + text.slice(i, j);
          pending = '';
          i = j + 1;
          if (c === delim) {
            state = START_FIELD;
          } else {
            this.emit(nfields, onRow);
            columns = this.columns;
            line++;
            lineStart = base + i;
            state = c === CR ? AFTER_CR : START_RECORD;
          }
          break;
        }
        case QUOTED: {
          const q = text.indexOf('"', i);
          const end = q === -1 ? n : q;
          // Count the line breaks inside the quoted text so later records get the right line.
          let cr = this.quotedCR;
          for (let k = i; k < end; k++) {
            const c = text.charCodeAt(k);
            if (c === LF) {
              if (!cr) line++;
              lineStart = base + k + 1;
              cr = false;
            } else if (c === CR) {
              line++;
              lineStart = base + k + 1;
              cr = true;
            } else {
              cr = false;
            }
          }
          if (end > i) this.quotedCR = cr;
          pending = pending === '' ? text.slice(i, end) : pending + text.slice(i, end);
          if (q === -1) {
            i = n;
          } else {
            i = q + 1;
            state = QUOTE_IN_QUOTED;
          }
          break;
        }
        case QUOTE_IN_QUOTED: {
          if (text.charCodeAt(i) === QUOTE) {
            pending += '"';
            this.quotedCR = false;
            i++;
            state = QUOTED;
          } else {
            // Closing quote; anything up to the delimiter is appended literally.
            state = UNQUOTED;
          }
          break;
        }
      }
    }

    this.offset = base + n;
    this.state = state;
    this.pending = pending;
    this.nfields = nfields;
    this.line = line;
    this.lineStart = lineStart;
  }

  end(onRow: RowHandler): void {
    const state = this.state;
    if (state === QUOTED) {
      const loc = { file: this.file, line: this.quoteLine, column: this.quoteColumn };
      throw new ApiError(
        'bad-input',
        `Unterminated quoted field: the quote opened at ${describeLocation(loc)} is never closed (the file ends inside it).`,
        loc,
      );
    }
    if (state === UNQUOTED || state === QUOTE_IN_QUOTED || state === START_FIELD) {
      // A final line without a line break (START_FIELD: it ends with a delimiter, so an empty last field).
      if (state === START_FIELD) this.columns[this.nfields] = this.offset - this.lineStart + 1;
      this.fields[this.nfields++] = this.pending;
      this.emit(this.nfields, onRow);
    }
    this.state = START_RECORD;
    this.pending = '';
    this.nfields = 0;
  }

  private emit(nfields: number, onRow: RowHandler): void {
    const fields = this.fields;
    if (fields.length !== nfields) fields.length = nfields;
    // Swap column buffers so fieldColumn() describes the emitted row.
    const cols = this.columns;
    this.columns = this.lastColumns;
    this.lastColumns = cols;
    cols.length = nfields;
    onRow(fields, this.recordLine);
  }
}
