/**
 * A recipe step in words, compact enough for a column of steps side by side:
 * "split test 20 %, validation 25 % of the rest, seed 0, stratified".
 */
import { STEP_WORDS } from '../recipe/recipePaths';
import type { StepOp } from '../recipe/schema';

const percent = (share: unknown) => (typeof share === 'number' ? `${Math.round(share * 1000) / 10} %` : '?');
const list = (v: unknown) => (Array.isArray(v) && v.length ? v.join(', ') : 'all columns');

/** One step in words; an unknown op by its name. */
export function describeStep(step: unknown): string {
  const s = (typeof step === 'object' && step !== null ? step : {}) as Record<string, unknown>;
  const op = s.op as StepOp;
  switch (op) {
    case 'dropMissing':
      return Array.isArray(s.columns) && s.columns.length ? `drop rows missing ${list(s.columns)}` : 'drop rows with a missing value';
    case 'dropColumns':
      return `drop columns ${list(s.columns)}`;
    case 'selectColumns':
      return `keep columns ${list(s.columns)}`;
    case 'capOutliersIqr':
      return `cap outliers of ${list(s.columns)} at ${s.k ?? 1.5} × IQR (${s.side === 'both' ? 'both sides' : 'upper'})`;
    case 'textLength':
      return `text length of ${String(s.column)} as ${String(s.output ?? 'text_length')}`;
    case 'countVectorizer': {
      const [lo, hi] = Array.isArray(s.ngramRange) ? s.ngramRange : [1, 1];
      const parts = [`${lo === hi ? lo : `${lo}–${hi}`}-gram counts of ${String(s.column)}`];
      if (s.maxFeatures !== undefined) parts.push(`${s.maxFeatures} features`);
      if (s.stopWords) parts.push(`${s.stopWords} stop words`);
      if (s.dropSource === false) parts.push('text kept');
      return parts.join(', ');
    }
    case 'oneHot':
      return `one-hot encode ${list(s.columns)}${s.dropFirst ? ', drop first' : ''}${s.style === 'encoder' ? ' (encoder)' : ''}`;
    case 'resample':
      return `${s.strategy === 'downsample' ? 'downsample the majority' : 'upsample the minority'} of ${s.column ? String(s.column) : 'the target'}, seed ${s.randomState ?? 0}`;
    case 'split': {
      const parts = [`split test ${percent(s.test)}`];
      if (typeof s.validation === 'number' && s.validation > 0) parts.push(`validation ${percent(s.validation)} of the rest`);
      parts.push(`seed ${s.randomState ?? 0}`);
      if (s.stratify) parts.push('stratified');
      return parts.join(', ');
    }
    default:
      return STEP_WORDS[op] ?? String(s.op ?? 'unknown step');
  }
}
