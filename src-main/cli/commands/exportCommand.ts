import { parseArgs } from 'node:util';
import { ApiError } from '../../core/api/errors';
import { exportableModel, MODEL_TYPE_WORDS } from '../../core/modelExport/exportableModel';
import { exportModelFile } from '../../core/modelExport/exportModel';
import { EXPORT_FORMATS, isExportFormat } from '../../core/modelExport/exportFormats';
import { loadModelFile } from '../../node/modelFile/loadModelFile';
import { cliPath } from '../cliWorkbench';
import { OutputFiles, ReaderClosedError } from '../outputFiles';

export const EXPORT_USAGE = 'assay export MODEL --format xgboost|onnx --out FILE';

const USAGE_WORDS =
  'MODEL is a .assaymodel file (assay run --out writes them; the app saves them). xgboost: XGBoost JSON, gradient boosting only; ' +
  'onnx: every model type. Both read the prepared features; the README says which preparation steps to apply first.';

const FORMAT_WORDS: Record<(typeof EXPORT_FORMATS)[number], string> = { xgboost: 'XGBoost JSON', onnx: 'ONNX' };

/** `assay export MODEL --format xgboost|onnx --out FILE`: a model file's model in a format other tools run. */
export async function exportCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { format: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true });
  } catch (e) {
    console.error(`assay export: ${(e as Error).message}\nusage: ${EXPORT_USAGE}\n${USAGE_WORDS}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !values.format || !values.out) {
    console.error(`usage: ${EXPORT_USAGE}\n${USAGE_WORDS}`);
    return 2;
  }
  const format = values.format.trim().toLowerCase();
  if (!isExportFormat(format)) {
    throw new ApiError('bad-input', `--format must be ${EXPORT_FORMATS.join(' or ')}, not "${values.format}".`);
  }
  const loaded = await loadModelFile(cliPath(positionals[0]), positionals[0]);
  const exported = exportModelFile(loaded, format);
  const given = values.out;
  const outputs = new OutputFiles();
  let toStdout = false;
  try {
    const out = outputs.stream(outputs.file(cliPath(given), `--out ${given}`, given));
    toStdout = out.isStdout;
    try {
      await out.write(exported.bytes);
      await out.finish();
    } catch (e) {
      await out.abandon();
      throw e;
    }
  } catch (e) {
    outputs.discard();
    // `--out /dev/stdout | head -c 100`: the reader had what it wanted.
    if (e instanceof ReaderClosedError && toStdout) return 0;
    throw e;
  }
  const type = MODEL_TYPE_WORDS[exportableModel(loaded.model).type];
  // With the file on stdout, the report goes to stderr.
  const report = toStdout ? process.stderr : process.stdout;
  report.write(
    `Wrote ${given}: ${type} "${loaded.file.model.id}" as ${FORMAT_WORDS[format]}, reading ${loaded.features.length} prepared features` +
      ` and predicting ${loaded.classes.join(' / ')}.\n`,
  );
  for (const note of exported.notes) report.write(`Note: ${note}\n`);
  return 0;
}
