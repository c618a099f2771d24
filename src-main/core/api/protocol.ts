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
