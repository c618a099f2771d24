/**
 * What a report weighs as stored JSON, and the message that refuses one past
 * MAX_REPORT_BYTES, naming the slide to remove or shrink first.
 */
import { formatCount } from '../evaluation/format';
import { MAX_REPORT_BYTES, type Report, type Slide } from './schema';

/** UTF-8 bytes of a text, counted without encoding it (a report's JSON can run to tens of megabytes). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** "80 MB", "1.5 MB", "340 KB" (binary units, as the message limit is given). */
export function sizeWords(bytes: number): string {
  const mb = bytes / 2 ** 20;
  if (mb >= 10) return `${Math.round(mb)} MB`;
  if (mb >= 1) return `${mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** What a slide holds, for the message: "a 500×40 table", "a list of 12 bullets". */
function slideWords(slide: Slide): string {
  const b = slide.body;
  switch (b.kind) {
    case 'table':
      return `a ${formatCount(b.table.rows.length)}×${b.table.header.length} table`;
    case 'bullets':
      return `a list of ${b.bullets.length} ${b.bullets.length === 1 ? 'bullet' : 'bullets'}`;
    case 'sections':
      return `a summary of ${b.sections.length} ${b.sections.length === 1 ? 'section' : 'sections'}`;
    case 'title':
      return 'a title slide';
    case 'chart':
      return 'a chart';
  }
}

/**
 * Null when `json` (the report as it would be stored) is within
 * MAX_REPORT_BYTES; else why it cannot be stored: "The report “Q3” would be
 * 80 MB; a report holds at most 16 MB — remove or shrink a slide (the
 * largest is slide 7, “CV results”, a 500×40 table of 12 MB)."
 */
export function reportSizeProblem(report: Report, json: string): string | null {
  const bytes = utf8Bytes(json);
  if (bytes <= MAX_REPORT_BYTES) return null;
  let largest = 0;
  let largestBytes = -1;
  report.slides.forEach((s, i) => {
    const n = utf8Bytes(JSON.stringify(s));
    if (n > largestBytes) [largest, largestBytes] = [i, n];
  });
  const slide = report.slides[largest];
  const which = slide ? ` (the largest is slide ${largest + 1}${slide.title.trim() ? `, “${slide.title.trim().slice(0, 80)}”` : ''}, ${slideWords(slide)} of ${sizeWords(largestBytes)})` : '';
  return `The report “${report.name}” would be ${sizeWords(bytes)}; a report holds at most ${sizeWords(MAX_REPORT_BYTES)} — remove or shrink a slide${which}.`;
}
