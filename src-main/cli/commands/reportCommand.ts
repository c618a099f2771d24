import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';
import { ApiError } from '../../core/api/errors';
import type { DeckContext } from '../../core/report/deckContext';
import { checkReportRecord } from '../../core/report/reportRecordChecks';
import type { RunRecord } from '../../core/search/runRecord';
import { cliPath } from '../cliWorkbench';
import { OutputFiles } from '../outputFiles';
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

/** The image zip's files, written flat into `dir` (checked already); returns how many. */
async function unzipInto(zipBytes: Uint8Array, outputs: OutputFiles, dir: string, given: string): Promise<number> {
  const zip = await JSZip.loadAsync(zipBytes);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  for (const f of files) {
    const name = basename(f.name);
    outputs.commit(outputs.file(join(dir, name), `--images ${given}`, join(given, name)), await f.async('uint8array'));
  }
  return files.length;
}

/** The run.json as a record the deck can be built from, or a message naming the file and the field. */
function readReportRecord(given: string): { record: RunRecord; file: string } {
  const { run, file } = sourceOf(given);
  const record = readRunRecord(run, file);
  if (record.champion === null) {
    const status = typeof record.status === 'string' ? record.status : 'not finished';
    throw new ApiError('bad-input', `${run} has no champion (the run was ${status}): a report needs a finished run.`, { file });
  }
  checkReportRecord(record, run);
  return { record, file };
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

  const { record, file } = readReportRecord(positionals[0]);

  // Every place written to is checked before the deck is built, which takes a while.
  const outputs = new OutputFiles();
  try {
    const pptxFile = outputs.file(cliPath(values.out), `--out ${values.out}`, values.out);
    const pdfGiven = values.out.replace(/\.pptx$/i, '.pdf');
    const pdfFile = values.pdf ? outputs.file(cliPath(pdfGiven), pdfGiven, pdfGiven) : null;
    if (values.images !== undefined) outputs.folder(cliPath(values.images), `--images ${values.images}`);

    // The deck writers load pptxgenjs and the chart renderer: only this command pays for them.
    const [{ deckFromRun }, { deckBytes }] = await Promise.all([import('../../core/report/deckFromRun'), import('../../node/report/exportReport')]);
    const title = record.recipeName.trim() ? record.recipeName : basename(dirname(file));
    const report = deckFromRun({ runId: RUN_ID, title, record });
    const ctx = runFileContext(record, title);

    const pptx = await deckBytes(ctx, report, 'pptx', signal);
    outputs.commit(pptxFile, pptx.bytes);
    const written = [values.out];
    process.stdout.write(`Wrote ${values.out}: ${report.slides.length} slides.\n`);

    if (values.images !== undefined) {
      const images = await deckBytes(ctx, report, 'images', signal);
      const count = await unzipInto(images.bytes, outputs, cliPath(values.images), values.images);
      written.push(values.images);
      process.stdout.write(`Wrote ${count} images to ${values.images}.\n`);
    }

    if (pdfFile) {
      let pdf;
      try {
        pdf = await deckBytes(ctx, report, 'pdf', signal);
      } catch (e) {
        // The deck is there either way: say so with the reason there is no PDF.
        if (!(e instanceof ApiError) || e.code === 'cancelled') throw e;
        throw new ApiError(e.code, `${e.message} (${written.join(' and ')} ${written.length > 1 ? 'were' : 'was'} written; ${pdfGiven} was not.)`, e.location);
      }
      outputs.commit(pdfFile, pdf.bytes);
      process.stdout.write(`Wrote ${pdfGiven}.\n`);
    }
    return 0;
  } catch (e) {
    // What is not written by now is not going to be: no temporary file, and no folder made for it, stays behind.
    outputs.discard();
    throw e;
  }
}
