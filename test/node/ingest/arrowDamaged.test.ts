import {
  CompressionType,
  RecordBatchFileWriter,
  RecordBatchStreamWriter,
  Table,
  Utf8,
  compressionRegistry,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { ArrowLayoutError, checkArrowLayout } from '../../../src-main/core/data/arrowIpcLayout';
import { tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

/** What a raw JavaScript or Arrow-internal error looks like; none may reach the analyst. */
const RAW_ERROR = /Cannot read|undefined|\bnull\b|RangeError|TypeError|outside the bounds|Expected to read|Unrecognized|Vector constructor|destructure|Invalid typed array/;

/** Three record batches, so cuts and flips land in several of them. */
function sampleTable(): Table {
  const part = (from: number) =>
    new Table({
      id: vectorFromArray(Int32Array.from({ length: 50 }, (_, i) => from + i)),
      score: vectorFromArray(Float64Array.from({ length: 50 }, (_, i) => (from + i) / 7)),
      label: vectorFromArray(
        Array.from({ length: 50 }, (_, i) => ((from + i) % 3 ? 'claim' : 'opinion')),
        new Utf8(),
      ),
    });
  return part(0).concat(part(50), part(100));
}

const bytesOf = (format: 'file' | 'stream') => tableToIPC(sampleTable(), format);

async function importBytes(name: string, bytes: Uint8Array): Promise<{ error: ApiError | null; rows: number; notes: string[] }> {
  try {
    const info = await t.wb.importFile({ path: t.file(name, bytes) });
    return { error: null, rows: info.rows, notes: info.notes };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return { error: e, rows: 0, notes: [] };
  }
}

function source(bytes: Uint8Array) {
  return { size: bytes.length, read: async (p: number, n: number) => bytes.subarray(p, p + n) };
}

describe('cut Arrow files', () => {
  it('has three record batches in each format (the fixture is what the tests assume)', async () => {
    expect((await checkArrowLayout(source(bytesOf('file')))).batches).toHaveLength(3);
    expect((await checkArrowLayout(source(bytesOf('stream')))).batches).toHaveLength(3);
  });

  it('the layout check names every cut of a file, at every byte', async () => {
    const bytes = bytesOf('file');
    for (let cut = 6; cut < bytes.length; cut++) {
      const err = await checkArrowLayout(source(bytes.subarray(0, cut))).catch((e: unknown) => e);
      expect(err, `cut at ${cut}`).toBeInstanceOf(ArrowLayoutError);
      expect((err as ArrowLayoutError).reason, `cut at ${cut}`).toMatch(/cut short|ends in the middle of/);
    }
  });

  it('the layout check names every cut of a stream inside a message, at every byte', async () => {
    const bytes = bytesOf('stream');
    const { batches } = await checkArrowLayout(source(bytes));
    const boundaries = new Set([0, ...batches.map((b) => b.end), batches[0].start]);
    for (let cut = 1; cut < bytes.length; cut++) {
      const result = await checkArrowLayout(source(bytes.subarray(0, cut))).catch((e: unknown) => e);
      if (boundaries.has(cut) || cut >= bytes.length - 8) {
        // Cut between two messages: well-formed, but without the end-of-stream marker.
        if (!(result instanceof ArrowLayoutError)) expect(result, `cut at ${cut}`).toMatchObject({ endMarker: false });
        continue;
      }
      expect(result, `cut at ${cut}`).toBeInstanceOf(ArrowLayoutError);
    }
  });

  for (const format of ['file', 'stream'] as const) {
    it(`an import of a cut ${format} says where it ends and leaves the project unchanged`, async () => {
      const bytes = bytesOf(format);
      const before = t.state();
      // (A stream cut before its eighth byte is not recognised as Arrow at all: "not a text file".)
      const cuts = [...(format === 'file' ? [7] : []), 8, 10, 12, 40, 100, 200, 400, 700, 1000, 1500, 2000, 2500, 3000, bytes.length - 200, bytes.length - 40, bytes.length - 12, bytes.length - 9];
      for (const cut of cuts) {
        const r = await importBytes('cut.arrow', bytes.subarray(0, cut));
        expect(r.error, `cut at ${cut}`).not.toBeNull();
        expect(r.error!.message, `cut at ${cut}`).toMatch(/^cut\.arrow is not a readable Arrow file: /);
        expect(r.error!.message, `cut at ${cut}`).not.toMatch(RAW_ERROR);
        expect(r.error!.code).toBe('bad-input');
        expect(t.state(), `cut at ${cut}`).toBe(before);
      }
    });
  }

  it('a file cut in its last record batch gives that batch and both byte counts', async () => {
    const bytes = bytesOf('file');
    const { batches } = await checkArrowLayout(source(bytes));
    const cut = batches[2].end - 10;
    const r = await importBytes('cut.arrow', bytes.subarray(0, cut));
    expect(r.error!.message).toBe(`cut.arrow is not a readable Arrow file: the file ends in the middle of record batch 3 (byte ${cut.toLocaleString('en-US')} of ${batches[2].end.toLocaleString('en-US')}).`);
  });

  it('a stream cut between two batches imports what it holds, with a note that rows may be missing', async () => {
    const bytes = bytesOf('stream');
    const { batches } = await checkArrowLayout(source(bytes));
    const r = await importBytes('part.arrows', bytes.subarray(0, batches[1].end));
    expect(r.error).toBeNull();
    expect(r.rows).toBe(100);
    expect(r.notes.join(' ')).toMatch(/no end-of-stream marker; if it was cut short between two record batches, rows are missing \(100 rows were read\)/);
    // A complete stream gets no such note.
    expect((await importBytes('whole.arrows', bytes)).notes).toEqual([]);
  });
});

describe('damaged Arrow files', () => {
  for (const format of ['file', 'stream'] as const) {
    it(`flipped bytes in the ${format}'s header and footer give a clear message or an intact import`, async () => {
      const bytes = bytesOf(format);
      const positions = [
        ...Array.from({ length: 120 }, (_, i) => 8 + i * 3),
        ...Array.from({ length: 60 }, (_, i) => bytes.length - 4 - i * 3),
      ];
      let refused = 0;
      for (const p of positions) {
        const damaged = Uint8Array.from(bytes);
        damaged[p] ^= 0xff;
        const before = t.state();
        const r = await importBytes('flipped.arrow', damaged);
        if (r.error) {
          refused++;
          expect(r.error.message, `flip at ${p}`).toMatch(/^flipped\.arrow (is not a readable Arrow file: |has no columns|is a Feather version 1|is not a text file)/);
          expect(r.error.message, `flip at ${p}`).not.toMatch(RAW_ERROR);
          expect(t.state(), `flip at ${p}`).toBe(before);
        }
      }
      // Most of these bytes are framing and metadata; flips in padding or values go unnoticed (Arrow has no checksums).
      expect(refused).toBeGreaterThan(positions.length / 4);
    });
  }

  it('a footer that leaves a record batch out (its rows would go missing unnoticed)', async () => {
    const three = bytesOf('file');
    const two = tableToIPC(new Table(sampleTable().batches.slice(0, 2)), 'file');
    const footerOf = (b: Uint8Array) => {
      const length = new DataView(b.buffer, b.byteOffset).getInt32(b.length - 10, true);
      return b.subarray(b.length - 10 - length, b.length);
    };
    const threeFooter = footerOf(three);
    const spliced = Buffer.concat([three.subarray(0, three.length - threeFooter.length), footerOf(two)]);
    const before = t.state();
    const r = await importBytes('short.arrow', spliced);
    expect(r.error!.message).toBe('short.arrow is not a readable Arrow file: its footer is damaged: it lists 2 record batches, but the file holds at least 3.');
    expect(t.state()).toBe(before);
  });

  it('ARROW1 followed by garbage, and a stream marker followed by garbage', async () => {
    const before = t.state();
    const garbage = Uint8Array.from({ length: 500 }, (_, i) => (i * 37 + 11) & 255);
    const cases: [string, Uint8Array][] = [
      ['garbage.arrow', Buffer.concat([Buffer.from('ARROW1\0\0'), garbage])],
      ['ff.arrow', Buffer.concat([Buffer.from('ARROW1\0\0'), Buffer.alloc(100, 0xff)])],
      ['zeros.arrow', Buffer.concat([Buffer.from('ARROW1\0\0'), Buffer.alloc(100)])],
      ['magic.arrow', Buffer.from('ARROW1')],
      ['stream.arrows', Buffer.concat([Buffer.from([0xff, 0xff, 0xff, 0xff]), garbage])],
      ['eos.arrows', Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0])],
    ];
    for (const [name, bytes] of cases) {
      const r = await importBytes(name, bytes);
      expect(r.error, name).not.toBeNull();
      expect(r.error!.message, name).toMatch(new RegExp(`^${name.replace('.', '\\.')} is not a readable Arrow file: `));
      expect(r.error!.message, name).not.toMatch(RAW_ERROR);
    }
    expect((await importBytes('garbage.arrow', cases[0][1])).error!.message).toMatch(/the file ends in the middle of|damaged/);
    expect(t.state()).toBe(before);
  });

  it('an empty .arrow file', async () => {
    const before = t.state();
    const r = await importBytes('empty.arrow', new Uint8Array(0));
    expect(r.error!.message).toBe('empty.arrow is empty: it has no header and no rows.');
    expect(t.state()).toBe(before);
  });
});

