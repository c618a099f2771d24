import { createReadStream } from 'node:fs';
import type { Hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError, cancelledError } from '../../core/api/errors';
import type { Progress } from '../../core/api/contract';
import type { ColumnInfo } from '../../core/data/columns';
import { CsvTokenizer } from '../../core/ingest/csvTokenizer';
import { sniffDelimiter } from '../../core/ingest/delimiter';
import { ChunkDecoder, type TextEncodingName } from '../../core/ingest/encoding';
import { dedupeHeader } from '../../core/ingest/header';
import { ColumnProfiler, inferKind, needsExactDistinct } from '../../core/ingest/inference';
import { isMissing } from '../../core/ingest/missing';
import { parseNumberLikePandas } from '../../core/ingest/parseNumber';
import { storageColumn } from '../store/datasets';
import { RowTableWriter } from './rowTableWriter';
import { assertUnchanged, type FileSnapshot } from './sourceFile';

export interface DelimitedOptions {
  snapshot: FileSnapshot;
  encoding: TextEncodingName;
  /** Bytes to skip at the start (a byte-order mark). */
  skip: number;
  delimiter?: string;
  table: string;
  hash: Hash;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  chunkSize?: number;
}

export interface DelimitedResult {
  rows: number;
  columns: ColumnInfo[];
  delimiter: string;
  notes: string[];
}

type Cell = number | string | null;

// Rows are held back until a column has shown whether it is numeric: a
// mixed column then keeps its numeric-looking cells as the original text.
const DECISION_ROWS = 1000;
const PROGRESS_INTERVAL_MS = 100;
const RECHECK_BYTES = 16 * 1024 * 1024;

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' };

/**
 * Streams a CSV/TSV file into a new row table, in constant memory, inferring
 * each column's kind on the way. Runs inside the caller's transaction: any
 * error leaves the project as it was once the caller rolls back.
 */
