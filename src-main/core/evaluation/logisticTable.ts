/**
 * The coefficients table of a stored logistic-regression model, as
 * statsmodels' `Logit(...).fit().summary()` lays it out, read defensively
 * from the run record's JSON (records outlive the code that wrote them).
 *
 * A multinomial model (k > 2 classes) is laid out as `MNLogit(...).summary()`:
 * one block of terms per class other than the reference (the first class),
 * each row the change in the log-odds of that class against the reference —
 * for every penalty, so e^coef is always an odds ratio. (scikit-learn's own k
 * coefficient vectors, kept in the JSON, have no such reading one by one.)
 */
import type { LogisticInference } from '../ml/linear/logisticRegression';

/** One term of a fitted logistic regression. */
export interface LogisticTerm {
  /** Binary: 'const' or the feature. k classes: the same followed by the class, "text_length (banned)". */
  term: string;
  /** k classes only: the plain term ('const' or the feature)… */
  feature?: string;
  /** …and the class whose log-odds against the table's `reference` the row is. */
  class?: string;
  coefficient: number;
  oddsRatio: number;
  stdError: number | null;
  z: number | null;
  pValue: number | null;
  /** The 95% interval of the coefficient. */
  low: number | null;
  high: number | null;
}

export interface LogisticTable {
  /** 'const' (the intercept, statsmodels' name) first when fitted with one, then the features in model order. */
  rows: LogisticTerm[];
  penalty: string;
  /** Why standard errors and p-values are missing, or null when they are shown. */
  note: string | null;
  /** The solver's warning (did not converge), if any. */
  warning: string | null;
  /** k classes only: the class every row is measured against… */
  reference?: string;
  /** …and how to read the rows. */
  reading?: string;
}

export const PENALTY_NOTE =
  "Standard errors and p-values are shown for penalty 'none' only: with a penalty they do not have their usual meaning.";

type Inference = LogisticInference;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumbers = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number');
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

function readInference(v: unknown): Inference | null {
  if (!isObject(v) || !isStrings(v.terms)) return null;
  const n = v.terms.length;
  const ci = v.ci95;
  const ciOk = Array.isArray(ci) && ci.length === n && ci.every((p) => isNumbers(p, 2));
  if (!isNumbers(v.coef, n) || !isNumbers(v.stdErrors, n) || !isNumbers(v.z, n) || !isNumbers(v.pValues, n) || !ciOk) return null;
  return { terms: v.terms, coef: v.coef, stdErrors: v.stdErrors, z: v.z, pValues: v.pValues, ci95: ci as [number, number][] };
}

const termNames = (fitIntercept: boolean, features: string[]) => (fitIntercept ? ['const', ...features] : [...features]);

type TermFigures = Omit<LogisticTerm, 'term' | 'feature' | 'class'>;

/**
 * A term's coefficient and odds ratio, with the standard error, z, p-value
 * and interval `inf` holds for it, else nulls. Matched by name, not position:
 * an intercept changes the offset.
 */
function termFigures(inf: Inference | null): (term: string, coefficient: number) => TermFigures {
  const at = new Map(inf?.terms.map((t, i) => [t, i]) ?? []);
  return (term, coefficient) => {
    const i = at.get(term);
    const has = inf !== null && i !== undefined;
    return {
      coefficient,
      oddsRatio: Math.exp(coefficient),
      stdError: has ? inf.stdErrors[i] : null,
      z: has ? inf.z[i] : null,
      pValue: has ? inf.pValues[i] : null,
      low: has ? inf.ci95[i][0] : null,
      high: has ? inf.ci95[i][1] : null,
    };
  };
}

/** Why the table has no standard errors: a penalised fit, or none stored (with the fit's reason when it gave one); null when it has them. */
function inferenceNote(penalty: string, model: Record<string, unknown>, stored: boolean): string | null {
  if (penalty !== 'none') return PENALTY_NOTE;
  if (!stored) return text(model.inferenceError) ?? 'Standard errors and p-values could not be computed for this fit.';
  return null;
}

