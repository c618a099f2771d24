/**
 * The executive summary of a run, in the seeds' one-page structure (Course 5:
 * the variables analysed, the results, recommendations; Course 6: the
 * champion, its test scores, what it relies on, next steps). Every sentence
 * is built from the record's numbers, as the Runs overview's are, so the
 * summary cannot drift from the tables; the analyst edits it before export.
 */
import { ApiError } from '../api/errors';
import { recipeFacts } from '../compare/sameRows';
import { formatCount, formatMetric, formatShare, listWords } from '../evaluation/format';
import { classReadings, interpretModel, weakestClass } from '../evaluation/interpretation';
import { nounOf, pluralOf } from '../evaluation/quadrants';
import { stepName } from '../recipe/recipePaths';
import type { ImportanceSet, ModelResult, RunRecord } from '../search/runRecord';
import { modelWords, scoredMetrics } from './reportTables';
import { clip, exact, metricLabel, metricText, noteText } from './slideNotes';

/** A positive share outside [IMBALANCED, 1 − IMBALANCED] gets the imbalance caution. */
export const IMBALANCED = 0.2;
/** A gap between mean cross-validation and test scores beyond this gets a caution (as the Runs overview's). */
const GAP = 0.05;
/** Below this, shuffling a feature "changes nothing" (the permutation scores' resolution). */
const NEGLIGIBLE = 0.001;
/** Feature names listed in a sentence before "and N more". */
const LISTED = 6;

export interface SummarySection {
  heading: string;
  bullets: string[];
}

export interface ExecutiveSummary {
  sections: SummarySection[];
  /** One line for the slide's caption. */
  caption: string;
  /** The exact figures behind the sentences. */
  notes: string;
}

/** Rows of the positive class in one part of the data. */
export interface PartBalance {
  part: 'training' | 'validation' | 'test';
  positives: number;
  rows: number;
}

const isBinary = (c: number[][]) => c.length === 2 && c.every((r) => r.length === 2);
const total = (c: number[][]) => c.flat().reduce((a, b) => a + b, 0);

export function championModel(record: RunRecord): ModelResult | null {
  const id = record.champion?.modelId;
  return record.models.find((m) => m.modelId === id) ?? null;
}

/**
 * The positive class's rows in training (from the champion's out-of-fold
 * predictions, which cover every training row), validation and test (the
 * confusion matrices' actual-positive row). Parts the record cannot tell are left out.
 */
export function classBalance(record: RunRecord): PartBalance[] {
  const out: PartBalance[] = [];
  const champ = championModel(record);
  const oof = champ?.heldOut?.outOfFold;
  if (oof && Array.isArray(oof.y) && oof.y.length) out.push({ part: 'training', positives: oof.y.filter((v) => v === 1).length, rows: oof.y.length });
  const validation = champ?.validation ?? record.models.find((m) => m.validation)?.validation;
  if (validation && isBinary(validation.confusion)) {
    out.push({ part: 'validation', positives: validation.confusion[1][0] + validation.confusion[1][1], rows: total(validation.confusion) });
  }
  const test = record.champion?.test;
  if (test && isBinary(test.confusion)) out.push({ part: 'test', positives: test.confusion[1][0] + test.confusion[1][1], rows: total(test.confusion) });
  return out;
}

/** Rows of every class in one part of the data, in `classes` order. */
export interface PartClasses {
  part: 'training' | 'validation' | 'test';
  counts: number[];
  rows: number;
}

/**
 * For a target of more than two classes: each class's rows in training (the
 * champion's out-of-fold class indices), validation and test (the
 * confusion matrices' row sums). Parts the record cannot tell are left out.
 */
