import { ApiError } from '../api/errors';

/**
 * Control characters a text file should not hold: C0 controls other than
 * tab, LF and CR (form feed and vertical tab included: a CSV has no use for
 * page breaks), and DEL. They are kept as they are, with a note; a NUL is
 * refused, since text never holds one (it is a binary file, a damaged one, or
 * UTF-16 without its byte-order mark).
 */
// Control characters are what this expression is for.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

export interface ControlCharacter {
  /** Physical line (1-based), counted as the tokenizer counts (LF, CRLF and a lone CR each end one). */
  line: number;
  /** The character's code (U+0000–U+001F, U+007F). */
  code: number;
}

/** Line breaks in `text` before `end`; `afterCR`: the text before `text` ended with a CR (so a leading LF completes that break). */
function lineBreaks(text: string, end: number, afterCR: boolean): number {
  let breaks = 0;
  for (let i = text.indexOf('\r'); i >= 0 && i < end; i = text.indexOf('\r', i + 1)) breaks++;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    const cr = i === 0 ? afterCR : text.charCodeAt(i - 1) === 13;
    if (!cr) breaks++;
  }
  return breaks;
}

/**
 * Checks a file's decoded text, in order, as it streams, for control
 * characters: remembers the first (for the note) and refuses a NUL
 * wherever it is. Cheap on clean text: one regular-expression scan a chunk.
 */
export class ControlCharacterCheck {
  /** The first control character, or null. */
  first: ControlCharacter | null = null;
  private afterCR = false;

  constructor(private readonly file: string) {}

  /** The physical line of `text[index]`, where `text` is the next text of the file (not yet checked) and starts on `line`. */
  lineOf(text: string, index: number, line: number): number {
    return line + lineBreaks(text, index, this.afterCR);
  }

  /** `text`: the next text of the file; `line`: the physical line its first character is on. */
  check(text: string, line: number): void {
    if (this.first === null) {
      const k = text.search(CONTROL);
      if (k >= 0) this.first = { line: line + lineBreaks(text, k, this.afterCR), code: text.charCodeAt(k) };
    }
    if (this.first !== null) {
      const nul = text.indexOf('\0');
      if (nul >= 0) {
        const at = line + lineBreaks(text, nul, this.afterCR);
        throw new ApiError(
          'bad-input',
          `${this.file}, line ${at}: the file holds a NUL character (U+0000), which text never does; it is not a text file, or it is damaged. Nothing was imported.`,
          { file: this.file, line: at },
        );
      }
    }
    if (text.length > 0) this.afterCR = text.charCodeAt(text.length - 1) === 13;
  }
}

/** The note for a file whose first control character is `c`. */
export function controlCharacterNote(file: string, c: ControlCharacter): string {
  const code = `U+${c.code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CONTROL_NAMES[c.code];
  return `${file} contains control characters (the first, ${code}${name ? ` ${name}` : ''}, is on line ${c.line}); they were kept as they are.`;
}

const CONTROL_NAMES: Record<number, string> = { 0x0b: 'vertical tab', 0x0c: 'form feed', 0x1b: 'escape', 0x7f: 'delete' };
