/**
 * Scores a CSV/TSV file in constant memory: the file streams through the
 * import's own reader (byte-order mark, encoding, delimiter, quoting, header
 * names as pandas makes them, blank lines skipped) in chunks of rows; each
 * chunk is typed as the model's training columns were, scored and written
 * to the output. The columns are checked on the first chunk, before anything
 * is written.
 *
 * `row` is the 1-based data row as pandas numbers it: the header is not a
 * row, blank lines (empty or only spaces and tabs) are not rows, and a
 * quoted field's line breaks keep its record one row.
 *
 * A cell that does not read as its column's kind gives its row a note, in
 * whichever chunk it is; a column is refused up front only when none of its
 * values in the first chunk reads as that kind (then it is not that kind at
 * all). A line with more or fewer fields than the header gets a note saying
 * so. With `keepColumns` the input cells are kept as the file's exact text.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError, cancelledError } from '../../core/api/errors';
import type { Progress } from '../../core/api/contract';
import { csvField, type Cell } from '../../core/data/spreadsheetSafe';
import { DelimitedRecords } from '../../core/ingest/delimitedRecords';
import { detectBom, sniffText } from '../../core/ingest/encoding';
import { dedupeHeader } from '../../core/ingest/header';
import { isMissing } from '../../core/ingest/missing';
import { parseNumberLikePandas } from '../../core/ingest/parseNumber';
import type { LoadedModel } from '../../core/modelFile/readModelFile';
import { makeFrame, type FrameColumn } from '../../core/recipe/frame';
import { checkColumns, columnCheckMessage, type ColumnCheck } from '../../core/scoring/columnCheck';
import type { RawColumn } from '../../core/scoring/fittedSteps';
import { LabelTally, type LabelEvaluation } from '../../core/scoring/labelTally';
import { predictionHeader, predictionRow } from '../../core/scoring/predictionTable';
import { scoreRows } from '../../core/scoring/scoreRows';
import { scoringThreshold } from '../../core/scoring/threshold';
import type { ColumnKind } from '../../core/data/columns';
import { snapshotFile, unreadableSourceError } from '../ingest/sourceFile';

/** Where the predictions go, a piece of CSV text at a time (nothing is written before the column check passes). */
export interface TextSink {
  write(text: string): Promise<void>;
}

export interface CsvScoreOptions {
  model: LoadedModel;
  input: string;
  /** The input's name in messages. */
  display?: string;
  output: TextSink;
  threshold?: number;
  keepColumns?: boolean;
  /** Rows per chunk (tests pass small ones). */
  chunkRows?: number;
  signal?: AbortSignal;
  onProgress?(p: Progress): void;
}

export interface CsvScoreResult {
  rows: number;
  scored: number;
  /** Rows with a note (not scored). */
  notes: number;
  /** Scored rows whose note says what they were scored with (a category not seen in training). */
  scoredWithNote: number;
  /** null for a model of more than two classes (the most probable class is predicted). */
  threshold: number | null;
  check: ColumnCheck;
  /** When the input has the target column. */
  evaluation: LabelEvaluation | null;
}

const BOOLEAN_TRUE = new Set(['True', 'TRUE', 'true']);
const BOOLEAN_FALSE = new Set(['False', 'FALSE', 'false']);
const READ_BYTES = 1 << 20;

type Group = 'number' | 'boolean' | 'text';

function groupOf(kind: ColumnKind): Group {
  return kind === 'integer' || kind === 'float' ? 'number' : kind === 'boolean' ? 'boolean' : 'text';
}

interface Record_ {
  fields: string[];
  line: number;
}

function readHead(path: string, display: string): Uint8Array {
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(65536);
      return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw unreadableSourceError(e, display) ?? e;
  }
}