describe('compressed Arrow files', () => {
  it('names the compression and how to write the file without it', async () => {
    // Only an encoder (the writer needs one; the reader must never get to use it), writing each format's magic before the raw bytes.
    const framed = (magic: number[]) => (b: Uint8Array) => Uint8Array.from([...magic, ...b]);
    compressionRegistry.set(CompressionType.LZ4_FRAME, { encode: framed([4, 34, 77, 24, 0x40, 0x40, 0]) });
    compressionRegistry.set(CompressionType.ZSTD, { encode: framed([40, 181, 47, 253, 0, 0]) });
    const before = t.state();
    for (const [type, name] of [
      [CompressionType.LZ4_FRAME, 'LZ4'],
      [CompressionType.ZSTD, 'ZSTD'],
    ] as const) {
      for (const Writer of [RecordBatchFileWriter, RecordBatchStreamWriter]) {
        const bytes = Writer.writeAll(sampleTable(), { compressionType: type } as never).toUint8Array(true);
        const r = await importBytes('packed.feather', bytes);
        expect(r.error!.message).toBe(
          `packed.feather is compressed with ${name}, which Assay cannot read yet; write it uncompressed (for example pyarrow.feather.write_feather(df, path, compression="uncompressed")) and import that.`,
        );
      }
    }
    expect(t.state()).toBe(before);
  });
});
