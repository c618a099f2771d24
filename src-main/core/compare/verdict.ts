/**
 * The tests of a pair read out in the analyst's words, with the class names
 * and the conditions the tests needed ("the same 3,817 validation rows",
 * "the same 5 folds"), and why a test that could not be applied was not.
 */
import type { CvTestResult, McNemarResult } from './types';

/** How a verdict names things. */
export interface VerdictNames {
  /** The two models as a sentence names them: "rf", or "rf (#12)" across runs. */
  a: string;
  b: string;
  /** The positive and negative class, as the run's classes name them. */
  positive: string;
  negative: string;
}

/** Errors of each model on McNemar's rows at the decision rule. */
export interface HeldOutErrors {
  falseNegatives: [number, number];
  falsePositives: [number, number];
}

export interface VerdictInput {
  names: VerdictNames;
  mcnemar: McNemarResult | null;
  /** With `mcnemar` on two classes; null for more, where a wrong row is neither a miss nor a false alarm. */
  errors: HeldOutErrors | null;
  cvTest: CvTestResult | null;
  /** Why a test does not apply, as a clause ("the runs used different data (…)"). */
  reasons: { mcnemar: string | null; cvTest: string | null };
  /** Everything measured is equal: the same metrics, b = c = 0, no fold difference. */
  sameResults: boolean;
  /** The same results of the same model: the same type and parameters, recipe steps and data. */
  identical: boolean;
}

/** Thousands separated, as the analyst reads counts: 3,817. */
export const count = (n: number): string => n.toLocaleString('en-US');

/** A p-value as a statistician writes it: "p < 0.001", else two significant digits ("p = 0.024", "p = 0.29", "p = 1"). */
export function formatP(p: number): string {
  if (Number.isNaN(p)) return 'p undefined';
  if (p < 0.001) return 'p < 0.001';
  return `p = ${Number(p.toPrecision(2))}`;
}

/** A probability as a whole percentage; never 0 % or 100 % for what is merely unlikely or likely. */
export function formatPercent(x: number): string {
  if (x > 0 && x < 0.005) return '< 1 %';
  if (x < 1 && x > 0.995) return '> 99 %';
  return `${Math.round(x * 100)} %`;
}

/** A difference of scores: three decimals, or two significant digits when smaller than that shows. */
function formatDifference(d: number): string {
  const a = Math.abs(d);
  return a >= 0.0005 ? a.toFixed(3) : String(Number(a.toPrecision(2)));
}

/**
 * A class name as a plural noun: "claims", "opinions", "classes", "stories";
 * a name that does not read as a noun ("verified", "not verified", "1")
 * becomes "“verified” rows".
 */
export function pluralClass(name: string, n = 2): string {
  if (!/^[A-Za-z]+$/.test(name) || /ed$/i.test(name)) return `“${name}” row${n === 1 ? '' : 's'}`;
  if (n === 1) return name;
  if (/(s|x|z|ch|sh)$/i.test(name)) return `${name}es`;
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  return `${name}s`;
}

const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

const byChance = (p: number) => (p < 0.05 ? '' : ': not a reliable difference');

function mcnemarText(m: McNemarResult, e: HeldOutErrors | null, n: VerdictNames): string {
  const rows = `the same ${count(m.rows)} ${m.set} rows`;
  if (m.b + m.c === 0) return `${n.a} and ${n.b} make the same prediction on each of ${rows}.`;
  // Without binary errors, only the disagreement itself is said.
  const [fnA, fnB] = e?.falseNegatives ?? [0, 0];
  const [fpA, fpB] = e?.falsePositives ?? [0, 0];
  const p = formatP(m.pValue);
  const missWords = () => {
    const k = Math.abs(fnA - fnB);
    const [worse, better] = fnA > fnB ? [n.a, n.b] : [n.b, n.a];
    return `${worse} misses ${count(k)} more ${pluralClass(n.positive, k)} than ${better}`;
  };
  // With equal false alarms, b − c is exactly the difference in misses, so the test speaks of the misses.
  if (fpA === fpB && fnA !== fnB) return `${missWords()} on ${rows}; a difference this large would arise by chance with ${p}${byChance(m.pValue)}.`;
  const split =
    m.b === m.c
      ? `; neither is right more often (${p})`
      : `; a split this uneven would arise by chance with ${p}${byChance(m.pValue)}`;
  const out = [`${n.a} and ${n.b} disagree on ${count(m.b + m.c)} of ${rows} (${n.a} right on ${count(m.b)}, ${n.b} on ${count(m.c)})${split}.`];
  const details: string[] = [];
  if (fnA !== fnB) details.push(missWords());
  if (fpA !== fpB) {
    const k = Math.abs(fpA - fpB);
    const worse = fpA > fpB ? n.a : n.b;
    details.push(`${worse} flags ${count(k)} more ${pluralClass(n.negative, k)} as ${k === 1 ? withArticle(pluralClass(n.positive, 1)) : pluralClass(n.positive)}`);
  }
  // Model ids keep their case, so the sentence starts with words.
  if (details.length) out.push(`On balance ${details.join(', and ')}.`);
  return out.join(' ');
}

