import type { FeatureMatrix } from '../ml/types';
import { pearsonPair } from '../profile/correlation';
import { varianceInflation } from '../profile/vif';
import type { LeakNote } from '../search/runRecord';
import { collinearGroups, type CollinearGroup, type CorrelatedPair } from './collinearity';
import { isMissingAt, makeFrame, type Frame, type FrameColumn } from './frame';
import { stepName, upperFirst } from './recipePaths';
import type { Recipe } from './schema';
import { collinearityPrecedent } from './seedPrecedent';
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
  | 'rare-class'
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
  /** Lines for a details toggle: a group's pairs with r and its VIFs. */
  details?: string[];
  /** The group of features that move together, for correlation and VIF warnings. */
  group?: CollinearGroup;
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
    message: `${upperFirst(stepName(n.step, n.op))} runs before the split: ${n.message} Move it after the split step so it is fitted on training rows only.`,
  }));
}

/** A group's details list at most this many pairs; the rest are counted. */
export const MAX_LISTED_PAIRS = 20;

/**
 * Strong pairwise correlations (|r| ≥ 0.7) among the features, on the rows
 * given (the training rows), pairwise complete as pandas' `corr()`.
 */
export function strongPairs(X: FeatureMatrix): CorrelatedPair[] {
  const pairs: CorrelatedPair[] = [];
  for (let a = 0; a < X.columns.length; a++) {
    for (let b = a + 1; b < X.columns.length; b++) {
      const r = pearsonPair(X.columns[a], X.columns[b]);
      if (Math.abs(r) >= STRONG_CORRELATION) pairs.push({ a: X.names[a], b: X.names[b], r });
    }
  }
  return pairs;
}

/** Every feature's variance inflation factor (null = infinite); null when there are too few or too many features. */
export function featureVifs(X: FeatureMatrix): Map<string, number | null> | null {
  if (X.columns.length < 2 || X.columns.length > MAX_VIF_FEATURES) return null;
  const frame = makeFrame(
    X.rows,
    X.names.map((n, j): [string, FrameColumn] => [n, { type: 'number', values: X.columns[j] }]),
  );
  const result = varianceInflation(frame, X.names);
  // Rounding makes an exact combination's factor enormous rather than infinite.
  return new Map(result.columns.map((name, j) => [name, Number.isFinite(result.vif[j]) && result.vif[j] < 1e10 ? result.vif[j] : null]));
}

/** Names in a message; a long list is cut, the warning's `columns` keep them all. */
const MAX_NAMED = 8;
const quoted = (names: readonly string[]) =>
  names.slice(0, MAX_NAMED).map((n) => `"${n}"`).join(', ') + (names.length > MAX_NAMED ? ` and ${names.length - MAX_NAMED} more` : '');
const vifText = (v: number | null) => (v === null ? '∞' : fmt(v, 1));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * One warning per group of features that move together (see
 * `collinearGroups`): the features, the strong pairs with their r and the
 * VIFs, and the one feature to drop. The pairs and VIFs are also given as
 * detail lines for the preview's details toggle.
 */
