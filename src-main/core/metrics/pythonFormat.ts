/**
 * Python's `format(x, '.Nf')`: the exact binary value of x rounded to N
 * decimals, halves to even. JavaScript's `toFixed` rounds exact halves up
 * (0.125 → "0.13" where Python prints "0.12"), so it is not used.
 */
export function formatFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const negative = x < 0 || Object.is(x, -0);
  const { mantissa, exponent } = decompose(Math.abs(x));
  // |x| * 10^digits = mantissa * 10^digits * 2^exponent, rounded half to even.
  const scaled = mantissa * 10n ** BigInt(digits);
  let n: bigint;
  if (exponent >= 0) {
    n = scaled << BigInt(exponent);
  } else {
    const shift = BigInt(-exponent);
    const q = scaled >> shift;
    const rem = scaled - (q << shift);
    const half = 1n << (shift - 1n);
    n = rem > half || (rem === half && (q & 1n) === 1n) ? q + 1n : q;
  }
  let s = n.toString();
  if (digits > 0) {
    s = s.padStart(digits + 1, '0');
    s = `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
  }
  return negative ? `-${s}` : s;
}

/** x = mantissa · 2^exponent with an integer mantissa (x ≥ 0, finite). */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa: frac, exponent: -1074 };
  return { mantissa: frac | (1n << 52n), exponent: biased - 1075 };
}

/** Python's `'{:>{width}}'.format(s)`: right-aligned, never truncated. */
export function padLeft(s: string, width: number): string {
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}
