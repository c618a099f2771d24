/**
 * Exact decimal numbers, for values a double may not hold: Arrow's Decimal
 * columns (an unscaled two's-complement integer and a scale) and number
 * tokens with more significant digits than a double keeps.
 *
 * A decimal is held by a double exactly when the double's shortest text
 * (`String(x)`, which reads back as the same double) is the same number:
 * then storing the double loses nothing and writing it back gives the value.
 * Any decimal of at most 15 significant digits passes; longer ones may not.
 */

/** Significant digits every decimal of this length or fewer keeps through a double (DBL_DIG). */
export const DOUBLE_SAFE_DIGITS = 15;

/** A decimal's value as `(negative ? -1 : 1) × digits × 10^exponent`, digits without leading or trailing zeros ('' for zero). */
interface CanonicalDecimal {
  negative: boolean;
  digits: string;
  exponent: number;
}

/**
 * The canonical form of a decimal token (`[ws][+-](digits[.digits]|.digits)[(e|E)[+-]digits][ws]`),
 * or null for anything else (infinities, words).
 */
function canonical(text: string): CanonicalDecimal | null {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const whole = m[2];
  const fraction = m[3] ?? '';
  let digits = whole + fraction;
  let exponent = (m[4] ? Number(m[4]) : 0) - fraction.length;
  let start = 0;
  while (start < digits.length && digits.charCodeAt(start) === 48) start++;
  let end = digits.length;
  while (end > start && digits.charCodeAt(end - 1) === 48) end--;
  exponent += digits.length - end;
  digits = digits.slice(start, end);
  if (digits === '') return { negative: false, digits: '', exponent: 0 };
  return { negative: m[1] === '-', digits, exponent };
}

/** Significant digits of a decimal token (leading and trailing zeros not counted), or 0 for anything else. */
export function significantDigits(text: string): number {
  return canonical(text)?.digits.length ?? 0;
}

function sameDecimal(a: CanonicalDecimal, b: CanonicalDecimal): boolean {
  return a.digits === b.digits && (a.digits === '' || (a.negative === b.negative && a.exponent === b.exponent));
}

/**
 * True when a decimal token has more significant digits than a double keeps
 * and the double `Number(text)` reads is another number (`9007199254740993.0`,
 * `3.14159265358979323846`, a 20-digit decimal); false when the double is the
 * token's value (`1.10`, `0.30000000000000004`, `100000000000000000000.5` is not,
 * `1e20` is), and for anything that is not a decimal (`inf`, words). Tokens of at
 * most {@link DOUBLE_SAFE_DIGITS} significant digits are decided without a second parse.
 */
export function roundsAsDouble(text: string): boolean {
  const c = canonical(text);
  if (c === null || c.digits.length <= DOUBLE_SAFE_DIGITS) return false;
  const back = canonical(String(Number(text)));
  return back === null || !sameDecimal(c, back);
}

/** The text of `unscaled × 10^-scale`, with exactly `scale` fraction digits (none for a scale ≤ 0), as Arrow and pyarrow write decimals. */
export function decimalText(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const magnitude = negative ? -unscaled : unscaled;
  let body: string;
  if (scale <= 0) {
    body = magnitude === 0n ? '0' : magnitude.toString() + '0'.repeat(-scale);
  } else {
    const digits = magnitude.toString().padStart(scale + 1, '0');
    body = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return negative ? `-${body}` : body;
}

/**
 * The unscaled integer at `index` of an Arrow Decimal buffer: `stride` 32-bit
 * little-endian words (4 for Decimal128, 8 for Decimal256), two's complement.
 */
export function unscaledDecimal(words: Uint32Array, index: number, stride: number): bigint {
  let v = 0n;
  const base = index * stride;
  for (let k = stride - 1; k >= 0; k--) v = (v << 32n) | BigInt(words[base + k]);
  const bits = BigInt(stride * 32);
  return words[base + stride - 1] & 0x80000000 ? v - (1n << bits) : v;
}

/**
 * The text `decimalText` gives for a double that came from a decimal of this
 * scale and that it did not round (see {@link roundsAsDouble}): the scale's trailing zeros back (`1.1` → `1.10`).
 */
export function decimalTextOfDouble(x: number, scale: number): string {
  const c = canonical(String(x));
  if (c === null || c.digits === '') return decimalText(0n, scale);
  // digits × 10^exponent = unscaled × 10^-scale.
  const shift = c.exponent + scale;
  const magnitude = shift >= 0 ? BigInt(c.digits) * 10n ** BigInt(shift) : BigInt(c.digits) / 10n ** BigInt(-shift);
  return decimalText(c.negative ? -magnitude : magnitude, scale);
}
