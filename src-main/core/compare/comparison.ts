/**
 * The comparison of 2–4 models side by side: their parameters, recipe steps,
 * metrics, confusion matrices and importances, and for every pair McNemar's
 * test on the held-out rows both predicted and the corrected resampled t-test
 * on their fold scores — each only where its condition holds (the same rows,
 * the same folds), else with the reason it does not apply.
 */
import { ApiError } from '../api/errors';
import { kFold, stratifiedKFold } from '../modelSelection/kFold';
import { isScorerName, SCORER_NAMES } from '../metrics/scorers';
import { DEFAULT_THRESHOLD, predictFromProba, predictsPositive } from '../metrics/thresholds';
import { hasClassProbabilities } from '../evaluation/multiclass';
import type { CvRow } from '../search/cvResults';
import type { HeldOutScores, ModelResult, RunRecord } from '../search/runRecord';
import { correctedResampledTTest } from './correctedTTest';
import { mcnemar } from './mcnemar';
import { paramRows, stepSides } from './paramsAndSteps';
import { checkRunRecord } from './recordChecks';
import { canonicalJson, foldsDiffer, labelsDiffer, recipeFacts, splitRowsDiffer, type RunSide } from './sameRows';
import {
  DEFAULT_ROPE,
  isRope,
  type CompareInput,
  type CompareOptions,
  type ComparedEvaluation,
  type ComparedModel,
  type ComparedPair,
  type Comparison,
  type CvTestResult,
  type McNemarResult,
  type MetricRow,
  type RunRef,
} from './types';
import { FOLDS_DIFFER, ROWS_DIFFER, verdictText, type HeldOutErrors } from './verdict';

type HeldOutSet = 'validation' | 'test';

