import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError, cancelledError } from '../../core/api/errors';
import type { Progress } from '../../core/api/contract';
import type { ColumnInfo, ColumnKind } from '../../core/data/columns';
import { CELL_NULL, CELL_NUMBER, DelimitedParser, type ParseSummary, type RowBatch } from '../../core/ingest/delimitedParser';
import { detectBom, sniffText } from '../../core/ingest/encoding';
import { inferKind, needsExactDistinct } from '../../core/ingest/inference';
import { makeFrame, type Frame, type FrameColumn } from '../../core/recipe/frame';

/**
 * Files up to this size are read whole into memory and parsed there; larger
 * ones go through the project import, whose memory stays bounded.
 */
export const DIRECT_FRAME_MAX_BYTES = 32 * 1024 * 1024;

/** The import reads in chunks of this size; the same chunks give the parser the same input. */
const CHUNK_BYTES = 1 << 20;

/** What loadFrame.ts reads as a boolean's true (as stored text or a number's text). */
const BOOLEAN_TRUE = new Set(['True', 'TRUE', 'true', '1']);

export interface DirectReadOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Larger files resolve to null; {@link DIRECT_FRAME_MAX_BYTES} unless the caller holds the whole table anyway (a profile). */
  maxBytes?: number;
}

export interface DirectDataset {
  name: string;
  contentHash: string;
  columns: ColumnInfo[];
  frame: Frame;
}

/**
 * A CSV/TSV read straight into the frame that importing it into a project
 * and loading it back (importFile + loadDatasetFrame) would give, without
 * the project: the same parser, the same chunks, the same kind inference and
 * the same cell conversions, so the frame, the columns and the content hash
 * are the same.
 *
 * The import's rarer paths are not repeated here: a byte-order mark, an
 * Arrow file, a column whose first cells were stored as numbers before it
 * turned out to be text (the import's second pass), a numeric column holding
 * text, a distinct count only SQLite can give, a file that fails to parse,
 * or a file above {@link DIRECT_FRAME_MAX_BYTES}: for those this resolves to
 * null and the caller imports (which also gives the import's own error
 * messages). A cancel (`signal`) between read chunks rejects as the import's does.
 */
export async function readDelimitedFrame(path: string, name: string, o: DirectReadOptions = {}): Promise<DirectDataset | null> {
  let bytes: Buffer;
  try {
    if (statSync(path).size > (o.maxBytes ?? DIRECT_FRAME_MAX_BYTES)) return null;
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  if (bytes.length === 0 || !isPlainText(bytes.subarray(0, 65536))) return null;
  let parsed;
  try {
    parsed = await parse(bytes, basename(path), o);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'cancelled') throw e;
    return null;
  }
  const { header, summary, batches } = parsed;
  const rows = batches.reduce((s, b) => s + b.rows, 0);
  if (header === null || rows === 0 || summary.textFrom.some((r) => r > 1)) return null;
  const columns: ColumnInfo[] = [];
  for (let j = 0; j < header.length; j++) {
    const s = summary.stats[j];
    let exact: number | undefined;
    if (needsExactDistinct(s, header[j], rows)) {
      if (!summary.allDistinct[j]) return null;
      exact = s.count;
    }
    const kind = inferKind(s, header[j], rows, exact);
    if (isNumeric(kind) && summary.textMode[j]) return null;
    columns.push({ index: j, name: header[j], kind, inferredKind: kind, count: s.count, missing: s.missing, distinct: exact ?? s.distinct });
  }
  const entries: [string, FrameColumn][] = [];
  for (const c of columns) {
    const column = frameColumn(c, batches, header.length, rows);
    if (column === null) return null;
    entries.push([c.name, column]);
  }
  return { name, contentHash: createHash('sha256').update(bytes).digest('hex'), columns, frame: makeFrame(rows, entries) };
}

