export type Delimiter = ',' | '\t' | ';' | '|';

/** Candidates in tie-break order. */
const CANDIDATES: readonly Delimiter[] = [',', '\t', ';', '|'];
const SAMPLE_LINES = 20;

/**
 * Guesses the field delimiter from the start of a file. A `.tsv`/`.tab` name
 * means tab whenever the sample contains one. Otherwise the winner is the
 * candidate that occurs (outside double quotes) the same non-zero number of
 * times on the most of the first ~20 records; the header is a record too, so
 * a single-line file still works. Ties go to the earlier of `, \t ; |`.
 */
export function sniffDelimiter(sample: string, fileName?: string): Delimiter {
  const records = sampleRecords(sample);
  if (fileName && /\.(tsv|tab)$/i.test(fileName) && records.some((r) => r[1] > 0)) return '\t';

  let best: Delimiter = ',';
  let bestScore = 0;
  CANDIDATES.forEach((delim, d) => {
    const counts = records.map((r) => r[d]);
    const score = consistency(counts);
    if (score > bestScore) {
      best = delim;
      bestScore = score;
    }
  });
  return best;
}

/** Share of records whose count equals the most common non-zero count (0 when never present). */
function consistency(counts: number[]): number {
  const freq = new Map<number, number>();
  for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
  let mode = 0;
  for (const f of freq.values()) mode = Math.max(mode, f);
  return counts.length === 0 ? 0 : mode / counts.length;
}

/**
 * Per-record counts of each candidate outside quotes, for the first complete
 * records (a quoted field may span lines). The last, possibly cut-off record
 * is used only when there is no complete one. Empty lines are ignored.
 */
function sampleRecords(sample: string): number[][] {
  const records: number[][] = [];
  let counts = [0, 0, 0, 0];
  let inQuotes = false;
  let empty = true;
  for (let i = 0; i < sample.length && records.length < SAMPLE_LINES; i++) {
    const c = sample[i];
    if (c === '"') {
      inQuotes = !inQuotes;
      empty = false;
    } else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (!empty) records.push(counts);
      counts = [0, 0, 0, 0];
      empty = true;
    } else {
      empty = false;
      if (!inQuotes) {
        const d = CANDIDATES.indexOf(c as Delimiter);
        if (d >= 0) counts[d]++;
      }
    }
  }
  if (records.length === 0 && !empty) records.push(counts);
  return records;
}
