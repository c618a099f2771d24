import type { ClientMessage } from '../core/api/protocol';

/**
 * The deepest nesting of `{` and `[` a message may have. The API's deepest
 * valid input is a handful of levels (the envelope, a recipe, its models, a
 * parameter grid, a value list); 512 leaves ample room. Without a bound, one
 * 60 MB message of brackets keeps JSON.parse busy for many seconds, and the
 * host answers no one meanwhile.
 */
export const MAX_NESTING = 512;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** Whether `text` opens more than `max` brackets at once, outside strings; one pass, no allocation. */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}

/** Checks the envelope of a WebSocket message; the router checks the rest. */
export function parseClientMessage(text: string): ClientMessage | { id?: number; error: string } {
  if (nestedDeeperThan(text, MAX_NESTING)) {
    return { error: `A message cannot be nested deeper than ${MAX_NESTING} levels of brackets.` };
  }
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
