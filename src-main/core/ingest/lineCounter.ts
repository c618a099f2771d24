const LF = 10;
const CR = 13;

/**
 * Physical line numbers of byte offsets, counted the way {@link CsvTokenizer}
 * counts lines (LF, CRLF and a lone CR each end one), over bytes fed in file
 * order. In UTF-8 and in single-byte encodings a line break is always the
 * byte 0x0A or 0x0D and those bytes are nothing else, so bytes suffice.
 */
export class LineCounter {
  /** Line (1-based) of the next byte to be counted. */
  line = 1;
  /** Absolute offset of the next byte to be counted. */
  offset = 0;
  private afterCR = false;

  /** Counts the line breaks of `bytes`, the next bytes of the file. */
  count(bytes: Uint8Array): void {
    let line = this.line;
    let afterCR = this.afterCR;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === LF) {
        if (!afterCR) line++;
        afterCR = false;
      } else if (b === CR) {
        line++;
        afterCR = true;
      } else {
        afterCR = false;
      }
    }
    this.line = line;
    this.afterCR = afterCR;
    this.offset += bytes.length;
  }
}

/**
 * The line of each offset in `offsets` (sorted ascending), reading chunks
 * from `next` (which returns null at the end) only as far as the last offset.
 */
export function linesOfOffsets(offsets: readonly number[], next: () => Uint8Array | null): number[] {
  const counter = new LineCounter();
  const lines: number[] = [];
  let chunk: Uint8Array | null = null;
  let chunkStart = 0;
  for (const target of offsets) {
    for (;;) {
      if (chunk && target < chunkStart + chunk.length) break;
      if (chunk) counter.count(chunk.subarray(counter.offset - chunkStart));
      chunkStart = counter.offset;
      chunk = next();
      if (!chunk) return [...lines, ...offsets.slice(lines.length).map(() => counter.line)];
    }
    counter.count(chunk.subarray(counter.offset - chunkStart, target - chunkStart));
    lines.push(counter.line);
  }
  return lines;
}

/** The line of `offset` within `bytes`, the start of a file. */
export function lineAt(bytes: Uint8Array, offset: number): number {
  const counter = new LineCounter();
  counter.count(bytes.subarray(0, offset));
  return counter.line;
}
