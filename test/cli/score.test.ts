import { execFileSync, spawn } from 'node:child_process';
import { closeSync, createReadStream, existsSync, linkSync, lstatSync, openSync, type ReadStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecipe } from '../../src-main/core/recipe/schema';
import type { RunRecord } from '../../src-main/core/search/runRecord';
import { preparedWithRawRows } from '../core/scoring/preparationFixtures';
import { parseThreshold } from '../../src-main/cli/commands/scoreCommand';
import { ASSAY_BIN, assay, finished, isolatedEnv } from './cliProcess';
import { readCsv } from './readCsv';

let root: string;
let env: NodeJS.ProcessEnv;
const inRoot = (args: string[]) => assay(args, { cwd: root, env });
const SAMPLE = resolve('resources/sample/tiktok_claims_sample.csv');

/** The Course 6 recipe on the bundled sample with a small grid, so the run takes seconds. */
function smallCourse6() {
  const r = JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')) as {
    dataset: { file: string };
    models: { grid: Record<string, unknown[]> }[];
  };
  r.dataset.file = SAMPLE;
  r.models[0].grid = { max_depth: [4, null], max_features: [0.6], max_samples: [0.7], n_estimators: [10, 20] };
  r.models[1].grid = { max_depth: [3], min_child_weight: [5], learning_rate: [0.1], n_estimators: [20, 40] };
  return r;
}

const sampleText = () => readFileSync(SAMPLE, 'utf8');
const quoted = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
/** The sample's header and first `n` rows, edited, as a CSV with every cell quoted. */
function editedSample(n: number, edit: (header: string[], rows: string[][]) => void): string {
  const { header, rows } = readCsv(SAMPLE);
  const head = rows.slice(0, n);
  edit(header, head);
  return [header, ...head].map(quoted).join('\n') + '\n';
}
const record = () => JSON.parse(readFileSync(join(root, 'out', 'run.json'), 'utf8')) as RunRecord;
/** stderr without the progress bar's carriage-return lines. */
const errors = (s: string) => s.replace(/\r[^\n]*/g, '').trim();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'assay-cli-score-'));
  const home = join(root, 'home');
  mkdirSync(home);
  env = isolatedEnv(home);
  writeFileSync(join(root, 'recipe.json'), JSON.stringify(smallCourse6()));
  const r = await inRoot(['run', 'recipe.json', '--out', 'out']);
  expect(errors(r.stderr)).toBe('');
  expect(r.code).toBe(0);
}, 240_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('assay run --out', () => {
  it('writes DIR/<modelId>.assaymodel for every model of the run', () => {
    const files = readdirSync(join(root, 'out')).filter((f) => f.endsWith('.assaymodel')).sort();
    expect(files).toEqual(['rf.assaymodel', 'xgb.assaymodel']);
    const file = JSON.parse(readFileSync(join(root, 'out', 'rf.assaymodel'), 'utf8'));
    expect(file.format).toBe('assay-model');
    expect(file.version).toBe(1);
    expect(file.target).toEqual({ column: 'claim_status', classes: ['opinion', 'claim'], positiveClass: 'claim' });
    expect(file.threshold).toBeNull();
    expect(file.training.contentHash).toBe(record().dataset.contentHash);
    expect(file.preparation.features.map((f: { name: string }) => f.name)).toEqual(record().features);
    expect(file.model.params).toEqual(record().models[0].bestParams);
  });
});

