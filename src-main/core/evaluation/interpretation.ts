/**
 * A run's numbers in plain sentences, for the Run view's overview (and later
 * the executive summary): how well a model does on the rows it was not
 * trained on, what it misses, what it relies on and what to be careful about.
 * Every sentence is built from the record, so it cannot drift from the tables.
 */
import { ApiError } from '../api/errors';
import { stepName } from '../recipe/recipePaths';
import type { Evaluation, ImportanceSet, ModelResult, RunRecord } from '../search/runRecord';
import type { DummyFeature } from '../search/dummyFeatures';
import {
  formatCoefficient,
  formatCount,
  formatMetric,
  formatOddsRatio,
  formatPValue,
  formatShare,
  listWords,
} from './format';
import { logisticTable, type LogisticTerm } from './logisticTable';
import { nounOf, pluralOf, summarySentence } from './quadrants';

/** At most this many sentences per model: cautions are kept, the least telling readings dropped. */
const MAX_SENTENCES = 6;
/** A gap between cross-validation and held-out scores beyond this gets a caution. */
const GAP = 0.05;

interface RecipeMetrics {
  /** The champion metric first (the one the analyst ranks by), then the other scoring metrics. */
  names: string[];
  champion: string;
}

function recipeMetrics(record: RunRecord): RecipeMetrics {
  const r = (typeof record.recipe === 'object' && record.recipe !== null ? record.recipe : {}) as { scoring?: unknown; champion?: { metric?: unknown } };
  const scoring = Array.isArray(r.scoring) ? r.scoring.filter((s): s is string => typeof s === 'string') : [];
  const champion = typeof r.champion?.metric === 'string' ? r.champion.metric : (scoring[0] ?? 'recall');
  return { names: [champion, ...scoring.filter((n) => n !== champion)], champion };
}

/** "recall 0.993, precision 0.999 and accuracy 0.996", skipping metrics the values lack. */
function metricList(values: Record<string, number>, names: string[], prefix = ''): string {
  return listWords(names.filter((n) => typeof values[n] === 'number').map((n) => `${prefix}${n} ${formatMetric(values[n])}`));
}

interface HeldOut {
  set: 'test' | 'validation';
  e: Evaluation;
}

/** The held-out evaluation a model has: the test set for the champion (scored once), else validation. */
function heldOut(record: RunRecord, m: ModelResult): HeldOut | null {
  if (record.champion?.modelId === m.modelId) return { set: 'test', e: record.champion.test };
  if (m.validation) return { set: 'validation', e: m.validation };
  return null;
}

const isBinaryMatrix = (c: number[][]) => c.length === 2 && c.every((r) => r.length === 2);

/** How far a value is from "no effect" in its own kind of importance. */
function sizeIn(set: ImportanceSet): (v: number) => number {
  if (set.kind === 'coefficient') return Math.abs;
  if (set.kind === 'oddsRatio') return (v) => Math.abs(Math.log(v));
  return (v) => v;
}

function reliesOn(set: ImportanceSet): string | null {
  const size = sizeIn(set);
  const top = set.features
    .filter((w) => size(w.value) > 0)
    .sort((a, b) => size(b.value) - size(a.value))
    .slice(0, 3);
  if (!top.length) return null;
  const value = (v: number) => (set.kind === 'coefficient' || set.kind === 'oddsRatio' ? formatCoefficient(v) : formatMetric(v));
  const list = listWords(top.map((w) => `${w.feature} (${value(w.value)})`));
  if (set.kind === 'coefficient') return `It relies most on ${list}, by |coefficient|; coefficients depend on each feature's units, so compare them on a common scale only.`;
  if (set.kind === 'oddsRatio') return `It relies most on ${list}, by how far the odds ratio is from 1; this depends on each feature's units.`;
  return `It relies most on ${list}, by ${set.title.toLowerCase()}.`;
}

function coefficientReliance(terms: LogisticTerm[]): string | null {
  const top = terms
    .filter((t) => t.coefficient !== 0)
    .sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient))
    .slice(0, 3);
  if (!top.length) return null;
  const list = listWords(top.map((t) => `${t.term} (${formatCoefficient(t.coefficient)})`));
  return `It relies most on ${list}, by |coefficient|; coefficients depend on each feature's units, so compare them on a common scale only.`;
}

