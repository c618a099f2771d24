import { parseArgs } from 'node:util';
import { ApiError } from '../../core/api/errors';
import { buildComparison } from '../../core/compare/comparison';
import { isRope, type CompareInput, type Comparison, type MetricRow } from '../../core/compare/types';
import { formatP, formatPercent, count } from '../../core/compare/verdict';
import { isScorerName, SCORER_NAMES } from '../../core/metrics/scorers';
import { MODEL_WORDS } from '../../core/recipe/recipePaths';
import type { ModelType } from '../../core/recipe/schema';
import type { RunRecord } from '../../core/search/runRecord';
import { cliPath } from '../cliWorkbench';
import { toJsonText } from '../jsonText';
import { isObject, kindOf, readRunRecord, sourceOf } from '../runJsonFile';

export const COMPARE_USAGE = 'assay compare RUN[#MODEL] RUN[#MODEL] [RUN[#MODEL] …] [--json] [--metric M] [--rope R] [--chi2]';

/** What the usage error adds to COMPARE_USAGE: what RUN and MODEL are. */
const RUN_WORDS =
  'RUN is a run.json, or the folder assay run --out DIR writes (its DIR/run.json is read); ' +
  "#MODEL picks a model of the run (its id, which may itself contain # or /), else the run's champion is compared.";

/**
 * `RUN#rf` → the run and the model. Model ids may hold "#" and "/", and
 * paths "#": the argument is cut at the first "#" whose left part exists
 * (a file, or a folder holding run.json), left to right; an argument that
 * exists whole is a run alone; else the last "#" cuts, and the missing file
 * is named.
 */
function splitArgument(arg: string): { source: string; modelId: string | null } {
  if (kindOf(cliPath(arg))) return { source: arg, modelId: null };
  const cuts = [...arg.matchAll(/#/g)].map((m) => m.index).filter((at) => at > 0);
  const at = cuts.find((c) => kindOf(cliPath(arg.slice(0, c)))) ?? cuts.at(-1);
  if (at === undefined) return { source: arg, modelId: null };
  return { source: arg.slice(0, at), modelId: arg.slice(at + 1) || null };
}

function inputsOf(args: string[]): CompareInput[] {
  const records = new Map<string, RunRecord>();
  return args.map((arg) => {
    const split = splitArgument(arg);
    const { run, file } = sourceOf(split.source);
    // One record per file, so two models of one file are known to be of one run.
    const record = records.get(file) ?? readRunRecord(run, file);
    records.set(file, record);
    const id = split.modelId ?? (isObject(record.champion) && typeof record.champion.modelId === 'string' ? record.champion.modelId : null);
    if (!id) {
      const names = record.models.flatMap((m) => (isObject(m) && typeof m.modelId === 'string' ? [`${run}#${m.modelId}`] : []));
      const status = typeof record.status === 'string' ? record.status : 'not finished';
      throw new ApiError('bad-input', `${run} has no champion (the run was ${status}); name a model: ${names.join(' or ') || 'it has none'}.`);
    }
    return { run, title: typeof record.recipeName === 'string' ? record.recipeName : run, record, modelId: id };
  });
}

/**
 * The document `--json` promises: per model its run, id, type, parameters,
 * CV, validation and test; the pairs as built. It is written with
 * non-finite numbers as the strings "Infinity", "-Infinity" and "NaN" (a t
 * of constant non-zero fold differences is infinite, a failed fold's score
 * NaN), because JSON has no such numbers and null here means "cannot apply".
 */
export function compareJson(c: Comparison) {
  return {
    models: c.models.map((m) => ({ run: m.run, modelId: m.modelId, type: m.type, params: m.params, cv: m.cv, validation: m.validation, test: m.test })),
    pairs: c.pairs,
  };
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('   ').trimEnd();
  return [line(header), ...rows.map(line)];
}

/** t as the verdict writes it (two decimals), signed for the order the line names, with a true minus sign. */
const signed = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : x > 0 ? '∞' : '−∞').replace(/^-/, '−');
const f4 = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(4) : '—');
const star = (best: number[], i: number) => (best.includes(i) ? ' *' : '  ');

