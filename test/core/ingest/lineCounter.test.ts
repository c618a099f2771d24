import { describe, expect, it } from 'vitest';
import { lineAt, linesOfOffsets } from '../../../src-main/core/ingest/lineCounter';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('lineCounter', () => {
  it('counts LF, CRLF and a lone CR as one line break each, as the tokenizer does', () => {
    const text = bytes('a\nb\r\nc\rd\n\ne');
    expect(lineAt(text, 0)).toBe(1);
    expect(lineAt(text, 2)).toBe(2);
    expect(lineAt(text, 5)).toBe(3);
    expect(lineAt(text, 7)).toBe(4);
    expect(lineAt(text, 10)).toBe(6);
  });

  it('finds the lines of offsets across chunks, a CRLF split between two included', () => {
    const text = bytes('x\r\ny\r\nz\nw');
    for (let size = 1; size <= text.length; size++) {
      let at = 0;
      const next = () => {
        if (at >= text.length) return null;
        const chunk = text.slice(at, at + size);
        at += size;
        return chunk;
      };
      expect(linesOfOffsets([0, 3, 6, 8, 8], next), `chunks of ${size}`).toEqual([1, 2, 3, 4, 4]);
    }
  });
});
