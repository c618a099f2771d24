import { createReadStream } from 'node:fs';
import type { Hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError, cancelledError } from '../../core/api/errors';
import type { Progress } from '../../core/api/contract';
import type { ColumnInfo, ColumnKind } from '../../core/data/columns';
import { controlCharacterNote } from '../../core/ingest/controlCharacters';
import type { CellExample, ParseSummary, RowBatch } from '../../core/ingest/delimitedParser';
import { DelimitedRecords } from '../../core/ingest/delimitedRecords';
import type { DecodingReport, TextEncodingName } from '../../core/ingest/encoding';
import { inferKind, needsExactDistinct } from '../../core/ingest/inference';
import { isMissing } from '../../core/ingest/missing';
import { parseNumberLikePandas } from '../../core/ingest/parseNumber';
import { type OnBadLines, shortRowsNote, skippedRowsNote } from '../../core/ingest/rowShape';
import type { EncodedColumnChunk } from '../store/columnChunkBuilder';
import { rewriteColumnChunks } from '../store/columnChunks';
import { storageColumn } from '../store/datasets';
import { inProcessEngine, type ParserConfig, workerEngine } from './parserWorker';
import { RowTableWriter } from './rowTableWriter';
import { assertUnchanged, type FileSnapshot, linesAtOffsets, unreadableSourceError } from './sourceFile';

export interface DelimitedOptions {
  snapshot: FileSnapshot;
  encoding: TextEncodingName;
  /** Bytes to skip at the start (a byte-order mark). */
  skip: number;
  delimiter?: string;
  /** Rows with more fields than the header: an error (the default) or dropped with a note. */
  onBadLines?: OnBadLines;
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
  /** What the bytes turned out to be: `utf-8` (possibly with stray bytes, see the notes), `windows-1252`, or the BOM's. */
  encoding: TextEncodingName;
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
  // A worker builds the column chunks of the rows it parses; this thread only stores them.
  let chunksFromWorker = false;
  const onBatch = (b: RowBatch): void => {
    writer ??= new RowTableWriter(db, o.table, b.width, { buildChunks: !chunksFromWorker });
    writer.addBatch(b);
  };
  const onColumns = (chunks: EncodedColumnChunk[]): void => {
    if (writer === null) throw new Error(`The import worker sent column chunks of ${file} before any of its rows.`);
    writer.addChunks(chunks);
  };
  const config: ParserConfig = { encoding: o.encoding, skip: o.skip, delimiter: o.delimiter, file, total, onBadLines: o.onBadLines ?? 'error' };
  const threaded = delimitedTuning.useWorker && total >= delimitedTuning.workerMinBytes;
  const engine = (threaded ? await workerEngine(config, onBatch, onColumns) : null) ?? inProcessEngine(config, onBatch);
  chunksFromWorker = engine.threaded;

  let done = 0;
  let lastProgress = 0;
  let lastRecheck = 0;
  const stream = createReadStream(o.snapshot.path, readOptions(o));
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
      throw readError(e, file);
    }
    summary = await engine.end();
  } finally {
    engine.close();
  }
  assertUnchanged(o.snapshot);
  if (o.signal?.aborted) throw cancelledError(`The import of ${file}`);

  const { header, delimiter, stats, allDistinct, textMode } = summary;
  if (header === null) {
    throw new ApiError('bad-input', `${file} has no header row: it contains only blank lines.`, { file });
  }
  writer ??= new RowTableWriter(db, o.table, header.length);
  writer.flush();
  const rows = writer.rows;
  if (rows === 0) {
    throw new ApiError('bad-input', `${file} has a header but no data rows.`, { file, line: 2 });
  }

  // A column that looked numeric at first and then held text (so it is not numeric) gets back
  // the text of its early cells, before SQLite counts its distinct values.
  const restore = header.flatMap((_, j) => (summary.textFrom[j] > 1 ? [{ column: j, until: summary.textFrom[j] - 1 }] : []));
  if (restore.length > 0) {
    await restoreText(db, o, delimiter, header.length, restore);
    for (const r of restore) rewriteColumnChunks(db, o.table, r.column);
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
    notes.push(...columnNotes(name, kind, summary, j));
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
    if (isNumeric(c.kind) && textMode[c.index]) {
      convertTextToNumbers(db, o.table, storageColumn(c.index));
      rewriteColumnChunks(db, o.table, c.index);
    }
  }
  const encoding = o.encoding === 'utf-8' && o.skip === 0 && summary.decoding.replaced > 0 && !summary.decoding.multibyte ? 'windows-1252' : o.encoding;
  if (summary.firstControl) notes.unshift(controlCharacterNote(file, summary.firstControl));
  const lone = summary.loneSurrogates;
  if (lone) {
    notes.unshift(
      `${file} holds ${plural(lone.count, 'unpaired UTF-16 surrogate', 'unpaired UTF-16 surrogates')} (the first on line ${lone.line}), which ${lone.count === 1 ? 'is not a character' : 'are not characters'}; ` +
        `${lone.count === 1 ? 'it was' : 'each was'} read as the replacement character U+FFFD (\uFFFD).`,
    );
  }
  if (summary.decoding.replaced > 0) notes.unshift(decodingNote(o.snapshot, encoding, summary.decoding));
  for (const note of [shortRowsNote(file, summary.shortRows), skippedRowsNote(file, summary.skippedRows)]) if (note) notes.push(note);
  if (delimiter !== ',') notes.push(`Fields are separated by ${DELIMITER_NAMES[delimiter] ?? JSON.stringify(delimiter)}s.`);
  return { rows, columns, delimiter, encoding, notes };
}

