import { describe, expect, it } from 'vitest';
import { decodeChunkTexts, encodeChunkTexts } from '../../../src-main/node/store/chunkTexts';

function roundTrip(texts: (string | null)[]): (string | null)[] {
  const blob = encodeChunkTexts(texts, texts.length);
  if (blob === null) throw new Error('no blob');
  return decodeChunkTexts(blob, texts.length, 'the test chunk');
}

describe('chunk texts', () => {
  it('keep every text exactly: empty is not missing, quotes, commas, newlines, non-ASCII and astral characters', () => {
    const texts = ['', null, 'a, b', 'say "hi"', 'line\nbreak', 'Café naïve', '😀 emoji 😀', '\u0000nul', '', null, 'a, b', '\\'];
    expect(roundTrip(texts)).toEqual(texts);
  });

  it('is null when no cell is text', () => {
    expect(encodeChunkTexts([null, null], 2)).toBeNull();
  });

  it('stores a repeated text once, with one byte per row for a few values', () => {
    const texts = Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 'opinion' : i % 3 === 1 ? 'claim' : null));
    const blob = encodeChunkTexts(texts, texts.length)!;
    expect(blob.length).toBeLessThan(1000 + 64);
    const back = decodeChunkTexts(blob, texts.length, 'the test chunk');
    expect(back).toEqual(texts);
    // Cells with the same text are one string.
    expect(back.filter((t) => t === 'opinion').length).toBe(334);
  });

  it('keeps free text past the dictionary limit, with 16- and 32-bit codes', () => {
    for (const n of [300, 70_000]) {
      const texts = Array.from({ length: n }, (_, i) => (i % 10 === 0 ? null : `text ${i % 5000} é`));
      expect(roundTrip(texts)).toEqual(texts);
    }
  });

  it('decodes the ASCII texts of a chunk apart from the others, so one wide character does not widen them all', () => {
    const texts = ['plain', 'naïve', 'emoji 😀', 'ok', null, 'Ω'];
    const blob = encodeChunkTexts(texts, texts.length)!;
    const [, m, asciiValues, asciiBytes] = new Uint32Array(blob.buffer, 0, 4);
    expect([m, asciiValues, asciiBytes]).toEqual([5, 2, 'plainok'.length]);
    expect(decodeChunkTexts(blob, texts.length, 'the test chunk')).toEqual(texts);
  });

  it('reads a BLOB that does not start on an aligned address', () => {
    const texts = ['x', null, 'yz'];
    const blob = encodeChunkTexts(texts, 3)!;
    const shifted = new Uint8Array(blob.length + 1);
    shifted.set(blob, 1);
    expect(decodeChunkTexts(shifted.subarray(1), 3, 'the test chunk')).toEqual(texts);
  });

  it('says where a damaged BLOB is', () => {
    const blob = encodeChunkTexts(['abc', 'd'], 2)!;
    expect(() => decodeChunkTexts(blob.subarray(0, blob.length - 1), 2, 'column 3, chunk 7')).toThrow(/column 3, chunk 7 are damaged: 31 bytes cannot hold 2 values and 2 codes/);
    const wrongEnd = blob.slice();
    new Int32Array(wrongEnd.buffer, 16, 2)[1] = 5;
    expect(() => decodeChunkTexts(wrongEnd, 2, 'column 3, chunk 7')).toThrow(/column 3, chunk 7 are damaged: values 0 to 1 are 4 characters long, not 5/);
    expect(() => decodeChunkTexts(blob.subarray(0, 4), 2, 'column 3, chunk 7')).toThrow(/column 3, chunk 7 are damaged/);
  });
});
