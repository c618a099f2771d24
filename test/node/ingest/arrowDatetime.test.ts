import {
  DateDay,
  DateMillisecond,
  Field,
  Float64,
  Schema,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Utf8,
  makeData,
  makeVector,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeArrowPage } from '../../../src-main/core/data/arrowPage';
import { isoDate, isoDateFromMilliseconds, isoTimestamp } from '../../../src-main/core/data/isoDateTime';
import { kindOverrideRefusal } from '../../../src-main/core/data/kindOverrides';
import { readFileSync } from 'node:fs';
import { prepare } from '../../../src-main/core/recipe/pipeline';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { loadDatasetFrame } from '../../../src-main/node/recipe/loadFrame';
import { profileDataset } from '../../../src-main/node/profile/profileDataset';
import { setColumnKind } from '../../../src-main/node/store/columnKinds';
import { readColumns } from '../../../src-main/node/store/datasets';
import { queryPage } from '../../../src-main/node/store/query';
import { tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

/** A timestamp/date vector straight from its stored counts (vectorFromArray goes through Date, i.e. milliseconds). */
function countsVector(type: DataType, counts: (bigint | number | null)[]): Vector {
  const n = counts.length;
  const bitmap = new Uint8Array(Math.ceil(n / 8));
  counts.forEach((c, i) => {
    if (c !== null) bitmap[i >> 3] |= 1 << (i & 7);
  });
  const is32 = type instanceof DateDay;
  const values = is32 ? Int32Array.from(counts, (c) => Number(c ?? 0)) : BigInt64Array.from(counts, (c) => BigInt(c ?? 0));
  return makeVector(makeData({ type, length: n, nullCount: counts.filter((c) => c === null).length, nullBitmap: bitmap, data: values } as never));
}

function tableOf(columns: Record<string, Vector>): Table {
  const fields = Object.entries(columns).map(([name, v]) => new Field(name, v.type, true));
  return new Table(new Schema(fields), columns);
}

describe('ISO 8601 text of Arrow dates and timestamps', () => {
  it('writes every unit exactly, before and after the epoch, with Z only for zoned columns', () => {
    expect(isoTimestamp(1_700_000_000n, 0, true)).toBe('2023-11-14T22:13:20.000Z');
    expect(isoTimestamp(1_700_000_000_123n, 1, true)).toBe('2023-11-14T22:13:20.123Z');
    expect(isoTimestamp(1_700_000_000_123_456n, 2, true)).toBe('2023-11-14T22:13:20.123456Z');
    expect(isoTimestamp(1_700_000_000_123_456_789n, 3, false)).toBe('2023-11-14T22:13:20.123456789');
    expect(isoTimestamp(-1n, 3, true)).toBe('1969-12-31T23:59:59.999999999Z');
    expect(isoTimestamp(-86_400_001n, 1, true)).toBe('1969-12-30T23:59:59.999Z');
    expect(isoTimestamp(951_782_400n, 0, true)).toBe('2000-02-29T00:00:00.000Z');
    // The extremes of int64 nanoseconds.
    expect(isoTimestamp(2n ** 63n - 1n, 3, true)).toBe('2262-04-11T23:47:16.854775807Z');
    expect(isoTimestamp(-(2n ** 63n), 3, true)).toBe('1677-09-21T00:12:43.145224192Z');
    // Years past 9999 use the expanded form, as Date.toISOString does.
    expect(isoTimestamp(253_402_300_800n, 0, true)).toBe(new Date(253_402_300_800_000).toISOString());
    expect(isoDate(0)).toBe('1970-01-01');
    expect(isoDate(-719_528)).toBe('0000-01-01');
    expect(isoDate(19_675)).toBe('2023-11-14');
    expect(isoDateFromMilliseconds(19_675n * 86_400_000n)).toBe('2023-11-14');
    // A date64 with a time of day keeps it rather than losing it.
    expect(isoDateFromMilliseconds(19_675n * 86_400_000n + 1n)).toBe('2023-11-14T00:00:00.001');
  });

  it('agrees with Date.toISOString on milliseconds across four centuries', () => {
    for (let ms = -12_000_000_000_000; ms < 12_000_000_000_000; ms += 7_777_777_777_7) {
      expect(isoTimestamp(BigInt(ms), 1, true)).toBe(new Date(ms).toISOString());
    }
  });
});

describe('Arrow timestamp and date columns import as datetime', () => {
  const NS = [1_700_000_000_123_456_789n, null, -1n, 1_600_000_000_000_000_001n, 1_700_000_000_123_456_788n];
  function datetimeTable(): Table {
    return tableOf({
      ns: countsVector(new TimestampNanosecond('UTC'), NS),
      us: countsVector(new TimestampMicrosecond('Europe/Paris'), [1_700_000_000_123_456n, 2n, null, 3n, 4n]),
      ms: countsVector(new TimestampMillisecond(), [1_700_000_000_123n, 0n, 1n, null, 2n]),
      s: countsVector(new TimestampSecond('UTC'), [1_700_000_000n, 0n, 1n, 2n, null]),
      day: countsVector(new DateDay(), [19_675, null, 0, -1, 1]),
      day64: countsVector(new DateMillisecond(), [19_675 * 86_400_000, 0, null, 86_400_000, 5]),
      v: vectorFromArray([1, 2, 3, 4, 5], new Float64()),
    });
  }

  for (const format of ['file', 'stream'] as const) {
    it(`stores ISO text with the unit's precision (${format} format)`, async () => {
      const info = await t.wb.importFile({ path: t.file(`times.${format === 'file' ? 'arrow' : 'arrows'}`, tableToIPC(datetimeTable(), format)) });
      expect(info.columns.map((c) => c.kind)).toEqual(['datetime', 'datetime', 'datetime', 'datetime', 'datetime', 'datetime', 'float']);
      expect(info.columns.map((c) => c.missing)).toEqual([1, 1, 1, 1, 1, 1, 0]);
      const cols = readColumns(t.wb.db, info, 0, 5);
      expect(cols[0]).toEqual(['2023-11-14T22:13:20.123456789Z', null, '1969-12-31T23:59:59.999999999Z', '2020-09-13T12:26:40.000000001Z', '2023-11-14T22:13:20.123456788Z']);
      expect(cols[1][0]).toBe('2023-11-14T22:13:20.123456Z');
      expect(cols[2]).toEqual(['2023-11-14T22:13:20.123', '1970-01-01T00:00:00.000', '1970-01-01T00:00:00.001', null, '1970-01-01T00:00:00.002']);
      expect(cols[3][0]).toBe('2023-11-14T22:13:20.000Z');
      expect(cols[4]).toEqual(['2023-11-14', null, '1970-01-01', '1969-12-31', '1970-01-02']);
      expect(cols[5]).toEqual(['2023-11-14', '1970-01-01', null, '1970-01-02', '1970-01-01T00:00:00.005']);
      // Two nanosecond values one apart stay distinct.
      expect(info.columns[0].distinct).toBe(4);
      expect(info.notes.join(' ')).toMatch(/"us" is in time zone Europe\/Paris; its times are shown in UTC/);
    });
  }

  it('sorts and filters a datetime column by time, and pages it as text', async () => {
    const info = await t.wb.importFile({ path: t.file('times.arrow', tableToIPC(datetimeTable(), 'file')) });
    const asc = queryPage(t.wb.db, info, { sort: { column: 0, descending: false }, filters: [] }, 0, 5);
    expect(Array.from(asc.rowNumbers)).toEqual([3, 4, 5, 1, 2]);
    const desc = queryPage(t.wb.db, info, { sort: { column: 4, descending: true }, filters: [] }, 0, 5);
    expect(desc.columns[4]).toEqual(['2023-11-14', '1970-01-02', '1970-01-01', '1969-12-31', null]);
    const nov = queryPage(t.wb.db, info, { sort: null, filters: [{ column: 0, op: 'contains', text: '2023-11', caseSensitive: false }] }, 0, 5);
    expect(Array.from(nov.rowNumbers)).toEqual([1, 5]);
    const page = tableFromIPC(encodeArrowPage(info.columns, readColumns(t.wb.db, info, 0, 1)));
    expect(page.getChild('ns')!.get(0)).toBe('2023-11-14T22:13:20.123456789Z');
  });

  it('profiles a datetime column like pandas: count, unique, top, freq, min and max', async () => {
    const info = await t.wb.importFile({ path: t.file('times.arrow', tableToIPC(datetimeTable(), 'file')) });
    const p = profileDataset(t.wb.db, info);
    const ns = p.columns[0];
    expect(ns.type).toBe('string');
    if (ns.type !== 'string') return;
    expect(ns.describe).toMatchObject({ count: 4, unique: 4, freq: 1, min: '1969-12-31T23:59:59.999999999Z', max: '2023-11-14T22:13:20.123456789Z' });
    const v = p.columns[6];
    expect(v.type === 'number' && 'min' in v.describe && typeof v.describe.min).toBe('number');
  });

  it('a datetime feature used without dropping it gets a clear message', async () => {
    const n = 40;
    const table = tableOf({
      when: countsVector(new TimestampSecond('UTC'), Array.from({ length: n }, (_, i) => BigInt(i * 86_400))),
      y: vectorFromArray(Array.from({ length: n }, (_, i) => (i % 2 ? 'a' : 'b')), new Utf8()),
    });
    const info = await t.wb.importFile({ path: t.file('feature.arrow', tableToIPC(table, 'file')) });
    const raw = JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8'));
    raw.target = { column: 'y', positive: 'a' };
    raw.steps = [{ op: 'split', test: 0.25, randomState: 0, stratify: false }];
    raw.features = ['when'];
    const recipe = parseRecipe(raw, 'r.json');
    expect(() => prepare(recipe, loadDatasetFrame(t.wb.db, info))).toThrow(
      /The feature "when" is a date\/time, and models need numbers: drop it with a dropColumns step/,
    );
  });

  it('lets a datetime column become text, categorical or an identifier, never a number, and no other column a datetime', async () => {
    const info = await t.wb.importFile({ path: t.file('times.arrow', tableToIPC(datetimeTable(), 'file')) });
    const before = t.state();
    for (const kind of ['integer', 'float', 'boolean'] as const) {
      expect(() => setColumnKind(t.wb.db, info.id, 0, kind)).toThrow(`Column "ns" holds dates and times, which cannot be ${kind}`);
    }
    expect(() => setColumnKind(t.wb.db, info.id, 6, 'datetime')).toThrow(/Column "v" cannot be datetime: Assay reads dates and times only from Arrow/);
    expect(t.state()).toBe(before);
    const asText = setColumnKind(t.wb.db, info.id, 0, 'text');
    expect(asText.columns[0]).toMatchObject({ kind: 'text', inferredKind: 'datetime' });
    expect(readColumns(t.wb.db, asText, 0, 1)[0]).toEqual(['2023-11-14T22:13:20.123456789Z']);
    // ...and back, since its values are still the datetime's text.
    expect(setColumnKind(t.wb.db, info.id, 0, 'datetime').columns[0].kind).toBe('datetime');
    expect(kindOverrideRefusal({ name: 'x', inferredKind: 'text' }, 'categorical')).toBeNull();
  });

  it('keeps string columns as before next to a datetime column', async () => {
    const table = tableOf({ when: countsVector(new TimestampSecond('UTC'), [0n, 60n]), s: vectorFromArray(['a', 'b'], new Utf8()) });
    const info = await t.wb.importFile({ path: t.file('two.arrow', tableToIPC(table, 'file')) });
    expect(info.columns.map((c) => c.kind)).toEqual(['datetime', 'categorical']);
    expect(readColumns(t.wb.db, info, 0, 2)).toEqual([
      ['1970-01-01T00:00:00.000Z', '1970-01-01T00:01:00.000Z'],
      ['a', 'b'],
    ]);
  });
});
