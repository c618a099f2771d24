/**
 * Parameters and recipe steps side by side: the parameter names of every
 * model compared, with the value each model has (none where its type has no
 * such parameter), and each recipe's steps in words.
 */
import type { ParamValue } from '../ml/params';
import type { RunRecord } from '../search/runRecord';
import { canonicalJson, recipeFacts } from './sameRows';
import { describeStep } from './stepWords';
import type { ParamRow, StepsSide } from './types';

const same = (values: unknown[]) => values.every((v) => JSON.stringify(v) === JSON.stringify(values[0]));

/** Every parameter name any model has, in order of first appearance, with each model's value. */
export function paramRows(params: Record<string, ParamValue>[]): ParamRow[] {
  const names: string[] = [];
  for (const p of params) for (const k of Object.keys(p)) if (!names.includes(k)) names.push(k);
  return names.map((name) => {
    const values = params.map((p) => (Object.hasOwn(p, name) ? p[name] : undefined));
    return { name, values, differs: !same(values) };
  });
}

/** Each record's recipe steps in words, with its leakage notes; `differ` when the steps are not all the same. */
export function stepSides(records: RunRecord[]): { differ: boolean; sides: StepsSide[] } {
  const steps = records.map((r) => recipeFacts(r).steps);
  const sides = records.map((r, i) => ({ steps: steps[i].map(describeStep), leakage: r.leakage }));
  const differ = steps.some((s) => canonicalJson(s) !== canonicalJson(steps[0]));
  return { differ, sides };
}
