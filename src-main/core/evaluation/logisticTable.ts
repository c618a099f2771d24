/**
 * The coefficients table of a stored logistic-regression model, as
 * statsmodels' `Logit(...).fit().summary()` lays it out, read defensively
 * from the run record's JSON (records outlive the code that wrote them).
 */
import type { LogisticInference } from '../ml/linear/logisticRegression';

/** One term of a fitted logistic regression. */
export interface LogisticTerm {
  term: string;
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

/**
 * Rows with coefficient, odds ratio and — for an unpenalised fit —
 * standard error, z, p-value and 95% interval. Null when `model` is not a
 * logistic regression's JSON (or is too damaged to read).
 */
export function logisticTable(model: unknown): LogisticTable | null {
  if (!isObject(model) || model.kind !== 'logisticRegression' || !isStrings(model.features)) return null;
  const features = model.features;
  if (!isNumbers(model.coefficients, features.length)) return null;
  const fitIntercept = model.fitIntercept !== false;
  const intercept = typeof model.intercept === 'number' ? model.intercept : 0;
  const penalty = typeof model.penalty === 'string' ? model.penalty : 'l2';
  const names = fitIntercept ? ['const', ...features] : [...features];
  const coefs = fitIntercept ? [intercept, ...model.coefficients] : [...model.coefficients];
  // A penalised fit's Wald errors would mislead (see logisticRegression.ts), whatever the JSON holds.
  const inf = penalty === 'none' ? readInference(model.inference) : null;
  // Match inference rows by name, not position: an intercept changes the offset.
  const at = new Map(inf?.terms.map((t, i) => [t, i]) ?? []);
  const rows = names.map((term, j): LogisticTerm => {
    const i = at.get(term);
    const has = inf !== null && i !== undefined;
    return {
      term,
      coefficient: coefs[j],
      oddsRatio: Math.exp(coefs[j]),
      stdError: has ? inf.stdErrors[i] : null,
      z: has ? inf.z[i] : null,
      pValue: has ? inf.pValues[i] : null,
      low: has ? inf.ci95[i][0] : null,
      high: has ? inf.ci95[i][1] : null,
    };
  });
  let note: string | null = null;
  if (penalty !== 'none') note = PENALTY_NOTE;
  else if (!inf) note = text(model.inferenceError) ?? 'Standard errors and p-values could not be computed for this fit.';
  return { rows, penalty, note, warning: text(model.warning) };
}
