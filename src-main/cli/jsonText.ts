/** JSON as the command line writes it: documents with typed arrays and non-finite numbers. */

/**
 * JSON with typed arrays written as plain arrays and non-finite numbers as
 * null — or, with `nonFinite: 'string'`, as the strings "Infinity",
 * "-Infinity" and "NaN", for documents where null already means "does not
 * apply" (JSON itself has no such numbers).
 */
export function toJsonText(value: unknown, indent = 2, options: { nonFinite?: 'null' | 'string' } = {}): string {
  const nonFinite = options.nonFinite === 'string' ? (v: number) => String(v) : () => null;
  return JSON.stringify(
    value,
    (_k, v: unknown) => {
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
      if (typeof v === 'number' && !Number.isFinite(v)) return nonFinite(v);
      return v;
    },
    indent,
  );
}
