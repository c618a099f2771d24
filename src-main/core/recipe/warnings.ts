import type { FeatureMatrix } from '../ml/types';
import { pearsonPair } from '../profile/correlation';
import { varianceInflation } from '../profile/vif';
import type { LeakNote } from '../search/runRecord';
import { isMissingAt, makeFrame, type Frame, type FrameColumn } from './frame';
import type { Recipe } from './schema';
import { STEPS } from './steps';

/**
 * What the Prepare view warns about while a recipe is edited. None of these
 * stops a recipe from running (a notebook's leak must stay reproducible);
 * they say what is risky and what to do about it.
 */
export type WarningSeverity = 'error' | 'warning' | 'info';
export type WarningCode =
  | 'leakage'
  | 'no-split'
  | 'correlation'
  | 'vif'
  | 'identifier'
  | 'imbalance'
  | 'target-missing'
  | 'too-many-features';

export interface RecipeWarning {
  severity: WarningSeverity;
  code: WarningCode;
  message: string;
  /** 0-based index of the step concerned. */
  step?: number;
  columns?: string[];
  /** The figure the warning is about (r, VIF, share); null when not finite. */
  value?: number | null;
}

/** |Pearson r| at or above this between two features is reported. */
export const STRONG_CORRELATION = 0.7;
/** A variance inflation factor at or above this is reported (the usual rule of thumb). */
export const HIGH_VIF = 5;
/** A minority class below this share of the training rows is reported. */
export const IMBALANCED_SHARE = 0.3;
/** VIF needs one regression per feature, each O(features² · rows); beyond this many it is skipped. */
export const MAX_VIF_FEATURES = 40;

const fmt = (x: number, digits = 2) => x.toFixed(digits);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** The leaking steps of a recipe, as `prepare` finds them (fitted or resampling steps before the split). */
export function staticLeakNotes(recipe: Pick<Recipe, 'steps'>): LeakNote[] {
  const splitAt = recipe.steps.findIndex((s) => s.op === 'split');
  const notes: LeakNote[] = [];
  if (splitAt < 0) return notes;
  for (let i = 0; i < splitAt; i++) {
    const op = recipe.steps[i].op;
    const impl = STEPS[op] as { leakBeforeSplit?: string } | null;
    if (impl?.leakBeforeSplit) notes.push({ step: i, op, message: impl.leakBeforeSplit });
  }
  return notes;
}

export function leakageWarnings(notes: readonly LeakNote[]): RecipeWarning[] {
  return notes.map((n) => ({
    severity: 'warning',
    code: 'leakage',
    step: n.step,
    message: `Step ${n.step + 1} (${n.op}) runs before the split: ${n.message} Move it after the split step so it is fitted on training rows only.`,
  }));
}

/** At most this many correlated pairs are listed one by one; the rest are counted in one note. */
export const MAX_CORRELATION_WARNINGS = 10;

/**
 * Strong pairwise correlations (|r| ≥ 0.7) among the features, on the rows
 * given (the training rows), pairwise complete as pandas' `corr()`. Each
 * pair suggests dropping the feature with more strong partners, the way
 * the Course 6 notebook drops video_like_count, which tracks the views,
 * shares and downloads.
 */
export function correlationWarnings(X: FeatureMatrix): RecipeWarning[] {
  const pairs: { a: number; b: number; r: number }[] = [];
  const k = X.columns.length;
  const partners = new Int32Array(k);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const r = pearsonPair(X.columns[a], X.columns[b]);
      if (!(Math.abs(r) >= STRONG_CORRELATION)) continue;
      pairs.push({ a, b, r });
      partners[a]++;
      partners[b]++;
    }
  }
  pairs.sort((p, q) => Math.abs(q.r) - Math.abs(p.r));
  const hub = partners.indexOf(Math.max(...partners));
  let told = false;
  const out: RecipeWarning[] = pairs.slice(0, MAX_CORRELATION_WARNINGS).map(({ a, b, r }) => {
    const [x, y] = [X.names[a], X.names[b]];
    const drop = partners[a] > partners[b] ? a : b;
    const n = partners[drop];
    // The notebook's precedent is worth saying once, where the advice matches it: drop the most connected feature.
    const seed = !told && drop === hub && n > 1 ? ' (the Course 6 notebook drops video_like_count for the same reason)' : '';
    if (seed) told = true;
    return {
      severity: 'warning',
      code: 'correlation',
      columns: [x, y],
      value: r,
      message: `"${x}" and "${y}" are strongly correlated (r = ${fmt(r)}), so models split the credit between them. Consider dropping "${X.names[drop]}"${n > 1 ? ` (strongly correlated with ${n} features)` : ''} with a dropColumns step${seed}.`,
    };
  });
  if (pairs.length > MAX_CORRELATION_WARNINGS) {
    out.push({
      severity: 'info',
      code: 'correlation',
      value: null,
      message: `${pairs.length - MAX_CORRELATION_WARNINGS} more pairs of features have |r| ≥ ${STRONG_CORRELATION}.`,
    });
  }
  return out;
}