function cvText(t: CvTestResult, n: VerdictNames): string {
  const folds = `Over the same ${t.differences.length} cross-validation folds`;
  if (t.differences.every((d) => d === 0)) return `${folds} ${n.a} and ${n.b} score the same ${t.metric} on every fold.`;
  const mean = t.differences.reduce((s, d) => s + d, 0) / t.differences.length;
  const tValue = Number.isFinite(t.t) ? Math.abs(t.t).toFixed(2) : '∞';
  const reliable = t.pValue < 0.05 ? 'that is a reliable difference' : 'that is not a reliable difference';
  const head =
    mean === 0
      ? `${folds} ${n.a} and ${n.b} have the same mean ${t.metric} (${formatP(t.pValue)})`
      : `${folds} ${mean > 0 ? n.a : n.b}'s ${t.metric} is ${formatDifference(mean)} higher on average (corrected t = ${tValue}, ${formatP(t.pValue)}): ${reliable}`;
  const rope = String(t.rope);
  return (
    `${head}. Probability ${n.a} is better by more than ${rope}: ${formatPercent(t.pBetterA)}; ` +
    `${n.b} better: ${formatPercent(t.pBetterB)}; practically equivalent (within ±${rope}): ${formatPercent(t.pRope)}.`
  );
}

/** How comparison.ts begins the reasons that rows or folds differ, so one cause behind both is said once. */
export const ROWS_DIFFER = 'the held-out rows are not the same: ';
export const FOLDS_DIFFER = 'the folds are not the same: ';

/** One paragraph: identity, or McNemar's reading then the corrected t-test's, each saying why when it does not apply. */
export function verdictText(v: VerdictInput): string {
  const { names: n } = v;
  const out: string[] = [];
  if (v.identical) {
    const same = [
      ...(v.mcnemar ? [`the same predictions on every ${v.mcnemar.set} row`] : []),
      ...(v.cvTest ? ['the same score on every fold'] : []),
    ];
    out.push(`${n.a} and ${n.b} are identical: ${same.length ? same.join(' and ') : 'the same score on every metric'}.`);
  } else if (v.sameResults) {
    // Different models (another type, other parameters, steps or data) that happen to agree everywhere measured are not "identical".
    const same = [
      ...(v.mcnemar ? [`make the same predictions on every ${v.mcnemar.set} row`] : []),
      ...(v.cvTest ? ['score the same on every fold'] : []),
    ];
    out.push(`${n.a} and ${n.b} ${same.join(' and ')}.`);
  } else {
    if (v.mcnemar) out.push(mcnemarText(v.mcnemar, v.errors, n));
    if (v.cvTest) out.push(cvText(v.cvTest, n));
  }
  const rowsCause = v.reasons.mcnemar?.startsWith(ROWS_DIFFER) ? v.reasons.mcnemar.slice(ROWS_DIFFER.length) : null;
  const foldsCause = v.reasons.cvTest?.startsWith(FOLDS_DIFFER) ? v.reasons.cvTest.slice(FOLDS_DIFFER.length) : null;
  if (!v.mcnemar && !v.cvTest && rowsCause !== null && rowsCause === foldsCause) {
    // One cause behind both refusals is said once.
    out.push(`Neither McNemar's test nor the corrected t-test applies: ${rowsCause}, so the models were not scored on the same held-out rows or folds.`);
    return out.join(' ');
  }
  if (!v.mcnemar && v.reasons.mcnemar) out.push(`McNemar's test does not apply: ${v.reasons.mcnemar}.`);
  if (!v.cvTest && v.reasons.cvTest) out.push(`The corrected t-test does not apply: ${v.reasons.cvTest}.`);
  return out.join(' ');
}