describe('assay score', () => {
  it('scores every row of the sample; the held-out rows get exactly the run’s own predictions', async () => {
    const rec = record();
    const champion = rec.champion!.modelId;
    const r = await inRoot(['score', `out/${champion}.assaymodel`, SAMPLE, '--out', 'preds.csv']);
    expect(errors(r.stderr)).toBe('');
    expect(r.code).toBe(0);
    // The rows with a missing value (those the recipe's dropMissing drops) stay, with a note.
    expect(r.stdout).toMatch(/Scored 19084 of 19382 rows .*; 298 rows could not be scored/);
    const { header, rows } = readCsv(join(root, 'preds.csv'));
    expect(header).toEqual(['row', 'prediction', 'p_opinion', 'p_claim', 'note']);
    expect(rows).toHaveLength(19382);
    expect(rows.map((x) => Number(x[0]))).toEqual(rows.map((_, i) => i + 1));

    // Which rows of the file the run held out for its test, read off the recipe's own split.
    const { rows: parts } = preparedWithRawRows(parseRecipe(smallCourse6()));
    const test = rec.models.find((m) => m.modelId === champion)!.heldOut.test!;
    expect(parts.test).toHaveLength(test.y.length);
    const cm = [
      [0, 0],
      [0, 0],
    ];
    parts.test.forEach((raw, k) => {
      const row = rows[raw];
      expect(row[4]).toBe('');
      expect(Number(row[3])).toBe(test.score[k]);
      const predicted = row[1] === 'claim' ? 1 : 0;
      cm[test.y[k]][predicted]++;
    });
    expect(cm).toEqual(rec.champion!.test.confusion);
    // The sample has its labels: the whole file's matrix is printed.
    expect(r.stdout).toMatch(/Against the labels of \d+ scored rows/);
  }, 120_000);

  it('keeps a row that cannot be scored in its place, with a note naming the column, and keeps input columns first (spreadsheet-safe)', async () => {
    const { header } = readCsv(SAMPLE);
    const text = header.indexOf('video_transcription_text');
    const at = (name: string) => header.indexOf(name);
    const csv = editedSample(39, (_, rows) => {
      rows[1][text] = '';
      rows[2][text] = '=HYPERLINK("http://example.com")';
      rows[3][at('video_id')] = '0012345';
      rows[4][at('#')] = '+15551234';
      rows[5][at('video_view_count')] = '1e5';
      rows[6][at('video_id')] = '-1';
      rows[7][at('video_id')] = 'NaN';
    });
    writeFileSync(join(root, 'holes.csv'), csv);
    const r = await inRoot(['score', 'out/rf.assaymodel', 'holes.csv', '--out', 'holes_preds.csv', '--keep-columns']);
    expect(r.code).toBe(0);
    const out = readCsv(join(root, 'holes_preds.csv'));
    expect(out.header).toEqual([...header, 'row', 'prediction', 'p_opinion', 'p_claim', 'note']);
    expect(out.rows).toHaveLength(39);
    const w = header.length;
    expect(out.rows[1].slice(w)).toEqual(['2', '', '', '', 'missing value in "video_transcription_text"']);
    expect(out.rows[0][w + 1]).toMatch(/^(claim|opinion)$/);
    expect(out.rows[2][text]).toBe(`'=HYPERLINK("http://example.com")`);
    // The input's cells as the file writes them: not re-formatted numbers.
    expect([out.rows[3][at('video_id')], out.rows[4][at('#')], out.rows[5][at('video_view_count')], out.rows[6][at('video_id')], out.rows[7][at('video_id')]]).toEqual([
      '0012345',
      '+15551234',
      '1e5',
      '-1',
      'NaN',
    ]);
    expect(out.rows[0][at('video_view_count')]).toBe(readCsv(SAMPLE).rows[0][at('video_view_count')]);
    expect(out.rows[5][w + 1]).toMatch(/^(claim|opinion)$/);
    expect(r.stdout).toMatch(/1 row could not be scored/);
  }, 60_000);

  it('decides every row by the threshold asked for: claim iff p_claim > T', async () => {
    for (const t of ['0.9', '.25']) {
      const out = `strict${t}.csv`;
      const r = await inRoot(['score', 'out/xgb.assaymodel', SAMPLE, '--out', out, '--threshold', t]);
      expect(r.code).toBe(0);
      const { header, rows } = readCsv(join(root, out));
      expect(header.slice(1, 4)).toEqual(['prediction', 'p_opinion', 'p_claim']);
      expect(rows).toHaveLength(19382);
      let claims = 0;
      for (const row of rows) {
        if (row[4] !== '') {
          // Not scored: no probabilities and no prediction.
          expect(row.slice(1, 4)).toEqual(['', '', '']);
          continue;
        }
        const p = Number(row[3]);
        expect(Number(row[2]) + p).toBeCloseTo(1, 12);
        expect(row[1], `row ${row[0]}: p_claim ${p}`).toBe(p > Number(t) ? 'claim' : 'opinion');
        if (row[1] === 'claim') claims++;
      }
      // Both classes are predicted, so the rule is tested on each side.
      expect(claims).toBeGreaterThan(1000);
      expect(claims).toBeLessThan(rows.length - 1000);
      expect(r.stdout).toContain(`at threshold ${Number(t)} (claim when p_claim > ${Number(t)})`);
    }
  }, 120_000);

  it('numbers rows as pandas does: blank lines are not rows, a quoted line break stays in its row', async () => {
    const { header, rows } = readCsv(SAMPLE);
    const text = header.indexOf('video_transcription_text');
    const head = rows.slice(0, 6).map((r) => [...r]);
    head[2][text] = `first line\nsecond line`;
    // Lines: 1 header, 2 row 1, 3 blank, 4 row 2, 5 spaces only, 6–7 row 3 (a quoted line break), 8 row 4, 9 row 5 (short), 10 row 6.
    const lines = [quoted(header), quoted(head[0]), '', quoted(head[1]), '   ', quoted(head[2]), quoted(head[3]), quoted(head[4].slice(0, 3)), quoted(head[5])];
    writeFileSync(join(root, 'blank_lines.csv'), lines.join('\n') + '\n');
    writeFileSync(join(root, 'plain_lines.csv'), [header, ...head].map(quoted).join('\n') + '\n');
    const r = await inRoot(['score', 'out/rf.assaymodel', 'blank_lines.csv', '--out', 'blank_preds.csv']);
    expect(errors(r.stderr)).toBe('');
    const plain = await inRoot(['score', 'out/rf.assaymodel', 'plain_lines.csv', '--out', 'plain_preds.csv']);
    expect(plain.code).toBe(0);
    const got = readCsv(join(root, 'blank_preds.csv')).rows;
    const want = readCsv(join(root, 'plain_preds.csv')).rows;
    expect(got.map((x) => x[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const i of [0, 1, 3, 5]) expect(got[i]).toEqual(want[i]);
    expect(got[4].slice(1)).toEqual(['', '', '', 'line 9 has 3 fields, the header has 12']);
    // Row 3's text differs from the plain file's, so only its place is checked.
    expect(got[2][1]).toMatch(/^(claim|opinion)$/);
  }, 60_000);
});

describe('assay score --out a pipe, a symlink or a place that cannot take a file', () => {
  const args = (out: string) => ['score', 'out/rf.assaymodel', SAMPLE, '--out', out];
  let reference: string;
  beforeAll(async () => {
    const r = await inRoot(args('reference.csv'));
    expect(r.code).toBe(0);
    reference = readFileSync(join(root, 'reference.csv'), 'utf8');
  }, 60_000);

  /**
   * Starts `assay ARGS…` writing to a new FIFO and reads it as `read` does.
   * Should the command replace the FIFO instead of writing into it, the
   * reader would wait forever: a hard link to the FIFO lets the test end
   * that wait and fail.
   */
  async function throughFifo<T>(name: string, read: (stream: ReadStream) => Promise<T>) {
    const fifo = join(root, name);
    execFileSync('mkfifo', [fifo]);
    linkSync(fifo, `${fifo}.keep`);
    const done = finished(spawn(process.execPath, [ASSAY_BIN, ...args(name)], { cwd: root, env }));
    const stream = createReadStream(fifo);
    const reading = read(stream);
    const r = await done;
    const stillFifo = lstatSync(fifo).isFIFO();
    if (!stillFifo) closeSync(openSync(`${fifo}.keep`, 'w'));
    const got = await reading;
    expect(stillFifo, `${name} was replaced`).toBe(true);
    return { r, got };
  }

  it('writes straight into a FIFO (never replacing it), as a reader reads it', async () => {
    const { r, got } = await throughFifo('preds.fifo', async (stream) => {
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    });
    expect(errors(r.stderr)).toBe('');
    expect(r.code).toBe(0);
    expect(got).toBe(reference);
    expect(r.stdout).toMatch(/^Scored 19084 of 19382 rows/);
  }, 60_000);

  it('stops with a clear message when the FIFO reader goes away early', async () => {
    const { r, got } = await throughFifo('short.fifo', (stream) =>
      new Promise<string>((resolve) => {
        stream.once('data', (c) => {
          stream.destroy();
          resolve(c.toString());
        });
        stream.once('end', () => resolve(''));
      }),
    );
    expect(got.split('\n')[0]).toBe('row,prediction,p_opinion,p_claim,note');
    expect(r.code).toBe(1);
    expect(errors(r.stderr)).toBe('assay: short.fifo was closed by its reader before everything was written. Scoring stopped; the predictions it received are incomplete.');
  }, 60_000);

  it('through a symlink to a file: the target gets the predictions, the symlink stays a symlink', async () => {
    writeFileSync(join(root, 'link_target.csv'), 'old\n');
    symlinkSync('link_target.csv', join(root, 'link.csv'));
    const r = await inRoot(args('link.csv'));
    expect(r.code).toBe(0);
    expect(lstatSync(join(root, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, 'link.csv'))).toBe('link_target.csv');
    expect(readFileSync(join(root, 'link_target.csv'), 'utf8')).toBe(reference);
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it("through a symlink to its own standard output (as /dev/stdout is): the CSV on stdout, the report on stderr, and a reader that closes early is no error", async () => {
    symlinkSync('/proc/self/fd/1', join(root, 'stdout.link'));
    const r = await inRoot(args('stdout.link'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(reference);
    expect(errors(r.stderr)).toMatch(/^Scored 19084 of 19382 rows/);
    expect(lstatSync(join(root, 'stdout.link')).isSymbolicLink()).toBe(true);
    // `… --out /dev/stdout | head -1`
    const quotedArgs = [process.execPath, ASSAY_BIN, ...args('stdout.link')].map((a) => `'${a}'`).join(' ');
    const sh = await finished(spawn('sh', ['-c', `{ ${quotedArgs}; echo $? > status.txt; } | head -1`], { cwd: root, env }));
    expect(sh.stdout).toBe('row,prediction,p_opinion,p_claim,note\n');
    expect(errors(sh.stderr)).toBe('');
    expect(readFileSync(join(root, 'status.txt'), 'utf8').trim()).toBe('0');
  }, 60_000);

  it('refuses a folder, a path under /proc and a file standing where a folder should be, in words', async () => {
    mkdirSync(join(root, 'a_folder'));
    writeFileSync(join(root, 'a_file'), 'x');
    const cases: [string, string][] = [
      ['a_folder', 'assay: Cannot write --out a_folder: a_folder is a folder; name the file to write.'],
      ['/proc/x.csv', 'assay: Cannot write --out /proc/x.csv: the folder /proc does not take new files.'],
      ['/proc/nope/x.csv', 'assay: Cannot write --out /proc/nope/x.csv: could not make the folder /proc/nope (/proc does not take new folders).'],
      ['a_file/x.csv', `assay: Cannot write --out a_file/x.csv: ${join(root, 'a_file')} is a file, not a folder.`],
    ];
    for (const [out, message] of cases) {
      const r = await inRoot(args(out));
      expect(r.code).toBe(1);
      expect(errors(r.stderr)).toBe(message);
    }
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});

describe('assay score refuses bad inputs, naming what is wrong', () => {
  const refused = async (args: string[]) => {
    const r = await inRoot(['score', ...args]);
    expect(r.code).not.toBe(0);
    return errors(r.stderr);
  };

  it('every missing and mistyped column, with what was expected, before writing anything', async () => {
    const csv = editedSample(30, (header, rows) => {
      const drop = header.indexOf('video_view_count');
      // A column with no number at all among the rows read before scoring is mistyped.
      rows.forEach((r, i) => (r[header.indexOf('video_duration_sec')] = i === 3 ? '' : 'long'));
      for (const r of [header, ...rows]) r.splice(drop, 1);
    });
    writeFileSync(join(root, 'wrong.csv'), csv);
    const message = await refused(['out/rf.assaymodel', 'wrong.csv', '--out', 'never.csv']);
    expect(message).toMatch(/wrong\.csv does not fit the model \(2 problems\)/);
    expect(message).toMatch(/"video_view_count" is missing; the model needs it, holding numbers/);
    expect(message).toMatch(/"video_duration_sec" holds text \(text, such as "long"\), but the model needs numbers/);
    expect(message).toContain('(A column is refused as the wrong kind only when none of its values in the rows read before scoring starts — here the first 30 — is of the kind the model needs; a single value that is not gets a note on its row.)');
    expect(existsSync(join(root, 'never.csv'))).toBe(false);
    expect(readdirSync(root).filter((f) => f.startsWith('.never'))).toEqual([]);
  });

  it('one value that is not a number gets a note on its row, early in the file or late', async () => {
    const csv = editedSample(40, (header, rows) => {
      rows[2][header.indexOf('video_view_count')] = 'n/a?';
      rows[37][header.indexOf('video_view_count')] = 'lots';
    });
    writeFileSync(join(root, 'one_bad.csv'), csv);
    const r = await inRoot(['score', 'out/rf.assaymodel', 'one_bad.csv', '--out', 'one_bad_preds.csv']);
    expect(r.code).toBe(0);
    const { rows } = readCsv(join(root, 'one_bad_preds.csv'));
    expect(rows[2]).toEqual(['3', '', '', '', 'video_view_count holds "n/a?", not a number']);
    expect(rows[37]).toEqual(['38', '', '', '', 'video_view_count holds "lots", not a number']);
    expect(r.stdout).toMatch(/Scored 38 of 40 rows .*; 2 rows could not be scored/);
  });

  it('a damaged model file, with line and column', async () => {
    const text = readFileSync(join(root, 'out', 'rf.assaymodel'), 'utf8');
    writeFileSync(join(root, 'cut.assaymodel'), text.slice(0, 500));
    expect(await refused(['cut.assaymodel', SAMPLE, '--out', 'x.csv'])).toMatch(/cut\.assaymodel, line 1, column 501: not valid JSON/);
    const doc = JSON.parse(text);
    doc.model.fitted.trees[0].left[0] = 0;
    writeFileSync(join(root, 'cyclic.assaymodel'), JSON.stringify(doc));
    expect(await refused(['cyclic.assaymodel', SAMPLE, '--out', 'x.csv'])).toMatch(/cyclic\.assaymodel: .*damaged/);
  });

  it('a file that is not a model, and a model from a newer Assay', async () => {
    writeFileSync(join(root, 'recipe.assaymodel'), JSON.stringify(smallCourse6()));
    expect(await refused(['recipe.assaymodel', SAMPLE, '--out', 'x.csv'])).toMatch(/recipe\.assaymodel is not an Assay model file/);
    const doc = JSON.parse(readFileSync(join(root, 'out', 'xgb.assaymodel'), 'utf8'));
    writeFileSync(join(root, 'future.assaymodel'), JSON.stringify({ ...doc, version: 2, assayVersion: '9.0.0' }));
    expect(await refused(['future.assaymodel', SAMPLE, '--out', 'x.csv'])).toMatch(/future\.assaymodel was made by Assay 9\.0\.0 \(model file version 2\); this is Assay [\d.]+/);
  });

  it('an empty model file, an empty data file, a header without rows', async () => {
    writeFileSync(join(root, 'empty.assaymodel'), '');
    expect(await refused(['empty.assaymodel', SAMPLE, '--out', 'x.csv'])).toMatch(/empty\.assaymodel is empty/);
    writeFileSync(join(root, 'empty.csv'), '');
    expect(await refused(['out/rf.assaymodel', 'empty.csv', '--out', 'x.csv'])).toMatch(/empty\.csv is empty/);
    writeFileSync(join(root, 'header.csv'), sampleText().split('\n')[0] + '\n');
    expect(await refused(['out/rf.assaymodel', 'header.csv', '--out', 'x.csv'])).toMatch(/header\.csv has a header but no data rows/);
    expect(existsSync(join(root, 'x.csv'))).toBe(false);
  });

  it('a threshold that is not a probability, and missing arguments', async () => {
    expect(await refused(['out/rf.assaymodel', SAMPLE, '--out', 'x.csv', '--threshold', '1.5'])).toMatch(/--threshold must be a probability between 0 and 1, not 1\.5/);
    for (const t of ['high', '0x1', '0b1', '', ' 0.5', 'Infinity', '1/2']) {
      expect(await refused(['out/rf.assaymodel', SAMPLE, '--out', 'x.csv', `--threshold=${t}`])).toBe(
        `assay: --threshold must be a probability between 0 and 1, written as a decimal number; not "${t}".`,
      );
    }
    expect(await refused(['out/rf.assaymodel', SAMPLE])).toMatch(/usage: assay score MODEL DATA --out preds\.csv/);
    expect(await refused(['missing.assaymodel', SAMPLE, '--out', 'x.csv'])).toMatch(/missing\.assaymodel does not exist/);
  });

  it('reads --threshold as a decimal number only', () => {
    expect(parseThreshold('0.3')).toBe(0.3);
    expect(parseThreshold('.5')).toBe(0.5);
    expect(parseThreshold('1e-1')).toBe(0.1);
    expect(parseThreshold('1')).toBe(1);
    expect(parseThreshold(undefined)).toBeUndefined();
    for (const t of ['0x1', '0b1', '0o1', '1_0', '', 'Infinity']) expect(() => parseThreshold(t)).toThrow(`not "${t}"`);
  });
});