/** One compared model with what the sentences call it. */
interface Side extends RunSide {
  input: CompareInput;
  model: ModelResult;
  champion: boolean;
  /** The model in a sentence: "rf", or "rf (#12)" across runs. */
  speaking: string;
  /** The model in a column or legend: "rf", or "#12 rf" / "run.json#rf" across runs. */
  label: string;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A stored score as a number or null: run.json writes NaN (a failed fit) as null. */
const score = (v: unknown): number | null => (isNumber(v) ? v : null);

const bestRow = (m: ModelResult): CvRow | undefined => m.cv.rows.find((r) => r.candidate === m.cv.best);

/** Path segments, for telling run.json files apart by as few trailing folders as needed. */
const segments = (path: string) => path.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');

/** How each run is tagged in labels: `#12`, or a file's name with as many folders as tell it from the others. */
function runTags(runs: RunRef[]): Map<RunRef, string> {
  const files = [...new Set(runs.filter((r): r is string => typeof r === 'string'))];
  const tags = new Map<RunRef, string>();
  for (const r of runs) {
    if (typeof r === 'number') {
      tags.set(r, `#${r}`);
      continue;
    }
    const mine = segments(r);
    const others = files.filter((f) => f !== r).map(segments);
    let tag = r;
    for (let k = 1; k <= mine.length; k++) {
      const suffix = mine.slice(-k).join('/');
      if (others.every((o) => o.slice(-k).join('/') !== suffix)) {
        tag = suffix;
        break;
      }
    }
    tags.set(r, tag);
  }
  return tags;
}

const sameRun = (a: { input: CompareInput }, b: { input: CompareInput }) => a.input.record === b.input.record || a.input.run === b.input.run;

function sidesOf(inputs: CompareInput[]): Side[] {
  if (inputs.length < 2 || inputs.length > 4) {
    throw new ApiError('bad-input', `Choose 2 to 4 models to compare (got ${inputs.length}).`);
  }
  const tags = runTags(inputs.map((i) => i.run));
  const oneRun = inputs.every((i) => sameRun({ input: i }, { input: inputs[0] }));
  // Sentences name a file as given: a path is what the reader typed.
  const runName = (run: RunRef) => (typeof run === 'number' ? `run ${run}` : run);
  // …and at the start of one.
  const subject = (run: RunRef) => (typeof run === 'number' ? `Run ${run}` : run);
  // Every part of a record read below is checked first, with the models of one run together (their labels must agree).
  for (const input of inputs) {
    if (inputs.find((i) => sameRun({ input: i }, { input })) !== input) continue;
    const ids = inputs.filter((i) => sameRun({ input: i }, { input })).map((i) => i.modelId);
    checkRunRecord(input.record, subject(input.run), ids);
  }
  const sides = inputs.map((input): Side => {
    const model = input.record.models.find((m) => m.modelId === input.modelId);
    if (!model) {
      const has = input.record.models.map((m) => m.modelId).join(', ') || 'none';
      throw new ApiError('not-found', `${subject(input.run)} has no model "${input.modelId}"; its models: ${has}.`);
    }
    return {
      input,
      model,
      record: input.record,
      name: runName(input.run),
      champion: input.record.champion?.modelId === input.modelId,
      speaking: oneRun ? input.modelId : `${input.modelId} (${tags.get(input.run)})`,
      label: oneRun ? input.modelId : typeof input.run === 'number' ? `${tags.get(input.run)} ${input.modelId}` : `${tags.get(input.run)}#${input.modelId}`,
    };
  });
  sides.forEach((s, i) => {
    const twin = sides.findIndex((o, j) => j < i && sameRun(o, s) && o.model.modelId === s.model.modelId);
    if (twin >= 0) throw new ApiError('bad-input', `The model ${s.model.modelId} of ${s.name} is given twice; choose different models to compare.`);
  });
  return sides;
}

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "a", "a and b", "a, b and c". */
function and(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const scoresOf = (s: Side, set: HeldOutSet): HeldOutScores | null => s.model.heldOut?.[set] ?? null;

/** Why the models' predictions on `set` are not of the same rows (or missing), or null when they are. */
function setMissing(sides: Side[], set: HeldOutSet, oneRun: boolean): string | null {
  if (set === 'validation') {
    const without = [...new Set(sides.filter((s) => s.record.rows.validation === 0).map((s) => s.name))];
    if (without.length) return oneRun ? 'the run has no validation set' : `there is no validation set in ${and(without)}`;
  } else {
    const others = sides.filter((s) => !s.champion);
    if (others.length) {
      const which = others.map((s) => (oneRun ? `${s.model.modelId} is not the run's champion` : `${s.model.modelId} is not the champion of ${s.name}`));
      return `only a run's champion is scored on the test rows, and ${and(which)}`;
    }
  }
  for (const s of sides) {
    if (scoresOf(s, set)) continue;
    return s.model.partial
      ? `there are no ${set} predictions of ${s.speaking}: its run was cancelled before it was refitted`
      : `there are no ${set} predictions of ${s.speaking}: its run did not keep them`;
  }
  for (const s of sides.slice(1)) {
    if (sameRun(s, sides[0])) continue;
    const why = labelsDiffer(scoresOf(sides[0], set)!, scoresOf(s, set)!, set);
    if (why) return why;
  }
  return null;
}

/** The held-out set every model predicted on the same rows (validation first), or why there is none. */
function sharedSet(sides: Side[]): { set: HeldOutSet; scores: HeldOutScores[] } | { set: null; reason: string } {
  const oneRun = sides.every((s) => sameRun(s, sides[0]));
  for (const s of sides.slice(1)) {
    if (sameRun(s, sides[0])) continue;
    const why = splitRowsDiffer(sides[0], s);
    if (why) return { set: null, reason: `${ROWS_DIFFER}${why}` };
  }
  const validation = setMissing(sides, 'validation', oneRun);
  if (!validation) return { set: 'validation', scores: sides.map((s) => scoresOf(s, 'validation')!) };
  const test = setMissing(sides, 'test', oneRun);
  if (!test) return { set: 'test', scores: sides.map((s) => scoresOf(s, 'test')!) };
  return { set: null, reason: `${test}; and ${validation}` };
}

/** Each row's predicted class: the binary decision rule, or for k classes the most probable one (argmax, ties to the lower index). */
function predictionsOf(h: HeldOutScores): Int32Array {
  if (hasClassProbabilities(h)) {
    const k = h.y.length ? h.proba.length / h.y.length : 0;
    return Number.isInteger(k) && k > 2 ? predictFromProba({ rows: h.y.length, classes: k, data: Float64Array.from(h.proba) }) : new Int32Array(h.y.length);
  }
  return Int32Array.from(h.score, (v) => (predictsPositive(v, DEFAULT_THRESHOLD) ? 1 : 0));
}

/** The confusion at the decision rule: rows = true class, columns = predicted; 2 × 2, or k × k for k classes. */
function confusionOf(h: HeldOutScores): number[][] {
  const k = hasClassProbabilities(h) && h.y.length ? h.proba.length / h.y.length : 2;
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const pred = predictionsOf(h);
  for (let i = 0; i < h.y.length; i++) m[k === 2 ? (h.y[i] === 1 ? 1 : 0) : h.y[i]][pred[i]]++;
  return m;
}

function mcnemarOf(a: HeldOutScores, b: HeldOutScores, set: HeldOutSet, exact: boolean): { result: McNemarResult; errors: HeldOutErrors | null } {
  let onlyA = 0;
  let onlyB = 0;
  const multiclass = hasClassProbabilities(a);
  const pa = predictionsOf(a);
  const pb = predictionsOf(b);
  const truth = (h: HeldOutScores, i: number) => (multiclass ? h.y[i] : h.y[i] === 1 ? 1 : 0);
  for (let i = 0; i < a.y.length; i++) {
    const rightA = pa[i] === truth(a, i);
    const rightB = pb[i] === truth(b, i);
    if (rightA && !rightB) onlyA++;
    else if (rightB && !rightA) onlyB++;
  }
  const { statistic, pValue } = mcnemar(onlyA, onlyB, exact);
  const result = { set, rows: a.y.length, b: onlyA, c: onlyB, exact, statistic, pValue };
  // With k classes a wrong row is not a miss or a false alarm of one positive class: the verdict speaks of right and wrong only.
  if (multiclass) return { result, errors: null };
  const ca = confusionOf(a);
  const cb = confusionOf(b);
  return { result, errors: { falseNegatives: [ca[1][0], cb[1][0]], falsePositives: [ca[0][1], cb[0][1]] } };
}

/**
 * The rows a fold model trained on and scored, as scikit-learn's example
 * takes them (the first fold's): the folds recut from the training labels
 * when the run kept them, else the largest fold of `train` rows.
 */
function foldSizes(side: Side): { trainRows: number; testRows: number } {
  const { folds, stratified } = recipeFacts(side.record).cv;
  const y = side.model.heldOut?.outOfFold?.y;
  if (y && y.length >= folds) {
    try {
      const [first] = stratified ? stratifiedKFold(Int32Array.from(y), folds) : kFold(y.length, folds);
      return { trainRows: first.train.length, testRows: first.test.length };
    } catch {
      // Labels that cannot be cut this way: fall back to the sizes alone.
    }
  }
  const testRows = Math.ceil(side.record.rows.train / folds);
  return { trainRows: side.record.rows.train - testRows, testRows };
}

function cvTestOf(a: Side, b: Side, metric: string, rope: number): CvTestResult | string {
  for (const s of [a, b]) {
    const folds = bestRow(s.model)?.split?.[metric];
    if (!Array.isArray(folds)) return `there are no cross-validation scores of ${metric} for ${s.speaking}`;
  }
  if (!sameRun(a, b)) {
    const why = foldsDiffer(a, b, { a: a.model.heldOut?.outOfFold, b: b.model.heldOut?.outOfFold });
    if (why) return `${FOLDS_DIFFER}${why}`;
  }
  const fa = bestRow(a.model)!.split[metric].map(score);
  const fb = bestRow(b.model)!.split[metric].map(score);
  if (fa.length !== fb.length) return `the runs have different numbers of folds (${fa.length} vs ${fb.length})`;
  const failed = [a, b].find((_, i) => (i === 0 ? fa : fb).some((v) => v === null));
  if (failed) return `a fold of ${failed.speaking}'s best candidate failed, so its ${metric} is missing on that fold`;
  const differences = fa.map((v, i) => v! - fb[i]!);
  const { trainRows, testRows } = foldSizes(a);
  try {
    const r = correctedResampledTTest(differences, trainRows, testRows, rope);
    return { metric, differences, trainRows, testRows, t: r.t, df: r.df, pValue: r.pValue, pBetterA: r.pBetterA, pBetterB: r.pBetterB, pRope: r.pRope, rope };
  } catch (e) {
    return (e as Error).message.replace(/\.$/, '');
  }
}

function evaluationOf(e: { rows: number; metrics: Record<string, number>; confusion: number[][] } | null | undefined): ComparedEvaluation | null {
  return e ? { rows: e.rows, metrics: e.metrics, confusion: e.confusion } : null;
}

function comparedModel(s: Side): ComparedModel {
  const best = bestRow(s.model);
  const cv: ComparedModel['cv'] = {};
  if (best) for (const [metric, folds] of Object.entries(best.split)) cv[metric] = { mean: best.mean[metric], std: best.std[metric], folds };
  return {
    run: s.input.run,
    runTitle: s.input.title,
    modelId: s.model.modelId,
    label: s.label,
    type: s.model.type,
    champion: s.champion,
    params: s.model.bestParams,
    cv,
    validation: evaluationOf(s.model.validation),
    test: s.champion ? evaluationOf(s.record.champion!.test) : null,
    classes: s.record.classes,
    dataset: { name: s.record.dataset.name, contentHash: s.record.dataset.contentHash },
    rows: s.record.rows,
    leakage: s.record.leakage,
  };
}

/** Indexes of the highest values (ties share); every scorer here is greater-is-better, losses negated. */
function bestOf(values: (number | null)[]): number[] {
  const present = values.filter(isNumber);
  if (!present.length) return [];
  const top = Math.max(...present);
  return values.flatMap((v, i) => (v === top ? [i] : []));
}

/** Every metric any model has in cross-validation, in the recipes' scoring order. */
function metricNames(models: ComparedModel[], records: RunRecord[]): string[] {
  const names: string[] = [];
  for (const r of records) for (const m of recipeFacts(r).scoring) if (!names.includes(m)) names.push(m);
  for (const m of models) for (const k of Object.keys(m.cv)) if (!names.includes(k)) names.push(k);
  return names.filter((n) => models.some((m) => m.cv[n]));
}

function metricRows(models: ComparedModel[], records: RunRecord[]): MetricRow[] {
  return metricNames(models, records).map((metric) => {
    const cv = models.map((m) => {
      const c = m.cv[metric];
      const mean = score(c?.mean);
      return mean === null ? null : { mean, std: score(c.std) ?? NaN };
    });
    const validation = models.map((m) => score(m.validation?.metrics[metric]));
    const test = models.map((m) => score(m.test?.metrics[metric]));
    return { metric, cv, validation, test, best: { cv: bestOf(cv.map((c) => c?.mean ?? null)), validation: bestOf(validation), test: bestOf(test) } };
  });
}

const TOP_FEATURES = 30;

/** The importance kind every model has (permutation first: it compares across model types), aligned by feature. */
function importancesOf(sides: Side[]): Comparison['importances'] {
  const kindsOf = (s: Side) => (s.model.importances ?? []).map((i) => i.kind);
  const shared = kindsOf(sides[0]).filter((k) => sides.every((s) => kindsOf(s).includes(k)));
  const kind = shared.includes('permutation') ? 'permutation' : shared[0];
  if (!kind) return null;
  const sets = sides.map((s) => new Map(s.model.importances.find((i) => i.kind === kind)!.features.map((f) => [f.feature, f.value])));
  const largest = new Map<string, number>();
  for (const set of sets) for (const [f, v] of set) largest.set(f, Math.max(largest.get(f) ?? -Infinity, v));
  const features = [...largest].sort((a, b) => b[1] - a[1]).slice(0, TOP_FEATURES).map(([f]) => f);
  return { kind, features, values: sets.map((set) => features.map((f) => set.get(f) ?? null)) };
}

function sameMetrics(a: ComparedModel, b: ComparedModel): boolean {
  for (const [metric, c] of Object.entries(a.cv)) if (b.cv[metric] && b.cv[metric].mean !== c.mean) return false;
  for (const [x, y] of [
    [a.validation, b.validation],
    [a.test, b.test],
  ]) {
    if (!x || !y) continue;
    for (const [metric, v] of Object.entries(x.metrics)) if (metric in y.metrics && y.metrics[metric] !== v) return false;
  }
  return true;
}

/** The same model fitted the same way: type, parameters, target, recipe steps and data (by content hash). */
function sameModel(a: Side, b: Side): boolean {
  const [fa, fb] = [recipeFacts(a.record), recipeFacts(b.record)];
  const hash = a.record.dataset.contentHash;
  return (
    a.model.type === b.model.type &&
    canonicalJson(a.model.bestParams) === canonicalJson(b.model.bestParams) &&
    fa.target === fb.target &&
    canonicalJson(fa.steps) === canonicalJson(fb.steps) &&
    (sameRun(a, b) || (hash !== null && hash === b.record.dataset.contentHash))
  );
}

/**
 * Compares 2–4 models. Throws `bad-input` for fewer or more, or a model
 * given twice, and `not-found` for a model its run does not have.
 */
export function buildComparison(inputs: CompareInput[], options: CompareOptions = {}): Comparison {
  // The same rules as the API contract's and the CLI's, for callers that reach here without either.
  if (options.metric !== undefined && !isScorerName(options.metric)) {
    throw new ApiError('bad-input', `The metric must be one of ${SCORER_NAMES.join(', ')}; got "${options.metric}".`);
  }
  if (options.rope !== undefined && !isRope(options.rope)) {
    throw new ApiError('bad-input', `The region of practical equivalence must be from 0 to below 1; got ${options.rope}.`);
  }
  const sides = sidesOf(inputs);
  const models = sides.map(comparedModel);
  const metric = options.metric ?? recipeFacts(sides[0].record).refit ?? sides[0].model.cv.refit;
  const rope = options.rope ?? DEFAULT_ROPE;
  const exact = options.exactMcNemar ?? true;

  const pairs: ComparedPair[] = [];
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) {
      const [a, b] = [sides[i], sides[j]];
      const shared = sharedSet([a, b]);
      const tested = shared.set ? mcnemarOf(shared.scores[0], shared.scores[1], shared.set, exact) : null;
      const cv = cvTestOf(a, b, metric, rope);
      const cvTest = typeof cv === 'string' ? null : cv;
      const reasons = { mcnemar: shared.set ? null : shared.reason, cvTest: typeof cv === 'string' ? cv : null };
      const mcnemarResult = tested?.result ?? null;
      const sameResults =
        (mcnemarResult !== null || cvTest !== null) &&
        sameMetrics(models[i], models[j]) &&
        (!mcnemarResult || mcnemarResult.b + mcnemarResult.c === 0) &&
        (!cvTest || cvTest.differences.every((d) => d === 0));
      const identical = sameResults && sameModel(a, b);
      const [positive, negative] = [a.record.classes[1], a.record.classes[0]];
      const verdict = verdictText({
        names: { a: a.speaking, b: b.speaking, positive, negative },
        mcnemar: mcnemarResult,
        errors: tested?.errors ?? null,
        cvTest,
        reasons,
        sameResults,
        identical,
      });
      const sentence = (s: string | null) => (s ? `${upper(s)}.` : null);
      const said = { mcnemar: sentence(reasons.mcnemar), cvTest: sentence(reasons.cvTest) };
      const joined = [said.mcnemar && `McNemar's test: ${said.mcnemar}`, said.cvTest && `Corrected t-test: ${said.cvTest}`].filter(Boolean).join(' ');
      pairs.push({ a: i, b: j, mcnemar: mcnemarResult, cvTest, reason: joined || null, reasons: said, identical, verdict });
    }
  }

  const shared = sharedSet(sides);
  return {
    models,
    pairs,
    settings: { metric, rope, exactMcNemar: exact, threshold: DEFAULT_THRESHOLD },
    params: paramRows(models.map((m) => m.params)),
    steps: stepSides(sides.map((s) => s.record)),
    metrics: metricRows(models, sides.map((s) => s.record)),
    confusion: shared.set
      ? { set: shared.set, reason: null, matrices: shared.scores.map(confusionOf) }
      : { set: null, reason: `${upper(shared.reason)}.`, matrices: sides.map(() => null) },
    importances: importancesOf(sides),
  };
}
