import { ByteBuffer } from 'flatbuffers';
import { DictionaryBatch as FbDictionaryBatch } from 'apache-arrow/fb/dictionary-batch';
import { Field as FbField } from 'apache-arrow/fb/field';
import { Footer as FbFooter } from 'apache-arrow/fb/footer';
import { Message as FbMessage } from 'apache-arrow/fb/message';
import { MessageHeader } from 'apache-arrow/fb/message-header';
import { RecordBatch as FbRecordBatch } from 'apache-arrow/fb/record-batch';
import { Schema as FbSchema } from 'apache-arrow/fb/schema';
import { Type as FbType } from 'apache-arrow/fb/type';
import { Union as FbUnion } from 'apache-arrow/fb/union';

/**
 * Whether the lengths in an Arrow flatbuffer (a message header or a file
 * footer) can be true. A flatbuffer read past its end gives zeros rather
 * than an error, so a damaged vector length (say 1,330,795,073 fields) sends
 * the Arrow reader round a loop that long; here every vector must fit in
 * the bytes it is read from, before the reader sees it.
 */

/** Bytes an element takes at least: a table offset, or the structs FieldNode, Buffer (16) and Block (24). */
const OFFSET = 4;
const NODE = 16;
const BUFFER = 16;
const BLOCK = 24;
/** Nested types deeper than this are damage, not data. */
const MAX_DEPTH = 64;

function fits(length: number, size: number, bytes: number): boolean {
  return length >= 0 && length * size <= bytes;
}

function fieldsFit(field: FbField, bytes: number, depth: number, budget: { fields: number }): boolean {
  if (depth > MAX_DEPTH || --budget.fields < 0) return false;
  if (!fits(field.childrenLength(), OFFSET, bytes) || !fits(field.customMetadataLength(), OFFSET, bytes)) return false;
  if (field.typeType() === FbType.Union) {
    const union = field.type(new FbUnion()) as FbUnion | null;
    if (union && !fits(union.typeIdsLength(), 4, bytes)) return false;
  }
  for (let i = 0; i < field.childrenLength(); i++) {
    const child = field.children(i);
    if (child && !fieldsFit(child, bytes, depth + 1, budget)) return false;
  }
  return true;
}

function schemaFits(schema: FbSchema | null, bytes: number): boolean {
  if (!schema) return true;
  if (!fits(schema.fieldsLength(), OFFSET, bytes) || !fits(schema.customMetadataLength(), OFFSET, bytes) || !fits(schema.featuresLength(), 8, bytes)) return false;
  const budget = { fields: Math.floor(bytes / OFFSET) };
  for (let i = 0; i < schema.fieldsLength(); i++) {
    const field = schema.fields(i);
    if (field && !fieldsFit(field, bytes, 0, budget)) return false;
  }
  return true;
}

function batchFits(batch: FbRecordBatch | null, bytes: number): boolean {
  if (!batch) return true;
  return fits(batch.nodesLength(), NODE, bytes) && fits(batch.buffersLength(), BUFFER, bytes) && fits(batch.variadicBufferCountsLength(), 8, bytes);
}

/** A message header (the flatbuffer after the length prefix) whose vectors fit in it. */
export function messageMetadataFits(metadata: Uint8Array): boolean {
  try {
    const bytes = metadata.length;
    const message = FbMessage.getRootAsMessage(new ByteBuffer(metadata));
    if (!fits(message.customMetadataLength(), OFFSET, bytes)) return false;
    switch (message.headerType()) {
      case MessageHeader.Schema:
        return schemaFits(message.header(new FbSchema()) as FbSchema | null, bytes);
      case MessageHeader.RecordBatch:
        return batchFits(message.header(new FbRecordBatch()) as FbRecordBatch | null, bytes);
      case MessageHeader.DictionaryBatch: {
        const dictionary = message.header(new FbDictionaryBatch()) as FbDictionaryBatch | null;
        return batchFits(dictionary?.data() ?? null, bytes);
      }
      default:
        return false;
    }
  } catch {
    return false;
  }
}

/** A file footer whose block lists and schema fit in it. */
export function footerFits(footer: Uint8Array): boolean {
  try {
    const bytes = footer.length;
    const f = FbFooter.getRootAsFooter(new ByteBuffer(footer));
    return (
      fits(f.recordBatchesLength(), BLOCK, bytes) &&
      fits(f.dictionariesLength(), BLOCK, bytes) &&
      fits(f.customMetadataLength(), OFFSET, bytes) &&
      schemaFits(f.schema(), bytes)
    );
  } catch {
    return false;
  }
}
