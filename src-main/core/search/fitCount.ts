import { STAGED_PARAM, type ModelKind } from '../ml/params';
import type { ModelPlan } from './plan';

const n = (x: number) => x.toLocaleString('en-US');
const s = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** Fits scikit-learn's GridSearchCV makes for the same grid: every candidate on every fold, and one refit. */
export function sklearnFits(candidates: number, folds: number): number {
  return candidates * folds + 1;
}

/** Assay's fits for a model: one per fit group and fold, and one refit. */
export function assayFits(plan: Pick<ModelPlan, 'groups'>, folds: number): number {
  return plan.groups.length * folds + 1;
}

/**
 * Where a model's fit count comes from, in words that match its type: only
 * forests and boosting share fits across n_estimators; where that makes the
 * count differ from GridSearchCV's, both numbers and why.
 */
export function explainModelFits(plan: Pick<ModelPlan, 'type' | 'candidates' | 'groups'>, folds: number): string {
  const candidates = plan.candidates.length;
  const ours = assayFits(plan, folds);
  const theirs = sklearnFits(candidates, folds);
  const staged = STAGED_PARAM[plan.type as ModelKind];
  if (!staged || plan.groups.length === candidates) {
    const why = staged ? `; no two candidates differ only in ${staged}, so none share a fit` : '';
    return `${s(candidates, 'candidate')} × ${s(folds, 'fold')} + 1 refit = ${s(ours, 'fit')}, as scikit-learn's GridSearchCV${why}.`;
  }
  return (
    `${s(candidates, 'candidate')}; those that differ only in ${staged} share one fit, scored at each size of the ensemble: ` +
    `${s(plan.groups.length, 'fit group')} × ${s(folds, 'fold')} + 1 refit = ${s(ours, 'fit')} ` +
    `(scikit-learn's GridSearchCV fits every candidate: ${n(candidates)} × ${n(folds)} + 1 = ${n(theirs)}).`
  );
}

/** The whole search's count against GridSearchCV's, or null when they are the same. */
export function explainRunFits(plans: Pick<ModelPlan, 'type' | 'candidates' | 'groups'>[], folds: number): string | null {
  const ours = plans.reduce((t, p) => t + assayFits(p, folds), 0);
  const candidates = plans.reduce((t, p) => t + p.candidates.length, 0);
  const theirs = plans.reduce((t, p) => t + sklearnFits(p.candidates.length, folds), 0);
  if (ours === theirs) return null;
  const refits = plans.length;
  return (
    `${n(ours)} fits where scikit-learn's GridSearchCV makes ${n(theirs)} (${n(candidates)} candidates × ${n(folds)} folds = ${n(candidates * folds)}, ` +
    `plus ${s(refits, 'refit')}): candidates that differ only in n_estimators share one fit, scored at each size of the ensemble.`
  );
}
