/**
 * pandas' `Series.str.len()`: the length of each text in Unicode code points
 * (Python's `len`), NaN for a missing text. JS's `.length` counts UTF-16
 * units, so an emoji outside the Basic Multilingual Plane would count twice.
 */
export function textLength(values: readonly (string | null)[]): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const s = values[i];
    out[i] = s === null ? NaN : codePointLength(s);
  }
  return out;
}

/** Code points in `s`: UTF-16 units minus the high halves of well-formed surrogate pairs. */
export function codePointLength(s: string): number {
  const n = s.length;
  let len = n;
  for (let i = 0; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        len--;
        i++;
      }
    }
  }
  return len;
}
