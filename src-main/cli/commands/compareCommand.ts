import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../../core/api/errors';
import { buildComparison } from '../../core/compare/comparison';
import type { CompareInput, Comparison, MetricRow } from '../../core/compare/types';
import { formatP, formatPercent, count } from '../../core/compare/verdict';
import { SCORER_NAMES } from '../../core/metrics/scorers';
import { MODEL_WORDS } from '../../core/recipe/recipePaths';
import type { ModelType } from '../../core/recipe/schema';
import type { RunRecord } from '../../core/search/runRecord';
import { cliPath } from '../cliWorkbench';
import { jsonErrorLocation, toJsonText } from '../jsonText';

export const COMPARE_USAGE = 'assay compare RUN.json[#MODEL] RUN.json[#MODEL] [C D] [--json] [--metric M] [--rope R] [--chi2]';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a run.json must hold for a comparison, named as the record names it; empty when all is there. */
function missingFields(data: unknown): string[] {
  if (!isObject(data)) return ['a JSON object'];
  const missing: string[] = [];
  if (!Array.isArray(data.models)) missing.push('"models" (a list)');
  else {
    data.models.forEach((m, i) => {
      if (!isObject(m) || typeof m.modelId !== 'string') missing.push(`"models[${i}].modelId"`);
      else if (!isObject(m.cv) || !Array.isArray(m.cv.rows) || typeof m.cv.best !== 'number') missing.push(`"models[${i}].cv" (the cross-validation results)`);
    });
  }
  if (!Array.isArray(data.classes) || data.classes.length !== 2) missing.push('"classes" (two class names)');
  if (!isObject(data.rows)) missing.push('"rows"');
  if (!isObject(data.dataset)) missing.push('"dataset"');
  if (!isObject(data.recipe)) missing.push('"recipe"');
  if (!('champion' in data)) missing.push('"champion"');
  return missing;
}

/** Reads a run.json as `assay run --out DIR` writes it, with errors naming the file (and line and column for bad JSON). */
function readRunRecord(given: string): RunRecord {
  const path = cliPath(given);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ApiError('not-found', `${path} does not exist or cannot be read.`, { file: path });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const at = jsonErrorLocation(text, e as Error);
    throw new ApiError(
      'bad-input',
      `${basename(path)}${at ? `, line ${at.line}, column ${at.column}` : ''}: not valid JSON (${(e as Error).message}).`,
      { file: path, ...(at ?? {}) },
    );
  }
  const missing = missingFields(data);
  if (missing.length) {
    throw new ApiError('bad-input', `${given} is not a run record (the run.json that assay run --out DIR writes): it has no ${missing.join(', no ')}.`, { file: path });
  }
  return data as RunRecord;
}

/** `RUN.json#rf` → the file and the model; a `#` inside a folder name, or in a file that exists as given, stays part of the path. */
function splitArgument(arg: string): { path: string; modelId: string | null } {
  if (isFile(cliPath(arg))) return { path: arg, modelId: null };
  const at = arg.lastIndexOf('#');
  if (at <= 0 || /[\\/]/.test(arg.slice(at + 1))) return { path: arg, modelId: null };
  return { path: arg.slice(0, at), modelId: arg.slice(at + 1) || null };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function inputsOf(args: string[]): CompareInput[] {
  const records = new Map<string, RunRecord>();
  return args.map((arg) => {
    const { path, modelId } = splitArgument(arg);
    // One record per file, so two models of one file are known to be of one run.
    const key = cliPath(path);
    const record = records.get(key) ?? readRunRecord(path);
    records.set(key, record);
    const id = modelId ?? record.champion?.modelId;
    if (!id) {
      const names = record.models.map((m) => `${path}#${m.modelId}`);
      throw new ApiError('bad-input', `${path} has no champion (the run was ${record.status ?? 'not finished'}); name a model: ${names.join(' or ') || 'it has none'}.`);
    }
    return { run: path, title: record.recipeName, record, modelId: id };
  });
}

/** The document `--json` promises: per model its run, id, type, parameters, CV, validation and test; the pairs as built. */
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
        ? `  Corrected t-test on ${t.metric} over ${t.differences.length} folds: t = ${Number.isFinite(t.t) ? t.t.toFixed(3) : t.t > 0 ? '∞' : '−∞'}, df = ${t.df}, ${formatP(t.pValue)}; ` +
            `P(${a} better) ${formatPercent(t.pBetterA)}, P(${b} better) ${formatPercent(t.pBetterB)}, P(within ±${t.rope}) ${formatPercent(t.pRope)}`
        : '  Corrected t-test: does not apply',
    );
    out.push(...wrap(p.verdict, '  '), '');
  }
  return out.join('\n');
}

/** `assay compare A B [C D]`: 2–4 models from run.json files, side by side with the statistics. */
export function compareCommand(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: 'boolean' }, metric: { type: 'string' }, rope: { type: 'string' }, chi2: { type: 'boolean' } },
      allowPositionals: true,
    });
  } catch (e) {
    console.error(`assay compare: ${(e as Error).message}\nusage: ${COMPARE_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length < 2 || positionals.length > 4) {
    console.error(`usage: ${COMPARE_USAGE}`);
    return 2;
  }
  if (values.metric !== undefined && !(SCORER_NAMES as readonly string[]).includes(values.metric)) {
    throw new ApiError('bad-input', `--metric must be one of ${SCORER_NAMES.join(', ')}; got "${values.metric}".`);
  }
  const rope = values.rope === undefined ? undefined : Number(values.rope);
  if (rope !== undefined && !(Number.isFinite(rope) && rope >= 0 && rope < 1)) {
    throw new ApiError('bad-input', `--rope must be a number from 0 to below 1 (a difference in the metric's units); got "${values.rope}".`);
  }
  const comparison = buildComparison(inputsOf(positionals), { metric: values.metric, rope, exactMcNemar: !values.chi2 });
  process.stdout.write(values.json ? toJsonText(compareJson(comparison)) + '\n' : compareText(comparison));
  return 0;
}
