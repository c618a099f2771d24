import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import type { Progress } from '../../core/api/contract';
import type { DatasetInfo } from '../../core/data/columns';
import { detectBom, sniffText, type TextEncodingName } from '../../core/ingest/encoding';
import type { OnBadLines } from '../../core/ingest/rowShape';
import { getDataset, insertDataset, rowTableName, uniqueDatasetName } from '../store/datasets';
import { deferCheckpoint } from './backgroundCheckpoint';
import { importArrow } from './importArrow';
import { importDelimited } from './importDelimited';
import { snapshotFile, unreadableSourceError } from './sourceFile';

export interface ImportRequest {
  path: string;
  /** Shown in messages instead of the path, e.g. an uploaded file's original name. */
  displayName?: string;
  name?: string;
  delimiter?: ',' | '\t' | ';' | '|';
  /** Rows with more fields than the header: an error (the default, as pandas) or dropped and listed in a note (pandas' on_bad_lines='skip'). */
  onBadLines?: OnBadLines;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Read size; small values let tests interrupt an import part-way. */
  chunkSize?: number;
}

const HEAD_BYTES = 65536;
/** Text files from this size on leave the WAL checkpoint to a background thread (see {@link deferCheckpoint}). */
const DEFER_CHECKPOINT_BYTES = 16 * 1024 * 1024;

/** The first bytes of the file; a file the system will not open or read is refused in the product's words. */
function readHead(path: string, display: string): Uint8Array {
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(HEAD_BYTES);
      const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
      return buf.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw unreadableSourceError(e, display) ?? e;
  }
}

type SourceFormat = 'arrow' | 'feather-v1' | 'text';

function sniffFormat(head: Uint8Array): SourceFormat {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 6 && ascii(0, 6) === 'ARROW1') return 'arrow';
  if (head.length >= 4 && ascii(0, 4) === 'FEA1') return 'feather-v1';
  // An Arrow IPC stream starts with the 0xFFFFFFFF continuation marker.
  if (head.length >= 8 && head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff) return 'arrow';
  return 'text';
}

/**
 * Imports a CSV, TSV or Arrow file as a new dataset in one transaction: on
 * any error, or a cancel, the project is left exactly as it was. The caller
 * must hold the project's write lock.
 */
export async function importFile(db: Database.Database, req: ImportRequest): Promise<DatasetInfo> {
  const display = req.displayName ?? basename(req.path);
  const snapshot = snapshotFile(req.path, display);
  const head = readHead(req.path, display);
  const format = sniffFormat(head);
  if (format === 'feather-v1') {
    throw new ApiError('bad-input', `${display} is a Feather version 1 file, which Assay cannot read; save it as Feather version 2 (Arrow IPC).`, {
      file: display,
    });
  }
  const bom = format === 'text' ? detectBom(head) : null;
  // The head tells a binary file at once; control characters and a NUL further on are
  // found as the text streams (see ControlCharacterCheck), and the note comes from there.
  if (format === 'text' && !bom) {
    const sniff = sniffText(head);
    if (sniff.binary) {
      throw new ApiError(
        'bad-input',
        `${display} is not a text file (binary data at byte ${sniff.offset}); Assay imports CSV, TSV and Arrow/Feather files.`,
        { file: display },
      );
    }
  }
  const wantedName = req.name ?? basename(display, extname(display));
  const table = rowTableName(randomBytes(6).toString('hex'));

  const attempt = async (encoding: TextEncodingName): Promise<DatasetInfo> => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const hash = createHash('sha256');
      let rows: number;
      let columns;
      let notes: string[];
      let datasetFormat: DatasetInfo['format'];
      if (format === 'arrow') {
        const r = await importArrow(db, { snapshot, table, hash, signal: req.signal, onProgress: req.onProgress });
        ({ rows, columns } = r);
        notes = r.notes;
        datasetFormat = { kind: 'arrow' };
      } else {
        const r = await importDelimited(db, {
          snapshot,
          encoding,
          skip: bom?.bomLength ?? 0,
          delimiter: req.delimiter,
          onBadLines: req.onBadLines,
          table,
          hash,
          signal: req.signal,
          onProgress: req.onProgress,
          chunkSize: req.chunkSize,
        });
        ({ rows, columns } = r);
        notes = r.notes;
        datasetFormat = { kind: 'delimited', encoding: r.encoding, delimiter: r.delimiter };
      }
      const id = insertDataset(db, {
        name: uniqueDatasetName(db, wantedName),
        sourceName: display,
        rows,
        columns,
        format: datasetFormat,
        notes,
        contentHash: hash.digest('hex'),
        dataTable: table,
      });
      db.exec('COMMIT');
      return getDataset(db, id);
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
  };

  // One attempt: bytes that are not UTF-8 are read as Windows-1252 in the same pass (see
  // DelimitedRecords), and importDelimited says which encoding the file turned out to be.
  const run = async (): Promise<DatasetInfo> => {
    try {
      return await attempt(bom?.encoding ?? 'utf-8');
    } catch (e) {
      throw toApiError(e, display);
    }
  };
  return format === 'text' && snapshot.size >= DEFER_CHECKPOINT_BYTES ? deferCheckpoint(db, run) : run();
}

function toApiError(e: unknown, display: string): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError('internal', `Importing ${display} failed: ${(e as Error).message ?? String(e)}`, { file: display });
}
