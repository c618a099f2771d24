import type { Evaluation, ImportanceSet, ModelResult, RunRecord } from '../search/runRecord';
import { logisticTable } from './logisticTable';
import { pluralOf, summarySentence } from './quadrants';

const count = (n: number) => n.toLocaleString('en-US');
const metric = (v: number) => (Number.isNaN(v) ? 'NaN' : v.toFixed(3));

/** "recall 0.993, precision 0.999 and accuracy 0.996" in the recipe's metric order. */
function metricList(values: Record<string, number>, names: string[]): string {
  const parts = names.filter((n) => values[n] !== undefined).map((n) => `${n} ${metric(values[n])}`);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function recipeMetrics(record: RunRecord): string[] {
  const r = record.recipe as { scoring?: string[]; champion?: { metric?: string } };
  const names = [...(r.scoring ?? [])];
  const c = r.champion?.metric;
  // The champion metric first: it is the one the analyst chose to rank by.
  return c ? [c, ...names.filter((n) => n !== c)] : names;
}

function championMetric(record: RunRecord): string {
  return (record.recipe as { champion?: { metric?: string } }).champion?.metric ?? 'recall';
}

/** The held-out evaluation a model has: the test set for the champion, else validation. */
function heldOut(record: RunRecord, m: ModelResult): { set: string; e: Evaluation } | null {
  if (record.champion?.modelId === m.modelId) return { set: 'test', e: record.champion.test };
  if (m.validation) return { set: 'validation', e: m.validation };
  return null;
}

function topFeatures(set: ImportanceSet, n: number): string {
  const size = (v: number) => (set.kind === 'coefficient' ? Math.abs(v) : set.kind === 'oddsRatio' ? Math.abs(Math.log(v)) : v);
  const top = [...set.features].sort((a, b) => size(b.value) - size(a.value)).slice(0, n);
  const parts = top.map((w) => `${w.feature} (${w.value.toPrecision(2)})`);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function logisticSentences(record: RunRecord, m: ModelResult): string[] {
  const table = logisticTable(m.model);
  if (!table) return [];
  const positive = record.classes[1];
  const features = table.terms.filter((t) => t.term !== 'const');
  const top = [...features].sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient)).slice(0, 3);
  const out = top.map((t) => {
    const dir = t.coefficient >= 0 ? 'increase' : 'decrease';
    const p = t.pValue === null ? '' : `, p ${t.pValue < 0.001 ? '< 0.001' : `= ${t.pValue.toFixed(3)}`}`;
    return `Each additional unit of ${t.term} is associated with a ${Math.abs(t.coefficient).toPrecision(3)} ${dir} in the log-odds of “${positive}” (odds × ${t.oddsRatio.toPrecision(4)}${p}), the other features held fixed.`;
  });
  if (table.note) out.push(table.note);
  if (table.warning) out.push(table.warning);
  return out;
}

/** A few plain sentences on one model of a run, from its numbers; they feed the executive summary later. */
export function interpretModel(record: RunRecord, modelId: string): string[] {
  const m = record.models.find((x) => x.modelId === modelId);
  if (!m) return [];
  const names = recipeMetrics(record);
  const out: string[] = [];
  if (m.partial) {
    out.push(`${m.modelId} was not refitted: the run stopped during the search, so only the mean cross-validation scores of the ${count(m.cv.rows.length)} of ${count(m.candidates)} candidates it finished are known. Its best so far has ${metricList(m.bestCv, names)}.`);
    return out;
  }
  const held = heldOut(record, m);
  if (held) {
    out.push(`On the ${count(held.e.rows)} ${held.set} rows it reaches ${metricList(held.e.metrics, names)}.`);
    const [[tn, fp], [fn, tp]] = held.e.confusion;
    out.push(summarySentence({ tn, fp, fn, tp }, record.classes).replace(/^The model/, 'It'));
  } else {
    out.push(`Its best candidate's mean cross-validation scores are ${metricList(m.bestCv, names)} (no held-out set scored it).`);
  }
  const own = m.importances.find((s) => s.kind !== 'permutation' && s.kind !== 'oddsRatio');
  if (own && own.kind !== 'coefficient') out.push(`It relies most on ${topFeatures(own, 3)}, by ${own.title.toLowerCase()}.`);
  const perm = m.importances.find((s) => s.kind === 'permutation');
  if (perm) {
    const best = [...perm.features].sort((a, b) => b.value - a.value)[0];
    if (best && best.value > 0) out.push(`Shuffling ${best.feature} costs the most: ${perm.title.replace(/^Permutation \((\w+), (\w+)\)$/, '$1 on the $2 rows')} drops by ${best.value.toFixed(3)}.`);
    else if (best) out.push(`No single feature matters much on its own: shuffling any one of them changes the score by less than 0.001.`);
  }
  out.push(...logisticSentences(record, m));
  const c = championMetric(record);
  if (held && m.bestCv[c] !== undefined && held.e.metrics[c] !== undefined && Math.abs(m.bestCv[c] - held.e.metrics[c]) > 0.05) {
    out.push(`Caution: its cross-validation ${c} (${metric(m.bestCv[c])}) and ${held.set} ${c} (${metric(held.e.metrics[c])}) differ by more than 0.05; the estimate is unstable or the sets differ.`);
  }
  return out;
}

/** The run in a sentence or two: the champion, and what to be careful about. */
export function interpretRun(record: RunRecord): string[] {
  const out: string[] = [];
  const c = championMetric(record);
  if (record.champion) {
    const m = record.models.find((x) => x.modelId === record.champion!.modelId)!;
    const chosenBy = record.champion.rule.includes('validation') ? m.validation?.metrics[c] : m.bestCv[c];
    out.push(
      `${m.modelId} is the champion (${record.champion.rule}${chosenBy !== undefined ? `: ${metric(chosenBy)}` : ''}); tested once on ${count(record.champion.test.rows)} held-out rows it has ${c} ${metric(record.champion.test.metrics[c])}.`,
    );
    if (record.models.length > 1) {
      const others = record.models.filter((x) => x !== m && !x.partial);
      if (others.length) out.push(`The other model${others.length > 1 ? 's' : ''}: ${others.map((x) => `${x.modelId} (${record.champion!.rule.includes('validation') ? 'validation' : 'CV'} ${c} ${metric((record.champion!.rule.includes('validation') ? x.validation?.metrics[c] : x.bestCv[c]) ?? NaN)})`).join(', ')}.`);
    }
  } else {
    out.push(`The run stopped before a champion was chosen; the models show the cross-validation candidates they finished.`);
  }
  const pos = pluralOf(record.classes[1]);
  out.push(`The positive class is “${record.classes[1]}”: recall is the share of ${pos} the model catches, precision the share of its flags that are ${pos}.`);
  if (record.leakage.length) {
    out.push(`Leakage: ${record.leakage.length} step${record.leakage.length > 1 ? 's' : ''} learned from the data before the split, so held-out scores are optimistic (${record.leakage.map((l) => l.op).join(', ')}).`);
  }
  return out;
}
