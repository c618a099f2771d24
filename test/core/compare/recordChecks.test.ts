import { describe, expect, it } from 'vitest';
import { compareJson, compareText } from '../../../src-main/cli/commands/compareCommand';
import { toJsonText } from '../../../src-main/cli/jsonText';
import { ApiError } from '../../../src-main/core/api/errors';
import { compareChart, compareChartSpec, type CompareChartRequest } from '../../../src-main/core/charts/compareCharts';
import { buildComparison } from '../../../src-main/core/compare/comparison';
import type { CompareInput } from '../../../src-main/core/compare/types';
import type { ImportanceSet, RunRecord } from '../../../src-main/core/search/runRecord';
import { heldOut, model, predicting, record } from './runRecords';

/** 20 validation and test rows (10 claims, 10 opinions) and 100 training rows, as the records' `rows` say. */
const Y = [...Array(10).fill(1), ...Array(10).fill(0)] as number[];
const OOF = [...Array(40).fill(1), ...Array(60).fill(0)] as number[];
const permutation: ImportanceSet = { kind: 'permutation', title: 'Permutation', description: '', features: [{ feature: 'a', value: 0.3 }] };

function course(): RunRecord {
  return record({
    models: [
      model('rf', { folds: { recall: [0.9, 0.92, 0.88, 0.91, 0.89] }, validation: predicting(Y, [0]), test: predicting(Y), outOfFold: predicting(OOF, [3]), importances: [permutation] }),
      model('xgb', { type: 'gradientBoosting', folds: { recall: [0.85, 0.9, 0.86, 0.88, 0.86] }, validation: predicting(Y, [0, 1, 2]), outOfFold: predicting(OOF), importances: [permutation] }),
    ],
    champion: 'rf',
  });
}

const asJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const input = (run: number | string, r: RunRecord, modelId: string): CompareInput => ({ run, title: 'claims', record: r, modelId });
const twoModels = (r: RunRecord, run: number | string = 7) => buildComparison([input(run, r, 'rf'), input(run, r, 'xgb')]);

/** The message buildComparison refuses with, which must be a bad-input ApiError. */
function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('bad-input');
    return (e as ApiError).message;
  }
  throw new Error('compared a damaged record');
}

/** A copy of `course()` changed by `damage`. */
function damaged(damage: (r: RunRecord & Record<string, unknown>) => void): RunRecord {
  // A copy as run.json holds it: the held-out sets no longer share the label arrays above.
  const r = asJson(course()) as RunRecord & Record<string, unknown>;
  damage(r);
  return r;
}

describe('checkRunRecord: a damaged record is refused, naming the run and the field', () => {
  it('held-out scores cut short (McNemar would have counted only the first rows)', () => {
    const r = damaged((x) => (x.models[1].heldOut.validation!.score = x.models[1].heldOut.validation!.score.slice(0, 10)));
    expect(refusal(() => twoModels(r))).toBe('Run 7 cannot be compared: models[1].heldOut.validation.score has 10 values for 20 labels.');
    // The CLI names the file as given.
    expect(refusal(() => twoModels(r, 'out1/run.json'))).toBe('out1/run.json cannot be compared: models[1].heldOut.validation.score has 10 values for 20 labels.');
  });

  it('labels and scores both cut short: fewer rows than the run has', () => {
    const r = damaged((x) => (x.models[0].heldOut.validation = heldOut(Y.slice(0, 5), Y.slice(0, 5))));
    expect(refusal(() => twoModels(r))).toBe('Run 7 cannot be compared: models[0].heldOut.validation.y has 5 labels for the 20 rows of rows.validation.');
  });

  it('scores that are not probabilities', () => {
    const nan = damaged((x) => ((x.models[0].heldOut.validation!.score as unknown[])[3] = 'NaN'));
    expect(refusal(() => twoModels(nan))).toBe('Run 7 cannot be compared: models[0].heldOut.validation.score[3] is a string ("NaN"), not a probability from 0 to 1.');
    const big = damaged((x) => (x.models[1].heldOut.outOfFold!.score[99] = 1.5));
    expect(refusal(() => twoModels(big))).toBe('Run 7 cannot be compared: models[1].heldOut.outOfFold.score[99] is 1.5, not a probability from 0 to 1.');
    const none = damaged((x) => ((x.models[0].heldOut.test!.score as unknown[])[0] = null));
    expect(refusal(() => twoModels(none))).toBe('Run 7 cannot be compared: models[0].heldOut.test.score[0] is null, not a probability from 0 to 1.');
  });

  it('labels other than 0 and 1', () => {
    const r = damaged((x) => (x.models[0].heldOut.validation!.y[4] = 2));
    expect(refusal(() => twoModels(r))).toBe('Run 7 cannot be compared: models[0].heldOut.validation.y[4] is 2, not 0 or 1.');
  });

  it('two models of one run with different labels for the same rows', () => {
    const r = damaged((x) => (x.models[1].heldOut.validation = predicting(Y.map((y) => 1 - y))));
    expect(refusal(() => twoModels(r))).toBe(
      'Run 7 cannot be compared: models[1].heldOut.validation.y differs from models[0].heldOut.validation.y (row 1 first), though both models are of one run.',
    );
    const oof = damaged((x) => (x.models[1].heldOut.outOfFold!.y[57] = 1));
    expect(refusal(() => twoModels(oof))).toMatch(/^Run 7 cannot be compared: models\[1\]\.heldOut\.outOfFold\.y differs from models\[0\]\.heldOut\.outOfFold\.y \(row 58 first\)/);
  });

  it('cross-validation results without their fold scores, or with text for scores', () => {
    const noSplit = damaged((x) => delete (x.models[0].cv.rows[1] as Partial<(typeof x.models)[0]['cv']['rows'][0]>).split);
    expect(refusal(() => twoModels(noSplit))).toBe('Run 7 cannot be compared: models[0].cv.rows[1].split is missing (an object of fold scores per metric).');
    const text = damaged((x) => ((x.models[1].cv.rows[0].split.recall as unknown[])[2] = '0.9'));
    expect(refusal(() => twoModels(text))).toBe('Run 7 cannot be compared: models[1].cv.rows[0].split.recall[2] is a string ("0.9"), not a score (a number, or null for a failed fit).');
    const noMean = damaged((x) => delete x.models[1].cv.rows[1].mean.recall);
    expect(refusal(() => twoModels(noMean))).toBe('Run 7 cannot be compared: models[1].cv.rows[1].mean.recall is missing (the mean of its fold scores).');
  });

  it('a best candidate that is not among the rows, and parameters that are not an object', () => {
    const best = damaged((x) => (x.models[0].cv.best = 7));
    expect(refusal(() => twoModels(best))).toBe('Run 7 cannot be compared: models[0].cv.best is 7, not the candidate of a row of models[0].cv.rows.');
    const params = damaged((x) => ((x.models[1] as unknown as Record<string, unknown>).bestParams = [1]));
    expect(refusal(() => twoModels(params))).toBe('Run 7 cannot be compared: models[1].bestParams is a list, not an object of parameters.');
  });

  it('a record that is not an object at all', () => {
    expect(refusal(() => buildComparison([input(7, [] as unknown as RunRecord, 'rf'), input(8, course(), 'rf')]))).toBe('Run 7 cannot be compared: its record is a list, not a JSON object.');
  });

  it('a failed fit is a score: NaN in memory, null once written as JSON', () => {
    for (const failed of [NaN, null]) {
      const r = damaged((x) => ((x.models[1].cv.rows[1].split.recall as unknown[])[1] = failed));
      expect(twoModels(r).pairs[0].reasons.cvTest).toBe("A fold of xgb's best candidate failed, so its recall is missing on that fold.");
    }
  });

  it('a damaged model nobody compares does not stop the comparison', () => {
    const r = damaged((x) => (x.models[1].heldOut.validation!.score = []));
    expect(buildComparison([input(7, r, 'rf'), input(8, course(), 'rf')]).pairs[0].mcnemar).toMatchObject({ b: 0, c: 0 });
  });
});

