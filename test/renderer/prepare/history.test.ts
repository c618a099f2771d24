import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, HISTORY_LIMIT, record, redo, startHistory, undo } from '../../../src-renderer/src/lib/prepare/history';
import { editorShortcut } from '../../../src-renderer/src/lib/prepare/shortcuts';

describe('undo history', () => {
  it('undoes and redoes snapshots; a new edit drops what was undone', () => {
    let h = startHistory('a');
    h = record(h, 'b');
    h = record(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = redo(h);
    expect(h.present).toBe('c');
    h = record(undo(h), 'd');
    expect(h.present).toBe('d');
    expect(canRedo(h)).toBe(false);
    expect(undo(undo(undo(h))).present).toBe('a');
    expect(undo(startHistory('x'))).toEqual(startHistory('x'));
  });

  it('edits of one field in a row are one undo step', () => {
    let h = startHistory('');
    for (const t of ['v', 'vi', 'vid']) h = record(h, t, 'step:1:column');
    h = record(h, 'vid2', 'name');
    expect(undo(h).present).toBe('vid');
    expect(undo(undo(h)).present).toBe('');
    // After an undo the same key starts a new step.
    h = record(undo(h), 'vidx', 'step:1:column');
    expect(undo(h).present).toBe('vid');
  });

  it('keeps at most the limit of past snapshots', () => {
    let h = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 50; i++) h = record(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(canUndo(h)).toBe(true);
  });

  it('Ctrl/Cmd+Z undoes, with Shift or Ctrl+Y redoes, Ctrl+S saves; Ctrl+Shift+S is left to the project', () => {
    const k = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
      key,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      ...mods,
    });
    expect(editorShortcut(k('z', { ctrlKey: true }))).toBe('undo');
    expect(editorShortcut(k('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(editorShortcut(k('y', { ctrlKey: true }))).toBe('redo');
    expect(editorShortcut(k('s', { ctrlKey: true }))).toBe('save');
    expect(editorShortcut(k('S', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(editorShortcut(k('z'))).toBeNull();
  });
});
