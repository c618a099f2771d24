/**
 * Streaming UTF-16 (little- or big-endian) decoding that says what it could
 * not read, where WHATWG's decoder only puts U+FFFD in its place: unpaired
 * surrogates (each read as U+FFFD and counted, with the first one's place in
 * the text) and a file that ends after an odd number of bytes (`danglingByte`).
 * Clean text goes through the native decoder in one call a chunk.
 */
export class Utf16Decoder {
  private readonly strict: InstanceType<typeof TextDecoder>;
  private readonly lenient: InstanceType<typeof TextDecoder>;
  private readonly bigEndian: boolean;
  /** Bytes held back: an odd last byte, and a high surrogate whose partner may start the next chunk. */
  private carry: Uint8Array = new Uint8Array(0);
  /** File offset of the next byte passed in. */
  private offset: number;
  /** Unpaired surrogates read so far. */
  loneSurrogates = 0;
  /** Index, in the text the last `decode`/`end` returned, of its first unpaired surrogate (read as U+FFFD); -1 if none. */
  lastLoneSurrogate = -1;

  constructor(encoding: 'utf-16le' | 'utf-16be', startOffset = 0) {
    this.strict = new TextDecoder(encoding, { ignoreBOM: true, fatal: true });
    this.lenient = new TextDecoder(encoding, { ignoreBOM: true });
    this.bigEndian = encoding === 'utf-16be';
    this.offset = startOffset;
  }

  /** File offset of a last byte that has no partner once the input ended; -1 while the input holds whole code units. */
  get danglingByte(): number {
    return this.carry.length % 2 === 1 ? this.offset - 1 : -1;
  }

  decode(chunk: Uint8Array): string {
    this.offset += chunk.length;
    let bytes = chunk;
    if (this.carry.length > 0) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
    }
    let end = bytes.length - (bytes.length % 2);
    // A high surrogate last: its low half may be the next chunk's first unit.
    if (end >= 2 && isHighSurrogate(this.unit(bytes, end - 2))) end -= 2;
    this.carry = bytes.slice(end);
    return this.decodeUnits(bytes.subarray(0, end));
  }

  /** The text held back at the end of the input: a high surrogate without its low half. A dangling odd byte is left to the caller (see {@link danglingByte}). */
  end(): string {
    const units = this.carry.subarray(0, this.carry.length - (this.carry.length % 2));
    this.carry = this.carry.subarray(units.length);
    return this.decodeUnits(units);
  }

  private unit(bytes: Uint8Array, i: number): number {
    return this.bigEndian ? (bytes[i] << 8) | bytes[i + 1] : bytes[i] | (bytes[i + 1] << 8);
  }

  private decodeUnits(bytes: Uint8Array): string {
    this.lastLoneSurrogate = -1;
    if (bytes.length === 0) return '';
    try {
      return this.strict.decode(bytes);
    } catch {
      // Some surrogate is unpaired: find each (one output character per code unit).
      for (let i = 0; i < bytes.length; i += 2) {
        const u = this.unit(bytes, i);
        if (isHighSurrogate(u) && i + 2 < bytes.length && isLowSurrogate(this.unit(bytes, i + 2))) {
          i += 2;
        } else if (isHighSurrogate(u) || isLowSurrogate(u)) {
          if (this.lastLoneSurrogate < 0) this.lastLoneSurrogate = i / 2;
          this.loneSurrogates++;
        }
      }
      return this.lenient.decode(bytes);
    }
  }
}

function isHighSurrogate(u: number): boolean {
  return u >= 0xd800 && u <= 0xdbff;
}

function isLowSurrogate(u: number): boolean {
  return u >= 0xdc00 && u <= 0xdfff;
}
