/**
 * JSON syntax errors placed where they are: files that may start with a
 * byte-order mark, and a line and column for every error, also those V8
 * reports without a position. Used by the CLI and by the app's recipe import.
 */

const BOM = '\uFEFF';

/** The text without a leading UTF-8 byte-order mark, which JSON.parse refuses and editors on Windows write. */
export function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(BOM.length) : text;
}

/**
 * The offset of the first syntax error in `text` (its length when the text
 * ends too soon), or null when it is valid JSON: a small scanner of the JSON
 * grammar (RFC 8259), for the errors V8 reports without a position.
 */
export function firstJsonError(text: string): number | null {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const digits = () => {
    const start = i;
    while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
    return i > start;
  };
  // Each reader advances past what it read, or returns false with `i` at the offending character.
  const word = (w: string) => [...w].every((ch) => (text[i] === ch ? (i++, true) : false));
  const string = () => {
    for (i++; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') return (i++, true);
      if (ch < ' ') return false;
      if (ch !== '\\') continue;
      i++;
      if (text[i] === 'u') {
        for (let k = 0; k < 4; k++) if (!/[0-9a-fA-F]/.test(text[++i] ?? '')) return false;
      } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) return false;
    }
    return false;
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (!digits()) return false;
    if (text[i] === '.' && (i++, !digits())) return false;
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digits()) return false;
    }
    return true;
  };
  // Members of an object or array up to `close`, each read by `member`; a trailing comma fails at `close`.
  const members = (close: string, member: () => boolean): boolean => {
    i++;
    space();
    if (text[i] === close) return (i++, true);
    for (;;) {
      if (!member()) return false;
      space();
      if (text[i] === close) return (i++, true);
      if (text[i] !== ',') return false;
      i++;
      space();
    }
  };
  const value = (): boolean => {
    space();
    const ch = text[i];
    if (ch === '{') return members('}', () => text[i] === '"' && string() && (space(), text[i] === ':') && (i++, value()));
    if (ch === '[') return members(']', value);
    if (ch === '"') return string();
    if (ch === 't') return word('true');
    if (ch === 'f') return word('false');
    if (ch === 'n') return word('null');
    if (ch === '-' || (ch >= '0' && ch <= '9')) return number();
    return false;
  };
  const ok = value() && (space(), i === text.length);
  return ok ? null : Math.min(i, text.length);
}

/**
 * Where JSON.parse failed, as a 1-based line and column of `text` (read as
 * the CLI parses it, without a byte-order mark): V8's "position N" when the
 * message has one, else the first error the scanner finds. Null only when
 * the text is valid JSON after all.
 */
export function jsonErrorLocation(text: string, error: Error): { line: number; column: number } | null {
  const json = withoutBom(text);
  const m = /position (\d+)/.exec(error.message);
  let pos: number | null;
  try {
    pos = m ? Number(m[1]) : firstJsonError(json);
  } catch {
    // Nesting deeper than the stack (the scanner recurses): there is no place to name.
    return null;
  }
  if (pos === null) return null;
  const before = json.slice(0, pos).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** V8's reason without its position and without the copy of the text it quotes ("Unexpected token ']', "{…" is not valid JSON"). */
export function jsonErrorReason(error: Error): string {
  return error.message
    .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '');
}
