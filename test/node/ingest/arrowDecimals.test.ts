import { Decimal, Field, Schema, Table, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decimalText, decimalTextOfDouble, roundsAsDouble, unscaledDecimal } from '../../../src-main/core/data/exactDecimal';
import { readColumns } from '../../../src-main/node/store/datasets';
import { queryPage } from '../../../src-main/node/store/query';
import { tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

/** A Decimal vector from unscaled integers, written as Arrow stores them: 32-bit little-endian words, two's complement. */
function decimalVector(scale: number, precision: number, unscaled: (bigint | null)[], bitWidth = 128): Vector {
  const stride = bitWidth / 32;
  const words = new Uint32Array(unscaled.length * stride);
  const bitmap = new Uint8Array(Math.ceil(unscaled.length / 8));
  unscaled.forEach((v, i) => {
    if (v === null) return;
    bitmap[i >> 3] |= 1 << (i & 7);
    let u = BigInt.asUintN(bitWidth, v);
    for (let k = 0; k < stride; k++, u >>= 32n) words[i * stride + k] = Number(u & 0xffffffffn);
  });
  const type = new Decimal(scale, precision, bitWidth);
  const nullCount = unscaled.filter((v) => v === null).length;
  return makeVector(makeData({ type, length: unscaled.length, nullCount, nullBitmap: bitmap, data: words } as never));
}

function tableOf(columns: Record<string, Vector>): Table {
  return new Table(new Schema(Object.entries(columns).map(([name, v]) => new Field(name, v.type, true))), columns);
}

async function importTable(table: Table) {
  return t.wb.importFile({ path: t.file('decimals.arrow', tableToIPC(table, 'file')) });
}

const TWO_64 = 2n ** 64n;

describe('exact decimal text', () => {
  it('places the scale, pads, signs, and reads two\u2019s complement words', () => {
    expect(decimalText(12345n, 2)).toBe('123.45');
    expect(decimalText(-1n, 2)).toBe('-0.01');
    expect(decimalText(0n, 3)).toBe('0.000');
    expect(decimalText(42n, 0)).toBe('42');
    expect(decimalText(42n, -3)).toBe('42000');
    expect(decimalText(-(TWO_64 + 5n), 10)).toBe('-1844674407.3709551621');
    expect(unscaledDecimal(Uint32Array.from([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]), 0, 4)).toBe(-1n);
    expect(unscaledDecimal(Uint32Array.from([1, 0, 1, 0]), 0, 4)).toBe(TWO_64 + 1n);
  });

  it('tells the decimals a double holds from those it rounds', () => {
    expect(roundsAsDouble('123.45')).toBe(false);
    expect(roundsAsDouble('1.10')).toBe(false);
    expect(roundsAsDouble('100000000000000000000.00000')).toBe(false);
    expect(roundsAsDouble('9007199254740992')).toBe(false);
    expect(roundsAsDouble('0.30000000000000004')).toBe(false);
    expect(roundsAsDouble('inf')).toBe(false);
    expect(roundsAsDouble('9007199254740993')).toBe(true);
    expect(roundsAsDouble('-9007199254740993.0')).toBe(true);
    expect(roundsAsDouble('0.12345678901234567890')).toBe(true);
    expect(roundsAsDouble('100000000000000000000.5')).toBe(true);
    expect(decimalTextOfDouble(1.1, 2)).toBe('1.10');
    expect(decimalTextOfDouble(-0.01, 2)).toBe('-0.01');
    expect(decimalTextOfDouble(42000, -3)).toBe('42000');
  });
});

describe('Arrow Decimal columns import exactly', () => {
  it('stores decimals a double holds as their value (scale 2, 0, 10 and negative), nulls missing', async () => {
    const info = await importTable(
      tableOf({
        price: decimalVector(2, 10, [12345n, -1n, null, 0n, 99n]),
        whole: decimalVector(0, 10, [42n, -7n, 0n, null, 1n]),
        fine: decimalVector(10, 20, [12345678900n, -5n, null, 10n ** 10n, 1n]),
        thousands: decimalVector(-3, 5, [42n, -1n, 0n, 7n, null]),
        // 10^25 × 10^-5 = 10^20: beyond 2^64 unscaled, yet a double holds it exactly.
        big: decimalVector(5, 38, [10n ** 25n, -(10n ** 25n), null, 0n, 5n]),
      }),
    );
    expect(info.columns.map((c) => c.kind)).toEqual(['float', 'float', 'float', 'float', 'float']);
    expect(info.notes).toEqual([]);
    expect(readColumns(t.wb.db, info, 0, 5)).toEqual([
      [123.45, -0.01, null, 0, 0.99],
      [42, -7, 0, null, 1],
      [1.23456789, -5e-10, null, 1, 1e-10],
      [42000, -1000, 0, 7000, null],
      [1e20, -1e20, null, 0, 5e-5],
    ]);
  });

  it('keeps decimals a double would round as exact text, the whole column, with a note naming the first', async () => {
    const huge = 3n * TWO_64 + 7n; // 55340232221128654855, beyond 2^64
    const info = await importTable(
      tableOf({
        amount: decimalVector(2, 38, [110n, huge, -huge, null, 5n]),
      }),
    );
    const [column] = readColumns(t.wb.db, info, 0, 5);
    // The scale's digits stay on the values that were doubles too (1.10, not 1.1).
    expect(column).toEqual(['1.10', '553402322211286548.55', '-553402322211286548.55', null, '0.05']);
    expect(info.columns[0].kind).toBe('categorical');
    expect(info.notes).toEqual([
      'Column "amount" holds decimals with more digits than a float holds exactly (such as 553402322211286548.55 in row 2); they are kept exact, as text, so the column is not numeric.',
    ]);
    // One storage class: sorting compares text with text.
    const sorted = queryPage(t.wb.db, info, { sort: { column: 0, descending: false }, filters: [] }, 0, 5);
    expect(sorted.columns[0].every((v) => v === null || typeof v === 'string')).toBe(true);
  });

  it('makes a column of distinct long decimals an identifier (256-bit too)', async () => {
    const values = Array.from({ length: 30 }, (_, i) => 10n ** 40n + BigInt(i));
    const info = await importTable(tableOf({ ref: decimalVector(4, 60, values, 256) }));
    expect(info.columns[0].kind).toBe('identifier');
    expect(readColumns(t.wb.db, info, 0, 2)[0]).toEqual(['1000000000000000000000000000000000000.0000', '1000000000000000000000000000000000000.0001']);
  });
});