/** Features whose variance inflation factor is ≥ 5: largely explained by the other features. */
export function vifWarnings(X: FeatureMatrix): RecipeWarning[] {
  if (X.columns.length < 2) return [];
  if (X.columns.length > MAX_VIF_FEATURES) {
    return [
      {
        severity: 'info',
        code: 'too-many-features',
        message: `Variance inflation factors are not computed for ${X.columns.length} features (at most ${MAX_VIF_FEATURES}); choose fewer features to see them.`,
      },
    ];
  }
  const frame = makeFrame(
    X.rows,
    X.names.map((n, j): [string, FrameColumn] => [n, { type: 'number', values: X.columns[j] }]),
  );
  const result = varianceInflation(frame, X.names);
  const high = result.columns
    .map((name, j) => ({ name, vif: result.vif[j] }))
    .filter((c) => !(c.vif < HIGH_VIF))
    .sort((a, b) => b.vif - a.vif);
  return high.map(({ name, vif }) => ({
    severity: 'warning',
    code: 'vif',
    columns: [name],
    value: finite(vif),
    message: Number.isFinite(vif) && vif < 1e10
      ? `"${name}" has a variance inflation factor of ${fmt(vif, 1)} (≥ ${HIGH_VIF}): the other features explain most of it. Dropping it or a feature it tracks makes a linear model's coefficients trustworthy.`
      : `"${name}" is an exact combination of other features (infinite variance inflation factor), for example all the indicators of one category: drop one of them (oneHot with drop-first does).`,
  }));
}

const ID_NAME = /^(#|id|index|.*_id|id_.*)$/i;

/**
 * Features that look like row identifiers: named id, #, *_id, or integer
 * values that are all different. They carry no signal, yet a tree can
 * memorise them.
 */
export function identifierWarnings(X: FeatureMatrix): RecipeWarning[] {
  const out: RecipeWarning[] = [];
  X.names.forEach((name, j) => {
    const byName = ID_NAME.test(name);
    if (!byName && !allDistinctIntegers(X.columns[j])) return;
    out.push({
      severity: 'warning',
      code: 'identifier',
      columns: [name],
      message: byName
        ? `The feature "${name}" looks like an identifier by its name; identifiers carry no signal. Drop it with a dropColumns step.`
        : `The feature "${name}" has a different whole number in every row, like an identifier; drop it with a dropColumns step unless it measures something.`,
    });
  });
  return out;
}

function allDistinctIntegers(values: Float64Array): boolean {
  if (values.length < 20) return false;
  const seen = new Set<number>();
  for (const v of values) {
    if (!Number.isInteger(v) || seen.has(v)) return false;
    seen.add(v);
  }
  return true;
}

export interface ClassCount {
  label: string;
  rows: number;
}

/** A minority class below 30 % of the training rows. */
export function imbalanceWarning(target: string, counts: readonly ClassCount[], where = 'training rows'): RecipeWarning | null {
  const total = counts.reduce((s, c) => s + c.rows, 0);
  if (counts.length < 2 || total === 0) return null;
  const minority = counts.reduce((m, c) => (c.rows < m.rows ? c : m));
  const share = minority.rows / total;
  if (share >= IMBALANCED_SHARE) return null;
  const shares = counts.map((c) => `${c.label} ${pct(c.rows / total)}`).join(', ');
  return {
    severity: 'warning',
    code: 'imbalance',
    columns: [target],
    value: share,
    message: `The classes of "${target}" are imbalanced in the ${where} (${shares}). Accuracy will flatter the models: judge them by recall or F1, or add a resample step after the split.`,
  };
}

/**
 * The target is still missing in some rows of `frame`, the table the steps
 * before the split leave: no dropMissing step removes them.
 */
export function targetMissingWarning(target: string, frame: Frame): RecipeWarning | null {
  const c = frame.columns.get(target);
  if (!c) return null;
  let missing = 0;
  for (let i = 0; i < frame.rows; i++) if (isMissingAt(c, i)) missing++;
  if (missing === 0) return null;
  return {
    severity: 'error',
    code: 'target-missing',
    columns: [target],
    message: `The target "${target}" is missing in ${missing.toLocaleString('en-US')} rows and no step drops them: add a dropMissing step (for all columns or for "${target}") before the split.`,
  };
}

/**
 * The feature checks on the training matrix: identifiers, strong
 * correlations, high VIF. Counts of n-grams (`generated`) are left out of
 * the last two: overlapping n-grams ("mount everest", "taller mount
 * everest") are correlated by construction, not by anything the analyst
 * chose.
 */
export function featureWarnings(X: FeatureMatrix, generated: ReadonlySet<string> = new Set()): RecipeWarning[] {
  const keep = X.names.map((n, j) => j).filter((j) => !generated.has(X.names[j]));
  const chosen: FeatureMatrix = { rows: X.rows, names: keep.map((j) => X.names[j]), columns: keep.map((j) => X.columns[j]) };
  return [...identifierWarnings(X), ...correlationWarnings(chosen), ...vifWarnings(chosen)];
}
