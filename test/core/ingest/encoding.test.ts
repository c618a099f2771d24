import { describe, expect, it } from 'vitest';
import { ChunkDecoder, detectBom, InvalidTextError, looksBinary } from '../../../src-main/core/ingest/encoding';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function decodeInChunks(decoder: ChunkDecoder, data: Uint8Array, splits: number[]): string {
  let out = '';
  let from = 0;
  for (const s of [...splits, data.length]) {
    out += decoder.decode(data.subarray(from, s));
    from = s;
  }
  return out + decoder.end();
}

function catchInvalid(fn: () => unknown): InvalidTextError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidTextError) return e;
    throw e;
  }
  throw new Error('expected an InvalidTextError');
}

describe('detectBom', () => {
  it('recognises UTF-8 and UTF-16 byte-order marks', () => {
    expect(detectBom(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectBom(bytes(0xff, 0xfe, 0x61, 0))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectBom(bytes(0xfe, 0xff, 0, 0x61))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
    expect(detectBom(utf8('a,b\n'))).toBeNull();
    expect(detectBom(bytes(0xef, 0xbb))).toBeNull();
    expect(detectBom(bytes())).toBeNull();
  });
});

describe('looksBinary', () => {
  it('flags NUL bytes and control-heavy data, not text', () => {
    expect(looksBinary(utf8('a,b\r\n1,\t"é"\f\n'))).toBe(false);
    expect(looksBinary(bytes())).toBe(false);
    expect(looksBinary(bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x14))).toBe(true); // zip
    expect(looksBinary(bytes(0x61, 0x00, 0x62, 0x00))).toBe(true); // UTF-16 without BOM
    const controls = utf8('abcdefghij'.repeat(10));
    for (let i = 0; i < 20; i++) controls[i * 5] = 0x01;
    expect(looksBinary(controls)).toBe(true);
    expect(looksBinary(bytes(0xff, 0xfe, 0x61, 0x00, 0x62, 0x00))).toBe(false); // UTF-16 with BOM
  });
});

describe('ChunkDecoder', () => {
  const text = 'a,é,€,😀\nÅngström,日本語\n';
  const data = utf8(text);

  it('decodes UTF-8 split at every position, and in three pieces', () => {
    for (let i = 0; i <= data.length; i++) {
      expect(decodeInChunks(new ChunkDecoder('utf-8'), data, [i])).toBe(text);
      for (let j = i; j <= data.length; j++) {
        expect(decodeInChunks(new ChunkDecoder('utf-8'), data, [i, j])).toBe(text);
      }
    }
  });

  it('keeps a BOM (the caller skips it)', () => {
    expect(decodeInChunks(new ChunkDecoder('utf-8'), bytes(0xef, 0xbb, 0xbf, 0x61), [])).toBe('\ufeffa');
  });

  it('throws InvalidTextError with the absolute byte offset of invalid UTF-8', () => {
    const bad = new Uint8Array([...utf8('abc,é\n'), 0xe9, ...utf8('t\n')]); // Latin-1 'é' at offset 7
    for (let i = 0; i <= bad.length; i++) {
      const err = catchInvalid(() => decodeInChunks(new ChunkDecoder('utf-8'), bad, [i]));
      expect(err.offset, `split at ${i}`).toBe(7);
    }
    // A truncated sequence at the very end.
    expect(catchInvalid(() => decodeInChunks(new ChunkDecoder('utf-8'), bytes(0x61, 0xe2, 0x82), [2])).offset).toBe(1);
    // Overlong encodings and surrogates are invalid.
    expect(catchInvalid(() => decodeInChunks(new ChunkDecoder('utf-8'), bytes(0x61, 0x62, 0xc0, 0xaf), [])).offset).toBe(2);
    expect(catchInvalid(() => decodeInChunks(new ChunkDecoder('utf-8'), bytes(0x61, 0xed, 0xa0, 0x80), [2])).offset).toBe(1);
    // A lead byte followed by a non-continuation byte, split between chunks.
    expect(catchInvalid(() => decodeInChunks(new ChunkDecoder('utf-8'), bytes(0x61, 0x62, 0xe2, 0x41, 0x42), [3])).offset).toBe(2);
    // startOffset makes offsets file offsets when a BOM was skipped.
    expect(catchInvalid(() => decodeInChunks(new ChunkDecoder('utf-8', 3), bytes(0x61, 0xff), [])).offset).toBe(4);
  });

  it('decodes Latin-1 as ISO-8859-1: every byte to the same code point', () => {
    const all = new Uint8Array(256 * 40);
    for (let i = 0; i < all.length; i++) all[i] = i % 256;
    const expected = Array.from(all, (b) => String.fromCharCode(b)).join('');
    expect(decodeInChunks(new ChunkDecoder('latin1'), all, [1, 300, 5000])).toBe(expected);
    // 0x80 is U+0080 here, not windows-1252's '€'.
    expect(decodeInChunks(new ChunkDecoder('latin1'), bytes(0x80, 0xe9), [])).toBe('\u0080é');
    // Round trip: code points ≤ U+00FF back to the same bytes.
    const back = Uint8Array.from(expected, (ch) => ch.charCodeAt(0));
    expect(back).toEqual(all);
  });

  it('decodes UTF-16 in both byte orders across odd splits', () => {
    const s = 'a,é\n😀';
    const le = new Uint8Array(s.length * 2);
    const be = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      le[2 * i] = c & 0xff;
      le[2 * i + 1] = c >> 8;
      be[2 * i] = c >> 8;
      be[2 * i + 1] = c & 0xff;
    }
    for (let i = 0; i <= le.length; i++) {
      expect(decodeInChunks(new ChunkDecoder('utf-16le'), le, [i])).toBe(s);
      expect(decodeInChunks(new ChunkDecoder('utf-16be'), be, [i])).toBe(s);
    }
  });
});