function permutationSentence(set: ImportanceSet): string | null {
  const best = [...set.features].filter((w) => Number.isFinite(w.value)).sort((a, b) => b.value - a.value)[0];
  if (!best) return null;
  if (best.value < 0.001) return 'No single feature matters much on its own: shuffling any one of them changes the score by less than 0.001.';
  const m = /^Permutation \(([^,]+), (\w+)\)$/.exec(set.title);
  const what = m ? `${m[1]} on the ${m[2]} rows` : 'the score';
  return `Shuffling ${best.feature} costs the most: ${what} drops by ${formatMetric(best.value)}.`;
}

/**
 * The 0/1 indicators of the run's oneHot steps: as recorded, or for a run
 * recorded before they were, read from the recipe's steps (without the
 * dropped category's name, which only the fitted step knew).
 */
function dummiesOf(record: RunRecord): Map<string, { d: DummyFeature; dropped: boolean }> {
  const out = new Map<string, { d: DummyFeature; dropped: boolean }>();
  if (record.dummies) {
    for (const d of record.dummies) out.set(d.feature, { d, dropped: d.base !== null });
    return out;
  }
  const r = (typeof record.recipe === 'object' && record.recipe !== null ? record.recipe : {}) as { steps?: unknown };
  const steps = Array.isArray(r.steps) ? (r.steps as { op?: unknown; columns?: unknown; dropFirst?: unknown }[]) : [];
  for (const s of steps) {
    if (s?.op !== 'oneHot' || !Array.isArray(s.columns)) continue;
    const columns = (s.columns as unknown[]).filter((c): c is string => typeof c === 'string').sort((a, b) => b.length - a.length);
    for (const feature of record.features ?? []) {
      const column = columns.find((c) => feature.startsWith(`${c}_`));
      if (column && !out.has(feature)) out.set(feature, { d: { feature, column, value: feature.slice(column.length + 1), base: null }, dropped: s.dropFirst === true });
    }
  }
  return out;
}

/** "being opinion rather than claim (claim_status)": what a one-unit change of a 0/1 indicator is. */
function dummyChange({ d, dropped }: { d: DummyFeature; dropped: boolean }): string {
  if (d.base !== null) return `being ${d.value} rather than ${d.base} (${d.column})`;
  if (dropped) return `being ${d.value} rather than the dropped first ${d.column} category`;
  return `being ${d.value} (${d.column}) rather than not`;
}

/**
 * "Each additional unit of x is associated with a 0.009 increase in the log-odds of “claim” (odds × 1.009, p < 0.001)."
 * For a 0/1 indicator: "Being opinion rather than claim (claim_status) is associated with …".
 */
function effectSentence(t: LogisticTerm, positive: string, dummy?: { d: DummyFeature; dropped: boolean }): string {
  const direction = t.coefficient >= 0 ? 'increase' : 'decrease';
  let p = '';
  if (t.pValue !== null) {
    p = `, ${formatPValue(t.pValue)}`;
    if (t.pValue >= 0.05) p += ', so the data are also consistent with no effect';
  }
  const change = dummy ? dummyChange(dummy) : `each additional unit of ${t.term}`;
  return (
    `${change[0].toUpperCase()}${change.slice(1)} is associated with a ${formatCoefficient(Math.abs(t.coefficient))} ${direction} ` +
    `in the log-odds of “${positive}” (odds × ${formatOddsRatio(t.oddsRatio)}${p}), the other features held fixed.`
  );
}

function partialSentences(m: ModelResult, names: string[]): string[] {
  const done = m.cv.rows.length;
  const out = [
    `Caution: ${m.modelId} is partial: the run stopped before it was refitted, so only the cross-validation scores of the ${formatCount(done)} of ${formatCount(m.candidates)} candidates it finished are known.`,
  ];
  const list = metricList(m.bestCv, names, 'mean ');
  if (done && list) out.push(`Its best finished candidate reaches ${list} in cross-validation.`);
  return out;
}

/**
 * Three to six short sentences on one model of a run. Throws when the run
 * has no model `modelId`.
 */
