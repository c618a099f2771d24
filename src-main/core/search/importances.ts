import { permutationImportance } from '../ml/ensemble/permutationImportance';
import type { FeatureMatrix, FittedClassifier } from '../ml/types';
import { scorerFor } from '../metrics/scorers';
import { formatCount } from '../charts/spec';
import type { FeatureWeight, ImportanceSet } from './runRecord';

type GainModel = FittedClassifier & { importance(type: 'gain' | 'weight'): Float64Array };

function hasGain(model: FittedClassifier): model is GainModel {
  return typeof (model as Partial<GainModel>).importance === 'function';
}

interface LogisticJson {
  kind: 'logisticRegression';
  coefficients: number[];
  oddsRatios: number[];
  inference: { terms: string[]; ci95: [number, number][] } | null;
}

/** MultinomialLogisticRegressionModel.toJSON: k coefficient vectors, and MNLogit inference per class against the reference. */
interface MultinomialJson {
  kind: 'logisticRegression';
  multiClass: 'multinomial';
  classes: string[] | null;
  coefficients: number[][];
  reference: number;
  inference: { terms: string[]; equations: { class: number; ci95: [number, number][] }[] } | null;
}

function isLogistic(json: unknown): json is LogisticJson | MultinomialJson {
  return typeof json === 'object' && json !== null && (json as { kind?: unknown }).kind === 'logisticRegression';
}

function isMultinomial(json: LogisticJson | MultinomialJson): json is MultinomialJson {
  return (json as Partial<MultinomialJson>).multiClass === 'multinomial';
}

/**
 * A multinomial model's coefficients as log-odds of each class against the
 * reference class, one entry per feature and class, named "feature (class)"
 * (the same contrasts, and for penalty 'none' the same MNLogit intervals, as
 * its coefficients table in evaluation/logisticTable.ts).
 */
function multinomialSets(json: MultinomialJson, features: string[], classes?: readonly string[]): ImportanceSet[] {
  const k = json.coefficients.length;
  const names = classes && classes.length === k ? classes : json.classes && json.classes.length === k ? json.classes : null;
  const label = (c: number) => names?.[c] ?? `class ${c}`;
  const ref = json.reference;
  const offset = json.inference ? json.inference.terms.length - features.length : 0;
  const entries: { feature: string; value: number; ci: [number, number] | null }[] = [];
  for (let c = 0; c < k; c++) {
    if (c === ref) continue;
    const eq = json.inference?.equations.find((e) => e.class === c);
    features.forEach((feature, j) =>
      entries.push({ feature: `${feature} (${label(c)})`, value: json.coefficients[c][j] - json.coefficients[ref][j], ci: eq?.ci95[j + offset] ?? null }),
    );
  }
  const against = `“${label(ref)}”`;
  return [
    {
      kind: 'coefficient',
      title: `Coefficients (log-odds against ${label(ref)})`,
      description: `The change in the log-odds of each class against ${against} (the reference class) for a one-unit increase in the feature, the others held fixed.`,
      features: entries.map((e) => ({ feature: e.feature, value: e.value, ...(e.ci ? { low: e.ci[0], high: e.ci[1] } : {}) })),
    },
    {
      kind: 'oddsRatio',
      title: `Odds ratios (against ${label(ref)})`,
      description: `How many times the odds of each class against ${against} (the reference class) multiply for a one-unit increase in the feature (1 = no change).`,
      features: entries.map((e) => ({ feature: e.feature, value: Math.exp(e.value), ...(e.ci ? { low: Math.exp(e.ci[0]), high: Math.exp(e.ci[1]) } : {}) })),
    },
  ];
}

const weights = (features: string[], values: ArrayLike<number>): FeatureWeight[] => features.map((feature, j) => ({ feature, value: values[j] }));

/**
 * What the fitted model itself says about its features: impurity decrease
 * for trees and forests, gain and split counts for boosting, coefficients
 * and odds ratios (with 95% intervals when unpenalised) for logistic regression.
 * `classes` (in index order) names a multinomial logistic regression's classes.
 */
