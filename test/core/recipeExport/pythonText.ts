/** Reading back what the generator writes, for the tests: a decoder of the Python string literals `pyStr` makes. */

/** The value of a double-quoted Python literal as `pyStr` writes them (escapes \\ \" \n \r \t \xNN \uNNNN \UNNNNNNNN). */
export function decodePyStr(literal: string): string {
  if (!literal.startsWith('"') || !literal.endsWith('"') || literal.length < 2) throw new Error(`not a literal: ${literal}`);
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"' || ch === '\n' || ch === '\r') throw new Error(`unescaped ${JSON.stringify(ch)} at ${i} in ${literal}`);
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const e = body[++i];
    const hex = (n: number) => {
      const h = body.slice(i + 1, i + 1 + n);
      if (!/^[0-9a-f]+$/i.test(h) || h.length !== n) throw new Error(`bad escape in ${literal}`);
      i += n;
      const cp = parseInt(h, 16);
      // A lone surrogate stays one UTF-16 unit, as Python keeps it one code point.
      return cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    };
    if (e === '\\' || e === '"') out += e;
    else if (e === 'n') out += '\n';
    else if (e === 'r') out += '\r';
    else if (e === 't') out += '\t';
    else if (e === 'x') out += hex(2);
    else if (e === 'u') out += hex(4);
    else if (e === 'U') out += hex(8);
    else throw new Error(`unknown escape \\${e} in ${literal}`);
  }
  return out;
}

/** Names a recipe could hold that must never become code, end a line or hide text. */
export const HOSTILE_NAMES = [
  'a"b',
  "it's",
  'back\\slash',
  'new\nline',
  'carriage\rreturn',
  'tab\there',
  '"""',
  "'''",
  'line\u2028separator',
  '\u202eright-to-left override',
  'zero\u200bwidth',
  'nul\u0000byte',
  'café ☕',
  '😀 emoji',
  '{braces} and %(percent)s',
  '#not a comment',
  '"); import os; os.system("touch PWNED"); ("',
  '\\x41 not an escape',
  '<script>alert(1)</script>',
  '`backticks` and *stars* [link](javascript:alert(1))',
  'lone \ud800 surrogate',
];
