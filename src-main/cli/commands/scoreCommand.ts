import { parseArgs } from 'node:util';
import { ApiError } from '../../core/api/errors';
import { formatFixed } from '../../core/metrics/pythonFormat';
import type { LabelEvaluation } from '../../core/scoring/labelTally';
import { checkThreshold, scoringThreshold } from '../../core/scoring/threshold';
import { loadModelFile, type LoadedModel } from '../../node/modelFile/loadModelFile';
import { scoreCsvFile, type CsvScoreResult } from '../../node/scoring/scoreCsvFile';
import { cliPath } from '../cliWorkbench';
import { parseDecimalOption } from '../decimalOption';
import { OutputFiles, ReaderClosedError } from '../outputFiles';
import { progressBar } from '../progressBar';

export const SCORE_USAGE = 'assay score MODEL DATA --out preds.csv [--threshold T] [--keep-columns]';

/** `--threshold` as a probability, read as a decimal number; anything else is refused with what was given. */
export function parseThreshold(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = parseDecimalOption(text, '--threshold', 'a probability between 0 and 1');
  checkThreshold(t, '--threshold');
  return t;
}

function evaluationText(e: LabelEvaluation, classes: readonly string[], positive: string | null): string {
  const about = e.average === 'macro' || positive === null ? 'macro averages over the classes' : `positive class: ${positive}`;
  const w = Math.max(...classes.map((c) => c.length), 9);
  const lines = [
    `Against the labels of ${e.rows} scored row${e.rows === 1 ? '' : 's'} (rows: true class, columns: predicted):`,
    `  ${''.padEnd(w)}  ${classes.map((c) => c.padStart(w)).join('  ')}`,
    ...classes.map((c, i) => `  ${c.padEnd(w)}  ${e.confusion[i].map((n) => String(n).padStart(w)).join('  ')}`),
    `  accuracy ${formatFixed(e.metrics.accuracy, 4)}  precision ${formatFixed(e.metrics.precision, 4)}  recall ${formatFixed(e.metrics.recall, 4)}  f1 ${formatFixed(e.metrics.f1, 4)}  (${about})`,
  ];
  if (e.unlabelled) lines.push(`  ${e.unlabelled} row${e.unlabelled === 1 ? '' : 's'} without a label of the model's classes left out.`);
  if (e.notScored) lines.push(`  ${e.notScored} labelled row${e.notScored === 1 ? '' : 's'} could not be scored (see their note).`);
  return lines.join('\n') + '\n';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summaryText(r: CsvScoreResult, model: LoadedModel): string {
  const m = model.file.model;
  return (
    `Scored ${r.scored} of ${plural(r.rows, 'row')} with model "${m.id}" (${m.type}) ` +
    (r.threshold === null
      ? `predicting the most probable of its ${model.classes.length} classes (${model.classes.join(', ')})`
      : `at threshold ${r.threshold} (${model.positiveClass} when p_${model.positiveClass} > ${r.threshold})`) +
    (r.notes ? `; ${plural(r.notes, 'row')} could not be scored, their note says why` : '') +
    (r.scoredWithNote ? `; ${plural(r.scoredWithNote, 'scored row has a note', 'scored rows have a note')} (a value not seen in training)` : '') +
    `.\n`
  );
}

export async function scoreCommand(args: string[], signal?: AbortSignal): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { out: { type: 'string' }, threshold: { type: 'string' }, 'keep-columns': { type: 'boolean' } },
      allowPositionals: true,
    });
  } catch (e) {
    console.error(`assay score: ${(e as Error).message}\nusage: ${SCORE_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [modelArg, dataArg, ...extra] = positionals;
  if (!modelArg || !dataArg || !values.out || extra.length > 0) {
    console.error(`usage: ${SCORE_USAGE}`);
    return 2;
  }
  const threshold = parseThreshold(values.threshold);
  const model = await loadModelFile(cliPath(modelArg));
  // Refused before the output is touched: a multiclass model has no threshold.
  scoringThreshold(model, threshold, '--threshold');
  const given = values.out;
  // The output is checked before the data is read: a path that cannot take the file is refused at once.
  const outputs = new OutputFiles();
  const bar = progressBar();
  let toStdout = false;
  try {
    const out = outputs.stream(outputs.file(cliPath(given), `--out ${given}`, given));
    // `--out /dev/stdout`: the predictions are the standard output, so the report goes to stderr.
    toStdout = out.isStdout;
    let r: CsvScoreResult;
    try {
      r = await scoreCsvFile({
        model,
        input: cliPath(dataArg),
        output: out,
        threshold,
        keepColumns: values['keep-columns'] ?? false,
        signal,
        onProgress: (p) => bar.update(p),
      });
      await out.finish();
    } catch (e) {
      await out.abandon();
      throw e;
    }
    bar.done();
    const report = toStdout ? process.stderr : process.stdout;
    report.write(summaryText(r, model));
    if (r.evaluation) report.write(evaluationText(r.evaluation, model.classes, model.positiveClass));
    return 0;
  } catch (e) {
    outputs.discard();
    // `--out /dev/stdout | head -1`: the reader had what it wanted.
    if (e instanceof ReaderClosedError && toStdout) return 0;
    if (e instanceof ReaderClosedError) throw new ApiError('bad-input', `${e.message} Scoring stopped; the predictions it received are incomplete.`);
    throw e;
  } finally {
    bar.done();
  }
}
