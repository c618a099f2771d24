import type { ComparedPair, Comparison, ComparisonSettings } from '../../../../src-main/core/compare/types';

/** One fact of a test, as a term and its value. */
export interface Fact {
  term: string;
  value: string;
}

export interface BayesSegment {
  kind: 'a' | 'rope' | 'b';
  label: string;
  /** 0–1: the segment's width. */
  share: number;
  percent: string;
}

/** What a pair's statistics card shows. */
export interface PairSummary {
  title: string;
  identical: boolean;
  verdict: string;
  mcnemar: { name: string; facts: Fact[] } | { reason: string };
  cvTest: { name: string; facts: Fact[]; bayes: BayesSegment[]; bayesLabel: string } | { reason: string };
}

const count = (n: number) => n.toLocaleString('en-US');
const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(4)}`;
const percent = (x: number) => (x > 0 && x < 0.005 ? '< 1 %' : x < 1 && x > 0.995 ? '> 99 %' : `${Math.round(x * 100)} %`);

/** As a statistician writes it: "< 0.001", else two significant digits. */
export function formatP(p: number): string {
  if (p < 0.001) return '< 0.001';
  return String(Number(p.toPrecision(2)));
}

const NOT_APPLIED = 'Not applied.';

export function pairSummary(c: Pick<Comparison, 'models'>, pair: ComparedPair): PairSummary {
  const a = c.models[pair.a].label;
  const b = c.models[pair.b].label;
  const m = pair.mcnemar;
  const t = pair.cvTest;
  return {
    title: `${a} vs ${b}`,
    identical: pair.identical,
    verdict: pair.verdict,
    mcnemar: m
      ? {
          name: m.exact ? "McNemar's test (exact binomial)" : "McNemar's test (χ² with continuity correction)",
          facts: [
            { term: 'Rows', value: `${count(m.rows)} ${m.set} rows, the same for both` },
            { term: `b: ${a} right, ${b} wrong`, value: count(m.b) },
            { term: `c: ${b} right, ${a} wrong`, value: count(m.c) },
            ...(m.statistic !== null ? [{ term: 'χ²', value: m.statistic.toFixed(3) }] : []),
            { term: 'p', value: formatP(m.pValue) },
          ],
        }
      : { reason: pair.reasons.mcnemar ?? NOT_APPLIED },
    cvTest: t
      ? {
          name: 'Corrected resampled t-test (Nadeau & Bengio)',
          facts: [
            { term: 'Metric', value: t.metric },
            { term: 'Folds (J)', value: String(t.differences.length) },
            { term: `Mean difference (${a} − ${b})`, value: signed(t.differences.reduce((s, d) => s + d, 0) / (t.differences.length || 1)) },
            { term: 'Rows per fold', value: `${count(t.trainRows)} train / ${count(t.testRows)} test` },
            { term: `t (${a} − ${b})`, value: Number.isFinite(t.t) ? t.t.toFixed(2).replace('-', '−') : t.t > 0 ? '∞' : '−∞' },
            { term: 'df', value: String(t.df) },
            { term: 'p', value: formatP(t.pValue) },
          ],
          bayes: [
            { kind: 'a', label: `${a} better`, share: t.pBetterA, percent: percent(t.pBetterA) },
            { kind: 'rope', label: `Equivalent (±${t.rope})`, share: t.pRope, percent: percent(t.pRope) },
            { kind: 'b', label: `${b} better`, share: t.pBetterB, percent: percent(t.pBetterB) },
          ],
          bayesLabel: `Probability ${a} is better by more than ${t.rope}: ${percent(t.pBetterA)}; practically equivalent: ${percent(t.pRope)}; ${b} better: ${percent(t.pBetterB)}`,
        }
      : { reason: pair.reasons.cvTest ?? NOT_APPLIED },
  };
}

/** How the tests were run, in one line above the cards. */
export function settingsLine(s: ComparisonSettings): string {
  return (
    `Predictions at p > ${s.threshold}. McNemar: ${s.exactMcNemar ? 'exact binomial' : 'χ² with continuity correction'}, on the held-out rows both models predicted. ` +
    `Corrected t-test: ${s.metric} over the cross-validation folds; practically equivalent within ±${s.rope}.`
  );
}
