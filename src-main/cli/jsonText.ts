export { jsonErrorLocation } from '../core/recipe/recipeJson';

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