export function collinearityWarnings(X: FeatureMatrix): RecipeWarning[] {
  const out: RecipeWarning[] = [];
  const vifs = featureVifs(X);
  if (X.columns.length > MAX_VIF_FEATURES) {
    out.push({
      severity: 'info',
      code: 'too-many-features',
      message: `Variance inflation factors are not computed for ${X.columns.length} features (at most ${MAX_VIF_FEATURES}); choose fewer features to see them.`,
    });
  }
  for (const group of collinearGroups(X.names, strongPairs(X), vifs, HIGH_VIF)) {
    const high = group.vifs.filter((v) => v.vif === null || v.vif >= HIGH_VIF);
    const details = [
      ...group.pairs.slice(0, MAX_LISTED_PAIRS).map((p) => `${p.a} × ${p.b}: r = ${fmt(p.r)}`),
      ...(group.pairs.length > MAX_LISTED_PAIRS ? [`… and ${plural(group.pairs.length - MAX_LISTED_PAIRS, 'more pair')} with |r| ≥ ${STRONG_CORRELATION}`] : []),
      ...group.vifs.map((v) => `${v.column}: VIF ${vifText(v.vif)}${v.vif === null || v.vif >= HIGH_VIF ? ` (≥ ${HIGH_VIF})` : ''}`),
    ];
    const precedent = collinearityPrecedent(group.columns);
    const tail = precedent ? ` ${precedent}` : '';
    if (group.pairs.length) {
      const top = group.pairs[0];
      const degree = group.pairs.filter((p) => p.a === group.drop || p.b === group.drop).length;
      const dropVif = group.vifs.find((v) => v.column === group.drop);
      const highest = dropVif && dropVif === group.vifs[0] ? ` and has the highest VIF (${vifText(dropVif.vif)})` : '';
      const what =
        group.columns.length === 2
          ? `"${top.a}" and "${top.b}" are strongly correlated (r = ${fmt(top.r)})`
          : `${group.columns.length} features move together: ${quoted(group.columns)} (${plural(group.pairs.length, 'pair')} with |r| ≥ ${STRONG_CORRELATION}, the strongest r = ${fmt(top.r)})`;
      const vifNote = high.length ? `; VIF ≥ ${HIGH_VIF}: ${high.map((v) => `${v.column} ${vifText(v.vif)}`).join(', ')}` : '';
      const why = group.pairs.length > 1 ? ` It is in ${degree} of the ${group.pairs.length} pairs${highest}.` : highest ? ` It has the higher VIF (${vifText(dropVif!.vif)}).` : '';
      out.push({
        severity: 'warning',
        code: 'correlation',
        columns: group.columns,
        value: top.r,
        details,
        // The preview travels as JSON: a large group's pairs beyond the listed ones are counted in the message.
        group: { ...group, pairs: group.pairs.slice(0, MAX_LISTED_PAIRS) },
        message: `${what}${vifNote}. Correlated features split the credit between them: a linear model's coefficients become unstable and importances are shared. Consider dropping "${group.drop}" with a dropColumns step.${why}${tail}`,
      });
      continue;
    }
    const exact = high.filter((v) => v.vif === null).map((v) => v.column);
    out.push({
      severity: 'warning',
      code: 'vif',
      columns: group.columns,
      value: high[0].vif === null ? null : finite(high[0].vif),
      details,
      group,
      message: exact.length
        ? `${quoted(exact)} ${exact.length === 1 ? 'is an exact combination' : 'are exact combinations'} of other features (infinite variance inflation factor), for example all the indicators of one category: drop one of them (oneHot with drop-first does).${tail}`
        : `${high.map((v) => `"${v.column}" (VIF ${vifText(v.vif)})`).join(', ')} ${high.length === 1 ? 'is' : 'are'} largely explained by the other features together (VIF ≥ ${HIGH_VIF}). Consider dropping "${group.drop}" with a dropColumns step: it makes a linear model's coefficients trustworthy.${tail}`,
    });
  }
  return out;
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
  const judge = counts.length > 2 ? 'judge them by macro averages (f1_macro, recall_macro) and each class\'s recall' : 'judge them by recall or F1, or add a resample step after the split';
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
    message: `The classes of "${target}" are imbalanced in the ${where} (${shares}). Accuracy will flatter the models: ${judge}.`,
  };
}

/** A class below this share of the rows is reported as rare. */
export const RARE_CLASS_SHARE = 0.1;
/** A class needs at least this many rows per cross-validation fold not to be reported as rare. */
export const RARE_ROWS_PER_FOLD = 2;

/**
 * One warning per rare class: under 10 % of the rows, or fewer rows than
 * twice the cross-validation folds (each fold then tests on one or two of
 * them, and with fewer rows than folds stratified folds cannot be made).
 */
export function rareClassWarnings(target: string, counts: readonly ClassCount[], folds: number, where = 'training rows'): RecipeWarning[] {
  const total = counts.reduce((s, c) => s + c.rows, 0);
  if (counts.length < 2 || total === 0) return [];
  const out: RecipeWarning[] = [];
  for (const c of counts) {
    const share = c.rows / total;
    const fewForFolds = c.rows < folds * RARE_ROWS_PER_FOLD;
    if (share >= RARE_CLASS_SHARE && !fewForFolds) continue;
    const rows = `${c.rows.toLocaleString('en-US')} of the ${total.toLocaleString('en-US')} ${where} (${pct(share)})`;
    const meaning =
      c.rows < folds
        ? `fewer than the ${folds} cross-validation folds, so stratified folds cannot be made: merge it with another class, drop its rows or use fewer folds.`
        : fewForFolds
          ? `fewer than ${RARE_ROWS_PER_FOLD} per cross-validation fold (${folds} folds), so each fold tests on one or two of them and its scores for this class are mostly noise.`
          : `the models see few examples of it, so they tend to predict it less often than it occurs; read its recall in the per-class report rather than the accuracy.`;
    out.push({
      severity: c.rows < folds ? 'error' : 'warning',
      code: 'rare-class',
      columns: [target],
      value: share,
      message: `The class "${c.label}" of "${target}" is rare: ${rows}; ${meaning}`,
    });
  }
  return out;
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
  return [...identifierWarnings(X), ...collinearityWarnings(chosen)];
}
