/** The protobuf writer against the wire-format examples of protobuf's encoding guide. */
import { describe, expect, it } from 'vitest';
import { ProtoWriter } from '../../../src-main/core/modelExport/protobuf';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('ProtoWriter', () => {
  it('writes varints (150 → 08 96 01) and negative int64 in ten bytes', () => {
    expect(hex(new ProtoWriter().int(1, 150).finish())).toBe('089601');
    expect(hex(new ProtoWriter().int(1, 0).finish())).toBe('0800');
    expect(hex(new ProtoWriter().int(1, -1).finish())).toBe('08ffffffffffffffffff01');
    expect(hex(new ProtoWriter().int(1, 2 ** 40).finish())).toBe('088080808080' + '20');
  });

  it('writes strings, nested messages and large field numbers', () => {
    expect(hex(new ProtoWriter().string(2, 'testing').finish())).toBe('120774657374696e67');
    expect(hex(new ProtoWriter().message(3, new ProtoWriter().int(1, 150)).finish())).toBe('1a03089601');
    expect(hex(new ProtoWriter().int(20, 6).finish())).toBe('a00106');
    expect(hex(new ProtoWriter().string(1, 'é').finish())).toBe('0a02c3a9');
  });

  it('writes floats little-endian and packed repeated fields', () => {
    expect(hex(new ProtoWriter().float(2, 1).finish())).toBe('150000803f');
    expect(hex(new ProtoWriter().packedInts(4, [3, 270, 86942]).finish())).toBe('2206038e029ea705');
    expect(hex(new ProtoWriter().packedFloats(7, [1, -2]).finish())).toBe('3a080000803f000000c0');
    expect(hex(new ProtoWriter().packedInts(8, []).finish())).toBe('4200');
  });

  it('grows past its first buffer', () => {
    const values = Array.from({ length: 5000 }, (_, i) => i);
    const bytes = new ProtoWriter().packedFloats(1, values).finish();
    // tag, a 3-byte length (20,000), the floats
    expect(bytes.length).toBe(4 + 4 * 5000);
    expect(new DataView(bytes.buffer, bytes.byteOffset + 4 + 4 * 4999, 4).getFloat32(0, true)).toBe(4999);
  });

  it('refuses what it cannot write exactly', () => {
    expect(() => new ProtoWriter().int(1, 1.5)).toThrow(/1.5 is not an integer/);
    expect(() => new ProtoWriter().int(1, 2 ** 60)).toThrow(RangeError);
    expect(() => new ProtoWriter().int(0, 1)).toThrow(/bad field number 0/);
  });
});
