/**
 * Parses a field the way pandas' C parser decides a cell is numeric: decimal
 * integers and floats with optional sign, exponent and surrounding spaces,
 * and the infinities. Returns null for anything else. `Number()` alone is too
 * lenient (hex, binary and octal prefixes, `''` → 0), so those are excluded.
 */
export function parseNumberLikePandas(raw: string): number | null {
  const c = raw.charCodeAt(0);
  // Fast path: digits, sign, dot or space first; everything else is text
  // except the spelled-out infinities.
  if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 32)) {
    return c === 105 || c === 73 ? infinity(raw) : null;
  }
  const n = Number(raw);
  if (Number.isNaN(n)) return infinity(raw);
  if (raw.trim() === '') return null;
  for (let i = 0; i < raw.length; i++) {
    const d = raw.charCodeAt(i) | 32;
    // x, b, o radix prefixes and '_' are JS-only syntax.
    if (d === 120 || d === 98 || d === 111 || raw.charCodeAt(i) === 95) return null;
  }
  return n;
}

const INFINITIES = new Map<string, number>([
  ['inf', Infinity],
  ['+inf', Infinity],
  ['-inf', -Infinity],
  ['infinity', Infinity],
  ['+infinity', Infinity],
  ['-infinity', -Infinity],
]);

function infinity(raw: string): number | null {
  return INFINITIES.get(raw.trim().toLowerCase()) ?? null;
}
