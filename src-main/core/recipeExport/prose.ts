/**
 * The explanations of a program's sections, written once and shown two ways:
 * as markdown cells in a notebook and as comments in a script. Assay's own
 * words are written as they are (markdown allowed); anything from the recipe
 * is either a code piece (a Python literal built by `pythonLiteral`), shown
 * as a code span, or plain text escaped character by character, so a column
 * name or a recipe's description can neither format nor inject markup.
 */
import { pyCommentText, wrapWords } from './pythonLiteral';

export type ProsePiece = string | { code: string } | { text: string };
/** One paragraph. */
export type Prose = ProsePiece[];

/** A code piece: a Python literal or snippet, shown verbatim (a code span in markdown). */
export const code = (c: string): ProsePiece => ({ code: c });

/** Words from outside Assay (a recipe's name or description), escaped wherever they are shown. */
export const text = (t: string): ProsePiece => ({ text: t });

/**
 * A paragraph from a template: the literal parts and interpolated strings are
 * Assay's own words; `code(…)` and `text(…)` pieces keep their kind.
 */
export function prose(strings: TemplateStringsArray, ...values: (string | number | ProsePiece)[]): Prose {
  const out: Prose = [];
  strings.forEach((s, i) => {
    if (s) out.push(s);
    if (i < values.length) {
      const v = values[i];
      out.push(typeof v === 'number' ? String(v) : v);
    }
  });
  return out;
}

/** Plain words from outside Assay (a recipe's name or description) as one paragraph of text. */
export function plainText(t: string): Prose {
  return [text(t)];
}

/** Characters that start markup anywhere in a line: emphasis, code, links, HTML, tables, strikethrough, math. */
const MARKDOWN_INLINE = /[\\`*_[\]<>&|~$]/g;
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * Markdown text that renders as exactly these characters (no emphasis, links,
 * HTML or math). The text is one line (line breaks are shown as \n), so only
 * its start could open a block: a heading, list, quote or rule marker there
 * is escaped too, and leading spaces (an indented code block) are entities.
 */
export function markdownText(s: string): string {
  const inline = pyCommentText(s).replace(MARKDOWN_INLINE, (ch) => ENTITIES[ch] ?? `\\${ch}`);
  return inline
    .replace(/^ +/, (spaces) => '&#32;'.repeat(spaces.length))
    .replace(/^[#+\-=]/, (ch) => `\\${ch}`)
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A markdown code span holding `s` verbatim: the fence is longer than any run of backticks inside. */
export function markdownCode(s: string): string {
  const safe = pyCommentText(s);
  const longest = Math.max(0, ...(safe.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = safe.startsWith('`') || safe.endsWith('`') || safe.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}

export function proseMarkdown(p: Prose): string {
  return p.map((piece) => (typeof piece === 'string' ? piece : 'code' in piece ? markdownCode(piece.code) : markdownText(piece.text))).join('');
}

/** The paragraph as `# ` comment lines, wrapped at `width` characters. */
export function proseComment(p: Prose, width = 86): string[] {
  const text = p.map((piece) => (typeof piece === 'string' ? piece : 'code' in piece ? piece.code : piece.text)).join('');
  return wrapWords(pyCommentText(text), width).map((l) => `# ${l}`);
}
