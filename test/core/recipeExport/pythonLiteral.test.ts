import { describe, expect, it } from 'vitest';
import {
  pyComment,
  pyCommentText,
  pyIdentifier,
  pyNumber,
  pyStr,
  pyStrList,
  pyValue,
} from '../../../src-main/core/recipeExport/pythonLiteral';
import { markdownCode, markdownText } from '../../../src-main/core/recipeExport/prose';
import { decodePyStr, HOSTILE_NAMES } from './pythonText';

/** Characters that end a Python line or comment, or hide text from a reader. */
// eslint-disable-next-line no-control-regex -- NUL is one of the characters that must never appear raw
const DANGEROUS = /[\n\r\u0000\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/u;

describe('pyStr', () => {
  it.each(HOSTILE_NAMES.map((n) => [JSON.stringify(n), n]))('%s reads back exactly, on one line, with nothing hidden', (_label, name) => {
    const literal = pyStr(name);
    expect(decodePyStr(literal)).toBe(name);
    expect(literal).not.toMatch(DANGEROUS);
    // Only the two delimiting quotes are bare: every other quote is escaped.
    expect(literal.slice(1, -1).replace(/\\\\/g, '').replace(/\\"/g, '')).not.toContain('"');
  });

  it('writes the usual escapes and keeps printable text as it is', () => {
    expect(pyStr('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
    expect(pyStr('café ☕ 😀')).toBe('"café ☕ 😀"');
    expect(pyStr('\u0000\u007f\u00a0\u202e\u{e0001}')).toBe('"\\x00\\x7f\\xa0\\u202e\\U000e0001"');
    expect(pyStr('\ud800')).toBe('"\\ud800"');
    expect(pyStr("it's")).toBe('"it\'s"');
  });

  it('lists', () => {
    expect(pyStrList(['#', 'video_id'])).toBe('["#", "video_id"]');
    expect(pyStrList([])).toBe('[]');
  });
});

describe('pyNumber and pyValue', () => {
  it('numbers as Python reads the same value', () => {
    expect(pyNumber(0.3)).toBe('0.3');
    expect(pyNumber(5)).toBe('5');
    expect(pyNumber(-0)).toBe('0');
    expect(pyNumber(1e-7)).toBe('1e-7');
    expect(pyNumber(2 ** 60)).toBe('1152921504606846976');
    expect(() => pyNumber(NaN)).toThrow();
  });

  it('a float where scikit-learn reads an int differently', () => {
    expect(pyNumber(1, { asFloat: true })).toBe('1.0');
    expect(pyNumber(0.7, { asFloat: true })).toBe('0.7');
    expect(pyNumber(1e21, { asFloat: true })).toBe('1e+21');
    expect(pyNumber(1e308, { asFloat: true })).toBe('1e+308');
    expect(pyNumber(2 ** 53, { asFloat: true })).toBe('9007199254740992.0');
  });

  it('None, True, False, strings', () => {
    expect([null, true, false, 'sqrt', 2].map(pyValue)).toEqual(['None', 'True', 'False', '"sqrt"', '2']);
  });
});

describe('comment text', () => {
  it.each(HOSTILE_NAMES.map((n) => [JSON.stringify(n), n]))('%s stays inside one comment line', (_label, name) => {
    const lines = pyComment(`Column ${name} is dropped.`);
    for (const l of lines) {
      expect(l.startsWith('# ')).toBe(true);
      expect(l).not.toMatch(DANGEROUS);
    }
    expect(pyCommentText(name)).not.toMatch(DANGEROUS);
  });

  it('wraps long text at spaces', () => {
    const lines = pyComment('word '.repeat(60), { width: 40 });
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(42);
  });
});

describe('markdown', () => {
  it('text renders as its characters: no markup, HTML or links', () => {
    expect(markdownText('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdownText('*a* [b](c) `d` e_f | g ~h~ $x$ \\')).toBe('\\*a\\* \\[b\\](c) \\`d\\` e\\_f \\| g \\~h\\~ \\$x\\$ \\\\');
    // Block markers matter at the start only: a heading, list, rule, numbered item, indented code.
    expect(['# h', '- item', '+ item', '=== ', '12. item', '3) item', '    code', 'a - b. 1.'].map(markdownText)).toEqual([
      '\\# h',
      '\\- item',
      '\\+ item',
      '\\=== ',
      '12\\. item',
      '3\\) item',
      '&#32;&#32;&#32;&#32;code',
      'a - b. 1.',
    ]);
    // The newline is shown as the two characters \n (the backslash itself escaped), never a line break.
    expect(markdownText('a\nb')).toBe('a\\\\nb');
  });

  it('code spans are fenced longer than any backtick run inside', () => {
    expect(markdownCode('"x"')).toBe('`"x"`');
    expect(markdownCode('a `b` c')).toBe('``a `b` c``');
    expect(markdownCode('`x')).toBe('`` `x ``');
  });
});

describe('pyIdentifier', () => {
  it('makes ASCII identifiers from any id, unique and never keywords', () => {
    const taken = new Set<string>();
    expect(pyIdentifier('model', 'rf', taken)).toBe('rf');
    expect(pyIdentifier('model', 'RF', taken)).toBe('rf_2');
    expect(pyIdentifier('model', '1st model', taken)).toBe('model_1st_model');
    expect(pyIdentifier('model', 'a/b#c', taken)).toBe('a_b_c');
    expect(pyIdentifier('model', '"); import os #', taken)).toBe('import_os');
    expect(pyIdentifier('model', 'café', taken)).toBe('caf');
    expect(pyIdentifier('model', '😀', taken)).toBe('model');
    expect(pyIdentifier('model', 'class', taken)).toBe('class_2');
    for (const id of taken) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});
