import { describe, expect, it } from 'vitest';
import { readModelFile } from '../../../src-main/core/modelFile/readModelFile';
import { modelFileText } from '../../../src-main/core/modelFile/buildModelFile';
import { takeFrameRows, withColumns, type Frame } from '../../../src-main/core/recipe/frame';
import { checkColumns } from '../../../src-main/core/scoring/columnCheck';
import { scoreRows } from '../../../src-main/core/scoring/scoreRows';
import { effectiveThreshold } from '../../../src-main/core/scoring/threshold';
import { LabelTally } from '../../../src-main/core/scoring/labelTally';
import { modelFileOf } from '../modelFile/modelFileFixture';

function edit(frame: Frame, name: string, at: number, value: string | number | null): Frame {
  const c = frame.columns.get(name)!;
  if (c.type === 'number') {
    const values = c.values.slice();
    values[at] = value === null ? NaN : (value as number);
    return withColumns(frame, { set: [[name, { ...c, values }]] });
  }
  const values = c.values.slice();
  values[at] = value as string | null;
  return withColumns(frame, { set: [[name, { ...c, values }]] });
}

describe('scoring raw rows', () => {
  const lr = modelFileOf('verified-course5-no-leak.json');
  const loaded = readModelFile(modelFileText(lr.file), 'lr');

  it('gives the run’s held-out probabilities and the argmax decisions', () => {
    const raw = takeFrameRows(lr.frame, lr.rows.test);
    const out = scoreRows(loaded, raw, effectiveThreshold(loaded));
    const expected = lr.model.predictProba(lr.prepared.test.X).data;
    expect(Array.from(out.proba)).toEqual(Array.from(expected));
    for (let i = 0; i < out.rows; i++) expect(out.predicted[i]).toBe(expected[2 * i + 1] > 0.5 ? 1 : 0);
    expect(out.notes.every((n) => n === null)).toBe(true);
  });

  it('keeps unscorable rows in place with a note naming the column: missing values, unseen categories', () => {
    let raw = takeFrameRows(lr.frame, lr.rows.test.slice(0, 6));
    raw = edit(raw, 'video_view_count', 1, null);
    raw = edit(raw, 'author_ban_status', 3, 'suspended');
    raw = edit(raw, 'claim_status', 4, null);
    const out = scoreRows(loaded, raw, 0.5);
    expect(out.notes).toEqual([
      null,
      'missing value in "video_view_count"',
      null,
      '"author_ban_status" is "suspended", a category not seen in training',
      'missing value in "claim_status"',
      null,
    ]);
    for (const i of [1, 3, 4]) {
      expect(out.predicted[i]).toBe(-1);
      expect(Number.isNaN(out.proba[2 * i])).toBe(true);
    }
    const whole = scoreRows(loaded, takeFrameRows(lr.frame, lr.rows.test.slice(0, 6)), 0.5);
    for (const i of [0, 2, 5]) expect(out.proba[2 * i + 1]).toBe(whole.proba[2 * i + 1]);
  });

  it('a tree model scores a missing value the recipe never dropped, by the side it learned', () => {
    const tree = modelFileOf('verified-course5-no-leak.json', 'decisionTree');
    const t = readModelFile(modelFileText(tree.file), 'tree');
    // The recipe drops rows with missing values, so even a tree gets a note there …
    const raw = edit(takeFrameRows(tree.frame, tree.rows.test.slice(0, 3)), 'video_view_count', 0, null);
    expect(scoreRows(t, raw, 0.5).notes[0]).toBe('missing value in "video_view_count"');
    // … unless the file's preparation has no dropMissing for it.
    const noDrop = readModelFile(modelFileText({ ...tree.file, preparation: { ...tree.file.preparation, steps: tree.file.preparation.steps.filter((s) => s.op !== 'dropMissing') } }), 'tree');
    const out = scoreRows(noDrop, raw, 0.5);
    expect(out.notes[0]).toBeNull();
    expect(out.predicted[0]).toBeGreaterThanOrEqual(0);
  });

  it('a logistic regression notes a missing feature even where the recipe would not have dropped the row', () => {
    const steps = lr.file.preparation.steps.filter((s) => s.op !== 'dropMissing');
    const noDrop = readModelFile(modelFileText({ ...lr.file, preparation: { ...lr.file.preparation, steps } }), 'lr');
    const raw = edit(takeFrameRows(lr.frame, lr.rows.test.slice(0, 3)), 'video_comment_count', 2, null);
    const out = scoreRows(noDrop, raw, 0.5);
    expect(out.notes).toEqual([null, null, 'missing value in "video_comment_count"']);
    expect(out.predicted[2]).toBe(-1);
  });

  it('decides by the threshold: positive iff p > threshold', () => {
    const raw = takeFrameRows(lr.frame, lr.rows.test.slice(0, 200));
    for (const t of [0, 0.3, 0.9, 1]) {
      const out = scoreRows(loaded, raw, t);
      for (let i = 0; i < out.rows; i++) expect(out.predicted[i]).toBe(out.proba[2 * i + 1] > t ? 1 : 0);
    }
    expect(effectiveThreshold({ threshold: 0.7 })).toBe(0.7);
    expect(effectiveThreshold({ threshold: 0.7 }, 0.2)).toBe(0.2);
    expect(effectiveThreshold({ threshold: null })).toBe(0.5);
    expect(() => effectiveThreshold({ threshold: null }, 1.5)).toThrow(/between 0 and 1, not 1\.5/);
    expect(() => effectiveThreshold({ threshold: null }, NaN)).toThrow(/not NaN/);
  });
});