export function modelImportances(model: FittedClassifier, features: string[], classes?: readonly string[]): ImportanceSet[] {
  const json = model.toJSON();
  if (isLogistic(json)) {
    if (isMultinomial(json)) return multinomialSets(json, features, classes);
    // The inference table starts with the intercept ('const') when there is one.
    const offset = json.inference ? json.inference.terms.length - features.length : 0;
    const ci = (j: number) => json.inference?.ci95[j + offset] ?? null;
    return [
      {
        kind: 'coefficient',
        title: 'Coefficients (log-odds)',
        description: 'The change in the log-odds of the positive class for a one-unit increase in the feature, the others held fixed.',
        features: features.map((feature, j) => {
          const c = ci(j);
          return { feature, value: json.coefficients[j], ...(c ? { low: c[0], high: c[1] } : {}) };
        }),
      },
      {
        kind: 'oddsRatio',
        title: 'Odds ratios',
        description: 'How many times the odds of the positive class multiply for a one-unit increase in the feature (1 = no change).',
        features: features.map((feature, j) => {
          const c = ci(j);
          return { feature, value: json.oddsRatios[j], ...(c ? { low: Math.exp(c[0]), high: Math.exp(c[1]) } : {}) };
        }),
      },
    ];
  }
  if (hasGain(model)) {
    return [
      {
        kind: 'gain',
        title: 'Gain',
        description: "The average loss reduction of the splits on each feature, normalized to sum 1 (XGBoost's feature_importances_).",
        features: weights(features, model.importance('gain')),
      },
      {
        kind: 'weight',
        title: 'Weight (splits)',
        description: "The share of all splits made on each feature (XGBoost's importance_type='weight').",
        features: weights(features, model.importance('weight')),
      },
    ];
  }
  if (model.featureImportances) {
    return [
      {
        kind: 'impurity',
        title: 'Impurity decrease',
        description: "The mean decrease in Gini impurity from splits on each feature, normalized to sum 1 (scikit-learn's feature_importances_).",
        features: weights(features, model.featureImportances()),
      },
    ];
  }
  return [];
}

/**
 * The most held-out rows permutation importance scores; larger sets are
 * sampled (scikit-learn's `max_samples`). Each importance is a difference of
 * two scores on the same rows, so its standard error is about √(q / n) for n
 * rows of the class the metric counts and q the share of them whose
 * prediction the shuffle flips: at 20,000 rows (≈ 10,000 positives for
 * recall) that is ≤ 0.005 at worst and ≈ 0.001 for a feature worth 0.01, below
 * the spread of five shuffles, while the cost (features × repeats predictions)
 * stops growing with the data: 197,000 validation rows of a million cost ten times more for
 * the same figures.
 */
export const PERMUTATION_MAX_ROWS = 20_000;

/** scikit-learn's permutation_importance (5 repeats, seed 0) on held-out rows (a seeded sample of `maxRows` when there are more), scored with `metric`. */
export function permutationSet(model: FittedClassifier, X: FeatureMatrix, y: Int32Array, metric: string, on: 'validation' | 'test', maxRows = PERMUTATION_MAX_ROWS): ImportanceSet {
  const scorer = scorerFor(metric);
  const r = permutationImportance(model, X, y, (yt, p) => scorer(yt, p, 1), { nRepeats: 5, randomState: 0, maxSamples: maxRows });
  const sampled = r.rows < X.rows;
  const rows = sampled ? `a random ${formatCount(r.rows)} of the ${formatCount(X.rows)} ${on} rows` : `the ${on} rows`;
  return {
    kind: 'permutation',
    title: `Permutation (${metric}, ${on})`,
    description: `How much ${metric} on ${rows} drops when a feature's values are shuffled (mean of 5 shuffles, ± their spread).`,
    features: X.names.map((feature, j) => ({ feature, value: r.mean[j], std: r.std[j] })),
    ...(sampled ? { sample: { rows: r.rows, of: X.rows } } : {}),
  };
}
