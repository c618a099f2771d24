import * as echarts from 'echarts';

/**
 * Paragraphs broken into lines for the pictures of text slides, by the
 * widths ECharts itself lays text out with (without a canvas, as in Node,
 * its table of per-character widths), so that the lines drawn are the lines
 * counted: no paragraph is given room for a line it does not fill, and no
 * line starts with the space it was broken at.
 */

/** Widths are measured at this size and scaled: ECharts' table is proportional to the font size. */
const REFERENCE_PX = 100;
const charWidths = new Map<string, number>();

function charWidth(ch: string): number {
  let w = charWidths.get(ch);
  if (w === undefined) {
    w = echarts.format.getTextRect(ch, `${REFERENCE_PX}px sans-serif`).width / REFERENCE_PX;
    charWidths.set(ch, w);
  }
  return w;
}

/** How wide `text` is drawn at `px` pixels. */
export function textWidth(text: string, px: number): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w * px;
}

/** The longest start of `chars` that fits `width` (at least one character, so every word makes progress). */
function fittingStart(chars: string[], px: number, width: number): number {
  let w = 0;
  let n = 0;
  while (n < chars.length && w + charWidth(chars[n]) * px <= width) w += charWidth(chars[n++]) * px;
  return Math.max(1, n);
}

/**
 * `text` in lines at most `width` px wide at `px`: broken between words
 * (the spaces there dropped, the spaces between words on one line kept as
 * they are), a word wider than a line broken inside it, and every newline
 * kept as a break.
 */
export function wrapLines(text: string, px: number, width: number): string[] {
  const out: string[] = [];
  for (const hard of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    /** The spaces after the last word of the line: drawn only if another word follows on it. */
    let gap = '';
    for (const [, word, spaces] of hard.matchAll(/(\S+)( *)/g)) {
      const w = textWidth(word, px);
      const g = textWidth(gap, px);
      if (line !== '' && lineWidth + g + w <= width) {
        line += gap + word;
        lineWidth += g + w;
      } else {
        if (line !== '') out.push(line);
        let chars = [...word];
        while (chars.length > 1 && textWidth(chars.join(''), px) > width) {
          const n = fittingStart(chars, px, width);
          out.push(chars.slice(0, n).join(''));
          chars = chars.slice(n);
        }
        line = chars.join('');
        lineWidth = textWidth(line, px);
      }
      gap = spaces;
    }
    out.push(line);
  }
  return out;
}
