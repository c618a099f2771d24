/**
 * The text cells of one column chunk as one BLOB that decodes with one
 * TextDecoder call per run: a dictionary of the chunk's distinct texts
 * (UTF-8) and a code per row. A categorical column's chunk is a few values
 * and one byte per row; a free-text column's is each text once, as in JSON
 * but without quotes or escapes. Decoding slices the decoded run, and cells
 * with the same text share one string; on the generated data it takes
 * 0.3–0.7× JSON.parse's time.
 *
 * The ASCII values come first and decode as one run, the others as a
 * second: V8 keeps a Latin-1 string at one byte a character, and one
 * non-Latin-1 character anywhere in a decoded run would double the memory of
 * every text sliced from it.
 *
 * Layout, little-endian, every array aligned to its element size:
 *
 *   u32 codeBytes (1, 2 or 4)   u32 values (m)
 *   u32 asciiValues (a)         u32 asciiBytes (UTF-8 bytes of values 0 … a − 1)
 *   i32 ends[m]                 end of value k in UTF-16 code units of its run
 *   codes[rows] (u8/u16/u32)    0 = not text (a number or missing), k + 1 = value k
 *   UTF-8 of value 0, value 1, … value m − 1
 *
 * Texts hold no lone surrogates (they come from decoded bytes or from
 * SQLite, both well-formed UTF-8), so the UTF-8 run decodes to exactly the
 * texts encoded; the decoder checks the lengths and fails loudly otherwise.
 */

/**
 * Distinct texts looked up per chunk: beyond this many, or once most texts
 * seen are new, a chunk is free text, where looking up every cell costs more
 * than the repeats it saves; later texts are stored as they come.
 */
const DICTIONARY_LIMIT = 4096;
const FREE_TEXT_SAMPLE = 1024;

const HEADER_BYTES = 16;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Encodes `texts[0..rows)` (null = not text); null when no cell is text. */
export function encodeChunkTexts(texts: readonly (string | null)[], rows: number): Uint8Array | null {
  const codes = new Uint32Array(rows);
  const values: string[] = [];
  const index = new Map<string, number>();
  let dedupe = true;
  let seen = 0;
  let chars = 0;
  for (let i = 0; i < rows; i++) {
    const t = texts[i];
    if (t === null || t === undefined) continue;
    seen++;
    let k = dedupe ? index.get(t) : undefined;
    if (k === undefined) {
      k = values.length;
      values.push(t);
      chars += t.length;
      if (dedupe) {
        index.set(t, k);
        if (index.size >= DICTIONARY_LIMIT || (seen >= FREE_TEXT_SAMPLE && index.size * 2 > seen)) dedupe = false;
      }
    }
    codes[i] = k + 1;
  }
  const m = values.length;
  if (m === 0) return null;
  // Each value written once, straight to UTF-8 (joining them first costs twice the time);
  // the few that are not ASCII move to a second run.
  const ascii = Buffer.allocUnsafe(chars * 3);
  let asciiBytes = 0;
  const order: number[] = [];
  const wide: number[] = [];
  const wideBytes: Buffer[] = [];
  for (let k = 0; k < m; k++) {
    const v = values[k];
    const written = ascii.write(v, asciiBytes, 'utf8');
    if (written === v.length) {
      order.push(k);
      asciiBytes += written;
    } else {
      wide.push(k);
      wideBytes.push(Buffer.from(ascii.subarray(asciiBytes, asciiBytes + written)));
    }
  }
  const asciiValues = order.length;
  order.push(...wide);
  const renumber = new Uint32Array(m);
  for (let k = 0; k < m; k++) renumber[order[k]] = k;
  const codeBytes = m < 0xff ? 1 : m < 0xffff ? 2 : 4;
  const codesAt = HEADER_BYTES + 4 * m;
  const textAt = codesAt + align4(rows * codeBytes);
  const out = new Uint8Array(textAt + asciiBytes + wideBytes.reduce((sum, b) => sum + b.length, 0));
  const head = new Uint32Array(out.buffer, 0, 4);
  head[0] = codeBytes;
  head[1] = m;
  head[2] = asciiValues;
  head[3] = asciiBytes;
  const ends = new Int32Array(out.buffer, HEADER_BYTES, m);
  let end = 0;
  for (let k = 0; k < m; k++) {
    if (k === asciiValues) end = 0;
    ends[k] = end += values[order[k]].length;
  }
  const codeView = codeBytes === 1 ? new Uint8Array(out.buffer, codesAt, rows) : codeBytes === 2 ? new Uint16Array(out.buffer, codesAt, rows) : new Uint32Array(out.buffer, codesAt, rows);
  for (let i = 0; i < rows; i++) if (codes[i] !== 0) codeView[i] = renumber[codes[i] - 1] + 1;
  out.set(ascii.subarray(0, asciiBytes), textAt);
  let at = textAt + asciiBytes;
  for (const b of wideBytes) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/** The texts of a chunk of `rows` rows (null where a cell is not text), from {@link encodeChunkTexts}'s BLOB. */
export function decodeChunkTexts(blob: Uint8Array, rows: number, where: string): (string | null)[] {
  const bad = (why: string) => new Error(`The text cells of ${where} are damaged: ${why}.`);
  const bytes = blob.byteOffset % 4 === 0 ? blob : blob.slice();
  if (bytes.length < HEADER_BYTES) throw bad(`${bytes.length} bytes is shorter than the header`);
  const [codeBytes, m, asciiValues, asciiBytes] = new Uint32Array(bytes.buffer, bytes.byteOffset, 4);
  if (codeBytes !== 1 && codeBytes !== 2 && codeBytes !== 4) throw bad(`codes of ${codeBytes} bytes`);
  const codesAt = HEADER_BYTES + 4 * m;
  const textAt = codesAt + align4(rows * codeBytes);
  if (textAt + asciiBytes > bytes.length || asciiValues > m) throw bad(`${bytes.length} bytes cannot hold ${m} values and ${rows} codes`);
  const ends = new Int32Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, m);
  const at = bytes.byteOffset + codesAt;
  const codes = codeBytes === 1 ? new Uint8Array(bytes.buffer, at, rows) : codeBytes === 2 ? new Uint16Array(bytes.buffer, at, rows) : new Uint32Array(bytes.buffer, at, rows);
  const values = new Array<string>(m);
  const slice = (run: string, from: number, to: number) => {
    const length = to > from ? ends[to - 1] : 0;
    if (length !== run.length) throw bad(`values ${from} to ${to - 1} are ${run.length} characters long, not ${length}`);
    let start = 0;
    for (let k = from; k < to; k++) {
      const end = ends[k];
      if (end < start) throw bad(`value ${k} ends before it starts`);
      values[k] = run.slice(start, end);
      start = end;
    }
  };
  slice(utf8(bytes.subarray(textAt, textAt + asciiBytes), bad), 0, asciiValues);
  slice(utf8(bytes.subarray(textAt + asciiBytes), bad), asciiValues, m);
  const out = new Array<string | null>(rows);
  for (let i = 0; i < rows; i++) {
    const c = codes[i];
    if (c === 0) out[i] = null;
    else if (c <= m) out[i] = values[c - 1];
    else throw bad(`row ${i} refers to value ${c - 1} of ${m}`);
  }
  return out;
}

function utf8(bytes: Uint8Array, bad: (why: string) => Error): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw bad('the texts are not UTF-8');
  }
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
