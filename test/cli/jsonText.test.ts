import { describe, expect, it } from 'vitest';
import { firstJsonError, jsonErrorLocation, jsonErrorReason, withoutBom } from '../../src-main/core/data/jsonSyntax';
import { toJsonText } from '../../src-main/cli/jsonText';

/** JSON.parse's error for `text` (which must be broken). */
function parseError(text: string): Error {
  try {
    JSON.parse(text);
  } catch (e) {
    return e as Error;
  }
  throw new Error(`parsed: ${text}`);
}

/** Where the error is placed, as "line:column". */
const at = (text: string) => {
  const l = jsonErrorLocation(text, parseError(withoutBom(text)));
  return l && `${l.line}:${l.column}`;
};

describe('jsonErrorLocation: a line and column for every syntax error', () => {
  // Each document with where its first error is (the offending character, or just past the end), counted by hand.
  const broken: [string, string][] = [
    ['{"models": [1,\n ]\n}', '2:2'], // trailing comma in an array: V8 gives no position
    ['[1,]', '1:4'],
    ['{"a":1,}', '1:8'],
    ['{"a":1,\n  "b":2,\n}', '3:1'],
    ['{"a" 1}', '1:6'],
    ['[1 2]', '1:4'],
    ['{"a":tru}', '1:9'], // a literal cut short: no position
    ['{"a":\n  nul\n}', '2:6'], // the line break where the last l should be
    ['{"a":1,"b"}', '1:11'], // a key without a value: no position
    ['[1,,2]', '1:4'], // no position
    ['[NaN]', '1:2'], // no position
    ['[.5]', '1:2'], // no position
    ['[+1]', '1:2'], // no position
    ['{\n  "x": [\n    1,\n    -\n  ]\n}', '4:6'],
    ['[01]', '1:3'],
    ['[1.]', '1:4'],
    ['[1e]', '1:4'],
    ['[1e+]', '1:5'],
    ['"abc', '1:5'],
    ['"a\\x"', '1:4'],
    ['["\\u12G4"]', '1:7'],
    ['"a\u0001b"', '1:3'],
    ['{,}', '1:2'],
    ['{1:2}', '1:2'],
    ['{"a":1}x', '1:8'],
    ['[1]]', '1:4'],
    ['{"a":[1,2}', '1:10'],
    ['{"a":1 "b":2}', '1:8'],
    ['[true false]', '1:7'],
    ['nul', '1:4'],
    ['[', '1:2'],
    ['{"a":', '1:6'],
    ['{"a":"\n"}', '1:7'], // a raw line break inside a string
    ['', '1:1'],
    ['  \n ', '2:2'],
    ['\uFEFF[1,]', '1:4'], // a byte-order mark is not a column
    ['\uFEFF{"a":\n  [1,\n  ]}', '3:3'],
  ];

  it.each(broken)('%j at %s', (text, where) => {
    expect(at(text)).toBe(where);
  });

  it('the scanner finds the position V8 reports wherever V8 reports one', () => {
    for (const [text] of broken) {
      const m = /position (\d+)/.exec(parseError(withoutBom(text)).message);
      if (m) expect([text, firstJsonError(withoutBom(text))]).toEqual([text, Number(m[1])]);
    }
  });

  it('the scanner passes valid JSON', () => {
    const valid = ['{}', '[]', ' 0 ', '-0.5e-7', '"\\u00e9\\n\\"\\\\\\/"', '{"a":[1,{"b":null}],"c":true,"d":false}', '[[[[]]]]', '1E+2', '"é 😀"'];
    for (const text of valid) expect([text, firstJsonError(text)]).toEqual([text, null]);
  });

  it('null only when the text parses after all', () => {
    expect(jsonErrorLocation('{"a": 1}', new Error('Unexpected token'))).toBeNull();
  });
});

describe('jsonErrorReason', () => {
  it("keeps V8's reason, not its copy of the text nor the position", () => {
    expect(jsonErrorReason(parseError('{"models": [1,\n ]\n}'))).toBe("Unexpected token ']'");
    expect(jsonErrorReason(parseError(`{"models": [${'1, '.repeat(40)}]}`))).toBe("Unexpected token ']'");
    expect(jsonErrorReason(parseError('[1 2]'))).toBe("Expected ',' or ']' after array element");
  });
});

describe('toJsonText', () => {
  const doc = { t: Infinity, low: -Infinity, nan: NaN, folds: new Float64Array([0.5, NaN]), ok: 1 };

  it('writes non-finite numbers as null by default', () => {
    expect(JSON.parse(toJsonText(doc))).toEqual({ t: null, low: null, nan: null, folds: [0.5, null], ok: 1 });
  });

  it("or as the strings JSON lacks numbers for, where null means something else", () => {
    expect(JSON.parse(toJsonText(doc, 2, { nonFinite: 'string' }))).toEqual({ t: 'Infinity', low: '-Infinity', nan: 'NaN', folds: [0.5, 'NaN'], ok: 1 });
  });
});
