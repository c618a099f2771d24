/**
 * Text as well-formed UTF-16: each lone surrogate (half of a pair, from a
 * paste cut mid-character or a file read in the wrong encoding) becomes
 * U+FFFD, the replacement character, as `String.prototype.toWellFormed`
 * does and as the importers read them. A lone surrogate has no UTF-8 form:
 * SQLite would store bytes that are not UTF-8, and the deck's XML would not
 * parse.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}
