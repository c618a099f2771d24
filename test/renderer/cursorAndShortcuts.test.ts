import { describe, expect, it } from 'vitest';
import { moveCursor } from '../../src-renderer/src/lib/grid/cursor';
import { matchShortcut } from '../../src-renderer/src/lib/util/shortcuts';
import { defaultColumnWidth, gutterWidth, clampWidth } from '../../src-renderer/src/lib/grid/columnWidths';

const size = { rows: 100, cols: 5, pageRows: 30 };

describe('grid cursor', () => {
  it('moves with arrows and stays inside the grid', () => {
    expect(moveCursor({ row: 0, col: 0 }, { key: 'ArrowDown' }, size)).toEqual({ row: 1, col: 0 });
    expect(moveCursor({ row: 0, col: 0 }, { key: 'ArrowUp' }, size)).toEqual({ row: 0, col: 0 });
    expect(moveCursor({ row: 0, col: 4 }, { key: 'ArrowRight' }, size)).toEqual({ row: 0, col: 4 });
    expect(moveCursor({ row: 3, col: 2 }, { key: 'ArrowLeft' }, size)).toEqual({ row: 3, col: 1 });
  });

  it('pages and jumps', () => {
    expect(moveCursor({ row: 10, col: 2 }, { key: 'PageDown' }, size)).toEqual({ row: 40, col: 2 });
    expect(moveCursor({ row: 80, col: 2 }, { key: 'PageDown' }, size)).toEqual({ row: 99, col: 2 });
    expect(moveCursor({ row: 10, col: 2 }, { key: 'PageUp' }, size)).toEqual({ row: 0, col: 2 });
    expect(moveCursor({ row: 10, col: 2 }, { key: 'Home' }, size)).toEqual({ row: 10, col: 0 });
    expect(moveCursor({ row: 10, col: 2 }, { key: 'End' }, size)).toEqual({ row: 10, col: 4 });
    expect(moveCursor({ row: 10, col: 2 }, { key: 'Home', ctrlKey: true }, size)).toEqual({ row: 0, col: 2 });
    expect(moveCursor({ row: 10, col: 2 }, { key: 'End', metaKey: true }, size)).toEqual({ row: 99, col: 2 });
  });

  it('ignores other keys and empty grids', () => {
    expect(moveCursor({ row: 0, col: 0 }, { key: 'a' }, size)).toBeNull();
    expect(moveCursor({ row: 0, col: 0 }, { key: 'ArrowDown' }, { rows: 0, cols: 3, pageRows: 10 })).toBeNull();
  });
});

describe('shortcuts', () => {
  const ev = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it('maps Ctrl/Cmd combinations', () => {
    expect(matchShortcut(ev('o', { ctrlKey: true }))).toBe('open');
    expect(matchShortcut(ev('o', { metaKey: true }))).toBe('open');
    expect(matchShortcut(ev('S', { ctrlKey: true, shiftKey: true }))).toBe('saveAs');
    expect(matchShortcut(ev('i', { ctrlKey: true }))).toBe('import');
    expect(matchShortcut(ev('s', { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(ev('o'))).toBeNull();
    expect(matchShortcut(ev('o', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});

describe('column widths', () => {
  it('makes text columns wider than numbers and fits long headers', () => {
    expect(defaultColumnWidth({ name: 'x', kind: 'text' })).toBeGreaterThan(defaultColumnWidth({ name: 'x', kind: 'integer' }));
    expect(defaultColumnWidth({ name: 'video_transcription_text_long_name', kind: 'integer' })).toBeGreaterThan(200);
    expect(clampWidth(5)).toBe(48);
    expect(gutterWidth(1_000_000)).toBeGreaterThan(gutterWidth(100));
  });
});

describe('column widths for headers', () => {
  it('leaves room for the kind badge and a large missing count', () => {
    expect(defaultColumnWidth({ name: 'value', kind: 'float', missing: 10_310 })).toBeGreaterThanOrEqual(120);
  });
});
