export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1';

type Decoder = InstanceType<typeof TextDecoder>;

/** Recognises a byte-order mark at the start of a file. */
export function detectBom(head: Uint8Array): { encoding: TextEncodingName; bomLength: number } | null {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return null;
}

/** Share of control bytes above which a BOM-less file is taken for binary data. */
const CONTROL_SHARE_LIMIT = 0.1;

/**
 * True when the first bytes of a file are not text: a NUL byte (text
 * encodings we read never contain one without a UTF-16 BOM), or more than 10 %
 * control bytes other than tab, LF, FF and CR.
 */
export function looksBinary(head: Uint8Array): boolean {
  const bom = detectBom(head);
  if (bom && bom.encoding !== 'utf-8') return false;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  return head.length > 0 && control / head.length > CONTROL_SHARE_LIMIT;
}

/** Thrown by a strict UTF-8 {@link ChunkDecoder} at the first invalid byte sequence. */
export class InvalidTextError extends Error {
  /** Absolute byte offset of the invalid sequence (counted from the decoder's `startOffset`). */
  readonly offset: number;
  readonly encoding: TextEncodingName;

  constructor(encoding: TextEncodingName, byteOffset: number) {
    super(`The data is not valid ${encoding.toUpperCase()}: invalid byte sequence at byte offset ${byteOffset}.`);
    this.name = 'InvalidTextError';
    this.encoding = encoding;
    this.offset = byteOffset;
  }
}

/**
 * Decodes a byte stream chunk by chunk; characters split across chunks are
 * carried over. A BOM is not stripped: callers skip `detectBom(...).bomLength`
 * bytes themselves. 'utf-8' is strict (throws {@link InvalidTextError});
 * 'latin1' is true ISO-8859-1 (byte n → U+00nn), not WHATWG's windows-1252.
 */
export class ChunkDecoder {
  readonly encoding: TextEncodingName;
  private readonly utf8: Decoder | null = null;
  private readonly utf16: Decoder | null = null;
  /** Trailing bytes of an incomplete UTF-8 sequence from the previous chunk. */
  private carry: Uint8Array = new Uint8Array(0);
  /** Absolute offset of the next byte to be passed to decode(). */
  private offset = 0;

  /** `startOffset`: file offset of the first byte passed in (e.g. the BOM length), so error offsets are file offsets. */
  constructor(encoding: TextEncodingName, startOffset = 0) {
    this.encoding = encoding;
    this.offset = startOffset;
    if (encoding === 'utf-8') this.utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    else if (encoding === 'utf-16le' || encoding === 'utf-16be') {
      this.utf16 = new TextDecoder(encoding, { ignoreBOM: true });
    }
  }

  decode(chunk: Uint8Array): string {
    const start = this.offset;
    this.offset += chunk.length;
    if (this.utf16) return this.utf16.decode(chunk, { stream: true });
    if (!this.utf8) return decodeLatin1(chunk);
    return this.decodeUtf8(chunk, start);
  }

  end(): string {
    if (this.utf16) return this.utf16.decode();
    if (this.utf8 && this.carry.length > 0) {
      // The input stops in the middle of a multi-byte character.
      throw new InvalidTextError('utf-8', this.offset - this.carry.length);
    }
    return '';
  }

  /**
   * Each call decodes only complete sequences (non-streaming, so a failure
   * can be located precisely): first the carried-over character completed
   * with the head of this chunk, then the chunk up to its last complete
   * character.
   */
  private decodeUtf8(chunk: Uint8Array, chunkStart: number): string {
    const decoder = this.utf8!;
    let out = '';
    let from = 0;
    if (this.carry.length > 0) {
      const carry = this.carry;
      const need = Math.max(0, utf8SequenceLength(carry[0]) - carry.length);
      const take = Math.min(need, chunk.length);
      const joined = new Uint8Array(carry.length + take);
      joined.set(carry);
      joined.set(chunk.subarray(0, take), carry.length);
      const joinedStart = chunkStart - carry.length;
      if (take < need) {
        // Still incomplete (tiny chunk); check what we have is a valid prefix.
        const bad = firstInvalidUtf8(joined, true);
        if (bad >= 0) throw new InvalidTextError('utf-8', joinedStart + bad);
        this.carry = joined;
        return '';
      }
      out = this.decodeOrLocate(decoder, joined, joinedStart);
      from = take;
      this.carry = new Uint8Array(0);
    }
    const cut = completeUtf8Prefix(chunk, from);
    if (cut > from) out += this.decodeOrLocate(decoder, chunk.subarray(from, cut), chunkStart + from);
    if (cut < chunk.length) {
      const rest = chunk.slice(cut);
      const bad = firstInvalidUtf8(rest, true);
      if (bad >= 0) throw new InvalidTextError('utf-8', chunkStart + cut + bad);
      this.carry = rest;
    }
    return out;
  }

  private decodeOrLocate(decoder: Decoder, bytes: Uint8Array, absStart: number): string {
    try {
      return decoder.decode(bytes);
    } catch {
      const bad = firstInvalidUtf8(bytes, false);
      throw new InvalidTextError('utf-8', absStart + Math.max(0, bad));
    }
  }
}

/** Expected length of a UTF-8 sequence from its lead byte (1 for invalid leads: they fail on decode). */
function utf8SequenceLength(b: number): number {
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 1;
}

/** End of the longest prefix of bytes[from..] that does not stop inside a multi-byte sequence. */
function completeUtf8Prefix(bytes: Uint8Array, from: number): number {
  const n = bytes.length;
  for (let i = n - 1; i >= Math.max(from, n - 4); i--) {
    const b = bytes[i];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const len = utf8SequenceLength(b);
    return n - i < len ? i : n;
  }
  return n;
}

/**
 * Index of the first byte of the first invalid UTF-8 sequence (WHATWG rules:
 * no overlongs, surrogates or code points above U+10FFFF), or -1. With
 * `allowTruncated`, a sequence cut short by the end of the array is fine.
 */
export function firstInvalidUtf8(bytes: Uint8Array, allowTruncated: boolean): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(b);
    if (len === 1) return i;
    let lo = 0x80;
    let hi = 0xbf;
    if (b === 0xe0) lo = 0xa0;
    else if (b === 0xed) hi = 0x9f;
    else if (b === 0xf0) lo = 0x90;
    else if (b === 0xf4) hi = 0x8f;
    for (let k = 1; k < len; k++) {
      if (i + k >= n) return allowTruncated ? -1 : i;
      const c = bytes[i + k];
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += len;
  }
  return -1;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf16leDecoder = new TextDecoder('utf-16le', { ignoreBOM: true });

/** ISO-8859-1: widen each byte to a UTF-16 code unit natively, then decode. */
function decodeLatin1(bytes: Uint8Array): string {
  if (LITTLE_ENDIAN) return utf16leDecoder.decode(new Uint16Array(bytes));
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
  }
  return out;
}