export function interpretModel(record: RunRecord, modelId: string): string[] {
  const m = record.models.find((x) => x.modelId === modelId);
  if (!m) {
    throw new ApiError('not-found', `The run has no model "${modelId}"; its models are ${listWords(record.models.map((x) => `"${x.modelId}"`)) || 'none'}.`);
  }
  const { names } = recipeMetrics(record);
  if (m.partial) return partialSentences(m, names);

  const readings: string[] = [];
  const cautions: string[] = [];
  const held = heldOut(record, m);
  if (held) {
    const list = metricList(held.e.metrics, names);
    if (list) readings.push(`On the ${formatCount(held.e.rows)} ${held.set} rows it reaches ${list}.`);
    if (isBinaryMatrix(held.e.confusion)) {
      const [[tn, fp], [fn, tp]] = held.e.confusion;
      readings.push(summarySentence({ tn, fp, fn, tp }, record.classes).replace(/^The model /, 'It '));
    } else if (held.e.confusion.length === record.classes.length && held.e.confusion.length > 2) {
      // The class it finds least of says most about a k-class model.
      const worst = weakestClass(held.e.confusion);
      if (worst !== null) readings.push(classReadings(held.e.confusion, record.classes)[worst].sentence);
    }
  } else {
    const list = metricList(m.bestCv, names, 'mean ');
    if (list) readings.push(`No held-out set scored it; in cross-validation its best candidate reaches ${list}.`);
  }

  const table = logisticTable(m.model);
  const own = m.importances.find((s) => s.kind !== 'permutation');
  const features = table?.rows.filter((t) => t.term !== 'const') ?? [];
  const relies = own ? reliesOn(own) : coefficientReliance(features);
  if (relies) readings.push(relies);

  const effects = [...features].filter((t) => t.coefficient !== 0).sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient));
  const positive = record.classes[1];
  const dummies = dummiesOf(record);
  if (effects[0]) readings.push(effectSentence(effects[0], positive, dummies.get(effects[0].term)));
  const perm = m.importances.find((s) => s.kind === 'permutation');
  const permText = perm ? permutationSentence(perm) : null;
  if (permText) readings.push(permText);
  if (effects[1]) readings.push(effectSentence(effects[1], positive, dummies.get(effects[1].term)));

  if (held) {
    // The largest gap over the recipe's metrics, so one caution names the worst.
    let worst: { name: string; cv: number; out: number } | null = null;
    for (const n of names) {
      const cv = m.bestCv[n];
      const out = held.e.metrics[n];
      if (typeof cv !== 'number' || typeof out !== 'number' || !(Math.abs(cv - out) > GAP)) continue;
      if (!worst || Math.abs(cv - out) > Math.abs(worst.cv - worst.out)) worst = { name: n, cv, out };
    }
    if (worst) {
      cautions.push(
        `Caution: its mean cross-validation ${worst.name} (${formatMetric(worst.cv)}) and ${held.set} ${worst.name} (${formatMetric(worst.out)}) differ by more than ${GAP}: the estimate is unstable, or the ${held.set} rows differ from the training rows.`,
      );
    }
  }
  if (m.failedFits.length) {
    cautions.push(`Caution: ${formatCount(m.failedFits.length)} of ${formatCount(m.fits)} cross-validation fits failed, so some candidates were ranked on fewer folds or not at all.`);
  }
  if (table?.warning) cautions.push(`Caution: ${table.warning}`);
  return [...readings.slice(0, Math.max(0, MAX_SENTENCES - cautions.length)), ...cautions];
}

/** "highest validation recall" → "highest validation recall"; "highest cv recall" → "highest mean cross-validation recall". */
const ruleWords = (rule: string) => rule.replace(/\bcv\b/, 'mean cross-validation');

/** The champion, how the others compare, the positive class, and what to be careful about. */
export function interpretRun(record: RunRecord): string[] {
  const out: string[] = [];
  const { names, champion: metric } = recipeMetrics(record);
  const onValidation = record.champion ? /\bvalidation\b/.test(record.champion.rule) : true;
  const chosenBy = (x: ModelResult): number | undefined => (onValidation ? x.validation?.metrics[metric] : x.bestCv[metric]);
  if (record.champion) {
    const c = record.champion;
    const m = record.models.find((x) => x.modelId === c.modelId);
    const value = m ? chosenBy(m) : undefined;
    const list = metricList(c.test.metrics, names);
    out.push(
      `${c.modelId} is the champion: ${ruleWords(c.rule)}${value !== undefined ? ` (${formatMetric(value)})` : ''}; ` +
        `on the test set (${formatCount(c.test.rows)} rows, scored once) it reaches ${list || 'no recorded metric'}.`,
    );
    const others = record.models
      .filter((x) => x.modelId !== c.modelId)
      .map((x) => ({ x, v: x.partial ? undefined : chosenBy(x) }))
      .sort((a, b) => (b.v ?? -Infinity) - (a.v ?? -Infinity));
    if (others.length) {
      const set = onValidation ? 'validation' : 'mean cross-validation';
      const parts = others.map(({ x, v }) => `${x.modelId} (${v === undefined ? 'partial, not compared' : `${set} ${metric} ${formatMetric(v)}`})`);
      out.push(`${others.length === 1 ? 'The other model' : 'The other models'}: ${listWords(parts)}.`);
    }
  } else {
    const how = record.status === 'failed' ? 'failed' : record.status === 'cancelled' ? 'was cancelled' : 'ended';
    out.push(`The run ${how} before a champion was chosen; each model shows the cross-validation candidates it finished.`);
  }
  if (record.classes.length > 2) {
    out.push(
      `The target has ${record.classes.length} classes (${listWords(record.classes.map((c) => `“${c}”`))}); a class's recall is the share of its rows the model finds, its precision the share of the rows predicted as it that belong to it, and macro averages weigh every class equally, however rare.`,
    );
  } else {
    const pos = pluralOf(record.classes[1]);
    out.push(`The positive class is “${record.classes[1]}”: recall is the share of ${pos} the model catches, precision the share of its flags that are ${pos}.`);
  }
  if (record.leakage.length === 1) {
    const l = record.leakage[0];
    out.push(`Leakage: ${stepName(l.step, l.op)} runs before the split. ${l.message} Held-out scores may be optimistic.`);
  } else if (record.leakage.length > 1) {
    const steps = listWords(record.leakage.map((l) => stepName(l.step, l.op).replace(/^step /, '')));
    out.push(`Leakage: steps ${steps} run before the split and learn from the validation and test rows too, so held-out scores may be optimistic.`);
  }
  return out;
}

