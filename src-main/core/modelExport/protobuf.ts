/**
 * A protocol-buffers wire-format writer, just enough to write ONNX models:
 * varints (wire type 0), 32-bit floats (wire type 5) and length-delimited
 * fields (wire type 2: strings, bytes, nested messages, packed repeated
 * scalars). Fields are written in the order they are called, which every
 * protobuf parser accepts.
 */

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

const utf8 = new TextEncoder();

/** Growable byte buffer. */
class ByteSink {
  private buf = new Uint8Array(256);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buf[this.length++] = b;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  float32(x: number): void {
    this.reserve(4);
    new DataView(this.buf.buffer, this.length, 4).setFloat32(0, x, true);
    this.length += 4;
  }

  toBytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/**
 * Writes `value` as a base-128 varint. Negative int64 values take ten bytes
 * (two's complement over 64 bits), as protobuf encodes int64.
 */
function writeVarint(sink: ByteSink, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`protobuf: ${value} is not an integer that can be written exactly`);
  if (value < 0) {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      sink.byte(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    sink.byte(Number(v));
    return;
  }
  let v = value;
  while (v >= 0x80) {
    sink.byte((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  sink.byte(v);
}

function checkField(field: number): void {
  if (!Number.isInteger(field) || field < 1 || field > 0x1fffffff) throw new RangeError(`protobuf: bad field number ${field}`);
}

/** One message being written; nested messages are written by their own writer and embedded. */
export class ProtoWriter {
  private readonly sink = new ByteSink();

  private tag(field: number, wire: number): void {
    checkField(field);
    writeVarint(this.sink, field * 8 + wire);
  }

  /** int32, int64, enum or bool as a varint. */
  int(field: number, value: number): this {
    this.tag(field, WIRE_VARINT);
    writeVarint(this.sink, value);
    return this;
  }

  float(field: number, value: number): this {
    this.tag(field, WIRE_FIXED32);
    this.sink.float32(value);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, WIRE_LENGTH_DELIMITED);
    writeVarint(this.sink, value.length);
    this.sink.bytes(value);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, utf8.encode(value));
  }

  message(field: number, message: ProtoWriter): this {
    return this.bytes(field, message.finish());
  }

  /** A repeated float field, packed: one length-delimited run of little-endian float32s. */
  packedFloats(field: number, values: ArrayLike<number>): this {
    const body = new ByteSink();
    for (let i = 0; i < values.length; i++) body.float32(values[i]);
    return this.bytes(field, body.toBytes());
  }

  /** A repeated int32/int64 field, packed: one length-delimited run of varints. */
  packedInts(field: number, values: ArrayLike<number>): this {
    const body = new ByteSink();
    for (let i = 0; i < values.length; i++) writeVarint(body, values[i]);
    return this.bytes(field, body.toBytes());
  }

  finish(): Uint8Array {
    return this.sink.toBytes();
  }
}
