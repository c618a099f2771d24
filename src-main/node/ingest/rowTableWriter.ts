import type Database from 'better-sqlite3';
import { CELL_NULL, CELL_NUMBER, type RowBatch } from '../../core/ingest/delimitedParser';
import { ColumnChunkBuilder, type EncodedColumnChunk } from '../store/columnChunkBuilder';
import { ColumnChunkStore } from '../store/columnChunks';
import { storageColumn } from '../store/datasets';

type Cell = number | string | null;

// Many rows per INSERT: far fewer statement executions, and SQLite's
// parameter limit (32,766) still leaves room for wide tables.
const MAX_PARAMS = 30_000;
const MAX_ROWS_PER_STATEMENT = 256;

/**
 * Appends rows to a dataset's row table. Row i (1-based, in file order) gets
 * rowid i, which is what page reads rely on: the table is created here and
 * only ever appended to, so SQLite's own next rowid (largest + 1) is i. Not
 * binding it saves a parameter and a uniqueness seek per row (~15 % of the
 * insert time).
 *
 * Every cell also goes to the table's column chunks (see columnChunks.ts),
 * which whole-dataset loads read instead of rows: built here, or, when the
 * rows were parsed on a worker thread, built there and handed to
 * {@link addChunks} ready to store.
 */
export class RowTableWriter {
  private readonly width: number;
  private readonly rowsPerStatement: number;
  private readonly bulk: Database.Statement;
  private readonly buffer: Cell[];
  private readonly store: ColumnChunkStore;
  /** Null when the chunks are built elsewhere and come through {@link addChunks}. */
  private readonly chunks: ColumnChunkBuilder | null;
  private buffered = 0;
  private written = 0;

  constructor(
    private readonly db: Database.Database,
    readonly table: string,
    width: number,
    options: { buildChunks: boolean } = { buildChunks: true },
  ) {
    this.width = width;
    const cols = Array.from({ length: width }, (_, i) => i);
    // No declared types: values keep the storage class they were given.
    db.exec(`CREATE TABLE ${table} (${cols.map(storageColumn).join(', ')})`);
    this.rowsPerStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS / width)));
    this.bulk = this.prepare(this.rowsPerStatement);
    this.buffer = new Array<Cell>(this.rowsPerStatement * width);
    const store = new ColumnChunkStore(db, table);
    this.store = store;
    this.chunks = options.buildChunks ? new ColumnChunkBuilder(cols, (c) => store.store(c)) : null;
  }

  private prepare(rows: number): Database.Statement {
    const one = `(${new Array(this.width).fill('?').join(',')})`;
    const cols = Array.from({ length: this.width }, (_, i) => storageColumn(i));
    return this.db.prepare(`INSERT INTO ${this.table} (${cols.join(',')}) VALUES ${new Array(rows).fill(one).join(',')}`);
  }

  get rows(): number {
    return this.written;
  }

  add(cells: ArrayLike<Cell>): void {
    let k = this.buffered * this.width;
    this.written++;
    for (let j = 0; j < this.width; j++) this.buffer[k++] = cells[j];
    if (this.chunks) {
      for (let j = 0; j < this.width; j++) this.chunks.cell(j, cells[j]);
      this.chunks.endRow();
    }
    if (++this.buffered === this.rowsPerStatement) {
      this.bulk.run(this.buffer);
      this.buffered = 0;
    }
  }

  /** Appends a batch of converted rows (see {@link RowBatch}). */
  addBatch(b: RowBatch): void {
    const { tags, nums, strings } = b;
    const width = this.width;
    const per = this.rowsPerStatement;
    const buffer = this.buffer;
    let t = 0;
    let s = 0;
    let k = this.buffered * width;
    this.written += b.rows;
    for (let r = 0; r < b.rows; r++) {
      for (let j = 0; j < width; j++, t++) {
        const tag = tags[t];
        buffer[k++] = tag === CELL_NULL ? null : tag === CELL_NUMBER ? nums[t] : strings[s++];
      }
      if (++this.buffered === per) {
        this.bulk.run(buffer);
        this.buffered = 0;
        k = 0;
      }
    }
    this.chunks?.addBatch(b);
  }

  /** Stores column chunks built from this table's rows on another thread. */
  addChunks(chunks: readonly EncodedColumnChunk[]): void {
    if (this.chunks) throw new Error(`The column chunks of ${this.table} are built as its rows are added: none can be added ready-made.`);
    this.store.store(chunks);
  }

  flush(): void {
    this.chunks?.flush();
    if (this.buffered === 0) return;
    const n = this.buffered * this.width;
    this.prepare(this.buffered).run(this.buffer.slice(0, n));
    this.buffered = 0;
  }
}