/** One class of a k×k matrix in words. */
export interface ClassReading {
  classIndex: number;
  /** Rows of the class, and how many the model predicts as it. */
  members: number;
  found: number;
  sentence: string;
}

/**
 * Each class of a confusion matrix (rows actual, columns predicted) in
 * plain words: "It finds 41.0% of the “banned” rows (672 of 1,639); most of
 * the rest it calls “active” (801 rows). Of the 900 rows it calls
 * “banned”, 74.7% are."
 */
export function classReadings(matrix: readonly (readonly number[])[], classes: readonly string[]): ClassReading[] {
  const k = matrix.length;
  if (k < 2 || matrix.some((r) => r.length !== k) || classes.length !== k) {
    throw new ApiError('bad-input', `Class readings need a square matrix with a row per class; this one is ${k}×${matrix[0]?.length ?? 0} for ${classes.length} classes.`);
  }
  const rowsOf = (noun: string, n: number) => `${formatCount(n)} ${n === 1 ? nounOf(noun).one : nounOf(noun).many}`;
  const label = (c: number) => nounOf(classes[c]).many;
  return matrix.map((row, c) => {
    const members = row.reduce((a, b) => a + b, 0);
    const found = row[c];
    const called = matrix.reduce((a, r) => a + r[c], 0);
    let sentence: string;
    if (members === 0) sentence = `There are no ${label(c)} among these rows.`;
    else if (found === members) sentence = `It finds all ${rowsOf(classes[c], members)}.`;
    else {
      let other = -1;
      for (let j = 0; j < k; j++) if (j !== c && (other < 0 || row[j] > row[other])) other = j;
      const missed = members - found;
      const finds = found === 0 ? `It finds none of the ${rowsOf(classes[c], members)}` : `It finds ${formatShare(found, members)} of the ${label(c)} (${formatCount(found)} of ${formatCount(members)})`;
      const others = row.map((n, j) => ({ n, j })).filter((o) => o.j !== c && o.n > 0).sort((a, b) => b.n - a.n || a.j - b.j);
      const rows = (n: number) => `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;
      const rest =
        row[other] === missed
          ? `${missed === 1 ? 'the other one' : `the other ${formatCount(missed)}`} it calls “${classes[other]}”`
          : row[other] * 2 > missed
            ? `most of the rest it calls “${classes[other]}” (${rows(row[other])})`
            : `the rest it calls ${listWords(others.map((o) => `“${classes[o.j]}” (${rows(o.n)})`))}`;
      sentence = `${finds}; ${rest}.`;
    }
    if (called > 0) sentence += ` Of the ${formatCount(called)} ${called === 1 ? 'row' : 'rows'} it calls “${classes[c]}”, ${formatShare(found, called)} ${called === 1 ? 'is' : 'are'}.`;
    else if (members > 0) sentence += ` It never predicts “${classes[c]}”.`;
    return { classIndex: c, members, found, sentence };
  });
}

/** The present class with the lowest recall (the first on a tie); null when no class has rows. */
export function weakestClass(matrix: readonly (readonly number[])[]): number | null {
  let worst: number | null = null;
  let worstRecall = Infinity;
  matrix.forEach((row, c) => {
    const members = row.reduce((a, b) => a + b, 0);
    if (!members) return;
    const recall = row[c] / members;
    if (recall < worstRecall) {
      worst = c;
      worstRecall = recall;
    }
  });
  return worst;
}