export async function importDelimited(db: Database.Database, o: DelimitedOptions): Promise<DelimitedResult> {
  const file = o.snapshot.display;
  const decoder = new ChunkDecoder(o.encoding, o.skip);
  let tokenizer: CsvTokenizer | null = null;
  let delimiter = o.delimiter;
  let header: string[] | null = null;
  let width = 0;
  let writer: RowTableWriter | null = null;
  let profilers: ColumnProfiler[] = [];
  /** Per column: has a non-numeric string been seen (so numbers are kept as text)? */
  let textMode: boolean[] = [];
  /** Per column: numeric cells stored as numbers although their text differs (`007` → 7). */
  let rewritten: number[] = [];
  /** Raw fields of the first rows, converted once each column has shown its nature. */
  let pending: (string | null)[][] = [];
  let deciding = true;
  let sniffBuffer = '';
  const row: Cell[] = [];

  const onRow = (fields: string[], line: number): void => {
    if (header === null) {
      header = dedupeHeader(fields.slice());
      width = header.length;
      writer = new RowTableWriter(db, o.table, width);
      profilers = header.map(() => new ColumnProfiler());
      textMode = header.map(() => false);
      rewritten = header.map(() => 0);
      return;
    }
    if (fields.length !== width) {
      if (fields.length > width) {
        const col = tokenizer!.fieldColumn(width);
        throw new ApiError(
          'bad-input',
          `${file}, line ${line}, column ${col}: this row has ${fields.length} fields but the header has ${width} (the extra field starts at column ${col}).`,
          { file, line, column: col },
        );
      }
      throw new ApiError(
        'bad-input',
        `${file}, line ${line}: this row has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${width}.`,
        { file, line },
      );
    }
    if (deciding) {
      const raws = new Array<string | null>(width);
      for (let j = 0; j < width; j++) {
        const raw = fields[j];
        profilers[j].observe(raw);
        if (isMissing(raw)) raws[j] = null;
        else {
          raws[j] = raw;
          if (parseNumberLikePandas(raw) === null) textMode[j] = true;
        }
      }
      pending.push(raws);
      if (pending.length >= DECISION_ROWS) flushPending();
      return;
    }
    for (let j = 0; j < width; j++) {
      const raw = fields[j];
      profilers[j].observe(raw);
      row[j] = isMissing(raw) ? null : toCell(raw, j);
    }
    writer!.add(row);
  };

  const toCell = (raw: string, j: number): Cell => {
    if (textMode[j]) return raw;
    const n = parseNumberLikePandas(raw);
    if (n === null) {
      textMode[j] = true;
      return raw;
    }
    if (String(n) !== raw) rewritten[j]++;
    return n;
  };

  const flushPending = (): void => {
    deciding = false;
    for (const raws of pending) {
      for (let j = 0; j < width; j++) row[j] = raws[j] === null ? null : toCell(raws[j]!, j);
      writer!.add(row);
    }
    // Rewrites among the held-back rows were of numeric columns; they count.
    pending = [];
  };

  let done = 0;
  let lastProgress = 0;
  let lastRecheck = 0;
  const total = o.snapshot.size;
  const stream = createReadStream(o.snapshot.path, { highWaterMark: o.chunkSize ?? 1 << 20 });
  let skip = o.skip;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (o.signal?.aborted) throw cancelledError(`The import of ${file}`);
      o.hash.update(chunk);
      done += chunk.length;
      let bytes: Uint8Array = chunk;
      if (skip > 0) {
        bytes = chunk.subarray(Math.min(skip, chunk.length));
        skip -= chunk.length - bytes.length;
      }
      const text = decoder.decode(bytes);
      if (!tokenizer) {
        sniffBuffer += text;
        if (sniffBuffer.length < 65536 && done < total) continue;
        delimiter ??= sniffDelimiter(sniffBuffer, file);
        tokenizer = new CsvTokenizer({ delimiter, file });
        tokenizer.push(sniffBuffer, onRow);
        sniffBuffer = '';
      } else {
        tokenizer.push(text, onRow);
      }
      if (done - lastRecheck >= RECHECK_BYTES) {
        assertUnchanged(o.snapshot);
        lastRecheck = done;
      }
      const now = Date.now();
      if (o.onProgress && now - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = now;
        o.onProgress({ done, total, unit: 'bytes', message: `Reading ${file}` });
      }
      // Let the host answer other requests between chunks.
      await new Promise<void>((r) => setImmediate(r));
    }
  } catch (e) {
    stream.destroy();
    if (e instanceof ApiError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') {
      throw new ApiError('bad-input', `${file} disappeared during the import; nothing was imported.`, { file });
    }
    if (err.code === 'EISDIR' || err.code === 'EACCES' || err.code === 'EIO') {
      throw new ApiError('bad-input', `${file} cannot be read (${err.code}).`, { file });
    }
    throw e;
  }
  const tail = decoder.end();
  if (!tokenizer) {
    sniffBuffer += tail;
    delimiter ??= sniffDelimiter(sniffBuffer, file);
    tokenizer = new CsvTokenizer({ delimiter, file });
    tokenizer.push(sniffBuffer, onRow);
  } else if (tail) {
    tokenizer.push(tail, onRow);
  }
  tokenizer.end(onRow);
  assertUnchanged(o.snapshot);
  if (o.signal?.aborted) throw cancelledError(`The import of ${file}`);

  if (header === null) {
    throw new ApiError('bad-input', `${file} has no header row: it contains only blank lines.`, { file });
  }
  if (deciding) flushPending();
  writer!.flush();
  const rows = writer!.rows;
  if (rows === 0) {
    throw new ApiError('bad-input', `${file} has a header but no data rows.`, { file, line: 2 });
  }

  const names: string[] = header;
  const notes: string[] = [];
  const columns: ColumnInfo[] = names.map((name, j) => {
    const stats = profilers[j].summary();
    const exact = needsExactDistinct(stats)
      ? (db.prepare(`SELECT COUNT(DISTINCT ${storageColumn(j)}) AS n FROM ${o.table}`).get() as { n: number }).n
      : undefined;
    const kind = inferKind(stats, name, rows, exact);
    if (rewritten[j] > 0 && kind !== 'integer' && kind !== 'float') {
      notes.push(
        `Column "${name}": ${rewritten[j]} numeric-looking value${rewritten[j] === 1 ? ' was' : 's were'} stored in canonical form (for example "007" as 7).`,
      );
    }
    return {
      index: j,
      name,
      kind,
      inferredKind: kind,
      count: stats.count,
      missing: stats.missing,
      distinct: exact ?? stats.distinct,
    };
  });
  // A numeric column's text cells can only be non-canonical numbers here.
  for (const c of columns) {
    if ((c.kind === 'integer' || c.kind === 'float') && textMode[c.index]) {
      convertTextToNumbers(db, o.table, storageColumn(c.index));
    }
  }
  if (delimiter !== ',') notes.push(`Fields are separated by ${DELIMITER_NAMES[delimiter!] ?? JSON.stringify(delimiter)}s.`);
  return { rows, columns, delimiter: delimiter!, notes };
}

function convertTextToNumbers(db: Database.Database, table: string, column: string): void {
  const select = db.prepare(`SELECT rowid AS id, ${column} AS v FROM ${table} WHERE typeof(${column}) = 'text'`);
  const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`);
  const changes: [number, number][] = [];
  for (const r of select.iterate() as Iterable<{ id: number; v: string }>) {
    changes.push([parseNumberLikePandas(r.v) ?? NaN, r.id]);
  }
  for (const [v, id] of changes) update.run(v, id);
}
