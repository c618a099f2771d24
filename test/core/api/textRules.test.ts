import { describe, expect, it } from 'vitest';
import { noteProblem, tagProblem, titleProblem } from '../../../src-main/core/api/textRules';

describe('what a run title, tag and note may hold', () => {
  it('takes ordinary text in any script, emoji and inner spaces', () => {
    for (const text of ['Quick grid', 'Schätzung · 5 Falten', 'تجربة', '実験 2', 'deck 🎯', 'a\u00a0b', 'family 👨‍👩‍👧']) {
      expect(titleProblem(text), text).toBeNull();
      expect(tagProblem(text, 1), text).toBeNull();
      expect(noteProblem(text), text).toBeNull();
    }
  });

  it('refuses control characters in a title, saying which and where', () => {
    expect(titleProblem('a\u0000b')).toBe('a title cannot contain control characters (U+0000 at character 2)');
    expect(titleProblem('\u001b[31mred')).toBe('a title cannot contain control characters (U+001B at character 1)');
    expect(titleProblem('two\nlines')).toBe('a title cannot contain control characters (U+000A at character 4)');
    expect(titleProblem('tab\there')).toBe('a title cannot contain control characters (U+0009 at character 4)');
    expect(titleProblem('del\u007f')).toBe('a title cannot contain control characters (U+007F at character 4)');
    expect(titleProblem('c1\u0085')).toBe('a title cannot contain control characters (U+0085 at character 3)');
    expect(titleProblem('c1\u009f')).toBe('a title cannot contain control characters (U+009F at character 3)');
    expect(titleProblem('line\u2028break')).toBe('a title cannot contain control characters (U+2028 at character 5)');
    // Positions count characters as seen: an emoji is one.
    expect(titleProblem('🎯\u0007')).toBe('a title cannot contain control characters (U+0007 at character 2)');
  });

  it('refuses bidirectional controls, which reorder what is shown', () => {
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]) {
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      expect(titleProblem(`photo${String.fromCodePoint(cp)}gpj.exe`)).toBe(`a title cannot contain bidirectional text controls (U+${hex} at character 6)`);
      expect(tagProblem(`x${String.fromCodePoint(cp)}`, 3)).toBe(`a tag cannot contain bidirectional text controls (U+${hex} in tag 3)`);
      expect(noteProblem(`ok\n${String.fromCodePoint(cp)}`)).toBe(`a note cannot contain bidirectional text controls (U+${hex} on line 2)`);
    }
    // Characters next to the ranges are ordinary text.
    expect(titleProblem('a\u2065b\u206ac')).toBeNull();
    expect(titleProblem('a\u061bb\u061db')).toBeNull();
  });

  it('refuses a title or tag that would show as nothing', () => {
    expect(titleProblem('')).toBe('a title cannot be empty');
    expect(titleProblem('   ')).toBe('a title cannot be empty');
    expect(titleProblem('\u200b')).toBe('a title cannot be only invisible characters');
    expect(titleProblem(' \u200c\u200d \u2060\ufeff ')).toBe('a title cannot be only invisible characters');
    expect(tagProblem('\u200b', 2)).toBe('a tag cannot be only invisible characters (tag 2)');
    expect(tagProblem(' ', 4)).toBe('a tag cannot be empty (tag 4)');
    // Zero-width characters inside visible text are left alone (they join emoji and some scripts).
    expect(titleProblem('a\u200bb')).toBeNull();
  });

  it('names the tag a control character is in', () => {
    expect(tagProblem('a\u0000', 2)).toBe('a tag cannot contain control characters (U+0000 in tag 2)');
    expect(tagProblem('b\nc', 1)).toBe('a tag cannot contain control characters (U+000A in tag 1)');
  });

  it('allows newlines and tabs in a note but no other control character, and says on which line', () => {
    expect(noteProblem('first line\n\tindented\r\nthird')).toBeNull();
    expect(noteProblem('first line\n\tindented\u0007\nthird')).toBe('a note cannot contain control characters other than line breaks and tabs (U+0007 on line 2)');
    expect(noteProblem('first line\n\tindented\nthird')).toBeNull();
    expect(noteProblem('one\ntwo\nthree \u001b[0m')).toBe('a note cannot contain control characters other than line breaks and tabs (U+001B on line 3)');
    expect(noteProblem('\u0000')).toBe('a note cannot contain control characters other than line breaks and tabs (U+0000 on line 1)');
    expect(noteProblem('')).toBeNull();
  });
});
