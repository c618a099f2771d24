/** JSON with typed arrays written as plain arrays and non-finite numbers as null. */
export function toJsonText(value: unknown, indent = 2): string {
  return JSON.stringify(
    value,
    (_k, v: unknown) => {
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
      if (typeof v === 'number' && !Number.isFinite(v)) return null;
      return v;
    },
    indent,
  );
}

/** Turns JSON.parse's "at position N" into a line and column, for messages. */
export function jsonErrorLocation(text: string, error: Error): { line: number; column: number } | null {
  const m = /position (\d+)/.exec(error.message);
  if (!m) return null;
  const pos = Number(m[1]);
  const before = text.slice(0, pos).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
