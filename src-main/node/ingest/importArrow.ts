import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Hash } from 'node:crypto';
import Database from 'better-sqlite3';
import { DateUnit, RecordBatchReader, Type, type DataType, type Date_, type Decimal, type Dictionary, type Timestamp, type Vector } from 'apache-arrow';
import { ApiError, cancelledError } from '../../core/api/errors';
import type { Progress } from '../../core/api/contract';
import { ArrowLayoutError, checkArrowLayout, type IpcLayout } from '../../core/data/arrowIpcLayout';
import type { ColumnInfo, ColumnKind } from '../../core/data/columns';
import { decimalText, decimalTextOfDouble, DOUBLE_SAFE_DIGITS, roundsAsDouble, unscaledDecimal } from '../../core/data/exactDecimal';
import { isoDate, isoDateFromMilliseconds, isoTimestamp, type TimestampUnit } from '../../core/data/isoDateTime';
import { dedupeHeader } from '../../core/ingest/header';
import { asTextStats, ColumnProfiler, DistinctBudget, inferKind, needsExactDistinct } from '../../core/ingest/inference';
import { rewriteColumnChunks } from '../store/columnChunks';
import { storageColumn } from '../store/datasets';
import { RowTableWriter } from './rowTableWriter';
import { assertUnchanged, type FileSnapshot } from './sourceFile';

export interface ArrowOptions {
  snapshot: FileSnapshot;
  table: string;
  hash: Hash;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

type Cell = number | string | null;

/** Reads row i of one column of the current record batch as a stored cell. */
type CellReader = (i: number) => Cell;

/** Per column, across batches: what had to be kept as exact text. */
interface ColumnState {
  /** Some integer was beyond ±2^53 and so stored as text. */
  wideIntegers: boolean;
  /** The first decimal a double would round, stored as text (the column's earlier decimals are doubles until the end). */
  inexactDecimal: { value: string; row: number } | null;
}

function plainCell(v: unknown, state: ColumnState): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'bigint') {
    // A double holds integers exactly only up to 2^53: beyond, the exact decimal text.
    if (Number.isSafeInteger(Number(v))) return Number(v);
    state.wideIntegers = true;
    return v.toString();
  }
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/**
 * Reads a Decimal column from its unscaled integers (`Vector.get` gives the
 * unscaled integer without its scale): a double when the decimal survives
 * one exactly (always, up to {@link DOUBLE_SAFE_DIGITS} digits of precision),
 * else its exact text.
 */
function decimalReader(vector: Vector, type: Decimal, state: ColumnState, firstRow: number): CellReader {
  const data = vector.data[0];
  const words = data.values as Uint32Array;
  const stride = type.bitWidth / 32;
  const scale = type.scale;
  const alwaysFits = type.precision <= DOUBLE_SAFE_DIGITS;
  return (i) => {
    if (!vector.isValid(i)) return null;
    const text = decimalText(unscaledDecimal(words, data.offset + i, stride), scale);
    if (alwaysFits || !roundsAsDouble(text)) return Number(text);
    state.inexactDecimal ??= { value: text, row: firstRow + i + 1 };
    return text;
  };
}

/**
 * How to read one column of a batch. Dates and timestamps are read from
 * their stored counts, not through `Vector.get`, which gives milliseconds
 * as a double (dropping micro- and nanoseconds).
 */
function cellReader(vector: Vector, type: DataType, state: ColumnState, firstRow: number): CellReader {
  // A record batch's column is one piece of data.
  if (vector.data.length !== 1) throw new Error('a column of a record batch in several pieces');
  const data = vector.data[0];
  if (type.typeId === Type.Decimal) return decimalReader(vector, type as Decimal, state, firstRow);
  if (type.typeId === Type.Timestamp) {
    const t = type as Timestamp;
    const values = data.values as BigInt64Array;
    const unit = t.unit as TimestampUnit;
    const utc = t.timezone !== null && t.timezone !== '';
    return (i) => (vector.isValid(i) ? isoTimestamp(values[data.offset + i], unit, utc) : null);
  }
  if (type.typeId === Type.Date) {
    const values = data.values as Int32Array | BigInt64Array;
    return (type as Date_).unit === DateUnit.DAY
      ? (i) => (vector.isValid(i) ? isoDate(values[data.offset + i]) : null)
      : (i) => (vector.isValid(i) ? isoDateFromMilliseconds(BigInt(values[data.offset + i])) : null);
  }
  return (i) => plainCell(vector.get(i), state);
}

