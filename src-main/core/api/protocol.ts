import type { ApiErrorData } from './errors';
import type { Progress } from './contract';

/**
 * Messages between a renderer-side client and a host, shared by the
 * WebSocket transport and Electron IPC. A request's `id` is chosen by the
 * client and ties progress events, the reply and a cancel together.
 */
export interface RequestMessage {
  type: 'request';
  id: number;
  method: string;
  input: unknown;
}

export interface CancelMessage {
  type: 'cancel';
  id: number;
}

export interface ProgressMessage {
  type: 'progress';
  id: number;
  progress: Progress;
}

export interface ResultMessage {
  type: 'result';
  id: number;
  /** Absent when the result travels as binary (see encodeBinaryResult). */
  result?: unknown;
}

export interface ErrorMessage {
  type: 'error';
  id: number;
  error: ApiErrorData;
}

export type ClientMessage = RequestMessage | CancelMessage;

/**
 * The largest message a client may send, in UTF-8 bytes. Sized so the API's
 * own largest valid inputs fit with room to spare: a query whose `in` filters
 * list 10,000 values of 500 characters each is at most 30 MB of JSON even when
 * every character must be escaped (`\u0001`, six bytes), a table picture at
 * most 25 MB, a recipe at most MAX_RECIPE_BYTES (see contract.ts).
 */
export const MAX_MESSAGE_BYTES = 64 * 2 ** 20;

/** The UTF-8 size of a string, as the WebSocket sends it, without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3; // other BMP characters, and a lone surrogate (sent as U+FFFD)
  }
  return bytes;
}

/** `64 MiB`, `1.5 MiB`, `900 bytes`: sizes in messages. */
export function describeBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let n = bytes / 1024;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${Number.isInteger(n) ? n : n.toFixed(1)} ${units[u]}`;
}
export type HostMessage = ProgressMessage | ResultMessage | ErrorMessage;

/**
 * Binary results (Arrow pages) are sent as one frame: a little-endian uint32
 * request id followed by the payload, so pages never pass through JSON.
 */
export function encodeBinaryResult(id: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.byteLength);
  new DataView(out.buffer).setUint32(0, id, true);
  out.set(payload, 4);
  return out;
}

export function decodeBinaryResult(frame: Uint8Array): { id: number; payload: Uint8Array } {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  return { id: view.getUint32(0, true), payload: frame.subarray(4) };
}