/** Breaks a paragraph into lines of at most `width` characters, each indented. */
function wrap(text: string, indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

function section(title: string, c: Comparison, cell: (row: MetricRow, i: number) => string): string[] {
  return [title, ...table(['metric', ...c.models.map((m) => m.label)], c.metrics.map((r) => [r.metric, ...c.models.map((_, i) => cell(r, i))])), ''];
}

/** The comparison for a terminal: the models, their metrics side by side (best marked), then each pair's tests and verdict. */
export function compareText(c: Comparison): string {
  const out: string[] = ['Models'];
  out.push(
    ...table(
      ['', 'type', 'run', ''],
      c.models.map((m) => [m.label, MODEL_WORDS[m.type as ModelType] ?? m.type, String(m.run), m.champion ? 'champion' : '']),
    ).map((l) => `  ${l}`),
    '',
  );
  out.push(...section('Cross-validation (best candidate, mean ± std; * best)', c, (r, i) => (r.cv[i] ? `${f4(r.cv[i]!.mean)} ± ${f4(r.cv[i]!.std)}${star(r.best.cv, i)}` : '—  ')));
  const validationRows = c.models.map((m) => m.validation?.rows).find((n) => n !== undefined);
  if (validationRows !== undefined) {
    out.push(...section(`Validation (${count(validationRows)} rows)`, c, (r, i) => `${f4(r.validation[i])}${r.validation[i] === null ? '  ' : star(r.best.validation, i)}`));
  }
  const testRows = c.models.map((m) => m.test?.rows).find((n) => n !== undefined);
  if (testRows !== undefined) {
    out.push(...section(`Test (${count(testRows)} rows; only a run's champion is tested)`, c, (r, i) => `${f4(r.test[i])}${r.test[i] === null ? '  ' : star(r.best.test, i)}`));
  }
  for (const p of c.pairs) {
    const [a, b] = [c.models[p.a].label, c.models[p.b].label];
    out.push(`${a} vs ${b}`);
    const m = p.mcnemar;
    out.push(
      m
        ? `  McNemar (${m.exact ? 'exact binomial' : `χ² = ${m.statistic!.toFixed(3)}`}) on the same ${count(m.rows)} ${m.set} rows: b = ${count(m.b)} (${a} right, ${b} wrong), c = ${count(m.c)}, ${formatP(m.pValue)}`
        : '  McNemar: does not apply',
    );
    const t = p.cvTest;
    out.push(
      t
        ? `  Corrected t-test on ${t.metric} over ${t.differences.length} folds: t (${a} − ${b}) = ${signed(t.t)}, df = ${t.df}, ${formatP(t.pValue)}; ` +
            `P(${a} better) ${formatPercent(t.pBetterA)}, P(${b} better) ${formatPercent(t.pBetterB)}, P(within ±${t.rope}) ${formatPercent(t.pRope)}`
        : '  Corrected t-test: does not apply',
    );
    out.push(...wrap(p.verdict, '  '), '');
  }
  return out.join('\n');
}

const OPTIONS = { json: { type: 'boolean' }, metric: { type: 'string' }, rope: { type: 'string' }, chi2: { type: 'boolean' } } as const;

/**
 * `--rope -1` as `--rope=-1`: parseArgs refuses a value that starts with
 * "-" as ambiguous, and a negative number deserves the range check's answer.
 */
function joinNegativeValues(args: string[]): string[] {
  const takesValue = (a: string) => a.startsWith('--') && OPTIONS[a.slice(2) as keyof typeof OPTIONS]?.type === 'string';
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if (takesValue(args[i]) && next !== undefined && /^-(?!-)/.test(next)) out.push(`${args[i]}=${args[++i]}`);
    else out.push(args[i]);
  }
  return out;
}

/** `assay compare A B [C D]`: 2–4 models from run.json files, side by side with the statistics. */
export function compareCommand(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(args), options: OPTIONS, allowPositionals: true });
  } catch (e) {
    console.error(`assay compare: ${(e as Error).message}\nusage: ${COMPARE_USAGE}\n${RUN_WORDS}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length < 2 || positionals.length > 4) {
    console.error(`usage: ${COMPARE_USAGE}\n${RUN_WORDS}`);
    return 2;
  }
  if (values.metric !== undefined && !isScorerName(values.metric)) {
    throw new ApiError('bad-input', `--metric must be one of ${SCORER_NAMES.join(', ')}; got "${values.metric}".`);
  }
  // Number('') is 0: an empty value is refused, not read as no rope.
  const rope = values.rope === undefined ? undefined : values.rope.trim() === '' ? NaN : Number(values.rope);
  if (rope !== undefined && !isRope(rope)) {
    throw new ApiError('bad-input', `--rope must be a number from 0 to below 1 (a difference in the metric's units); got "${values.rope}".`);
  }
  const comparison = buildComparison(inputsOf(positionals), { metric: values.metric, rope, exactMcNemar: !values.chi2 });
  // Infinity and NaN as strings: in this document null means a test that does not apply.
  process.stdout.write(values.json ? toJsonText(compareJson(comparison), 2, { nonFinite: 'string' }) + '\n' : compareText(comparison));
  return 0;
}
