import { expect } from 'vitest';
import type { Frame } from '../../src-main/core/recipe/frame';

/** Cell by cell, telling -0 from 0 and NaN from a number, with the first difference named. */
export function expectSameFrame(a: Frame, b: Frame): void {
  expect(a.rows).toBe(b.rows);
  expect(a.names).toEqual(b.names);
  for (const name of a.names) {
    const x = a.columns.get(name)!;
    const y = b.columns.get(name)!;
    expect([name, x.type, x.kind, x.values.length]).toEqual([name, y.type, y.kind, y.values.length]);
    for (let i = 0; i < a.rows; i++) {
      if (!Object.is(x.values[i], y.values[i])) expect([name, i, x.values[i]]).toEqual([name, i, y.values[i]]);
    }
  }
}
