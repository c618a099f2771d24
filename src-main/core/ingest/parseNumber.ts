/** Shapes of a numeric token, as pandas' C parser reads them (see {@link pandasNumberKind}). */
export const NUM_NONE = 0;
export const NUM_INT = 1;
export const NUM_FLOAT = 2;

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** pandas' parser skips C `isspace` characters around numbers. */
function isCSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * How pandas' C parser reads a token: NUM_INT for `[ws][+-]digits[ws]` within
 * int64/uint64 range (pandas keeps larger integers as text), NUM_FLOAT for
 * `[ws][+-](digits[.digits]|.digits)[(e|E)[+-]digits][ws]` or an exact
 * (case-insensitive, unpadded) `inf`/`infinity` with optional sign, else NUM_NONE.
 */
export function pandasNumberKind(s: string): number {
  const n = s.length;
  let i = 0;
  while (i < n && isCSpace(s.charCodeAt(i))) i++;
  let end = n;
  while (end > i && isCSpace(s.charCodeAt(end - 1))) end--;
  if (i === end) return NUM_NONE;
  const start = i;
  let c = s.charCodeAt(i);
  if (c === 43 || c === 45) {
    i++;
    c = s.charCodeAt(i);
  }
  if (c === 73 || c === 105) {
    // 'I'/'i': pandas compares the whole token, without trimming, to inf/infinity.
    if (start !== 0 || end !== n) return NUM_NONE;
    const word = s.slice(i).toLowerCase();
    return word === 'inf' || word === 'infinity' ? NUM_FLOAT : NUM_NONE;
  }
  const digitsStart = i;
  while (i < end && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
  let digits = i - digitsStart;
  if (i === end) {
    if (digits === 0) return NUM_NONE;
    return digits < 19 || integerInRange(s.slice(start, end)) ? NUM_INT : NUM_NONE;
  }
  if (c === 46) {
    i++;
    const fracStart = i;
    while (i < end && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
    digits += i - fracStart;
  }
  if (digits === 0) return NUM_NONE;
  if (i < end && (c === 101 || c === 69)) {
    i++;
    c = s.charCodeAt(i);
    if (i < end && (c === 43 || c === 45)) i++;
    const expStart = i;
    while (i < end && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
    if (i === expStart) return NUM_NONE;
  }
  return i === end ? NUM_FLOAT : NUM_NONE;
}

function integerInRange(text: string): boolean {
  const v = BigInt(text);
  return v >= INT64_MIN && v <= UINT64_MAX;
}

/** Largest magnitude a double holds exactly together with its neighbours (2^53 − 1), as digits. */
const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER);

/**
 * True for an integer-valued token beyond ±(2^53 − 1): `[ws][+-]digits[ws]`,
 * or the same digits followed by a point and only zeros (`1234567890123456789.0`,
 * as pandas writes an integer column that has a missing value). A double would
 * round it, merging distinct ids, so such a token must never be read as a
 * number. Decided on the digits alone.
 */
export function isUnsafeInteger(s: string): boolean {
  // Fewer than 16 characters cannot hold 16 significant digits.
  if (s.length < MAX_SAFE_DIGITS.length) return false;
  const n = s.length;
  let i = 0;
  while (i < n && isCSpace(s.charCodeAt(i))) i++;
  let end = n;
  while (end > i && isCSpace(s.charCodeAt(end - 1))) end--;
  // A fraction of zeros only (`.0`, `.000`) leaves the integer.
  let point = end - 1;
  while (point > i && s.charCodeAt(point) === 48) point--;
  if (s.charCodeAt(point) === 46 && point > i) end = point;
  const c = s.charCodeAt(i);
  if (c === 43 || c === 45) i++;
  // Leading zeros do not count towards the magnitude.
  while (i < end - 1 && s.charCodeAt(i) === 48) i++;
  for (let k = i; k < end; k++) {
    const d = s.charCodeAt(k);
    if (d < 48 || d > 57) return false;
  }
  const digits = end - i;
  if (digits !== MAX_SAFE_DIGITS.length) return digits > MAX_SAFE_DIGITS.length;
  return s.slice(i, end) > MAX_SAFE_DIGITS;
}

/**
 * The number pandas' C parser reads from a field (decimal integers and
 * floats with optional sign, exponent and surrounding spaces, and the
 * infinities; see {@link pandasNumberKind}), or null when pandas keeps the
 * field as text — and also for integers beyond ±(2^53 − 1), which a double
 * cannot hold exactly, whether written `…789` or `…789.0` (see {@link isUnsafeInteger}). `Number()` alone is too
 * lenient (hex, binary and octal prefixes, `''` → 0, padded `' inf'`).
 */
export function parseNumberLikePandas(raw: string): number | null {
  const kind = pandasNumberKind(raw);
  if (kind === NUM_NONE) return null;
  if (isUnsafeInteger(raw)) return null;
  if (kind === NUM_INT) return Number(raw);
  const n = Number(raw);
  // Number() rejects the spelled-out infinities pandas accepts (`inf`, `-INF`).
  if (n !== n) return raw.charCodeAt(0) === 45 ? -Infinity : Infinity;
  return n;
}
