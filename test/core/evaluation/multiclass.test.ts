import { describe, expect, it } from 'vitest';
import { classAtThreshold, classConfusion, classReport, classRuleText, classScores, hasClassProbabilities, matrixCells, oneVsRest, rarestClass } from '../../../src-main/core/evaluation/multiclass';
import { classCurveSummary } from '../../../src-main/core/evaluation/classCurves';
import { classReadings, interpretModel, interpretRun, weakestClass } from '../../../src-main/core/evaluation/interpretation';
import { BAN_CLASSES, banStatusRun } from './multiclassRecord';

const CLASSES = ['active', 'banned', 'under review'];
/** Six rows: two of each class; row probabilities chosen so the matrix and cuts can be counted by hand. */
const SIX = {
  y: [0, 0, 1, 1, 2, 2],
  score: [],
  proba: [
    0.7, 0.2, 0.1, // active → active
    0.4, 0.5, 0.1, // active → banned
    0.3, 0.6, 0.1, // banned → banned
    0.5, 0.3, 0.2, // banned → active
    0.2, 0.3, 0.5, // under review → under review
    0.4, 0.4, 0.2, // under review → active (a tie goes to the lower class)
  ],
};

describe('k-class held-out scores', () => {
  it('tells k-class scores from binary ones', () => {
    expect(hasClassProbabilities(SIX)).toBe(true);
    expect(hasClassProbabilities({ y: [0, 1], score: [0.2, 0.8] })).toBe(false);
    expect(hasClassProbabilities(null)).toBe(false);
  });

  it('refuses damaged scores, naming the row', () => {
    expect(() => classScores({ ...SIX, proba: SIX.proba.slice(1) }, 3, 'Run 4')).toThrow('Run 4: 6 rows of 3 classes need 18 probabilities, but there are 17.');
    expect(() => classScores({ ...SIX, y: [0, 0, 1, 3, 2, 2] }, 3, 'Run 4')).toThrow('the class at row 4 is 3; it must be a class index from 0 to 2');
    expect(() => classScores({ ...SIX, proba: SIX.proba.map((v, i) => (i === 7 ? 1.5 : v)) }, 3, 'Run 4')).toThrow('the probability at row 3, class 2 is 1.5');
    expect(() => classScores({ y: [0], score: [0.3] }, 3, 'Run 4')).toThrow('need the classes y and the class probabilities proba');
  });

  it('counts the k×k matrix of the most probable class, ties to the lower class', () => {
    const s = classScores(SIX, 3, 'x');
    expect(classConfusion(s)).toEqual([
      [1, 1, 0],
      [1, 1, 0],
      [1, 0, 1],
    ]);
    expect(classReport(s).perClass.map((c) => c.support)).toEqual([2, 2, 2]);
  });

  it('the stored champion matrix of the hand-made run is the one the view recomputes', () => {
    const r = banStatusRun();
    expect(classConfusion(classScores(r.models[0].heldOut.test!, 3, 'test'))).toEqual(r.champion!.test.confusion);
  });

  it('shows counts, row shares and column shares', () => {
    const m = [
      [8, 2, 0],
      [1, 3, 0],
      [0, 0, 0],
    ];
    const rows = matrixCells(m, 'row');
    expect(rows[0].map((c) => c.shown)).toEqual([0.8, 0.2, 0]);
    expect(rows[2].map((c) => c.shown)).toEqual([0, 0, 0]);
    const cols = matrixCells(m, 'column');
    expect(cols.map((r) => r[0].shown)).toEqual([8 / 9, 1 / 9, 0]);
    expect(cols[1][1].shown).toBe(0.6);
    const counts = matrixCells(m, 'count');
    expect(counts[0][0]).toMatchObject({ count: 8, shown: 8, shade: 1, correct: true, share: 8 / 14 });
    expect(counts[0][1].correct).toBe(false);
    expect(() => matrixCells([[1, 2]], 'count')).toThrow('square');
  });

  it('flags one class by its own probability, p ≥ t', () => {
    const s = classScores(SIX, 3, 'x');
    const cut = classAtThreshold(s, CLASSES, 1, 0.3);
    // p(banned) ≥ 0.3: rows 2, 3, 4, 5, 6 (0.5, 0.6, 0.3, 0.3, 0.4).
    expect(cut).toMatchObject({ flagged: 5, caught: 2, members: 2, precision: 0.4, recall: 1, flaggedByClass: [1, 2, 2] });
    expect(cut.sentence).toBe('At p(banned) ≥ 0.300, 5 of 6 rows are flagged as “banned”: 2 of the 2 actual “banned” rows (100.0%) and 3 rows of other classes.');
    expect(classAtThreshold(s, CLASSES, 1, 0.9)).toMatchObject({ flagged: 0, precision: 0, recall: 0 });
    expect(classAtThreshold(s, CLASSES, 1, 0.9).sentence).toBe('At p(banned) ≥ 0.900 no row is flagged as “banned”.');
    expect(() => classAtThreshold(s, CLASSES, 3, 0.5)).toThrow('class 3 is not one of the 3 classes');
    expect(() => classAtThreshold(s, CLASSES, 0, 1.2)).toThrow('the threshold is 1.2');
    expect(classRuleText(CLASSES, 1, 0.25)).toBe('Flag as “banned” when p(banned) ≥ 0.250.');
  });

  it('one class against the rest, and the rarest class', () => {
    const s = classScores(SIX, 3, 'x');
    const { y, score } = oneVsRest(s, 2);
    expect(Array.from(y)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(Array.from(score)).toEqual([0.1, 0.1, 0.1, 0.2, 0.5, 0.2]);
    expect(rarestClass(classScores({ ...SIX, y: [0, 0, 0, 2, 2, 1] }, 3, 'x'))).toBe(1);
  });
});

describe('per-class readings', () => {
  it('reads each class of the matrix in words', () => {
    const m = [
      [90, 6, 4],
      [5, 4, 1],
      [3, 0, 0],
    ];
    const r = classReadings(m, CLASSES);
    expect(r[0].sentence).toBe('It finds 90.0% of the “active” rows (90 of 100); most of the rest it calls “banned” (6 rows). Of the 98 rows it calls “active”, 91.8% are.');
    expect(r[1].sentence).toBe('It finds 40.0% of the “banned” rows (4 of 10); most of the rest it calls “active” (5 rows). Of the 10 rows it calls “banned”, 40.0% are.');
    expect(r[2].sentence).toBe('It finds none of the 3 “under review” rows; the other 3 it calls “active”. Of the 5 rows it calls “under review”, 0.0% are.');
    expect(weakestClass(m)).toBe(2);
    expect(classReadings([[5, 0, 0], [0, 0, 0], [1, 0, 2]], CLASSES).map((x) => x.sentence)).toEqual([
      'It finds all 5 “active” rows. Of the 6 rows it calls “active”, 83.3% are.',
      'There are no “banned” rows among these rows.',
      'It finds 66.7% of the “under review” rows (2 of 3); the other one it calls “active”. Of the 2 rows it calls “under review”, 100.0% are.',
    ]);
    expect(() => classReadings(m, ['a', 'b'])).toThrow('a row per class');
  });

  it('splits the rest when no class takes most of it', () => {
    const r = classReadings([[10, 3, 3], [0, 1, 0], [0, 0, 1]], CLASSES);
    expect(r[0].sentence).toContain('the rest it calls “banned” (3 rows) and “under review” (3 rows)');
  });

  it('a k-class run is read per class, with no positive class', () => {
    const r = banStatusRun();
    const run = interpretRun(r).join(' ');
    expect(run).not.toMatch(/positive class/);
    expect(run).toContain('The target has 3 classes (“active”, “banned” and “under review”)');
    const model = interpretModel(r, 'rf');
    expect(model[1]).toMatch(/^It finds 50.0% of the “under review” rows/);
    expect(model.join(' ')).not.toMatch(/undefined|NaN/);
  });
});

describe('one-vs-rest curve summary', () => {
  it('gives every class its AUC and AP and the macro averages (their means)', () => {
    const r = banStatusRun();
    const s = classScores(r.models[0].heldOut.test!, 3, 'test');
    const c = classCurveSummary(s, BAN_CLASSES);
    expect(c.rows.map((x) => [x.name, x.support])).toEqual([
      ['active', 120],
      ['banned', 14],
      ['under review', 16],
    ]);
    const aucs = c.rows.map((x) => x.auc!);
    expect(c.macroAuc).toBeCloseTo((aucs[0] + aucs[1] + aucs[2]) / 3, 12);
    expect(c.note).toBeNull();
  });

  it('says why there is no macro average when a class is absent', () => {
    const s = classScores({ y: [0, 0, 1, 1], score: [], proba: SIX.proba.slice(0, 12) }, 3, 'x');
    const c = classCurveSummary(s, CLASSES);
    expect(c.macroAuc).toBeNull();
    expect(c.rows[2]).toMatchObject({ support: 0, auc: null });
    expect(c.note).toBe('No macro average: “under review” has no rows here, so its curves are not defined.');
  });
});