describe('a getDummies category not seen in training', () => {
  const c6 = modelFileOf('claims-course6.json');
  const model = readModelFile(modelFileText(c6.file), 'c6');
  const rows = takeFrameRows(c6.frame, c6.rows.test.slice(0, 4));

  it('is scored as the run encoded it (all zeros: the dropped base category), with a note saying so', () => {
    const step = c6.file.preparation.steps.find((s) => s.op === 'oneHot');
    expect(step).toMatchObject({ categories: { author_ban_status: ['active', 'banned', 'under review'], verified_status: ['not verified', 'verified'] } });
    const unseen = edit(rows, 'author_ban_status', 1, 'suspended');
    const asBase = edit(rows, 'author_ban_status', 1, 'active');
    const out = scoreRows(model, unseen, 0.5);
    expect(out.notes).toEqual([null, 'author_ban_status: "suspended" was not seen in training; scored as the baseline category "active"', null, null]);
    expect(out.predicted[1]).toBeGreaterThanOrEqual(0);
    expect(Array.from(out.proba)).toEqual(Array.from(scoreRows(model, asBase, 0.5).proba));
  });

  it('without a dropped base, says every indicator is 0', () => {
    const steps = c6.file.preparation.steps.map((s) =>
      s.op === 'oneHot' ? { ...s, outputs: ['author_ban_status_active', ...s.outputs] } : s,
    );
    const file = { ...c6.file, preparation: { ...c6.file.preparation, steps } };
    const out = scoreRows({ ...model, file }, edit(rows, 'author_ban_status', 2, 'suspended'), 0.5);
    expect(out.notes[2]).toBe('author_ban_status: "suspended" was not seen in training; scored with every author_ban_status indicator 0');
  });

  it('a file written before the categories were kept scores it as before, without a note', () => {
    const steps = c6.file.preparation.steps.map((s) => (s.op === 'oneHot' ? { ...s, categories: undefined } : s));
    const old = readModelFile(modelFileText({ ...c6.file, preparation: { ...c6.file.preparation, steps } }), 'old');
    const out = scoreRows(old, edit(rows, 'author_ban_status', 1, 'suspended'), 0.5);
    expect(out.notes).toEqual([null, null, null, null]);
    expect(Array.from(out.proba)).toEqual(Array.from(scoreRows(model, edit(rows, 'author_ban_status', 1, 'active'), 0.5).proba));
  });
});

describe('the column check', () => {
  const { file } = modelFileOf('claims-course6.json');
  const needed = file.preparation.columns;
  const all = needed.map((c) => ({ name: c.name, kind: c.kind }));

  it('passes the training columns, whatever text kind or number kind they come as', () => {
    const relabelled = all.map((c) => ({ name: c.name, kind: c.kind === 'float' ? ('integer' as const) : c.kind === 'categorical' ? ('text' as const) : c.kind }));
    expect(checkColumns(needed, relabelled).ok).toBe(true);
    expect(checkColumns(needed, all, 'claim_status').hasLabels).toBe(false);
    expect(checkColumns(needed, [...all, { name: 'claim_status', kind: 'categorical' }], 'claim_status').hasLabels).toBe(true);
  });

  it('lists every missing or mistyped column with what was expected', () => {
    const data = all.filter((c) => c.name !== 'video_view_count' && c.name !== 'video_like_count').map((c) => (c.name === 'verified_status' ? { ...c, kind: 'integer' as const } : c));
    const check = checkColumns(needed, data);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      'The column "verified_status" holds numbers (integer), but the model needs text (categorical in training).',
      'The column "video_view_count" is missing; the model needs it, holding numbers (float in training).',
      'The column "video_like_count" is missing; the model needs it, holding numbers (float in training).',
    ]);
    expect(check.columns.filter((c) => !c.ok).map((c) => [c.name, c.found])).toEqual([
      ['verified_status', 'integer'],
      ['video_view_count', null],
      ['video_like_count', null],
    ]);
  });
});

describe('the label tally', () => {
  it('counts scored labelled rows only, with scikit-learn’s zero-division rule', () => {
    const t = new LabelTally(['no', 'yes']);
    t.add(['yes', 'no', 'yes', null, 'maybe', 'yes'], Int32Array.from([1, 1, 0, 1, 1, -1]));
    const r = t.result();
    expect(r.confusion).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(r).toMatchObject({ rows: 3, unlabelled: 2, notScored: 1 });
    expect(r.metrics).toEqual({ accuracy: 1 / 3, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(new LabelTally(['no', 'yes']).result().metrics).toEqual({ accuracy: 0, precision: 0, recall: 0, f1: 0 });
  });
});