function isNumeric(kind: ColumnKind): boolean {
  return kind === 'integer' || kind === 'float';
}

function readOptions(o: { chunkSize?: number }): { highWaterMark: number } {
  return { highWaterMark: o.chunkSize ?? 1 << 20 };
}

function readError(e: unknown, file: string): unknown {
  return unreadableSourceError(e, file) ?? e;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What the analyst should know about how column j's values were stored. */
function columnNotes(name: string, kind: ColumnKind, summary: ParseSummary, j: number): string[] {
  const notes: string[] = [];
  const unsafe: CellExample | null = summary.firstUnsafe[j];
  if (unsafe && !isNumeric(kind)) {
    notes.push(
      `Column "${name}" holds integers beyond ±2^53 (such as ${unsafe.value.trim()} on line ${unsafe.line}), which numbers cannot hold exactly: ` +
        `their exact text is kept${kind === 'identifier' ? ' and the column is an identifier' : ''}.`,
    );
  }
  const inexact = summary.firstInexact[j];
  if (inexact && isNumeric(kind)) {
    const raw = inexact.value.trim();
    notes.push(
      `Column "${name}" holds numbers with more significant digits than a float keeps (such as ${raw} on line ${inexact.line}, stored as ${String(Number(raw))}); ` +
        'they are stored rounded to the nearest float.',
    );
  }
  const zeros = summary.leadingZeros[j];
  const zero = summary.firstLeadingZero[j];
  if (zeros > 0 && zero && isNumeric(kind)) {
    notes.push(
      `Column "${name}" holds only numbers, so it is ${kind} as pandas reads it: ${plural(zeros, 'value', 'values')} written with leading zeros ` +
        `(such as "${zero.value}" on line ${zero.line}) ${zeros === 1 ? 'is' : 'are'} stored as ${zeros === 1 ? 'a number' : 'numbers'}.`,
    );
  }
  return notes;
}

/** Says which lines held bytes that are not UTF-8, and how they were read. */
function decodingNote(snapshot: FileSnapshot, encoding: TextEncodingName, d: DecodingReport): string {
  const lines = [...new Set(linesAtOffsets(snapshot.path, d.offsets))];
  const file = snapshot.display;
  if (encoding === 'windows-1252') {
    return `${file} is not UTF-8; it was read as Windows-1252 (the first byte that is not UTF-8 is on line ${lines[0]}). Check accented characters.`;
  }
  const more = d.replaced > d.offsets.length ? ', and further on' : '';
  return (
    `${file} is UTF-8 except for ${plural(d.replaced, 'byte', 'bytes')} on line${lines.length === 1 && !more ? '' : 's'} ${lines.join(', ')}${more}, ` +
    `which ${d.replaced === 1 ? 'was' : 'were'} read as Windows-1252 (the rest of the file is UTF-8 as it is). Check ${lines.length === 1 && !more ? 'that line' : 'those lines'}.`
  );
}

/**
 * The second pass: reads the file again as far as the last row to fix and
 * puts back the original text of the cells stored as numbers (`007`, `7.0`,
 * `5`) in columns that turned out not to be numeric, rows 1..`until`. Holds
 * nothing but the current chunk; runs in the import's transaction.
 */
async function restoreText(
  db: Database.Database,
  o: DelimitedOptions,
  delimiter: string,
  width: number,
  restore: { column: number; until: number }[],
): Promise<void> {
  const file = o.snapshot.display;
  const last = Math.max(...restore.map((r) => r.until));
  const updates = restore.map((r) => ({
    ...r,
    stmt: db.prepare(`UPDATE ${o.table} SET ${storageColumn(r.column)} = ? WHERE rowid = ?`),
  }));
  // Record 0 is the header; record i is row i (its rowid), once the long rows the first pass skipped are left out
  // (had it not skipped them, it would have failed).
  let row = -1;
  const records = new DelimitedRecords({
    encoding: o.encoding,
    skip: o.skip,
    delimiter,
    file,
    total: o.snapshot.size,
    onRecord: (fields) => {
      if (row >= 0 && fields.length > width) return;
      if (++row === 0 || row > last) return;
      for (const u of updates) {
        if (row > u.until) continue;
        // A short row's missing fields were stored as missing.
        const raw = fields[u.column];
        if (raw !== undefined && !isMissing(raw)) u.stmt.run(raw, row);
      }
    },
  });
  o.onProgress?.({ done: o.snapshot.size, total: o.snapshot.size, unit: 'bytes', message: `Keeping the original text of ${file}` });
  const stream = createReadStream(o.snapshot.path, readOptions(o));
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (o.signal?.aborted) throw cancelledError(`The import of ${file}`);
      records.push(chunk);
      if (row >= last) break;
      await new Promise<void>((r) => setImmediate(r));
    }
    if (row < last) records.end();
  } catch (e) {
    throw readError(e, file);
  } finally {
    stream.destroy();
  }
  assertUnchanged(o.snapshot);
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
