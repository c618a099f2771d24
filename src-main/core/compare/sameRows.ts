/**
 * When two runs scored the same rows. Run records keep no row ids, so the
 * rows are known from what decides them: the data (its content hash), the
 * target, every step up to and including the split (they decide which rows
 * reach it and where each goes), and the steps after the split that still
 * change rows — `dropMissing` drops held-out rows too, `resample` changes the
 * training rows (and so the folds). The labels the runs kept are then checked
 * as well: equal hashes and steps with different labels mean something else
 * differed. Two models of one run share their rows by construction.
 *
 * Each check returns null when the rows are the same, else why not: a clause
 * that starts with a word of ours, never a name, so it can open a sentence.
 */
import { STEP_WORDS, stepName } from '../recipe/recipePaths';
import type { StepOp } from '../recipe/schema';
import type { HeldOutScores, RunRecord } from '../search/runRecord';
import { describeStep } from './stepWords';

/** A run as the checks see it: its record and how a sentence names it ("run 12", "out1/run.json"). */
export interface RunSide {
  record: RunRecord;
  name: string;
}

interface RecipeFacts {
  target: string | null;
  steps: unknown[];
  cv: { folds: number; stratified: boolean };
  refit: string | null;
  scoring: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a record's recipe says about rows, folds and metrics; the schema's defaults where a field is missing. */
export function recipeFacts(record: RunRecord): RecipeFacts {
  const r = isObject(record.recipe) ? record.recipe : {};
  const target = isObject(r.target) && typeof r.target.column === 'string' ? r.target.column : null;
  const cv = isObject(r.cv) ? r.cv : {};
  return {
    target,
    steps: Array.isArray(r.steps) ? r.steps : [],
    cv: { folds: typeof cv.folds === 'number' ? cv.folds : 5, stratified: typeof cv.stratified === 'boolean' ? cv.stratified : true },
    refit: typeof r.refit === 'string' ? r.refit : null,
    scoring: Array.isArray(r.scoring) ? r.scoring.filter((s): s is string => typeof s === 'string') : [],
  };
}

/** JSON with object keys sorted, so equal steps compare equal whatever order their fields were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

const opOf = (step: unknown) => (isObject(step) ? step.op : undefined);

function splitIndex(steps: unknown[]): number {
  return steps.findIndex((s) => opOf(s) === 'split');
}

/** "a1b2c3d4…" */
const shortHash = (h: string) => `${h.slice(0, 8)}…`;

/** The steps after the split with one of `ops`, in order. */
function afterSplit(steps: unknown[], ops: string[]): string[] {
  const at = splitIndex(steps);
  return steps.slice(at + 1).filter((s) => ops.includes(String(opOf(s)))).map(canonicalJson);
}

/** Same data, target and steps up to the split, same post-split `dropMissing`: the same rows in each held-out set. */
export function splitRowsDiffer(a: RunSide, b: RunSide): string | null {
  const ha = a.record.dataset.contentHash;
  const hb = b.record.dataset.contentHash;
  if (!ha) return `the data's content hash is not recorded in ${a.name}`;
  if (!hb) return `the data's content hash is not recorded in ${b.name}`;
  if (ha !== hb) return `the runs used different data (hash ${shortHash(ha)} vs ${shortHash(hb)})`;
  const fa = recipeFacts(a.record);
  const fb = recipeFacts(b.record);
  if (fa.target !== fb.target) return `the runs predict different targets (${fa.target ?? 'none recorded'} vs ${fb.target ?? 'none recorded'})`;
  const ia = splitIndex(fa.steps);
  const ib = splitIndex(fb.steps);
  if (ia < 0) return `there is no split step in ${a.name}`;
  if (ib < 0) return `there is no split step in ${b.name}`;
  const before = Math.max(ia, ib);
  for (let i = 0; i <= before; i++) {
    const sa = fa.steps[i];
    const sb = fb.steps[i];
    if (i <= ia && i <= ib && canonicalJson(sa) === canonicalJson(sb)) continue;
    const verb = opOf(sa) === 'split' && opOf(sb) === 'split' ? 'split the rows differently' : 'prepared the rows differently before the split';
    // The step's name is enough to place the difference; the whole step in words is for the steps side by side.
    if (i <= ia && i <= ib && opOf(sa) === opOf(sb)) return `the runs ${verb} (${stepName(i, opOf(sa))}: "${describeStep(sa)}" in ${a.name}, "${describeStep(sb)}" in ${b.name})`;
    const say = (side: RunSide, s: unknown, split: number) => (i <= split ? `${STEP_WORDS[opOf(s) as StepOp] ?? opOf(s)} in ${side.name}` : `the split in ${side.name}`);
    return `the runs ${verb} (step ${i + 1} is ${say(a, sa, ia)}, ${say(b, sb, ib)})`;
  }
  if (afterSplit(fa.steps, ['dropMissing']).join() !== afterSplit(fb.steps, ['dropMissing']).join()) {
    return 'the runs drop different rows with missing values after the split';
  }
  return null;
}

/** The held-out rows' labels as both runs kept them: the check that the rows the recipes describe are the rows scored. */
export function labelsDiffer(a: HeldOutScores, b: HeldOutScores, set: string): string | null {
  if (a.y.length !== b.y.length) {
    return `the ${set} sets differ in size (${a.y.length.toLocaleString('en-US')} vs ${b.y.length.toLocaleString('en-US')} rows)`;
  }
  for (let i = 0; i < a.y.length; i++) {
    if (a.y[i] !== b.y[i]) return `the ${set} rows carry different labels (row ${(i + 1).toLocaleString('en-US')} first), so they are not the same rows`;
  }
  return null;
}

/**
 * Same training rows and the same cross-validation, hence the same folds:
 * the split rows, the same post-split `resample` steps, the same `cv`
 * settings (folds are cut without shuffling, so the training labels decide
 * them), and equal out-of-fold labels when both runs kept them.
 */
export function foldsDiffer(a: RunSide, b: RunSide, outOfFold: { a: HeldOutScores | null | undefined; b: HeldOutScores | null | undefined }): string | null {
  const rows = splitRowsDiffer(a, b);
  if (rows) return rows;
  const fa = recipeFacts(a.record);
  const fb = recipeFacts(b.record);
  if (afterSplit(fa.steps, ['resample']).join() !== afterSplit(fb.steps, ['resample']).join()) {
    return 'the runs resampled the training rows differently';
  }
  if (fa.cv.folds !== fb.cv.folds) return `the runs used different cross-validation (${fa.cv.folds} folds vs ${fb.cv.folds})`;
  if (fa.cv.stratified !== fb.cv.stratified) {
    const s = (x: boolean) => (x ? 'stratified' : 'not stratified');
    return `the runs cut their folds differently (${s(fa.cv.stratified)} in ${a.name}, ${s(fb.cv.stratified)} in ${b.name})`;
  }
  if (outOfFold.a && outOfFold.b) return labelsDiffer(outOfFold.a, outOfFold.b, 'training');
  return null;
}
