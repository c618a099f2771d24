export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1' | 'windows-1252';

import { Utf16Decoder } from './utf16Decoder';

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

/** Share of control bytes above which a BOM-less file is taken for binary data… */
const CONTROL_SHARE_LIMIT = 0.1;
/** …once it holds this many: a short text with a few escape codes is still text. */
const CONTROL_COUNT_MIN = 16;

/** What the first bytes of a file say about it being text. */
export type TextSniff =
  /** `offset`: the first NUL, or else the first byte that is not text. */
  | { binary: true; offset: number }
  /** `controls`: control bytes other than tab, LF and CR; `firstControl`: the offset of the first, or -1. */
  | { binary: false; controls: number; firstControl: number };

/** Bytes that are not part of a valid UTF-8 sequence, and the offset of the first (-1 when none). */
function invalidUtf8Bytes(bytes: Uint8Array): { count: number; first: number } {
  let count = 0;
  let first = -1;
  let pos = 0;
  while (pos < bytes.length) {
    // A sequence cut by the end of the head is not counted: the next byte may complete it.
    const bad = firstInvalidUtf8(bytes.subarray(pos), true);
    if (bad < 0) break;
    if (count++ === 0) first = pos + bad;
    pos += bad + 1;
  }
  return { count, first };
}

/**
 * Whether the first bytes of a file are not text: a NUL byte (text encodings
 * we read never contain one without a UTF-16 BOM); among at least
 * {@link CONTROL_COUNT_MIN} control bytes (other than tab, LF and CR), more
 * than 10 % of the bytes; or, with at least two control bytes, mostly bytes
 * that are neither text characters nor UTF-8 (random bytes, a short binary
 * file). A legacy 8-bit text (Windows-1252, or Cyrillic in Windows-1251) has
 * many bytes that are not UTF-8 but no control bytes, so it stays text.
 */
export function sniffText(head: Uint8Array): TextSniff {
  const bom = detectBom(head);
  if (bom && bom.encoding !== 'utf-8') return { binary: false, controls: 0, firstControl: -1 };
  let controls = 0;
  let firstControl = -1;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0) return { binary: true, offset: i };
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) {
      if (controls++ === 0) firstControl = i;
    }
  }
  if (controls >= CONTROL_COUNT_MIN && controls / head.length > CONTROL_SHARE_LIMIT) return { binary: true, offset: firstControl };
  if (controls >= 2) {
    const invalid = invalidUtf8Bytes(head);
    if ((controls + invalid.count) * 2 > head.length) {
      return { binary: true, offset: invalid.first >= 0 ? Math.min(firstControl, invalid.first) : firstControl };
    }
  }
  return { binary: false, controls, firstControl };
}

/** True when the first bytes of a file are not text (see {@link sniffText}). */
export function looksBinary(head: Uint8Array): boolean {
  return sniffText(head).binary;
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

/** Where a lenient UTF-8 decode had to read bytes as Windows-1252 (see {@link ChunkDecoder}). */
export interface DecodingReport {
  /** Bytes that were not part of a valid UTF-8 sequence, each read as one Windows-1252 character. */
  replaced: number;
  /** File offsets of the first {@link REPORTED_OFFSETS} of them. */
  offsets: number[];
  /** Some valid multi-byte UTF-8 sequence was read: the file is UTF-8 with stray bytes, not Windows-1252. */
  multibyte: boolean;
}

/** Offsets of replaced bytes kept for messages. */
export const REPORTED_OFFSETS = 5;

/**
 * Windows-1252 characters of the bytes 0x80–0xFF, spelled out: a TextDecoder
 * built without ICU (Debian's Node) reads 'windows-1252' as Latin-1. The five
 * bytes Windows-1252 leaves undefined map to C1 controls, as WHATWG's does.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178' +
  Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i)).join('');

export interface ChunkDecoderOptions {
  /**
   * 'utf-8' only. 'throw' (default): an invalid sequence throws {@link InvalidTextError}.
   * 'windows-1252': each byte that is not part of a valid sequence is read as its
   * Windows-1252 character and counted in {@link ChunkDecoder.report}, so a stray
   * Latin-1 byte leaves the file's valid UTF-8 as it is, and a Windows-1252 file
   * (no valid multi-byte sequence anywhere) comes out exactly as Windows-1252.
   */
  invalid?: 'throw' | 'windows-1252';
}

/**
 * Decodes a byte stream chunk by chunk; characters split across chunks are
 * carried over. A BOM is not stripped: callers skip `detectBom(...).bomLength`
 * bytes themselves. 'utf-8' is strict (throws {@link InvalidTextError}) unless
 * told otherwise (see {@link ChunkDecoderOptions}); 'latin1' is true
 * ISO-8859-1 (byte n → U+00nn), not WHATWG's windows-1252.
 */
