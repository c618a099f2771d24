/** URL-safe letters: an id can go in a route or a DOM attribute unescaped. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A slide's id: 10 random URL-safe characters (60 bits), so slides added
 * from different views, duplicated or built from a run never collide in
 * one report. Web Crypto exists in the renderer, Node 20 and Electron alike.
 */
export function newSlideId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (b) => ALPHABET[b & 63]).join('');
}
