import { describe, expect, it } from 'vitest';
import type { CategoricalColumnView, NumericColumnView } from '../../../src-main/core/profile/profileView';
import {
  MISSING_KEY,
  checklistFilter,
  checklistOf,
  initialSelection,
  itemText,
  notListedNote,
  searchItems,
  toggled,
  withAll,
} from '../../../src-renderer/src/lib/grid/categoryChecklist';

/** claim_status of the sample, as the profile reports it (value_counts: claim 9,608, opinion 9,476; 298 missing). */
const claims: CategoricalColumnView = {
  name: 'claim_status',
  type: 'string',
  kind: 'categorical',
  dtype: 'object',
  count: 19_084,
  missing: 298,
  missingFraction: 298 / 19_382,
  memoryBytes: 155_056,
  memoryBytesDeep: 155_100,
  describe: { count: 19_084, unique: 2, top: 'claim', freq: 9_608 },
  top: { values: ['claim'], counts: [9_608], proportions: [9_608 / 19_084], total: 19_084, missing: 298 },
  valueCounts: { values: ['claim', 'opinion'], counts: [9_608, 9_476], proportions: [9_608 / 19_084, 9_476 / 19_084], total: 19_084, missing: 298 },
};
const column = { kind: 'categorical' as const, missing: 298 };

describe('the category checklist', () => {
  it("lists the column's values with their counts, then the missing values", () => {
    const list = checklistOf(column, claims)!;
    expect(list.items.map((x) => [x.label, x.count])).toEqual([
      ['claim', 9_608],
      ['opinion', 9_476],
      ['(missing)', 298],
    ]);
    expect(itemText(list.items[0])).toEqual({ label: 'claim', count: '9,608' });
    expect(notListedNote(list)).toBeNull();
  });

  it('ticking claim makes the "in" filter the grid already runs', () => {
    const list = checklistOf(column, claims)!;
    const picked = toggled(new Set(), list.items[0].key);
    expect(checklistFilter(1, list.items, picked)).toEqual({ ok: true, value: { column: 1, op: 'in', values: ['claim'], includeMissing: false } });
    expect(checklistFilter(1, list.items, toggled(picked, list.items[0].key))).toEqual({ ok: false, error: 'Tick one or more values' });
    expect(checklistFilter(1, list.items, toggled(picked, MISSING_KEY))).toEqual({ ok: true, value: { column: 1, op: 'in', values: ['claim'], includeMissing: true } });
  });

  it('a search narrows the list, ignoring case; select all and none act on what is shown', () => {
    const list = checklistOf(column, claims)!;
    const shown = searchItems(list.items, '  OPIN ');
    expect(shown.map((x) => x.label)).toEqual(['opinion']);
    expect(searchItems(list.items, '').length).toBe(3);
    const all = withAll(new Set([list.items[0].key]), shown, true);
    expect(checklistFilter(1, list.items, all)).toMatchObject({ ok: true, value: { values: ['claim', 'opinion'] } });
    const none = withAll(all, shown, false);
    expect(checklistFilter(1, list.items, none)).toMatchObject({ ok: true, value: { values: ['claim'] } });
    expect(checklistFilter(1, list.items, withAll(none, list.items, true))).toMatchObject({ ok: true, value: { values: ['claim', 'opinion'], includeMissing: true } });
  });

  it('reopening a filter ticks what it holds, keeping values the list lacks', () => {
    const filter = { column: 1, op: 'in' as const, values: ['opinion', 'other'], includeMissing: true };
    const list = checklistOf(column, claims, filter)!;
    expect(list.items.map((x) => x.label)).toEqual(['other', 'claim', 'opinion', '(missing)']);
    expect(list.items[0].count).toBeNull();
    const sel = initialSelection(filter);
    expect(list.items.filter((x) => sel.has(x.key)).map((x) => x.label)).toEqual(['other', 'opinion', '(missing)']);
    expect(checklistFilter(1, list.items, sel)).toEqual({ ok: true, value: { column: 1, op: 'in', values: ['other', 'opinion'], includeMissing: true } });
    expect(initialSelection({ column: 1, op: 'contains', text: 'x' }).size).toBe(0);
  });

  it('says how many values a long list leaves out', () => {
    const many = { ...claims, describe: { ...claims.describe, unique: 230 } };
    expect(notListedNote(checklistOf(column, many)!)).toBe('The 2 most frequent values are listed; 228 rarer ones are not.');
    expect(notListedNote(checklistOf(column, { ...claims, describe: { ...claims.describe, unique: 3 } })!)).toBe('The 2 most frequent values are listed; 1 rarer one is not.');
  });

  it('falls back to the top values, and waits for a profile it does not have', () => {
    const { valueCounts: _, ...withoutList } = claims;
    expect(checklistOf(column, withoutList)!.items.map((x) => x.label)).toEqual(['claim', '(missing)']);
    expect(checklistOf(column, null)).toBeNull();
  });

  it('a boolean lists True and False, counted from its mean', () => {
    const flag: NumericColumnView = {
      name: 'ok',
      type: 'number',
      kind: 'boolean',
      dtype: 'bool',
      count: 4,
      missing: 0,
      missingFraction: 0,
      memoryBytes: 32,
      memoryBytesDeep: 32,
      describe: { count: 4, mean: 0.75, std: 0.5, min: 0, q25: 0.75, q50: 1, q75: 1, max: 1 },
      histogram: { edges: [0, 1], counts: [4] },
    };
    expect(checklistOf({ kind: 'boolean', missing: 0 }, flag)!.items.map((x) => [x.label, x.count])).toEqual([
      ['True', 3],
      ['False', 1],
    ]);
    expect(checklistOf({ kind: 'boolean', missing: 2 }, null)!.items.map((x) => [x.label, x.count])).toEqual([
      ['True', null],
      ['False', null],
      ['(missing)', 2],
    ]);
  });
});