export function classCounts(record: RunRecord): PartClasses[] {
  const k = record.classes.length;
  const out: PartClasses[] = [];
  const champ = championModel(record);
  const oof = champ?.heldOut?.outOfFold;
  if (oof && Array.isArray(oof.y) && oof.y.length && oof.y.every((v) => Number.isInteger(v) && v >= 0 && v < k)) {
    const counts = new Array<number>(k).fill(0);
    for (const v of oof.y) counts[v]++;
    out.push({ part: 'training', counts, rows: oof.y.length });
  }
  const square = (c: number[][] | undefined) => !!c && c.length === k && c.every((r) => r.length === k);
  const validation = champ?.validation ?? record.models.find((m) => m.validation)?.validation;
  if (validation && square(validation.confusion)) out.push({ part: 'validation', counts: validation.confusion.map((r) => r.reduce((a, b) => a + b, 0)), rows: total(validation.confusion) });
  const test = record.champion?.test;
  if (test && square(test.confusion)) out.push({ part: 'test', counts: test.confusion.map((r) => r.reduce((a, b) => a + b, 0)), rows: total(test.confusion) });
  return out;
}

/** "“active” 80.0%, “banned” 9.3% and “under review” 10.7%". */
export function classShareWords(classes: readonly string[], part: PartClasses): string {
  return listWords(classes.map((c, i) => `“${c}” ${formatShare(part.counts[i], part.rows)}`));
}

/** "highest cv recall" → "highest mean cross-validation recall". */
export const ruleWords = (rule: string): string => rule.replace(/\bcv\b/, 'mean cross-validation');

// ---------------------------------------------------------------- features in words

interface Dummy {
  column: string;
  value: string;
  base: string | null;
}

