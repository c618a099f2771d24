import type { ClientMessage } from '../core/api/protocol';

/** Checks the envelope of a WebSocket message; the router checks the rest. */
export function parseClientMessage(text: string): ClientMessage | { id?: number; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: 'Messages must be JSON.' };
  }
  if (typeof data !== 'object' || data === null) return { error: 'A message must be a JSON object.' };
  const m = data as Record<string, unknown>;
  const id = m.id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > 0xffffffff) {
    return { error: 'A message needs an integer id between 1 and 2^32-1.' };
  }
  if (m.type === 'cancel') return { type: 'cancel', id };
  if (m.type === 'request' && typeof m.method === 'string') return { type: 'request', id, method: m.method, input: m.input };
  return { id, error: 'A message must be a request {type, id, method, input} or a cancel {type, id}.' };
}
