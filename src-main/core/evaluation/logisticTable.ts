/** One term of a fitted logistic regression, as statsmodels' summary lists it. */
export interface LogisticTerm {
  term: string;
  coefficient: number;
  oddsRatio: number;
  stdError: number | null;
  z: number | null;
  pValue: number | null;
  low: number | null;
  high: number | null;
}

export interface LogisticTable {
  terms: LogisticTerm[];
  /** Why standard errors and p-values are missing, or null when they are shown. */
  note: string | null;
  /** The solver's warning (not converged, separation), if any. */
  warning: string | null;
}

interface LogisticJson {
  kind: 'logisticRegression';
  penalty: string;
  fitIntercept: boolean;
  features: string[];
  coefficients: number[];
  intercept: number;
  warning: string | null;
  inference: { terms: string[]; coef: number[]; stdErrors: number[]; z: number[]; pValues: number[]; ci95: [number, number][] } | null;
  inferenceError: string | null;
}

function isLogistic(json: unknown): json is LogisticJson {
  const j = json as Partial<LogisticJson> | null;
  return typeof j === 'object' && j !== null && j.kind === 'logisticRegression' && Array.isArray(j.coefficients) && Array.isArray(j.features);
}

/**
 * The coefficients table of a stored logistic-regression model: the
 * intercept ('const') first when fitted, then each feature with its odds
 * ratio and — unpenalised only — standard error, z, p-value and 95% interval.
 * Null for any other model.
 */
export function logisticTable(model: unknown): LogisticTable | null {
  if (!isLogistic(model)) return null;
  const inf = model.inference;
  const names = [...(model.fitIntercept ? ['const'] : []), ...model.features];
  const coefs = [...(model.fitIntercept ? [model.intercept] : []), ...model.coefficients];
  const terms = names.map((term, i): LogisticTerm => ({
    term,
    coefficient: coefs[i],
    oddsRatio: Math.exp(coefs[i]),
    stdError: inf ? inf.stdErrors[i] : null,
    z: inf ? inf.z[i] : null,
    pValue: inf ? inf.pValues[i] : null,
    low: inf ? inf.ci95[i][0] : null,
    high: inf ? inf.ci95[i][1] : null,
  }));
  let note: string | null = null;
  if (!inf) {
    note =
      model.penalty !== 'none'
        ? `Standard errors and p-values are shown for penalty 'none' only: with penalty '${model.penalty}' the coefficients are shrunk and the usual errors do not apply.`
        : (model.inferenceError ?? 'Standard errors could not be computed for this fit.');
  }
  return { terms, note, warning: model.warning };
}