/**
 * The kind an Arrow type fixes; `string` when the values choose among the
 * text kinds only (the file says they are strings, whatever they look like:
 * `007` and `10` stay text, as pandas keeps them as object); null when the
 * values decide (other types, read through `Vector.get`).
 */
function kindOfType(t: DataType): ColumnKind | 'string' | null {
  switch (t.typeId) {
    case Type.Dictionary:
      return kindOfType((t as Dictionary).dictionary);
    case Type.Utf8:
    case Type.LargeUtf8:
      return 'string';
    case Type.Int:
      return 'integer';
    case Type.Float:
    case Type.Decimal:
      return 'float';
    case Type.Bool:
      return 'boolean';
    case Type.Timestamp:
    case Type.Date:
      return 'datetime';
    default:
      return null;
  }
}

/**
 * One storage class for a decimal column that holds a decimal a double would
 * round: its earlier decimals, stored as doubles, become their exact text
 * too (with the scale's digits, `1.10`), so the column sorts and matches as one.
 */
function keepDecimalsAsText(db: Database.Database, table: string, column: number, scale: number): void {
  const sc = storageColumn(column);
  db.function('assay_decimal_text', { deterministic: true }, (x: unknown) => decimalTextOfDouble(x as number, scale));
  db.prepare(`UPDATE ${table} SET ${sc} = assay_decimal_text(${sc}) WHERE typeof(${sc}) IN ('integer', 'real')`).run();
}

async function hashFile(path: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
}

async function readLayout(handle: FileHandle, size: number, file: string): Promise<IpcLayout> {
  try {
    return await checkArrowLayout({
      size,
      read: async (position, length) => {
        const buf = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
        const { bytesRead } = await handle.read(buf, 0, buf.length, position);
        return buf.subarray(0, bytesRead);
      },
    });
  } catch (e) {
    if (e instanceof ArrowLayoutError) throw notReadable(file, e.reason);
    throw e;
  }
}

function notReadable(file: string, reason: string): ApiError {
  return new ApiError('bad-input', `${file} is not a readable Arrow file: ${reason}.`, { file });
}

/**
 * The Arrow reader's own errors are JavaScript errors ("Cannot read properties
 * of null …"); past the layout check they mean a damaged header or body, and
 * the analyst gets where instead. Errors of our own (a cancel, the store) pass.
 */
function decodeError(e: unknown, file: string, where: string): unknown {
  if (e instanceof ApiError || e instanceof Database.SqliteError) return e;
  return notReadable(file, `${where} could not be decoded (the file is damaged)`);
}

function batchPlace(layout: IpcLayout, k: number): string {
  const b = layout.batches[k];
  return b ? `record batch ${k + 1} (bytes ${b.start.toLocaleString('en-US')}–${b.end.toLocaleString('en-US')})` : `record batch ${k + 1}`;
}

const SAFE_LIMIT = Number.MAX_SAFE_INTEGER.toLocaleString('en-US');