/** A cell as read for a column the model wants as `group`; `bad` is set when the text is not of that kind. */
function convert(raw: string | undefined, group: Group): { value: number | string | null; bad: boolean } {
  if (raw === undefined || isMissing(raw)) return { value: group === 'text' ? null : NaN, bad: false };
  if (group === 'text') return { value: raw, bad: false };
  if (group === 'boolean') {
    if (BOOLEAN_TRUE.has(raw)) return { value: 1, bad: false };
    if (BOOLEAN_FALSE.has(raw)) return { value: 0, bad: false };
    return { value: NaN, bad: true };
  }
  const n = parseNumberLikePandas(raw);
  return n === null ? { value: NaN, bad: true } : { value: n, bad: false };
}

/** A kept input cell: the file's own text (a field a short line lacks is empty). */
function keptCell(raw: string | undefined): Cell {
  return raw ?? null;
}

/**
 * A label as the run read its target: the text, or for a numeric target the
 * number's text (a run on a 0/1 target has the classes "0" and "1", which a
 * file may write as "1.0").
 */
function labelOf(raw: string | undefined, classes: readonly string[]): string | null {
  if (raw === undefined || isMissing(raw)) return null;
  if (classes.includes(raw)) return raw;
  const n = parseNumberLikePandas(raw);
  return n === null ? raw : String(n);
}

/** The kind words of a column the model reads as `group`, for notes and the rule. */
const KIND_WORDS: Record<Exclude<Group, 'text'>, string> = { number: 'a number', boolean: 'true or false' };

/**
 * What the first chunk shows each needed column to hold, for the column
 * check: a column is of the wrong kind only when it has values there and
 * none of them reads as the kind the model needs. `examples` holds a value
 * of each such column.
 */
function observedKinds(header: string[], needed: readonly RawColumn[], rows: Record_[]): { kinds: { name: string; kind: ColumnKind }[]; examples: Map<string, string> } {
  const examples = new Map<string, string>();
  const expected = new Map(needed.map((c) => [c.name, c.kind]));
  const kinds = header.map((name, j) => {
    const want = expected.get(name);
    if (!want || groupOf(want) === 'text') return { name, kind: want ?? ('text' as ColumnKind) };
    let firstBad: string | null = null;
    for (const r of rows) {
      const raw = r.fields[j];
      if (raw === undefined || isMissing(raw)) continue;
      if (!convert(raw, groupOf(want)).bad) return { name, kind: want };
      firstBad ??= raw;
    }
    if (firstBad === null) return { name, kind: want };
    examples.set(name, firstBad);
    return { name, kind: (parseNumberLikePandas(firstBad) !== null ? 'float' : 'text') as ColumnKind };
  });
  return { kinds, examples };
}