/** UTF-8 text as importFile takes it without a second thought: no byte-order mark, not Arrow, not binary. */
function isPlainText(head: Uint8Array): boolean {
  if (detectBom(head)) return false;
  const ascii = (to: number) => String.fromCharCode(...head.subarray(0, to));
  if ((head.length >= 6 && ascii(6) === 'ARROW1') || (head.length >= 4 && ascii(4) === 'FEA1')) return false;
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff) return false;
  return !sniffText(head).binary;
}

async function parse(bytes: Buffer, display: string, o: DirectReadOptions): Promise<{ header: string[] | null; summary: ParseSummary; batches: RowBatch[] }> {
  const batches: RowBatch[] = [];
  // The options the import gives its parser (parserWorker.ts's inProcessEngine) for a UTF-8 file without a BOM.
  const parser = new DelimitedParser({ encoding: 'utf-8', skip: 0, file: display, total: bytes.length, onBadLines: 'error', onBatch: (b) => batches.push(b) });
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    if (o.signal?.aborted) throw cancelledError(`Reading ${display}`);
    o.onProgress?.({ done: at, total: bytes.length, unit: 'bytes', message: `Reading ${display}` });
    parser.push(bytes.subarray(at, at + CHUNK_BYTES));
    // As the import does between chunks: a signal's handler gets its turn.
    await new Promise<void>((r) => setImmediate(r));
  }
  if (o.signal?.aborted) throw cancelledError(`Reading ${display}`);
  const summary = parser.end();
  return { header: summary.header, summary, batches };
}

function isNumeric(kind: ColumnKind): boolean {
  return kind === 'integer' || kind === 'float';
}

/**
 * Column c of the batches, converted as loadFrame.ts converts a stored cell
 * (a number cell round-trips through SQLite as the same double, and NaN as
 * NULL); null when a numeric column holds a text cell, which the import
 * would convert in SQLite first.
 */
function frameColumn(c: ColumnInfo, batches: RowBatch[], width: number, rows: number): FrameColumn | null {
  const j = c.index;
  if (c.kind === 'integer' || c.kind === 'float' || c.kind === 'boolean') {
    const boolean = c.kind === 'boolean';
    const values = new Float64Array(rows);
    let at = 0;
    for (const b of batches) {
      const texts = textIndex(b, width);
      for (let r = 0, t = j; r < b.rows; r++, t += width, at++) {
        const tag = b.tags[t];
        if (tag === CELL_NULL) values[at] = NaN;
        else if (tag === CELL_NUMBER) {
          const v = b.nums[t];
          values[at] = boolean && !Number.isNaN(v) ? (BOOLEAN_TRUE.has(String(v)) ? 1 : 0) : v;
        } else if (boolean) values[at] = BOOLEAN_TRUE.has(b.strings[texts[t]]) ? 1 : 0;
        else return null;
      }
    }
    return { type: 'number', values, kind: c.kind };
  }
  const values = new Array<string | null>(rows).fill(null);
  let at = 0;
  for (const b of batches) {
    const texts = textIndex(b, width);
    for (let r = 0, t = j; r < b.rows; r++, t += width, at++) {
      const tag = b.tags[t];
      if (tag === CELL_NUMBER) {
        const v = b.nums[t];
        values[at] = Number.isNaN(v) ? null : String(v);
      } else if (tag !== CELL_NULL) values[at] = b.strings[texts[t]];
    }
  }
  return { type: 'string', values, kind: c.kind };
}

/** Per cell of a batch, the index of its text in `strings` (texts are stored in cell order). */
const textIndexes = new WeakMap<RowBatch, Int32Array>();
function textIndex(b: RowBatch, width: number): Int32Array {
  let index = textIndexes.get(b);
  if (index) return index;
  index = new Int32Array(b.rows * width);
  for (let t = 0, s = 0; t < index.length; t++) if (b.tags[t] !== CELL_NULL && b.tags[t] !== CELL_NUMBER) index[t] = s++;
  textIndexes.set(b, index);
  return index;
}