/** Imports an Arrow IPC file or stream (Feather v2) batch by batch. */
export async function importArrow(db: Database.Database, o: ArrowOptions) {
  const file = o.snapshot.display;
  await hashFile(o.snapshot.path, o.hash);
  const handle = await open(o.snapshot.path, 'r');
  try {
    const layout = await readLayout(handle, o.snapshot.size, file);
    if (layout.compression !== null) {
      throw new ApiError(
        'bad-input',
        `${file} is compressed with ${layout.compression}, which Assay cannot read yet; write it uncompressed (for example pyarrow.feather.write_feather(df, path, compression="uncompressed")) and import that.`,
        { file },
      );
    }
    let reader;
    try {
      reader = await RecordBatchReader.from(handle);
      await reader.open();
    } catch (e) {
      throw decodeError(e, file, layout.format === 'file' ? 'its schema or footer' : 'its schema');
    }
    const fields = reader.schema?.fields ?? [];
    if (fields.length === 0) throw new ApiError('bad-input', `${file} has no columns.`, { file });
    // A name the metadata leaves out (or a damaged one) is blank, as a blank CSV header is: `Unnamed: N`.
    const names = dedupeHeader(fields.map((f) => (typeof f.name === 'string' ? f.name : '')));
    const writer = new RowTableWriter(db, o.table, names.length);
    const budget = new DistinctBudget();
    const profilers = names.map((name) => new ColumnProfiler({ name, budget }));
    const states: ColumnState[] = names.map(() => ({ wideIntegers: false, inexactDecimal: null }));
    const cells: Cell[] = new Array<Cell>(names.length);
    const batches = reader[Symbol.asyncIterator]();
    let batchNo = 0;
    for (;;) {
      if (o.signal?.aborted) throw cancelledError(`The import of ${file}`);
      const where = batchPlace(layout, batchNo);
      let step;
      let readers: CellReader[];
      try {
        step = await batches.next();
        if (step.done) break;
        const batch = step.value;
        readers = fields.map((f, j) => {
          const child = batch.getChildAt(j);
          if (child === null) throw new Error('missing column');
          return cellReader(child, f.type, states[j], writer.rows);
        });
      } catch (e) {
        throw decodeError(e, file, where);
      }
      const rows = step.value.numRows;
      for (let i = 0; i < rows; i++) {
        try {
          for (let j = 0; j < readers.length; j++) cells[j] = readers[j](i);
        } catch (e) {
          throw decodeError(e, file, where);
        }
        for (let j = 0; j < readers.length; j++) {
          const c = cells[j];
          profilers[j].observe(c === null ? '' : String(c));
        }
        writer.add(cells);
      }
      batchNo++;
      o.onProgress?.({ done: writer.rows, unit: 'rows', message: `Reading ${file} (batch ${batchNo})` });
      await new Promise<void>((r) => setImmediate(r));
    }
    writer.flush();
    assertUnchanged(o.snapshot);
    if (writer.rows === 0) throw new ApiError('bad-input', `${file} has columns but no rows.`, { file });
    const notes: string[] = [];
    if (layout.format === 'stream' && !layout.endMarker) {
      notes.push(`${file} has no end-of-stream marker; if it was cut short between two record batches, rows are missing (${writer.rows.toLocaleString('en-US')} rows were read).`);
    }
    const columns: ColumnInfo[] = names.map((name, j) => {
      const type = fields[j].type;
      if (states[j].wideIntegers) {
        // One storage class for the whole column, so it sorts and matches as one: the exact decimal text.
        const sc = storageColumn(j);
        db.prepare(`UPDATE ${o.table} SET ${sc} = CAST(CAST(${sc} AS INTEGER) AS TEXT) WHERE typeof(${sc}) IN ('integer', 'real')`).run();
        rewriteColumnChunks(db, o.table, j);
        notes.push(
          `Column "${name}" holds integers beyond ±${SAFE_LIMIT}, which a float cannot hold exactly; they are kept exact, as text, and the column is an identifier.`,
        );
      }
      if (type.typeId === Type.Timestamp) {
        const zone = (type as Timestamp).timezone;
        if (zone && zone.toUpperCase() !== 'UTC' && zone !== '+00:00' && zone !== 'Etc/UTC') {
          notes.push(`Column "${name}" is in time zone ${zone}; its times are shown in UTC (ending in Z).`);
        }
      }
      const inexact = states[j].inexactDecimal;
      if (inexact) {
        keepDecimalsAsText(db, o.table, j, (type as Decimal).scale);
        rewriteColumnChunks(db, o.table, j);
        notes.push(
          `Column "${name}" holds decimals with more digits than a float holds exactly (such as ${inexact.value} in row ${inexact.row}); ` +
            'they are kept exact, as text, so the column is not numeric.',
        );
      }
      const fixed = states[j].wideIntegers ? 'identifier' : inexact ? 'string' : kindOfType(type);
      const stats = fixed === 'string' ? asTextStats(profilers[j].summary()) : profilers[j].summary();
      const exact = needsExactDistinct(stats, name, writer.rows)
        ? (db.prepare(`SELECT COUNT(DISTINCT ${storageColumn(j)}) AS n FROM ${o.table}`).get() as { n: number }).n
        : undefined;
      let inferred = inferKind(stats, name, writer.rows, exact);
      // Long decimals are not prose: a decimal kept as text is a label or a key.
      if (inexact && inferred === 'text') inferred = 'categorical';
      // The file's own type wins, except that an integer id stays an identifier.
      const kind = fixed === null || fixed === 'string' || (fixed === 'integer' && inferred === 'identifier') ? inferred : fixed;
      return { index: j, name, kind, inferredKind: kind, count: stats.count, missing: stats.missing, distinct: exact ?? stats.distinct };
    });
    return { rows: writer.rows, columns, notes };
  } finally {
    await handle.close();
  }
}