interface FeatureKinds {
  dummies: Map<string, Dummy>;
  lengths: Map<string, string>;
  ngrams: Map<string, { column: string; range: [number, number] }>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What each engineered feature is, read from the record and its recipe: the
 * 0/1 indicators of oneHot steps, textLength outputs, and the n-gram counts of
 * a countVectorizer step. N-grams of two or more words are told apart by
 * their spaces; single words cannot be told from column names, so a
 * vectorizer of single words leaves them among the columns.
 */
function featureKinds(record: RunRecord): FeatureKinds {
  const steps = recipeFacts(record).steps.filter(isObject);
  const dummies = new Map<string, Dummy>();
  for (const d of record.dummies ?? []) dummies.set(d.feature, { column: d.column, value: d.value, base: d.base });
  if (!record.dummies) {
    for (const s of steps) {
      if (s.op !== 'oneHot' || !Array.isArray(s.columns)) continue;
      const columns = s.columns.filter((c): c is string => typeof c === 'string').sort((a, b) => b.length - a.length);
      for (const f of record.features) {
        const column = columns.find((c) => f.startsWith(`${c}_`));
        if (column && !dummies.has(f)) dummies.set(f, { column, value: f.slice(column.length + 1), base: null });
      }
    }
  }
  const lengths = new Map<string, string>();
  for (const s of steps) if (s.op === 'textLength' && typeof s.column === 'string') lengths.set(typeof s.output === 'string' ? s.output : 'text_length', s.column);
  const ngrams = new Map<string, { column: string; range: [number, number] }>();
  const vectorizer = steps.find((s) => s.op === 'countVectorizer' && typeof s.column === 'string');
  if (vectorizer) {
    const r = Array.isArray(vectorizer.ngramRange) ? vectorizer.ngramRange : [1, 1];
    const range: [number, number] = [Number(r[0]) || 1, Number(r[1]) || 1];
    if (range[0] >= 2) {
      for (const f of record.features) if (/ /.test(f) && !dummies.has(f) && !lengths.has(f)) ngrams.set(f, { column: String(vectorizer.column), range });
    }
  }
  return { dummies, lengths, ngrams };
}

/** "a, b, c and 4 more". */
function someOf(names: string[], listed = LISTED): string {
  if (names.length <= listed) return listWords(names);
  return `${names.slice(0, listed).join(', ')} and ${formatCount(names.length - listed)} more`;
}

const quoted = (s: string) => `“${s}”`;

function ngramWords([lo, hi]: [number, number]): string {
  const name = (n: number) => (n === 1 ? 'words' : n === 2 ? 'word pairs' : n === 3 ? 'triples' : `${n}-word sequences`);
  if (lo === hi) return name(lo);
  if (hi === lo + 1) return `${name(lo)} and ${name(hi)}`;
  return `sequences of ${lo} to ${hi} words`;
}

/** The features in plain words, one bullet per kind. */
export function featureSentences(record: RunRecord): string[] {
  const kinds = featureKinds(record);
  const plain = record.features.filter((f) => !kinds.dummies.has(f) && !kinds.lengths.has(f) && !kinds.ngrams.has(f));
  const out: string[] = [];
  if (plain.length) out.push(`${formatCount(plain.length)} ${plain.length === 1 ? 'column' : 'columns'} as recorded: ${someOf(plain)}.`);
  for (const [feature, column] of kinds.lengths) if (record.features.includes(feature)) out.push(`${feature}: the length of ${column} in characters.`);
  const byColumn = new Map<string, Dummy[]>();
  for (const f of record.features) {
    const d = kinds.dummies.get(f);
    if (d) byColumn.set(d.column, [...(byColumn.get(d.column) ?? []), d]);
  }
  if (byColumn.size) {
    const parts = [...byColumn].map(([column, ds]) => {
      const base = ds[0].base;
      return `${column} (${listWords(ds.map((d) => d.value))}${base !== null ? ` rather than ${base}` : ''})`;
    });
    const n = [...byColumn.values()].reduce((a, ds) => a + ds.length, 0);
    out.push(`${formatCount(n)} category ${n === 1 ? 'indicator' : 'indicators'} (0/1): ${listWords(parts)}.`);
  }
  const grams = [...kinds.ngrams];
  if (grams.length) {
    const { column, range } = grams[0][1];
    out.push(`${formatCount(grams.length)} counts of ${ngramWords(range)} in ${column}, such as ${listWords(grams.slice(0, 3).map(([f]) => quoted(f)))}.`);
  }
  return out;
}

/** One feature in words: `author_ban_status “under review”`, `“mount everest” in video_transcription_text`. */
export function featurePhrase(record: RunRecord, feature: string): string {
  const kinds = featureKinds(record);
  const d = kinds.dummies.get(feature);
  if (d) return `${d.column} ${quoted(d.value)}`;
  const length = kinds.lengths.get(feature);
  if (length) return `the length of ${length}`;
  const gram = kinds.ngrams.get(feature);
  if (gram) return `${quoted(feature)} in ${gram.column}`;
  return feature;
}

// ---------------------------------------------------------------- what the model relies on

/** "recall on the validation rows", from "Permutation (recall, validation)". */
function permutationWhat(set: ImportanceSet): string {
  const m = /^Permutation \(([^,]+), (\w+)\)$/.exec(set.title);
  if (!m) return 'the score';
  return set.sample ? `${m[1]} on a random ${formatCount(set.sample.rows)} of the ${formatCount(set.sample.of)} ${m[2]} rows` : `${m[1]} on the ${m[2]} rows`;
}

const ranked = (set: ImportanceSet, size: (v: number) => number) =>
  set.features.filter((w) => Number.isFinite(w.value) && size(w.value) > 0).sort((a, b) => size(b.value) - size(a.value));

function permutationSentences(record: RunRecord, set: ImportanceSet): string[] {
  const top = ranked(set, (v) => v);
  const what = permutationWhat(set);
  if (!top.length || top[0].value < NEGLIGIBLE) {
    return [`No single feature matters much on its own: shuffling any one of them changes ${what} by less than ${NEGLIGIBLE}.`];
  }
  const next = top.slice(1, 4).filter((w) => w.value >= NEGLIGIBLE);
  const first = `Shuffling ${featurePhrase(record, top[0].feature)} lowers ${what} by ${formatMetric(top[0].value)}, more than any other feature`;
  const rest = next.length ? `; next ${next.length === 1 ? 'comes' : 'come'} ${listWords(next.map((w) => `${featurePhrase(record, w.feature)} (${formatMetric(w.value)})`))}` : '';
  const out = [`${first}${rest}.`];
  const negligible = set.features.filter((w) => Number.isFinite(w.value) && w.value < NEGLIGIBLE).length;
  if (negligible) out.push(`Shuffling any one of the other ${formatCount(negligible)} features changes ${what} by less than ${NEGLIGIBLE}.`);
  return out;
}

function ownImportanceSentence(record: RunRecord, set: ImportanceSet): string | null {
  if (set.kind === 'coefficient' || set.kind === 'oddsRatio') return null;
  const top = ranked(set, (v) => v).slice(0, 3);
  if (!top.length) return null;
  return `By ${set.title.toLowerCase()}, the model leans most on ${listWords(top.map((w) => `${featurePhrase(record, w.feature)} (${formatMetric(w.value)})`))}.`;
}

function reliesOn(record: RunRecord, m: ModelResult): string[] {
  const out: string[] = [];
  const perm = m.importances.find((s) => s.kind === 'permutation');
  if (perm) out.push(...permutationSentences(record, perm));
  const own = m.importances.find((s) => s.kind !== 'permutation');
  const ownText = own ? ownImportanceSentence(record, own) : null;
  if (ownText) out.push(ownText);
  // A logistic regression's effects in log-odds and odds, as the Runs overview reads them.
  let effects: string[] = [];
  try {
    effects = interpretModel(record, m.modelId).filter((s) => / is associated with /.test(s));
  } catch {
    effects = [];
  }
  out.push(...effects.slice(0, 2));
  if (!out.length) out.push(`The run recorded no feature importance for ${m.modelId}.`);
  return out;
}

// ---------------------------------------------------------------- the summary

interface Counts {
  tn: number;
  fp: number;
  fn: number;
  tp: number;
}

function counted(n: number, label: string): string {
  const noun = nounOf(label);
  return `${formatCount(n)} ${n === 1 ? noun.one : noun.many}`;
}

/** "It finds 1,886 of the 1,889 claims in the test rows and misses 3." */
function findsSentence(c: Counts, classes: readonly string[]): string {
  const positives = c.tp + c.fn;
  const negatives = c.tn + c.fp;
  const pos = pluralOf(classes[1]);
  const neg = pluralOf(classes[0]);
  const finds = positives === 0 ? `There are no ${pos} in the test rows` : `It finds ${formatCount(c.tp)} of the ${formatCount(positives)} ${pos} in the test rows and misses ${formatCount(c.fn)}`;
  const flags = negatives === 0 ? `there are no ${neg} to flag` : `it wrongly flags ${formatCount(c.fp)} of the ${formatCount(negatives)} ${neg} as ${pos}`;
  return `${finds}; ${flags}.`;
}

/** Test metrics in the seeds' order (recall, precision, accuracy, F1), then any other scored metric. */
function testMetricOrder(record: RunRecord): string[] {
  const scored = scoredMetrics(record);
  const first = ['recall', 'precision', 'accuracy', 'f1'].filter((k) => scored.includes(k) || record.champion?.test.metrics[k] !== undefined);
  return [...first, ...scored.filter((k) => !first.includes(k))].filter((k) => record.champion?.test.metrics[k] !== undefined);
}

const metricList = (values: Record<string, number>, names: string[]) => listWords(names.map((k) => `${metricLabel(k)} ${metricText(values[k])}`));

/** "The models see N features." and what each kind of feature is. */
function featureBullets(record: RunRecord): string[] {
  return [`The models see ${formatCount(record.features.length)} ${record.features.length === 1 ? 'feature' : 'features'}.`, ...featureSentences(record)];
}

type Champion = NonNullable<RunRecord['champion']>;

/** The champion, how it was chosen, and its test metrics. */
function championBullets(record: RunRecord, champion: Champion, m: ModelResult, names: string[]): string[] {
  return [
    `${m.modelId} (${modelWords(m.type)}) is the champion${record.models.length > 1 ? ` of ${formatCount(record.models.length)} models` : ''}, chosen by ${ruleWords(champion.rule)}.`,
    `On the ${formatCount(champion.test.rows)} test rows, scored once, it reaches ${metricList(champion.test.metrics, names) || 'no recorded metric'}.`,
  ];
}

const bestCandidate = (m: ModelResult) => m.cv.rows.find((r) => r.candidate === m.cv.best);

/** The best candidate's mean cross-validation score, and the other finished models on the metric the champion was chosen by. */
function cvBullets(record: RunRecord, champion: Champion, m: ModelResult, metricName: string, folds: number): string[] {
  const out: string[] = [];
  const cvMean = m.bestCv[metricName];
  if (typeof cvMean === 'number' && Number.isFinite(cvMean)) {
    const std = bestCandidate(m)?.std[metricName];
    const spread = typeof std === 'number' && Number.isFinite(std) ? ` (± ${formatMetric(std)} over ${formatCount(folds)} folds)` : '';
    out.push(`In cross-validation its best candidate reaches mean ${metricLabel(metricName)} ${formatMetric(cvMean)}${spread}.`);
  }
  const others = record.models.filter((x) => x.modelId !== m.modelId && !x.partial);
  if (others.length) {
    const onValidation = /\bvalidation\b/.test(champion.rule);
    const parts = others.map((x) => {
      const v = onValidation ? x.validation?.metrics[metricName] : x.bestCv[metricName];
      return `${x.modelId} (${modelWords(x.type)}) ${onValidation ? 'validation' : 'mean cross-validation'} ${metricLabel(metricName)} ${metricText(v)}`;
    });
    out.push(`Compared: ${listWords(parts)}.`);
  }
  return out;
}

/** The caution when mean cross-validation and test differ by more than GAP on the champion's metric, or null. */
function gapCaution(champion: Champion, m: ModelResult, metricName: string): string | null {
  const cvMean = m.bestCv[metricName];
  const testValue = champion.test.metrics[metricName];
  if (typeof cvMean !== 'number' || typeof testValue !== 'number' || !(Math.abs(cvMean - testValue) > GAP)) return null;
  return `Caution: mean cross-validation ${metricLabel(metricName)} (${formatMetric(cvMean)}) and test ${metricLabel(metricName)} (${formatMetric(testValue)}) differ by more than ${GAP}: the estimate is unstable, or the test rows differ from the training rows.`;
}

/** The first next steps: re-run without the leak (when the recipe leaks), and validate on new data. */
function firstNextSteps(record: RunRecord): string[] {
  const next: string[] = [];
  if (record.leakage.length) {
    const steps = listWords(record.leakage.map((l) => stepName(l.step, l.op)));
    next.push(`Re-run the leak-free recipe: move the split before ${steps}, so that ${record.leakage.length === 1 ? 'it is' : 'they are'} fitted on training rows only, and report that run's test scores instead.`);
  }
  next.push('Validate the model on new data (rows collected after this sample) before relying on it.');
  return next;
}

/** The five sections in the seeds' order, at most 12 bullets of at most 1,000 characters each. */
function summarySections(record: RunRecord, m: ModelResult, bullets: { variables: string[]; results: string[]; recommendations: string[]; next: string[] }): SummarySection[] {
  return [
    { heading: 'Variables analysed', bullets: bullets.variables },
    { heading: 'Results', bullets: bullets.results },
    { heading: 'What the model relies on', bullets: reliesOn(record, m) },
    { heading: 'Recommendations', bullets: bullets.recommendations },
    { heading: 'Next steps', bullets: bullets.next },
  ].map((x) => ({ heading: x.heading, bullets: x.bullets.slice(0, 12).map((b) => clip(b, 1000)) }));
}

/** The exact test metrics and mean cross-validation scores, for the notes. */
function scoreNotes(champion: Champion, m: ModelResult): string[] {
  const best = bestCandidate(m);
  return [
    ...Object.entries(champion.test.metrics).map(([k, v]) => `Test ${k}: ${exact(v)}`),
    ...Object.entries(m.bestCv).map(([k, v]) => `Mean CV ${k} of the best candidate: ${exact(v)}${Number.isFinite(v) && best?.std[k] !== undefined ? ` (std ${exact(best.std[k])})` : ''}`),
  ];
}

const leakageNotes = (record: RunRecord) => record.leakage.map((l) => `Leakage: ${stepName(l.step, l.op)}: ${l.message}`);

function leakSentence(record: RunRecord): string | null {
  const leaks = record.leakage;
  if (!leaks.length) return null;
  // One leak is explained in its own words; several are named (the preparation slide explains each).
  const which = leaks.length === 1 ? `${stepName(leaks[0].step, leaks[0].op)} runs before the split (${leaks[0].message.replace(/\.$/, '')})` : `${listWords(leaks.map((l) => stepName(l.step, l.op)))} run before the split`;
  return `Caution: the recipe leaks: ${which}, so the test scores are likely optimistic; do not act on them yet.`;
}

/** The champion's summary: variables analysed, results, what it relies on, recommendations, next steps. */
export function executiveSummary(record: RunRecord): ExecutiveSummary {
  const champion = record.champion;
  const m = championModel(record);
  if (!champion || !m) throw new ApiError('bad-input', 'An executive summary needs a finished run with a champion.');
  if (record.classes.length > 2) return multiclassSummary(record, champion, m);
  const facts = recipeFacts(record);
  const [negative, positive] = record.classes;
  const target = facts.target ?? 'the target';
  const balance = classBalance(record);
  const test = balance.find((b) => b.part === 'test');
  const testShare = test && test.rows > 0 ? test.positives / test.rows : null;
  const c: Counts | null = isBinary(champion.test.confusion)
    ? { tn: champion.test.confusion[0][0], fp: champion.test.confusion[0][1], fn: champion.test.confusion[1][0], tp: champion.test.confusion[1][1] }
    : null;
  const names = testMetricOrder(record);
  const metricName = /\b(\w+)$/.exec(champion.rule)?.[1] ?? facts.refit ?? 'recall';

  // Variables analysed.
  const variables = [`Target: ${target}, whether a row is ${quoted(positive)} (the positive class) or ${quoted(negative)}.`, ...featureBullets(record)];
  if (test) variables.push(`${quoted(positive)} makes up ${formatShare(test.positives, test.rows)} of the test rows (${formatCount(test.positives)} of ${formatCount(test.rows)}).`);

  // Results.
  const results = [...championBullets(record, champion, m, names), ...(c ? [findsSentence(c, record.classes)] : []), ...cvBullets(record, champion, m, metricName, facts.cv.folds)];

  // Recommendations.
  const recommendations: string[] = [];
  const leak = leakSentence(record);
  if (leak) recommendations.push(leak);
  if (testShare !== null && test && (testShare < IMBALANCED || testShare > 1 - IMBALANCED)) {
    const majority = testShare < 0.5 ? negative : positive;
    const majorityShare = testShare < 0.5 ? 1 - testShare : testShare;
    recommendations.push(
      `Caution: the classes are imbalanced: ${formatShare(test.positives, test.rows)} of the test rows are ${pluralOf(positive)}, so accuracy says little ` +
        `(predicting ${quoted(majority)} for every row would score ${formatMetric(majorityShare)}); judge the model by recall and precision.`,
    );
  }
  const gap = gapCaution(champion, m, metricName);
  if (gap) recommendations.push(gap);
  const recall = c && c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : null;
  const precision = c && c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : null;
  if (!leak && c && recall !== null && precision !== null) {
    if (recall >= 0.9 && precision >= 0.9) {
      recommendations.push(
        `The model can be recommended for a trial: on rows it never saw it catches ${formatShare(c.tp, c.tp + c.fn)} of ${pluralOf(positive)} and ${formatShare(c.tp, c.tp + c.fp)} of its flags are right.`,
      );
    } else if (precision < 0.5) {
      recommendations.push(
        `Most of its flags are wrong: precision ${formatMetric(precision)}, ${formatCount(c.fp)} of its ${formatCount(c.tp + c.fp)} flags are ${pluralOf(negative)}; use it to rank rows for review rather than to decide alone.`,
      );
    } else if (recall < 0.8) {
      recommendations.push(`It misses ${formatShare(c.fn, c.tp + c.fn)} of ${pluralOf(positive)}; if a miss is costly, lower the decision threshold (tuned on the out-of-fold scores) before using it.`);
    } else {
      recommendations.push(`Its scores are moderate (recall ${formatMetric(recall)}, precision ${formatMetric(precision)}): use it to prioritise rows for review rather than to decide alone.`);
    }
  }
  if (!recommendations.length) recommendations.push(`Judge the model by ${metricLabel(metricName)}, the metric the champion was chosen by.`);

  // Next steps.
  const next = firstNextSteps(record);
  if (c && (c.fn > 0 || c.fp > 0)) {
    const misses = c.fn > 0 ? `the ${counted(c.fn, positive)} it misses` : '';
    const alarms = c.fp > 0 ? `the ${counted(c.fp, negative)} it wrongly flags` : '';
    next.push(`Review ${listWords([misses, alarms].filter(Boolean))} in the test rows to see what they have in common.`);
  }
  if (testShare !== null && (testShare < IMBALANCED || testShare > 1 - IMBALANCED) && m.heldOut?.outOfFold) {
    next.push(`Choose the decision threshold for the recall the work needs on the out-of-fold scores of the training rows, not on the test rows.`);
  }

  const sections = summarySections(record, m, { variables, results, recommendations, next });

  const caption = c
    ? `${m.modelId} finds ${formatCount(c.tp)} of ${counted(c.tp + c.fn, positive)} in the test rows (recall ${metricText(recall)}) and wrongly flags ${formatCount(c.fp)} of ${counted(c.tn + c.fp, negative)}.`
    : `${m.modelId} on the ${formatCount(champion.test.rows)} test rows: ${metricList(champion.test.metrics, names)}.`;
  const notes = noteText([
    `Champion: ${m.modelId} (${m.type}), rule: ${champion.rule}.`,
    `Test rows: ${champion.test.rows}; confusion (rows actual ${negative}, ${positive}; columns predicted): ${JSON.stringify(champion.test.confusion)}.`,
    ...scoreNotes(champion, m),
    ...balance.map((b) => `${b.part}: ${b.positives} of ${b.rows} rows are ${positive}`),
    ...leakageNotes(record),
  ]);
  return { sections, caption: clip(caption, 2000), notes };
}

// ---------------------------------------------------------------- more than two classes

/** Below this share of the test rows a class is rare, and accuracy says little about it. */
const RARE = 0.1;

/**
 * The summary of a run whose target has more than two classes: the same
 * sections, with each class read from the test matrix ("it finds 41% of the
 * “banned” rows; most of the rest it calls “active”") instead of one
 * positive class's misses and false alarms.
 */
function multiclassSummary(record: RunRecord, champion: Champion, m: ModelResult): ExecutiveSummary {
  const facts = recipeFacts(record);
  const { classes } = record;
  const target = facts.target ?? 'the target';
  const matrix = champion.test.confusion;
  const square = matrix.length === classes.length && matrix.every((r) => r.length === classes.length);
  const parts = classCounts(record);
  const test = parts.find((p) => p.part === 'test');
  const names = testMetricOrder(record);
  const metricName = /\b(\w+)$/.exec(champion.rule)?.[1] ?? facts.refit ?? 'f1_macro';

  const variables = [`Target: ${target}, one of ${formatCount(classes.length)} classes: ${listWords(classes.map(quoted))}.`, ...featureBullets(record)];
  if (test) variables.push(`In the ${formatCount(test.rows)} test rows: ${classShareWords(classes, test)}.`);

  const readings = square ? classReadings(matrix, classes) : [];
  const results = [
    ...championBullets(record, champion, m, names),
    ...readings.map((r) => `${quoted(classes[r.classIndex])}: ${r.sentence}`),
    ...cvBullets(record, champion, m, metricName, facts.cv.folds),
  ];

  const recommendations: string[] = [];
  const leak = leakSentence(record);
  if (leak) recommendations.push(leak);
  if (test && test.rows > 0) {
    const rarest = test.counts.indexOf(Math.min(...test.counts));
    const largest = test.counts.indexOf(Math.max(...test.counts));
    if (test.counts[rarest] / test.rows < RARE) {
      recommendations.push(
        `Caution: the classes are imbalanced: ${quoted(classes[rarest])} is ${formatShare(test.counts[rarest], test.rows)} of the test rows, so accuracy says little ` +
          `(predicting ${quoted(classes[largest])} for every row would score ${formatMetric(test.counts[largest] / test.rows)}); judge the model by each class's recall and the macro averages.`,
      );
    }
  }
  const gap = gapCaution(champion, m, metricName);
  if (gap) recommendations.push(gap);
  const weakest = square ? weakestClass(matrix) : null;
  if (!leak && weakest !== null) {
    const members = matrix[weakest].reduce((a, b) => a + b, 0);
    const recall = matrix[weakest][weakest] / members;
    if (recall < 0.5) {
      recommendations.push(
        `It finds only ${formatShare(matrix[weakest][weakest], members)} of the ${quoted(classes[weakest])} rows: use it to rank rows for review by p(${classes[weakest]}) rather than to decide alone, and choose that class's threshold on the out-of-fold scores.`,
      );
    } else if (recall >= 0.9) {
      recommendations.push(`Every class is found at least ${formatShare(matrix[weakest][weakest], members)} of the time on rows it never saw; the model can be recommended for a trial.`);
    } else {
      recommendations.push(`Its weakest class is ${quoted(classes[weakest])} (recall ${formatMetric(recall)}): use it to prioritise rows for review rather than to decide alone.`);
    }
  }
  if (!recommendations.length) recommendations.push(`Judge the model by ${metricLabel(metricName)}, the metric the champion was chosen by.`);

  const next = firstNextSteps(record);
  if (weakest !== null) {
    const row = matrix[weakest];
    let other = -1;
    row.forEach((v, j) => {
      if (j !== weakest && (other < 0 || v > row[other])) other = j;
    });
    if (other >= 0 && row[other] > 0) next.push(`Review the ${formatCount(row[other])} test ${row[other] === 1 ? 'row' : 'rows'} of ${quoted(classes[weakest])} it calls ${quoted(classes[other])} to see what they have in common.`);
  }

  const sections = summarySections(record, m, { variables, results, recommendations, next });

  const caption =
    weakest !== null && readings[weakest]
      ? `${m.modelId} on the ${formatCount(champion.test.rows)} test rows: ${metricList(champion.test.metrics, names)}. Weakest class ${quoted(classes[weakest])}. ${readings[weakest].sentence}`
      : `${m.modelId} on the ${formatCount(champion.test.rows)} test rows: ${metricList(champion.test.metrics, names)}.`;
  const notes = noteText([
    `Champion: ${m.modelId} (${m.type}), rule: ${champion.rule}.`,
    `Test rows: ${champion.test.rows}; confusion (rows actual, columns predicted, classes in the order ${classes.map(quoted).join(', ')}): ${JSON.stringify(matrix)}.`,
    ...scoreNotes(champion, m),
    ...parts.map((p) => `${p.part}: ${classes.map((c, i) => `${c} ${p.counts[i]}`).join(', ')} of ${p.rows} rows`),
    ...leakageNotes(record),
  ]);
  return { sections, caption: clip(caption, 2000), notes };
}
