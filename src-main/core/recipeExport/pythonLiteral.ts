/**
 * Python source text for values that come from a recipe. A recipe is
 * untrusted input: its column names, classes, model ids and texts reach the
 * program only as string literals or comment text built here, so nothing in
 * it can become code, end a line, or hide text (bidi controls, zero-width
 * characters) from whoever reads the program.
 */

/**
 * Characters written as escapes: controls, format characters (bidi
 * overrides, zero-width joiners), surrogates, private-use and unassigned code
 * points, and every separator but the plain space.
 */
const UNSAFE = /[\p{C}\p{Z}]/u;

const SHORT_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Python's escape for one code point: \xNN, \uNNNN or \UNNNNNNNN. */
function codePointEscape(cp: number): string {
  if (cp < 0x100) return `\\x${hex(cp, 2)}`;
  if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

function isUnsafe(ch: string): boolean {
  return ch !== ' ' && UNSAFE.test(ch);
}

/** A double-quoted Python `str` literal that evaluates to exactly `s` (lone surrogates included). */
export function pyStr(s: string): string {
  let out = '"';
  // for…of walks code points; a lone surrogate comes out as one unit and is escaped.
  for (const ch of s) {
    const short = SHORT_ESCAPES[ch];
    if (short) out += short;
    else if (isUnsafe(ch)) out += codePointEscape(ch.codePointAt(0)!);
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A JSON number as Python reads the same value: integers beyond 2^53 are
 * written with all their digits (Python's int is exact), and `asFloat`
 * writes a float literal, for a parameter scikit-learn reads differently as
 * an int (`max_samples=1` is one row, `1.0` all of them) or that only takes a
 * float: the shortest form that reads back as the same double (`0.1`,
 * `2.0`, `1e+308`), never the 309 digits of 1e308 as an int.
 */
export function pyNumber(v: number, opts: { asFloat?: boolean } = {}): string {
  if (!Number.isFinite(v)) throw new RangeError(`${v} has no Python literal here`);
  if (Object.is(v, -0)) v = 0;
  if (opts.asFloat) {
    const text = String(v);
    return /^-?\d+$/.test(text) ? `${text}.0` : text;
  }
  return Number.isInteger(v) && !Number.isSafeInteger(v) ? BigInt(v).toString() : String(v);
}

export type PyValue = string | number | boolean | null;

/** A recipe value (parameter, class, seed) as a Python literal. */
export function pyValue(v: PyValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyNumber(v);
  return pyStr(v);
}

/** `["a", "b"]` */
export function pyStrList(values: readonly string[]): string {
  return `[${values.map(pyStr).join(', ')}]`;
}

/**
 * Text safe to follow `#` on one line: the escapes of `pyStr` for anything
 * that could end the comment or hide text, the rest as it is.
 */
export function pyCommentText(s: string): string {
  let out = '';
  for (const ch of s) out += isUnsafe(ch) ? (ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? ' ' : codePointEscape(ch.codePointAt(0)!)) : ch;
  return out;
}

/** Splits `text` into lines of at most `width` characters at spaces (a longer word stays whole). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Comment lines (`# …`) for `text`, wrapped; the text is made safe first. */
export function pyComment(text: string, opts: { indent?: string; width?: number } = {}): string[] {
  const indent = opts.indent ?? '';
  return wrapWords(pyCommentText(text), opts.width ?? 88 - indent.length - 2).map((l) => `${indent}# ${l}`);
}

/** Python's reserved words, which a generated name must never be. */
const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type'.split(' '),
);

/**
 * A Python identifier made from a recipe name (a model id): ASCII letters,
 * digits and `_` only, starting with a letter (`prefix` is put first when the
 * name gives none), never a keyword, unique among `taken` (which it is added
 * to). The recipe text itself never becomes the name.
 */
export function pyIdentifier(prefix: string, name: string, taken: Set<string>): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  const base = /^[a-z]/.test(cleaned) ? cleaned : `${prefix}${cleaned ? `_${cleaned}` : ''}`;
  let id = base;
  for (let i = 2; taken.has(id) || KEYWORDS.has(id); i++) id = `${base}_${i}`;
  taken.add(id);
  return id;
}