/** Scores `input` into `output` (see the module comment). */
export async function scoreCsvFile(o: CsvScoreOptions): Promise<CsvScoreResult> {
  const display = o.display ?? basename(o.input);
  const model = o.model;
  const threshold = scoringThreshold(model, o.threshold);
  const snapshot = snapshotFile(o.input, display);
  const head = readHead(o.input, display);
  const bom = detectBom(head);
  if (!bom && sniffText(head).binary) {
    throw new ApiError('bad-input', `${display} is not a text file; assay score reads CSV and TSV files.`, { file: display });
  }
  const needed = model.file.preparation.columns;
  const target = model.file.target.column;
  const classes = model.classes;
  const chunkRows = o.chunkRows ?? 10_000;

  let header: string[] | null = null;
  let width = 0;
  const pending: Record_[] = [];
  let dataRows = 0;
  let scored = 0;
  let noted = 0;
  let scoredWithNote = 0;
  let check: ColumnCheck | null = null;
  let tally: LabelTally | null = null;
  let neededAt: number[] = [];
  let targetAt = -1;

  const records = new DelimitedRecords({
    encoding: bom?.encoding ?? 'utf-8',
    skip: bom?.bomLength ?? 0,
    file: display,
    total: snapshot.size,
    onRecord: (fields, line) => {
      if (header === null) {
        header = dedupeHeader(fields.slice());
        width = header.length;
        return;
      }
      pending.push({ fields: fields.slice(), line });
    },
  });

  /** The column check, on the rows read before scoring starts; then the output's header. */
  const start = async (h: string[], rows: Record_[]) => {
    const seen = observedKinds(h, needed, rows);
    check = checkColumns(needed, seen.kinds, target, seen.examples);
    if (!check.ok) {
      const rule =
        seen.examples.size > 0
          ? `\n  (A column is refused as the wrong kind only when none of its values in the rows read before scoring starts — here the first ${rows.length} — is of the kind the model needs; a single value that is not gets a note on its row.)`
          : '';
      throw new ApiError('bad-input', columnCheckMessage(check, display) + rule, { file: display });
    }
    neededAt = needed.map((c) => h.indexOf(c.name));
    targetAt = h.indexOf(target);
    if (targetAt >= 0) tally = new LabelTally(classes);
    await o.output.write(predictionHeader(classes, o.keepColumns ? h : []).map(csvField).join(',') + '\n');
  };

  /** Scores and writes the next `count` pending rows (all of them by default). */
  const flush = async (count = pending.length) => {
    if (count === 0) return;
    const rows = pending.splice(0, count);
    if (!check) await start(header!, rows);
    const n = rows.length;
    const known: (string | null)[] = new Array<string | null>(n).fill(null);
    rows.forEach((r, i) => {
      if (r.fields.length !== width) known[i] = `line ${r.line} has ${r.fields.length} field${r.fields.length === 1 ? '' : 's'}, the header has ${width}`;
    });
    const entries: [string, FrameColumn][] = needed.map((c, k) => {
      const j = neededAt[k];
      const group = groupOf(c.kind);
      if (group === 'text') {
        const values = rows.map((r) => convert(r.fields[j], 'text').value as string | null);
        return [c.name, { type: 'string', values, kind: c.kind }];
      }
      const values = new Float64Array(n);
      rows.forEach((r, i) => {
        const { value, bad } = convert(r.fields[j], group);
        values[i] = value as number;
        if (bad && known[i] === null) known[i] = `${c.name} holds ${JSON.stringify(r.fields[j])}, not ${KIND_WORDS[group]}`;
      });
      return [c.name, { type: 'number', values, kind: c.kind }];
    });
    const result = scoreRows(model, makeFrame(n, entries), threshold, known);
    if (tally) tally.add(rows.map((r) => labelOf(r.fields[targetAt], classes)), result.predicted);
    let text = '';
    for (let i = 0; i < n; i++) {
      const kept = o.keepColumns ? Array.from({ length: width }, (_, j) => keptCell(rows[i].fields[j])) : [];
      text += predictionRow(result, i, dataRows + i + 1, classes, kept).map(csvField).join(',') + '\n';
      if (result.predicted[i] < 0) noted++;
      else {
        scored++;
        if (result.notes[i] !== null) scoredWithNote++;
      }
    }
    await o.output.write(text);
    dataRows += n;
  };

  const stream = createReadStream(o.input, { highWaterMark: READ_BYTES });
  let done = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (o.signal?.aborted) throw cancelledError(`Scoring ${display}`);
      records.push(chunk);
      done += chunk.length;
      while (pending.length >= chunkRows) await flush(chunkRows);
      o.onProgress?.({ done, total: snapshot.size, unit: 'bytes', message: `Scoring ${display}` });
    }
    records.end();
  } catch (e) {
    throw unreadableSourceError(e, display) ?? e;
  } finally {
    stream.destroy();
  }
  if (header === null) throw new ApiError('bad-input', `${display} has no header row: it contains only blank lines.`, { file: display });
  await flush();
  if (dataRows === 0) throw new ApiError('bad-input', `${display} has a header but no data rows: there is nothing to score.`, { file: display, line: 2 });
  return { rows: dataRows, scored, notes: noted, scoredWithNote, threshold, check: check!, evaluation: tally ? (tally as LabelTally).result() : null };
}
