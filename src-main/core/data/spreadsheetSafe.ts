/**
 * Tab- and comma-separated text that a spreadsheet reads as data, never as a
 * formula. Excel, LibreOffice and Google Sheets evaluate a cell that starts
 * with `=`, `+`, `-` or `@`, and skip a leading tab or carriage return to
 * find one, so a run title, a tag or a feature name such as
 * `=HYPERLINK("http://…")` would run when the analyst opens the file or
 * pastes the copy. As OWASP advises ("CSV injection"), such a text cell gets
 * a leading `'`, which spreadsheets take as "this is text".
 *
 * A text that is a plain decimal number (`-1`, `+15551234`, `-1e5`, `.5`) is
 * not a formula in any spreadsheet — they read it as that number — so it is
 * written as it is: a class named "-1" stays `-1`, not `'-1`. Only the
 * number grammar itself qualifies; `-1+2`, `-Infinity`, `-0x1F` or a lone
 * `-` are formulas or text to a spreadsheet and get the prefix.
 *
 * A writer knows a number by its type: the table builders pass numbers as
 * numbers, written with every digit (−0.25 as `-0.25`, which a spreadsheet
 * reads back as the number). A non-finite number is written as its name
 * (`NaN`, `Infinity`, `-Infinity`, as the table copies have always shown a
 * failed fit's NaN), which no spreadsheet reads as a number: that name is
 * text, and `-Infinity` gets the prefix like any text starting with `-`.
 */

/** A table cell: a number, text, or nothing. */
export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
/** A decimal number literal, sign and exponent allowed: what every spreadsheet reads as a number. */
const DECIMAL_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Whether a spreadsheet would read this text as the start of a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !DECIMAL_NUMBER.test(text);
}

/** The text with a leading `'` when a spreadsheet would otherwise evaluate it. */
export function neutralise(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

// String(number) is the shortest text that reads back as the same double: full precision.
const numberText = (n: number) => (Number.isFinite(n) ? String(n) : neutralise(String(n)));

/** A cell of a tab-separated line; tabs and line breaks inside text become spaces (after the rule, so a leading tab still counts). */
export function tsvField(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'number') return numberText(c);
  return neutralise(c).replace(/[\t\r\n]+/g, ' ');
}

/** A cell of a CSV line (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. */
export function csvField(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'number') return numberText(c);
  const text = neutralise(c);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Tab-separated lines, one per row, ending in a newline (Excel, Sheets and PowerPoint paste TSV as a table). */
export function toTsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(tsvField).join('\t')).join('\n') + '\n';
}

/** CSV with cells quoted as RFC 4180 quotes them, one line per row ending in a newline (as pandas' to_csv writes). */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}
