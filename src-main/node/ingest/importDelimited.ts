import { createReadStream } from 'node:fs';
import type { Hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError, cancelledError } from '../../core/api/errors';
import type { Progress } from '../../core/api/contract';
import type { ColumnInfo } from '../../core/data/columns';
import type { ParseSummary, RowBatch } from '../../core/ingest/delimitedParser';
import type { TextEncodingName } from '../../core/ingest/encoding';
import { inferKind, needsExactDistinct } from '../../core/ingest/inference';
import { parseNumberLikePandas } from '../../core/ingest/parseNumber';
import { storageColumn } from '../store/datasets';
import { inProcessEngine, type ParserConfig, workerEngine } from './parserWorker';
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

const PROGRESS_INTERVAL_MS = 100;
const RECHECK_BYTES = 16 * 1024 * 1024;

/**
 * Tuning knobs, exported for tests and benchmarks. Files of at least
 * `workerMinBytes` are parsed on a worker thread (decode, tokenize, profile,
 * convert) while this thread reads the file and writes SQLite; smaller ones,
 * where starting a thread costs more than it saves, are parsed here.
 */
export const delimitedTuning = { workerMinBytes: 4 * 1024 * 1024, useWorker: true };

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' };

/**
 * Streams a CSV/TSV file into a new row table, in constant memory, inferring
 * each column's kind on the way. Runs inside the caller's transaction: any
 * error leaves the project as it was once the caller rolls back. All SQLite
 * writes go through `db` on this thread; only parsing may run on a worker.
 */
export async function importDelimited(db: Database.Database, o: DelimitedOptions): Promise<DelimitedResult> {
  const file = o.snapshot.display;
  const total = o.snapshot.size;
  let writer: RowTableWriter | null = null;
  const onBatch = (b: RowBatch): void => {
    writer ??= new RowTableWriter(db, o.table, b.width);
    writer.addBatch(b);
  };
  const config: ParserConfig = { encoding: o.encoding, skip: o.skip, delimiter: o.delimiter, file, total };
  const threaded = delimitedTuning.useWorker && total >= delimitedTuning.workerMinBytes;
  const engine = (threaded ? await workerEngine(config, onBatch) : null) ?? inProcessEngine(config, onBatch);

  let done = 0;
  let lastProgress = 0;
  let lastRecheck = 0;
  const stream = createReadStream(o.snapshot.path, { highWaterMark: o.chunkSize ?? 1 << 20 });
  let summary: ParseSummary;
  try {
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (o.signal?.aborted) throw cancelledError(`The import of ${file}`);
        o.hash.update(chunk);
        done += chunk.length;
        engine.push(chunk);
        if (done - lastRecheck >= RECHECK_BYTES) {
          assertUnchanged(o.snapshot);
          lastRecheck = done;
        }
        const now = Date.now();
        if (o.onProgress && now - lastProgress >= PROGRESS_INTERVAL_MS) {
          lastProgress = now;
          o.onProgress({ done, total, unit: 'bytes', message: `Reading ${file}` });
        }
        // Let the host answer other requests between chunks (and the worker's batches arrive).
        await new Promise<void>((r) => setImmediate(r));
        await engine.ready();
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
    summary = await engine.end();
  } finally {
    engine.close();
  }
  assertUnchanged(o.snapshot);
  if (o.signal?.aborted) throw cancelledError(`The import of ${file}`);

  const { header, delimiter, stats, allDistinct, textMode, rewritten } = summary;
  if (header === null) {
    throw new ApiError('bad-input', `${file} has no header row: it contains only blank lines.`, { file });
  }
  writer ??= new RowTableWriter(db, o.table, header.length);
  writer.flush();
  const rows = writer.rows;
  if (rows === 0) {
    throw new ApiError('bad-input', `${file} has a header but no data rows.`, { file, line: 2 });
  }

  const notes: string[] = [];
  const columns: ColumnInfo[] = header.map((name, j) => {
    const s = stats[j];
    let exact: number | undefined;
    if (needsExactDistinct(s, name, rows)) {
      // Strictly increasing numbers are all distinct: no need to ask SQLite.
      exact = allDistinct[j]
        ? s.count
        : (db.prepare(`SELECT COUNT(DISTINCT ${storageColumn(j)}) AS n FROM ${o.table}`).get() as { n: number }).n;
    }
    const kind = inferKind(s, name, rows, exact);
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
      count: s.count,
      missing: s.missing,
      distinct: exact ?? s.distinct,
    };
  });
  // A numeric column's text cells can only be non-canonical numbers here.
  for (const c of columns) {
    if ((c.kind === 'integer' || c.kind === 'float') && textMode[c.index]) {
      convertTextToNumbers(db, o.table, storageColumn(c.index));
    }
  }
  if (delimiter !== ',') notes.push(`Fields are separated by ${DELIMITER_NAMES[delimiter] ?? JSON.stringify(delimiter)}s.`);
  return { rows, columns, delimiter, notes };
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
