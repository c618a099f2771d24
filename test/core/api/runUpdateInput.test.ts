import { describe, expect, it } from 'vitest';
import { methods } from '../../../src-main/core/api/contract';

const input = methods['run.update'].input;

/** Each refusal as the router shows it: "path: message". */
function refusals(changes: Record<string, unknown>): string[] {
  const r = input.safeParse({ id: 1, ...changes });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('run.update input', () => {
  it('takes titles, notes and tags as analysts write them, trimmed', () => {
    const r = input.parse({ id: 1, title: '  Quick grid 🎯 ', note: 'line one\n\tline two', tags: [' deck ', 'Schätzung'] });
    expect(r).toEqual({ id: 1, title: 'Quick grid 🎯', note: 'line one\n\tline two', tags: ['deck', 'Schätzung'] });
    expect(refusals({ title: 'x'.repeat(200), tags: Array.from({ length: 20 }, (_, i) => `t${i}`), note: 'n'.repeat(10_000) })).toEqual([]);
  });

  it('refuses control characters and bidirectional controls in a title', () => {
    expect(refusals({ title: 'a\u0000b' })).toEqual(['title: a title cannot contain control characters (U+0000 at character 2)']);
    expect(refusals({ title: '\u001b[2Jwiped' })).toEqual(['title: a title cannot contain control characters (U+001B at character 1)']);
    expect(refusals({ title: 'two\nlines' })).toEqual(['title: a title cannot contain control characters (U+000A at character 4)']);
    expect(refusals({ title: 'photo\u202egpj.exe' })).toEqual(['title: a title cannot contain bidirectional text controls (U+202E at character 6)']);
  });

  it('refuses a title that would show as nothing, or is too long', () => {
    expect(refusals({ title: '   ' })).toEqual(['title: a title cannot be empty']);
    expect(refusals({ title: '\u200b\u200b' })).toEqual(['title: a title cannot be only invisible characters']);
    expect(refusals({ title: 'x'.repeat(201) })).toEqual(['title: a title can be at most 200 characters']);
  });

  it('refuses a tag with control characters or nothing visible, naming the tag', () => {
    expect(refusals({ tags: ['ok', 'a\u0000'] })).toEqual(['tags: a tag cannot contain control characters (U+0000 in tag 2)']);
    expect(refusals({ tags: ['b\nc'] })).toEqual(['tags: a tag cannot contain control characters (U+000A in tag 1)']);
    expect(refusals({ tags: ['ok', 'fine', '\u200b'] })).toEqual(['tags: a tag cannot be only invisible characters (tag 3)']);
    expect(refusals({ tags: ['ok', '  '] })).toEqual(['tags: a tag cannot be empty (tag 2)']);
    expect(refusals({ tags: ['\u2066x'] })).toEqual(['tags: a tag cannot contain bidirectional text controls (U+2066 in tag 1)']);
  });

  it('allows newlines and tabs in a note, and refuses other control characters and bidirectional controls', () => {
    expect(refusals({ note: 'one\ntwo\u0007' })).toEqual(['note: a note cannot contain control characters other than line breaks and tabs (U+0007 on line 2)']);
    expect(refusals({ note: 'x\u202e' })).toEqual(['note: a note cannot contain bidirectional text controls (U+202E on line 1)']);
    expect(refusals({ note: '' })).toEqual([]);
  });
});
