/**
 * `assay run` reads a plain CSV straight into a frame: it must be the frame,
 * the columns and the content hash that importing the file into a project
 * and loading it back give, cell for cell (-0 and NaN included).
 */
import { basename, extname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDelimitedFrame } from '../../../src-main/node/recipe/delimitedFrame';
import { loadDatasetFrame } from '../../../src-main/node/recipe/loadFrame';
import { tempWorkbench, type TempWorkbench } from '../helpers';
import { expectSameFrame } from '../sameFrame';

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

/** Reads `path` directly and through the import; expects the direct read to be taken and to agree. */
async function expectDirectMatchesImport(path: string): Promise<void> {
  const name = basename(path, extname(path));
  const direct = await readDelimitedFrame(path, name);
  expect(direct).not.toBeNull();
  const info = await t.wb.importFile({ path });
  expect(direct!.name).toBe(info.name);
  expect(direct!.contentHash).toBe(info.contentHash);
  expect(direct!.columns).toEqual(info.columns);
  expectSameFrame(direct!.frame, loadDatasetFrame(t.wb.db, info));
}

// Cells the import handles with care, none of which needs its second pass: quoted commas and quotes,
// empty vs missing, 19-digit ids (kept as text), -0, ±1e308, denormals, NaN/inf text, an all-missing
// column, booleans with a gap, text from the first row on with numbers after it, a line break in quotes.
const HOSTILE = [
  'id,quoted,empty_vs_missing,signed,huge,specials,nothing,textfirst,flag,bits,ws',
  '1234567890123456789,"a, b",,-0,1e308,NaN,,x,True,1, 7',
  '1234567890123456790,"say ""hi""","",0,-1e308,inf,,5,False,0,8 ',
  '9007199254740993,plain, ,-0.0,1.7976931348623157e308,-inf,,007,,1,9',
  '1,"line\nbreak",x,1.5,4.9e-324,nan,,7.0,true,,10',
].join('\n');

describe('readDelimitedFrame gives the frame import + load give', () => {
  it('for the bundled sample, with the recorded content hash', async () => {
    const path = 'resources/sample/tiktok_claims_sample.csv';
    await expectDirectMatchesImport(path);
    // The hash Course 5's recipe records for this file.
    expect((await readDelimitedFrame(path, 'x'))!.contentHash).toBe('c569170fee95d060b04672238feadf672ab2c559008f8b039c2f757fb8412125');
  });

  it('for hostile cells', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `${i},"r ${i}, é",${i % 3 ? '' : '""'},${-i},${i * 0.5},${i},,t${i},${i % 2 ? 'True' : 'False'},${i % 2}, ${i}`);
    await expectDirectMatchesImport(t.file('hostile.csv', `${HOSTILE}\n${rows.join('\n')}\n`));
  });

  it('for a Windows-1252 file, CRLF line ends and no final newline', async () => {
    const bytes = Buffer.concat([Buffer.from('name,n,b\r\n'), Buffer.from([0x43, 0x61, 0x66, 0xe9]), Buffer.from(',1,true\r\nna\xefve,2,false', 'latin1')]);
    await expectDirectMatchesImport(t.file('cp1252.csv', bytes));
  });

  it('for a tab-separated file with short rows', async () => {
    await expectDirectMatchesImport(t.file('short.tsv', 'a\tb\tc\n1\t2\t3\n4\t5\n6\t\t\n'));
  });

  it('across more than one read chunk', async () => {
    const lines = ['i,x,s'];
    for (let i = 0; i < 60_000; i++) lines.push(`${i},${i % 7 === 0 ? '' : (i * 0.25).toString()},${i % 5 === 0 ? '' : `s${i % 11} with some padding text`}`);
    const text = lines.join('\n') + '\n';
    expect(text.length).toBeGreaterThan(1 << 20);
    await expectDirectMatchesImport(t.file('long.csv', text));
  });
});

describe('readDelimitedFrame leaves to the import', () => {
  it('a column whose early number cells must get their text back', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `${i},${i === 1400 ? 'word' : `${i}.0`}`);
    expect(await readDelimitedFrame(t.file('late.csv', `a,late\n${rows.join('\n')}\n`), 'late')).toBeNull();
  });

  it('a file with a byte-order mark, a binary file and a missing file', async () => {
    expect(await readDelimitedFrame(t.file('bom.csv', '\ufeffa,b\n1,2\n'), 'bom')).toBeNull();
    expect(await readDelimitedFrame(t.file('bin.csv', Buffer.from([0, 1, 2, 3, 0, 0, 0])), 'bin')).toBeNull();
    expect(await readDelimitedFrame(t.file('x', 'a') + '.missing', 'gone')).toBeNull();
  });

  it('a file that does not parse, and one with a header only', async () => {
    expect(await readDelimitedFrame(t.file('long-row.csv', 'a,b\n1,2,3\n'), 'bad')).toBeNull();
    expect(await readDelimitedFrame(t.file('header.csv', 'a,b\n'), 'header')).toBeNull();
  });
});

describe('readDelimitedFrame cancelled', () => {
  it('rejects as cancelled, between read chunks', async () => {
    const lines = ['i,s'];
    for (let i = 0; i < 120_000; i++) lines.push(`${i},some text to make the file span chunks ${i}`);
    const path = t.file('cancel.csv', lines.join('\n') + '\n');
    const stop = new AbortController();
    let chunks = 0;
    const read = readDelimitedFrame(path, 'cancel', {
      signal: stop.signal,
      onProgress: () => {
        if (++chunks === 2) stop.abort();
      },
    });
    await expect(read).rejects.toMatchObject({ code: 'cancelled', message: 'Reading cancel.csv was cancelled; nothing was changed.' });
    expect(chunks).toBe(2);
  });
});