/**
 * Rows with coefficient, odds ratio and — for an unpenalised fit —
 * standard error, z, p-value and 95% interval. Null when `model` is not a
 * logistic regression's JSON (or is too damaged to read). `classes` (the
 * run's, in index order) names a multinomial model's classes when its JSON
 * does not.
 */
export function logisticTable(model: unknown, classes?: readonly string[]): LogisticTable | null {
  if (!isObject(model) || model.kind !== 'logisticRegression' || !isStrings(model.features)) return null;
  if (model.multiClass === 'multinomial' || Array.isArray(model.intercept)) return multinomialTable(model, model.features, classes);
  const features = model.features;
  if (!isNumbers(model.coefficients, features.length)) return null;
  const fitIntercept = model.fitIntercept !== false;
  const intercept = typeof model.intercept === 'number' ? model.intercept : 0;
  const penalty = typeof model.penalty === 'string' ? model.penalty : 'l2';
  const coefs = fitIntercept ? [intercept, ...model.coefficients] : [...model.coefficients];
  // A penalised fit's Wald errors would mislead (see logisticRegression.ts), whatever the JSON holds.
  const inf = penalty === 'none' ? readInference(model.inference) : null;
  const figures = termFigures(inf);
  const rows = termNames(fitIntercept, features).map((term, j): LogisticTerm => ({ term, ...figures(term, coefs[j]) }));
  return { rows, penalty, note: inferenceNote(penalty, model, inf !== null), warning: text(model.warning) };
}

interface Equation {
  class: number;
  inference: Inference;
}

function readEquations(v: unknown, k: number): Equation[] | null {
  if (!isObject(v) || !isStrings(v.terms) || !Array.isArray(v.equations)) return null;
  const out: Equation[] = [];
  for (const e of v.equations) {
    if (!isObject(e) || typeof e.class !== 'number' || !Number.isInteger(e.class) || e.class < 0 || e.class >= k) return null;
    const inference = readInference({ ...e, terms: v.terms });
    if (!inference) return null;
    out.push({ class: e.class, inference });
  }
  return out;
}

/** A multinomial model's JSON (MultinomialLogisticRegressionModel.toJSON): one block per class against the reference. */
function multinomialTable(model: Record<string, unknown>, features: string[], classes?: readonly string[]): LogisticTable | null {
  const coefs = model.coefficients;
  if (!Array.isArray(coefs) || coefs.length < 3 || !coefs.every((w) => isNumbers(w, features.length))) return null;
  const W = coefs as number[][];
  const k = W.length;
  const fitIntercept = model.fitIntercept !== false;
  const b = model.intercept === undefined && !fitIntercept ? new Array<number>(k).fill(0) : model.intercept;
  if (!isNumbers(b, k)) return null;
  const ref = typeof model.reference === 'number' && Number.isInteger(model.reference) && model.reference >= 0 && model.reference < k ? model.reference : 0;
  const own = isStrings(model.classes) && model.classes.length === k ? model.classes : null;
  const names = classes && classes.length === k ? classes : own;
  const label = (c: number) => names?.[c] ?? `class ${c}`;
  const penalty = typeof model.penalty === 'string' ? model.penalty : 'l2';
  const equations = penalty === 'none' ? readEquations(model.inference, k) : null;
  const terms = termNames(fitIntercept, features);
  const rows: LogisticTerm[] = [];
  for (let c = 0; c < k; c++) {
    if (c === ref) continue;
    const coef = [...(fitIntercept ? [b[c] - b[ref]] : []), ...W[c].map((w, j) => w - W[ref][j])];
    const figures = termFigures(equations?.find((e) => e.class === c)?.inference ?? null);
    terms.forEach((term, j) => rows.push({ term: `${term} (${label(c)})`, feature: term, class: label(c), ...figures(term, coef[j]) }));
  }
  const reference = label(ref);
  return {
    rows,
    penalty,
    note: inferenceNote(penalty, model, equations !== null),
    warning: text(model.warning),
    reference,
    reading: `Each coefficient is the change in the log-odds of its class against “${reference}” (the reference class) for a one-unit increase in the term, the others held fixed, as statsmodels' MNLogit reports it; its odds ratio is e^coefficient.`,
  };
}
