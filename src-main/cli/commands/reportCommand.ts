import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';
import { ApiError } from '../../core/api/errors';
import type { DeckContext } from '../../core/report/deckContext';
import type { RunRecord } from '../../core/search/runRecord';
import { cliPath } from '../cliWorkbench';
import { readRunRecord, sourceOf } from '../runJsonFile';

export const REPORT_USAGE = 'assay report RUN --out DECK.pptx [--pdf] [--images DIR]';

/** What the usage error adds to REPORT_USAGE. */
const USAGE_WORDS =
  'RUN is a run.json, or the folder assay run --out DIR writes; --pdf also writes DECK.pdf (needs LibreOffice); ' +
  '--images DIR writes each slide as PNG/SVG files named by slide.';

/** The one run a run.json holds is run 1 of the deck: its slides refer to it by that id. */
const RUN_ID = 1;

/** What exporting needs, from a run.json alone: the run is the file's record, and there are no datasets to draw from. */
export function runFileContext(record: RunRecord, title: string): DeckContext {
  return {
    record: (id) => (id === RUN_ID ? record : null),
    runTitle: (id) => (id === RUN_ID ? title : null),
    datasetChart: () => Promise.resolve(null),
  };
}

function write(path: string, bytes: Uint8Array, given: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  } catch (e) {
    throw new ApiError('bad-input', `Could not write ${given}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`, { file: path });
  }
}

/** The image zip's files, written flat into `dir`; returns how many. */
async function unzipInto(zipBytes: Uint8Array, dir: string, given: string): Promise<number> {
  const zip = await JSZip.loadAsync(zipBytes);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  for (const f of files) write(join(dir, basename(f.name)), await f.async('uint8array'), join(given, basename(f.name)));
  return files.length;
}

/** `assay report RUN --out deck.pptx`: the "new report from run" deck, written without the app. */
export async function reportCommand(args: string[], signal?: AbortSignal): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { out: { type: 'string' }, pdf: { type: 'boolean' }, images: { type: 'string' } }, allowPositionals: true });
  } catch (e) {
    console.error(`assay report: ${(e as Error).message}\nusage: ${REPORT_USAGE}\n${USAGE_WORDS}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !values.out) {
    console.error(`usage: ${REPORT_USAGE}\n${USAGE_WORDS}`);
    return 2;
  }
  // PowerPoint opens a deck by its extension, and the PDF is named after it.
  if (!/\.pptx$/i.test(values.out)) throw new ApiError('bad-input', `--out names the PowerPoint file to write and must end in .pptx; got "${values.out}".`);

  const { run, file } = sourceOf(positionals[0]);
  const record = readRunRecord(run, file);
  if (!record.champion) {
    const status = typeof record.status === 'string' ? record.status : 'not finished';
    throw new ApiError('bad-input', `${run} has no champion (the run was ${status}): a report needs a finished run.`, { file });
  }
  // The deck writers load pptxgenjs and the chart renderer: only this command pays for them.
  const [{ deckFromRun }, { deckBytes }] = await Promise.all([import('../../core/report/deckFromRun'), import('../../node/report/exportReport')]);
  const title = typeof record.recipeName === 'string' && record.recipeName.trim() ? record.recipeName : basename(dirname(file));
  const report = deckFromRun({ runId: RUN_ID, title, record });
  const ctx = runFileContext(record, title);

  const pptx = await deckBytes(ctx, report, 'pptx', signal);
  write(cliPath(values.out), pptx.bytes, values.out);
  const written = [values.out];
  process.stdout.write(`Wrote ${values.out}: ${report.slides.length} slides.\n`);

  if (values.images !== undefined) {
    const images = await deckBytes(ctx, report, 'images', signal);
    const count = await unzipInto(images.bytes, cliPath(values.images), values.images);
    written.push(values.images);
    process.stdout.write(`Wrote ${count} images to ${values.images}.\n`);
  }

  if (values.pdf) {
    const pdfPath = values.out.replace(/\.pptx$/i, '.pdf');
    let pdf;
    try {
      pdf = await deckBytes(ctx, report, 'pdf', signal);
    } catch (e) {
      // The deck is there either way: say so with the reason there is no PDF.
      if (!(e instanceof ApiError) || e.code === 'cancelled') throw e;
      throw new ApiError(e.code, `${e.message} (${written.join(' and ')} ${written.length > 1 ? 'were' : 'was'} written; ${pdfPath} was not.)`, e.location);
    }
    write(cliPath(pdfPath), pdf.bytes, pdfPath);
    process.stdout.write(`Wrote ${pdfPath}.\n`);
  }
  return 0;
}
