import { describe, expect, it } from 'vitest';
import { ChunkDecoder, sniffText } from '../../../src-main/core/ingest/encoding';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const cat = (...parts: (string | number[])[]): Uint8Array => {
  const arrays = parts.map((p) => (typeof p === 'string' ? utf8(p) : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
};

function decode(data: Uint8Array, splits: number[], start = 0): { text: string; decoder: ChunkDecoder } {
  const decoder = new ChunkDecoder('utf-8', start, { invalid: 'windows-1252' });
  let text = '';
  let from = 0;
  for (const s of [...splits, data.length]) {
    text += decoder.decode(data.subarray(from, s));
    from = s;
  }
  return { text: text + decoder.end(), decoder };
}

describe('lenient UTF-8 decoding', () => {
  it('keeps valid UTF-8 and reads each stray byte as Windows-1252, split anywhere', () => {
    // A stray é (0xE9) and € (0x80) among valid UTF-8 (é, €, 😀), and a cut 3-byte lead at the end.
    const data = cat('a,é,', [0xe9], ',€,😀\n', [0x80], 'x', [0x93], 'q', [0x94], '\nend', [0xe2, 0x82]);
    const want = 'a,é,é,€,😀\n€x“q”\nendâ‚';
    for (let i = 0; i <= data.length; i++) {
      for (let j = i; j <= data.length; j++) {
        const { text, decoder } = decode(data, [i, j]);
        expect(text, `split at ${i}, ${j}`).toBe(want);
        expect(decoder.report, `split at ${i}, ${j}`).toEqual({ replaced: 6, offsets: [5, 16, 18, 20, 25], multibyte: true });
      }
    }
  });

  it('reads a Windows-1252 text exactly as Windows-1252, and says no UTF-8 was seen', () => {
    const bytes = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
    const { text, decoder } = decode(cat('x', Array.from(bytes).flatMap((b) => [b, 0x20])), [3, 100]);
    expect(text.slice(0, 6)).toBe('x€ \u0081 ‚');
    expect(text).toContain('“ ” • – —');
    expect(text).toContain('ÿ ');
    expect(decoder.report.replaced).toBe(128);
    expect(decoder.report.multibyte).toBe(false);
  });

  it('reads the bytes 0x80–0xFF as Windows-1252 says, split anywhere, and the whole-file decoder agrees', () => {
    // Windows-1252's own table for 0x80–0x9F, written out by hand (the five bytes it leaves
    // undefined, 0x81 0x8D 0x8F 0x90 0x9D, stay the C1 controls, as WHATWG maps them)…
    const high =
      '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f' + // 0x80–0x8F
      '\u0090‘’“”•–—˜™š›œ\u009džŸ'; // 0x90–0x9F
    // …and 0xA0–0xFF are Latin-1: byte n is U+00nn.
    const latin1 = '\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ';
    expect(high).toHaveLength(32);
    expect(latin1).toHaveLength(96);
    const bytes = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
    for (const split of [0, 7, 31, 32, 100, 128]) {
      expect(decode(bytes, [split]).text, `split at ${split}`).toBe(high + latin1);
    }
    const whole = new ChunkDecoder('windows-1252');
    expect(whole.decode(bytes) + whole.end()).toBe(high + latin1);
    expect(new ChunkDecoder('windows-1252').decode(Uint8Array.of(0x41, 0x80, 0x9f, 0xe9))).toBe('A€Ÿé');
  });

  it('counts offsets from the decoder start (after a BOM)', () => {
    expect(decode(cat('ab', [0xff]), [], 3).decoder.report.offsets).toEqual([5]);
  });

  it('reports nothing for clean UTF-8 or ASCII', () => {
    expect(decode(utf8('plain ascii\n'), [4]).decoder.report).toEqual({ replaced: 0, offsets: [], multibyte: false });
    expect(decode(utf8('Zoë\n'), [3]).decoder.report).toEqual({ replaced: 0, offsets: [], multibyte: true });
  });
});

describe('sniffText', () => {
  it('gives the offset of the first NUL, or of the first control byte of control-heavy data', () => {
    expect(sniffText(cat('GIF89a', [0x01, 0x00, 0x00]))).toEqual({ binary: true, offset: 7 });
    const controls = cat('abcdef', Array.from({ length: 40 }, () => 0x01));
    expect(sniffText(controls)).toEqual({ binary: true, offset: 6 });
  });

  it('takes a short text with a few control characters for text, and says where the first is', () => {
    expect(sniffText(utf8('a,b\n1,\x1b[1m\x07\x1b[0m\n'))).toEqual({ binary: false, controls: 3, firstControl: 6 });
    // Tab, CR and LF are text; a form feed is a control character (a CSV has no page breaks).
    expect(sniffText(utf8('a,b\r\n1,\t"é"\n'))).toEqual({ binary: false, controls: 0, firstControl: -1 });
    expect(sniffText(utf8('a,b\r\n1,\t"é"\f\n'))).toEqual({ binary: false, controls: 1, firstControl: 12 });
  });

  it('takes short data made mostly of bytes that are neither text nor UTF-8 for binary, but not a legacy 8-bit text', () => {
    // Two control bytes among bytes that are not UTF-8: random data.
    expect(sniffText(Uint8Array.of(0x61, 0x1f, 0xb3, 0xa3, 0x14, 0xf9, 0x7a, 0x9e))).toEqual({ binary: true, offset: 1 });
    // Windows-1252 accents, no control byte: text.
    expect(sniffText(Uint8Array.of(0x6e, 0x0a, 0xe9, 0xe8, 0xea, 0xe0, 0x0a))).toEqual({ binary: false, controls: 0, firstControl: -1 });
  });
});