export class ChunkDecoder {
  readonly encoding: TextEncodingName;
  private readonly utf8: Decoder | null = null;
  /** UTF-16 is decoded by its own decoder, which reports unpaired surrogates and a dangling last byte. */
  readonly utf16: Utf16Decoder | null = null;
  /** Trailing bytes of an incomplete UTF-8 sequence from the previous chunk. */
  private carry: Uint8Array = new Uint8Array(0);
  /** Absolute offset of the next byte to be passed to decode(). */
  private offset = 0;
  private readonly lenient: boolean;
  private readonly cp1252: boolean;
  private readonly replaced: DecodingReport = { replaced: 0, offsets: [], multibyte: false };

  /** `startOffset`: file offset of the first byte passed in (e.g. the BOM length), so error offsets are file offsets. */
  constructor(encoding: TextEncodingName, startOffset = 0, options: ChunkDecoderOptions = {}) {
    this.encoding = encoding;
    this.offset = startOffset;
    this.lenient = encoding === 'utf-8' && options.invalid === 'windows-1252';
    if (encoding === 'utf-8') this.utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    else if (encoding === 'utf-16le' || encoding === 'utf-16be') {
      this.utf16 = new Utf16Decoder(encoding, startOffset);
    }
    this.cp1252 = encoding === 'windows-1252';
  }

  /** What a lenient UTF-8 decode has read as Windows-1252 so far. */
  get report(): DecodingReport {
    return { ...this.replaced, offsets: this.replaced.offsets.slice() };
  }

  decode(chunk: Uint8Array): string {
    const start = this.offset;
    this.offset += chunk.length;
    if (this.utf16) return this.utf16.decode(chunk);
    if (this.cp1252) return decodeCp1252(chunk);
    if (!this.utf8) return decodeLatin1(chunk);
    return this.lenient ? this.decodeLenient(chunk, start) : this.decodeUtf8(chunk, start);
  }

  end(): string {
    if (this.utf16) return this.utf16.end();
    if (this.utf8 && this.carry.length > 0) {
      const carry = this.carry;
      this.carry = new Uint8Array(0);
      if (this.lenient) return this.decodePiecewise(carry, this.offset - carry.length);
      // The input stops in the middle of a multi-byte character.
      throw new InvalidTextError('utf-8', this.offset - carry.length);
    }
    return '';
  }

  /**
   * Decodes the carried-over bytes and the chunk up to its last complete
   * character; an incomplete but still valid tail waits for the next chunk.
   */
  private decodeLenient(chunk: Uint8Array, chunkStart: number): string {
    let bytes = chunk;
    let start = chunkStart;
    if (this.carry.length > 0) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
      start -= this.carry.length;
      this.carry = new Uint8Array(0);
    }
    const cut = completeUtf8Prefix(bytes, 0);
    let out = cut > 0 ? this.decodeRun(bytes.subarray(0, cut), start) : '';
    if (cut < bytes.length) {
      const rest = bytes.subarray(cut);
      // A tail that can never become valid is read now; a valid beginning waits for its end.
      if (firstInvalidUtf8(rest, true) >= 0) out += this.decodePiecewise(rest, start + cut);
      else this.carry = rest.slice();
    }
    return out;
  }

  /** Complete characters: one fast decode when valid, else sequence by sequence. */
  private decodeRun(bytes: Uint8Array, start: number): string {
    try {
      const text = this.utf8!.decode(bytes);
      // Fewer code units than bytes: some multi-byte sequence was read.
      if (text.length !== bytes.length) this.replaced.multibyte = true;
      return text;
    } catch {
      return this.decodePiecewise(bytes, start);
    }
  }

  /** Valid runs as UTF-8, each byte outside a valid sequence as its Windows-1252 character. */
  private decodePiecewise(bytes: Uint8Array, start: number): string {
    let out = '';
    let pos = 0;
    while (pos < bytes.length) {
      const bad = firstInvalidUtf8(bytes.subarray(pos), false);
      const validEnd = bad < 0 ? bytes.length : pos + bad;
      if (validEnd > pos) out += this.decodeRun(bytes.subarray(pos, validEnd), start + pos);
      if (bad < 0) break;
      // An invalid sequence always starts with a byte ≥ 0x80.
      out += CP1252_HIGH[bytes[validEnd] - 0x80];
      const r = this.replaced;
      if (r.replaced++ < REPORTED_OFFSETS) r.offsets.push(start + validEnd);
      pos = validEnd + 1;
    }
    return out;
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

/** Windows-1252: Latin-1 with the 0x80–0x9F bytes remapped. */
function decodeCp1252(bytes: Uint8Array): string {
  const latin1 = decodeLatin1(bytes);
  return /[\u0080-\u009f]/.test(latin1) ? latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]) : latin1;
}
