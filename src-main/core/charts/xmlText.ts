/**
 * Text as XML 1.0 can carry it, for every string that goes into an SVG or a
 * deck's XML: chart titles, axis names, category and series names, table
 * cells, slide texts. Category names come from imported files, so anything
 * can be in them.
 *
 * XML 1.0 forbids C0 controls other than tab, newline and carriage return,
 * even written as `&#1;`, and an unpaired surrogate has no UTF-8 form:
 * resvg refuses such an SVG ("SVG data parsing failed") and PowerPoint
 * offers to repair such a deck. C1 controls (U+007F–U+009F) and U+FFFE/U+FFFF
 * are legal XML but no text: they are read as a stray byte of a wrongly
 * decoded file. Each such character becomes U+FFFD, one for one, rather
 * than being dropped, so that two names differing only there stay apart and
 * no digits run together ("1\u00002" reads "1\ufffd2", never "12"). A
 * carriage return (alone or before a newline) becomes the newline it means.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSAFE_ONE = new RegExp(UNSAFE.source);

/** U+FFFD, the replacement character. */
export const REPLACEMENT = '\ufffd';

/** The text with every character XML cannot carry (or that is no text) replaced by U+FFFD, and CR LF / CR as LF. */
export function xmlText(text: string): string {
  const lines = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return UNSAFE_ONE.test(lines) ? lines.replace(UNSAFE, REPLACEMENT) : lines;
}

/** True when `xmlText` would change nothing. */
export function isXmlText(text: string): boolean {
  return !text.includes('\r') && !UNSAFE_ONE.test(text);
}

/**
 * At most `max` UTF-16 units, ending in "…" when something was cut, and
 * never cut between the two halves of a surrogate pair (an emoji cut in
 * half is an unpaired surrogate, which XML cannot carry).
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}
