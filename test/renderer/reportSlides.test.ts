import { describe, expect, it } from 'vitest';
import { reportSchema, type Report, type Slide } from '../../src-main/core/report/schema';
import { dropTarget, duplicateSlide, keyboardMove, moveSlide, removeSlide, stepTarget } from '../../src-renderer/src/lib/report/slideOrder';
import {
  bulletsToLines,
  linesToBullets,
  missingRunsOf,
  newReportName,
  placeholderText,
  reportProblem,
  reportToSave,
  slideName,
} from '../../src-renderer/src/lib/report/slideTexts';
import { tablePreview, textOn } from '../../src-renderer/src/lib/report/tablePreview';

const slide = (id: string, extra: Partial<Slide> = {}): Slide => ({
  id,
  title: `Slide ${id}`,
  caption: '',
  notes: '',
  body: { kind: 'bullets', bullets: [id] },
  runIds: [],
  ...extra,
});
const ids = (slides: readonly Slide[]) => slides.map((s) => s.id);
const abcd = ['a', 'b', 'c', 'd'].map((id) => slide(id));

describe('reordering slides', () => {
  it('moves a slide to any place, leaving the list given as it was', () => {
    expect(ids(moveSlide(abcd, 0, 2))).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(moveSlide(abcd, 3, 0))).toEqual(['d', 'a', 'b', 'c']);
    expect(ids(moveSlide(abcd, 1, 1))).toEqual(['a', 'b', 'c', 'd']);
    // Out of range: clamped to the ends; an unknown slide moves nothing.
    expect(ids(moveSlide(abcd, 1, 99))).toEqual(['a', 'c', 'd', 'b']);
    expect(ids(moveSlide(abcd, 2, -5))).toEqual(['c', 'a', 'b', 'd']);
    expect(ids(moveSlide(abcd, 7, 0))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(abcd)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('one step up or down, and not past either end', () => {
    expect(stepTarget(4, 2, -1)).toBe(1);
    expect(stepTarget(4, 2, 1)).toBe(3);
    expect(stepTarget(4, 0, -1)).toBeNull();
    expect(stepTarget(4, 3, 1)).toBeNull();
  });

  it('Alt+↑ and Alt+↓ are the keyboard moves; the arrows alone or with other modifiers are not', () => {
    const key = (k: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
      key: k,
      altKey: false,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      ...mods,
    });
    expect(keyboardMove(key('ArrowUp', { altKey: true }))).toBe(-1);
    expect(keyboardMove(key('ArrowDown', { altKey: true }))).toBe(1);
    expect(keyboardMove(key('ArrowUp'))).toBeNull();
    expect(keyboardMove(key('ArrowDown', { altKey: true, shiftKey: true }))).toBeNull();
    expect(keyboardMove(key('ArrowDown', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(keyboardMove(key('ArrowLeft', { altKey: true }))).toBeNull();
  });

  it('a drop before or after a card lands the dragged slide there, once it has left its place', () => {
    const drop = (from: number, over: number, after: boolean) => ids(moveSlide(abcd, from, dropTarget(from, over, after)));
    expect(drop(0, 2, false)).toEqual(['b', 'a', 'c', 'd']);
    expect(drop(0, 2, true)).toEqual(['b', 'c', 'a', 'd']);
    expect(drop(3, 0, false)).toEqual(['d', 'a', 'b', 'c']);
    expect(drop(3, 0, true)).toEqual(['a', 'd', 'b', 'c']);
    expect(drop(1, 1, true)).toEqual(['a', 'b', 'c', 'd']);
    expect(drop(1, 2, false)).toEqual(['a', 'b', 'c', 'd']);
    expect(drop(1, 3, true)).toEqual(['a', 'c', 'd', 'b']);
  });

  it('duplicates a slide right after it under a new id, a deep copy; removes one', () => {
    const withTable = slide('t', { body: { kind: 'table', table: { header: ['x'], rows: [['1']], numeric: [true] } }, runIds: [3] });
    const slides = [slide('a'), withTable, slide('c')];
    const out = duplicateSlide(slides, 1, 'copy');
    expect(ids(out)).toEqual(['a', 't', 'copy', 'c']);
    expect(out[2]).toEqual({ ...withTable, id: 'copy' });
    // Editing the copy leaves the original alone.
    (out[2].body as { table: { rows: string[][] } }).table.rows[0][0] = '2';
    expect(withTable.body).toEqual({ kind: 'table', table: { header: ['x'], rows: [['1']], numeric: [true] } });
    expect(ids(duplicateSlide(slides, 9, 'x'))).toEqual(['a', 't', 'c']);
    expect(ids(removeSlide(slides, 1))).toEqual(['a', 'c']);
  });
});

describe("slides' texts", () => {
  it('bullets are the lines of the text area, as typed (a line being started stays) and within bounds', () => {
    expect(linesToBullets('one\ntwo', 20)).toEqual(['one', 'two']);
    const typing = linesToBullets('one\n', 20);
    expect(typing).toEqual(['one', '']);
    expect(bulletsToLines(typing)).toBe('one\n');
    expect(linesToBullets('a\r\nb', 20)).toEqual(['a', 'b']);
    expect(linesToBullets('1\n2\n3\n4', 3)).toEqual(['1', '2', '3']);
    expect(linesToBullets('x'.repeat(1500), 20)[0]).toHaveLength(1000);
  });

  it('the saved report drops blank bullets and trims the name, and passes the schema', () => {
    const report: Report = {
      version: 1,
      name: '  Leadership  ',
      slides: [
        slide('a', { body: { kind: 'bullets', bullets: ['one', '', '  ', 'two'] } }),
        slide('b', { body: { kind: 'sections', sections: [{ heading: 'Results', bullets: ['', 'Finds 1,886 of 1,889 claims.', ''] }] } }),
      ],
    };
    const saved = reportToSave(report);
    expect(saved.name).toBe('Leadership');
    expect(saved.slides[0].body).toEqual({ kind: 'bullets', bullets: ['one', 'two'] });
    expect(saved.slides[1].body).toEqual({ kind: 'sections', sections: [{ heading: 'Results', bullets: ['Finds 1,886 of 1,889 claims.'] }] });
    expect(() => reportSchema.parse(saved)).not.toThrow();
    expect(report.slides[0].body).toEqual({ kind: 'bullets', bullets: ['one', '', '  ', 'two'] });
  });

  it('a report without a name is not saved, and says why', () => {
    expect(reportProblem({ name: ' ' })).toMatch(/needs a name/);
    expect(reportProblem({ name: 'R' })).toBeNull();
  });

  it("names cards for assistive technology and new reports so they don't clash", () => {
    expect(slideName({ title: 'ROC curve' }, 2)).toBe('Slide 3: ROC curve');
    expect(slideName({ title: '  ' }, 0)).toBe('Slide 1: Untitled');
    expect(newReportName([])).toBe('Report');
    expect(newReportName(['Report', 'Report 2'])).toBe('Report 3');
  });

  it('says which runs are gone in place of the slide', () => {
    expect(missingRunsOf({ runIds: [3, 7, 9] }, [7, 9, 12])).toEqual([7, 9]);
    expect(missingRunsOf({ runIds: [3] }, [7])).toEqual([]);
    expect(placeholderText([7])).toBe('Run #7 was deleted; this slide will export as a placeholder.');
    expect(placeholderText([7, 9, 12])).toBe('Runs #7, #9 and #12 were deleted; this slide will export as a placeholder.');
  });
});

describe("a table slide's preview on its card", () => {
  it('the first rows with their fills, text readable on each fill, and how many more there are', () => {
    const table = {
      header: ['actual \\ predicted', 'opinion', 'claim'],
      rows: [
        ['opinion', '1,880', '9'],
        ['claim', '3', '1,886'],
      ],
      numeric: [false, true, true],
      fills: [
        [null, '#08306b', '#f7fbff'],
        [null, '#f7fbff', '#08306b'],
      ],
    };
    const { rows, more } = tablePreview(table, 1);
    expect(more).toBe(1);
    expect(rows).toEqual([
      [
        { text: 'opinion', numeric: false, fill: null, color: null },
        { text: '1,880', numeric: true, fill: '#08306b', color: '#ffffff' },
        { text: '9', numeric: true, fill: '#f7fbff', color: '#1f1f1f' },
      ],
    ]);
    expect(tablePreview({ header: ['a'], rows: [[null]], numeric: [false] }).rows).toEqual([[{ text: '', numeric: false, fill: null, color: null }]]);
    expect(textOn('#000000')).toBe('#ffffff');
    expect(textOn('#ffffff')).toBe('#1f1f1f');
  });
});
