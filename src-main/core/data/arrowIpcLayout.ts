import { Message, MessageHeader } from 'apache-arrow';
import { Footer } from 'apache-arrow/ipc/metadata/file';
import { footerFits, messageMetadataFits } from './arrowMetadataBounds';

/**
 * The framing of an Arrow IPC file or stream, checked before any value is
 * read, so that a cut or damaged file is named with what is wrong and where
 * (the Arrow reader itself fails on such files with JavaScript errors such as
 * "Cannot read properties of null").
 *
 * A stream is a sequence of messages: a 0xFFFFFFFF continuation marker
 * (absent in files from before Arrow 0.15), the int32 length of a flatbuffer
 * header, the header, then `bodyLength` bytes of body; a zero length ends it.
 * The schema comes first, then dictionary and record batches. A file is
 * `ARROW1`, two bytes of padding, messages (some writers leave the schema
 * out: the footer holds it), a footer listing where each batch is, the
 * footer's int32 length and `ARROW1` again. Values inside a body are not
 * checked: the format has no checksums.
 */

/** Reads bytes of the file; a short read means the file ends there. */
export interface ByteSource {
  size: number;
  read(position: number, length: number): Promise<Uint8Array>;
}

export interface IpcLayout {
  format: 'file' | 'stream';
  /** Record batches in reading order, by their byte range (message start to body end). */
  batches: { start: number; end: number }[];
  /** The body compression the batches declare (Arrow's LZ4_FRAME or ZSTD), or null. */
  compression: 'LZ4' | 'ZSTD' | null;
  /** A stream ends with the end-of-stream marker. Writers may leave it out, but a stream cut between two batches has none either. */
  endMarker: boolean;
}

/** A file whose framing is broken; `reason` completes "X is not a readable Arrow file: …". */
export class ArrowLayoutError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ArrowLayoutError';
  }
}

const MAGIC = 'ARROW1';
/** 0xFFFFFFFF read as an int32. */
const CONTINUATION = -1;
const COMPRESSION_NAMES = ['LZ4', 'ZSTD'] as const;