/** Every path of a JSON value (long lists by their first two items and the last). */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) {
    const keep = v.length > 3 ? [0, 1, v.length - 1] : v.map((_, i) => i);
    for (const i of keep) out.push(...paths(v[i], [...at, i]));
  } else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  }
  return out;
}

const REPLACEMENTS: unknown[] = [undefined, null, 'NaN', [], {}, -1, 2, 0.5, true];

function replaced(r: RunRecord, path: (string | number)[], value: unknown): RunRecord {
  const copy = asJson(r) as unknown as Record<string | number, unknown>;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = value;
  return copy as unknown as RunRecord;
}

const CHARTS: CompareChartRequest[] = [
  { kind: 'metricBars', metric: 'recall' },
  { kind: 'roc', set: 'validation' },
  { kind: 'confusion', set: 'validation', normalize: true },
  { kind: 'importance', top: 5 },
];

describe('no damage reaches the comparison as a JavaScript error', () => {
  it('every field of a record removed or replaced: compared, or refused with a bad-input naming the run', () => {
    const base = course();
    const raw: string[] = [];
    let refused = 0;
    for (const path of paths(base).filter((p) => p.length > 0)) {
      for (const value of REPLACEMENTS) {
        const r = replaced(base, path, value);
        // Two models of the damaged run, and the damaged run's rf against a sound run's.
        for (const inputs of [
          [input(7, r, 'rf'), input(7, r, 'xgb')],
          [input(7, r, 'rf'), input(8, course(), 'rf')],
        ]) {
          try {
            const c = buildComparison(inputs);
            compareText(c);
            toJsonText(compareJson(c), 2, { nonFinite: 'string' });
            const results = inputs.map((i) => i.record.models.find((m) => m.modelId === i.modelId)!);
            for (const chart of CHARTS) {
              try {
                compareChart(compareChartSpec({ comparison: c, results }, chart));
              } catch (e) {
                if (!(e instanceof ApiError)) throw e;
              }
            }
            for (const p of c.pairs) {
              if (p.mcnemar) expect(p.mcnemar.b + p.mcnemar.c).toBeLessThanOrEqual(p.mcnemar.rows);
              if (p.mcnemar) expect(p.mcnemar.rows).toBe(20);
            }
          } catch (e) {
            if (e instanceof ApiError && /^(Run 7|Run 8) |^Run 7 has no model/.test(e.message)) refused++;
            else raw.push(`${path.join('.')} = ${JSON.stringify(value) ?? 'removed'}: ${(e as Error).message}`);
          }
        }
      }
    }
    expect(raw).toEqual([]);
    expect(refused).toBeGreaterThan(1000);
  });
});