function at(n: number): string {
  return `byte ${n.toLocaleString('en-US')}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function int32(b: Uint8Array, offset: number): number {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getInt32(offset, true);
}

function ascii(b: Uint8Array): string {
  return String.fromCharCode(...b);
}

/** One message as found at a position. */
type Found =
  | { kind: 'end'; end: number }
  | { kind: 'cut'; need: number; header?: MessageHeader }
  | { kind: 'damaged'; why: string }
  | { kind: 'message'; header: MessageHeader; message: Message; end: number };

/** Reads the message at `start`, which must end by `limit`. */
async function messageAt(src: ByteSource, start: number, limit: number): Promise<Found> {
  const prefix = await src.read(start, Math.min(8, limit - start));
  if (prefix.length < 4) return { kind: 'cut', need: start + 8 };
  let length = int32(prefix, 0);
  let metaStart = start + 4;
  if (length === CONTINUATION) {
    if (prefix.length < 8) return { kind: 'cut', need: start + 8 };
    length = int32(prefix, 4);
    metaStart = start + 8;
  }
  if (length === 0) return { kind: 'end', end: metaStart };
  if (length < 0) return { kind: 'damaged', why: `its header length is ${length}` };
  if (metaStart + length > limit) return { kind: 'cut', need: metaStart + length };
  let message: Message;
  try {
    const metadata = await src.read(metaStart, length);
    if (!messageMetadataFits(metadata)) return { kind: 'damaged', why: 'its header cannot be read' };
    message = Message.decode(metadata);
  } catch {
    return { kind: 'damaged', why: 'its header cannot be read' };
  }
  const header = message.headerType;
  if (header !== MessageHeader.Schema && header !== MessageHeader.RecordBatch && header !== MessageHeader.DictionaryBatch) {
    return { kind: 'damaged', why: 'its header cannot be read' };
  }
  const bodyLength = Number(message.bodyLength);
  if (!Number.isSafeInteger(bodyLength) || bodyLength < 0) return { kind: 'damaged', why: `its body length is ${String(message.bodyLength)}` };
  const end = metaStart + length + bodyLength;
  if (end > limit) return { kind: 'cut', need: end, header };
  if (header !== MessageHeader.Schema && !buffersFit(message, bodyLength)) return { kind: 'damaged', why: 'its buffers or row count do not fit in its body' };
  return { kind: 'message', header, message, end };
}

/**
 * Every buffer a batch lists lies inside its body, and its row count is one
 * the body can hold: any column but the Null type takes at least a bit a row.
 */
function buffersFit(message: Message, bodyLength: number): boolean {
  try {
    type Batch = { length: number; buffers: { offset: number; length: number }[] };
    const header = message.header() as Batch | { data: Batch };
    const batch = 'data' in header ? header.data : header;
    if (Number(batch.length) > 8 * bodyLength + 8) return false;
    return batch.buffers.every((b) => {
      const offset = Number(b.offset);
      const length = Number(b.length);
      return offset >= 0 && length >= 0 && offset + length <= bodyLength;
    });
  } catch {
    return false;
  }
}

function compressionOf(message: Message): IpcLayout['compression'] {
  if (message.headerType === MessageHeader.Schema) return null;
  // A batch declares it in its header (a dictionary batch in its data); null or absent when uncompressed.
  const header = message.header() as { compression?: { type: number } | null; data?: { compression?: { type: number } | null } };
  const c = header.compression ?? header.data?.compression;
  return c == null ? null : (COMPRESSION_NAMES[c.type] ?? 'LZ4');
}

function what(header: MessageHeader | null, batchNo: number): string {
  if (header === MessageHeader.Schema) return 'the schema';
  if (header === MessageHeader.DictionaryBatch) return 'a dictionary batch';
  if (header === MessageHeader.RecordBatch) return `record batch ${batchNo}`;
  return 'a message';
}

/**
 * Walks messages from `pos` in order, as a stream reader does. In a file it
 * only runs when the footer is missing, to say where the file was cut.
 */
async function walk(src: ByteSource, pos: number, isFile: boolean): Promise<IpcLayout> {
  const { size } = src;
  const batches: IpcLayout['batches'] = [];
  let compression: IpcLayout['compression'] = null;
  let first = true;
  while (pos < size) {
    const found = await messageAt(src, pos, size);
    const known = found.kind === 'message' || found.kind === 'cut' ? (found.header ?? null) : null;
    const label = first && !isFile ? 'the schema' : what(known, batches.length + 1);
    if (found.kind === 'end') {
      if (isFile) break;
      if (first) throw new ArrowLayoutError('the stream ends before its schema');
      // Writers stop at the marker: bytes after it mean a damaged length made a batch look like the end.
      if (found.end < size) throw new ArrowLayoutError(`the end-of-stream marker at ${at(pos)} is followed by ${count(size - found.end)} more bytes (the file is damaged)`);
      return { format: 'stream', batches, compression, endMarker: true };
    }
    if (found.kind === 'cut') {
      if (first && !isFile) throw new ArrowLayoutError(`the schema at ${at(pos)} is damaged or cut short (it needs ${count(found.need)} bytes; the file has ${count(size)})`);
      throw new ArrowLayoutError(`the file ends in the middle of ${label} (${at(size)} of ${count(found.need)})`);
    }
    if (found.kind === 'damaged') throw new ArrowLayoutError(`${label} at ${at(pos)} is damaged (${found.why})`);
    if (!isFile && first !== (found.header === MessageHeader.Schema)) {
      throw new ArrowLayoutError(first ? `the stream does not start with a schema (${at(pos)})` : `${at(pos)} holds a second schema`);
    }
    if (found.header === MessageHeader.RecordBatch) batches.push({ start: pos, end: found.end });
    compression ??= compressionOf(found.message);
    first = false;
    pos = found.end;
  }
  if (isFile) throw new ArrowLayoutError(`the file is cut short: it ends at ${at(size)}, before its footer`);
  if (first) throw new ArrowLayoutError('the stream holds no schema');
  return { format: 'stream', batches, compression, endMarker: false };
}

/** Checks a file's footer and every batch it lists. */
async function checkFile(src: ByteSource, footerStart: number, footerLength: number): Promise<IpcLayout> {
  const bytes = await src.read(footerStart, footerLength);
  let blocks: { block: { offset: number; metaDataLength: number; bodyLength: number }; label: string; record: boolean }[];
  try {
    if (!footerFits(bytes)) throw new Error('damaged footer');
    const footer = Footer.decode(bytes);
    // Decoding a block converts its int64 fields, which throws on damaged ones.
    blocks = [
      ...[...footer.dictionaryBatches()].map((b) => ({ block: b, label: 'a dictionary batch', record: false })),
      ...[...footer.recordBatches()].map((b, k) => ({ block: b, label: `record batch ${k + 1}`, record: true })),
    ];
  } catch {
    throw new ArrowLayoutError(`its footer at ${at(footerStart)} is damaged (it cannot be read)`);
  }
  const batches: IpcLayout['batches'] = [];
  let compression: IpcLayout['compression'] = null;
  for (const { block, label, record } of blocks) {
    const start = Number(block.offset);
    const end = start + Number(block.metaDataLength) + Number(block.bodyLength);
    if (!Number.isSafeInteger(end) || start < 8 || end > footerStart) {
      throw new ArrowLayoutError(`its footer is damaged: it places ${label} at bytes ${count(start)}–${count(end)}, outside the data (bytes 8–${count(footerStart)})`);
    }
    const found = await messageAt(src, start, footerStart);
    if (found.kind !== 'message' || found.header !== (record ? MessageHeader.RecordBatch : MessageHeader.DictionaryBatch) || found.end !== end) {
      const why = found.kind === 'damaged' ? found.why : 'it does not match what the footer says';
      throw new ArrowLayoutError(`${label} at ${at(start)} is damaged (${why})`);
    }
    compression ??= compressionOf(found.message);
    if (record) batches.push({ start, end });
  }
  // The batches the file holds, in order: a damaged footer could leave one out, and its rows would go missing unnoticed.
  // (Readers go by the footer, so a walk that stops early proves nothing; a batch it finds unlisted does.)
  let held = 0;
  let unlisted = false;
  for (let pos = 8; pos < footerStart && !unlisted; ) {
    const found = await messageAt(src, pos, footerStart);
    if (found.kind !== 'message') break;
    if (found.header === MessageHeader.RecordBatch) {
      held++;
      unlisted = !batches.some((b) => b.start === pos);
    }
    pos = found.end;
  }
  if (unlisted) {
    throw new ArrowLayoutError(`its footer is damaged: it lists ${count(batches.length)} record batches, but the file holds at least ${count(Math.max(held, batches.length + 1))}`);
  }
  return { format: 'file', batches, compression, endMarker: true };
}

/** Checks the framing of an Arrow IPC file (`ARROW1…`) or stream; throws {@link ArrowLayoutError}. */
export async function checkArrowLayout(src: ByteSource): Promise<IpcLayout> {
  const { size } = src;
  const head = await src.read(0, Math.min(8, size));
  if (!(head.length >= 6 && ascii(head.subarray(0, 6)) === MAGIC)) return walk(src, 0, false);
  if (size < 8) throw new ArrowLayoutError(`the file is cut short: it holds only its first ${size} bytes`);
  if (size >= 8 + 10) {
    const tail = await src.read(size - 10, 10);
    if (ascii(tail.subarray(4)) === MAGIC) {
      const footerLength = int32(tail, 0);
      const footerStart = size - 10 - footerLength;
      if (footerLength <= 0 || footerStart < 8) {
        throw new ArrowLayoutError(`its footer is damaged: its length (${footerLength} bytes, at ${at(size - 10)}) does not fit in the file`);
      }
      return checkFile(src, footerStart, footerLength);
    }
  }
  return walk(src, 8, true);
}
