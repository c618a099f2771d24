import { describe, expect, it } from 'vitest';
import { addStep, newDraft, setPositive, setStepField, setTarget } from '../../../src-renderer/src/lib/prepare/draft';
import { STEP_FIELD_LABELS } from '../../../src-main/core/recipe/recipePaths';
import { STEP_TYPES, stepType } from '../../../src-renderer/src/lib/prepare/stepCatalog';
import { draftIssues, formatField, issueAt, parseField, splitColumns, stepIssues } from '../../../src-renderer/src/lib/prepare/validation';

const field = (op: Parameters<typeof stepType>[0], key: string) => stepType(op).fields.find((f) => f.key === key)!;
const base = () => setPositive(setTarget(newDraft('r', { name: 'd', contentHash: '' }), 'y'), 'yes');

describe('fields validated as typed', () => {
  it('numbers: a reason for text, blanks and fractions where whole numbers are needed', () => {
    expect(parseField(field('split', 'test'), '0.2')).toEqual({ ok: true, value: 0.2 });
    expect(parseField(field('split', 'test'), '0,2')).toEqual({ ok: true, value: 0.2 });
    expect(parseField(field('split', 'test'), 'abc')).toEqual({ ok: false, error: '“abc” is not a number' });
    expect(parseField(field('split', 'test'), '')).toEqual({ ok: false, error: 'enter a number' });
    expect(parseField(field('split', 'randomState'), '1.5')).toEqual({ ok: false, error: 'enter a whole number' });
    expect(parseField(field('countVectorizer', 'maxFeatures'), '')).toEqual({ ok: true, value: undefined });
  });

  it('n-gram ranges and column lists', () => {
    const range = field('countVectorizer', 'ngramRange');
    expect(parseField(range, '2–3')).toEqual({ ok: true, value: [2, 3] });
    expect(parseField(range, '2 to 3')).toEqual({ ok: true, value: [2, 3] });
    expect(parseField(range, '2')).toEqual({ ok: false, error: 'enter min–max, e.g. 2–3' });
    expect(formatField(range, [2, 3])).toBe('2–3');
    expect(splitColumns(' #, video_id ,, ')).toEqual(['#', 'video_id']);
    expect(parseField(field('dropMissing', 'columns'), ' ')).toEqual({ ok: true, value: undefined });
    expect(parseField(field('dropColumns', 'columns'), ' ')).toEqual({ ok: true, value: [] });
    expect(parseField(field('resample', 'column'), '')).toEqual({ ok: true, value: undefined });
  });

  it('the schema’s problems land on the step field they concern, in plain words', () => {
    let d = addStep(addStep(addStep(base(), 'dropColumns'), 'split'), 'countVectorizer');
    d = setStepField(d, 1, 'test', 1.5);
    d = setStepField(d, 2, 'ngramRange', [3, 2]);
    const issues = draftIssues(d);
    expect(stepIssues(issues, 0)).toEqual({ columns: 'choose at least one column' });
    expect(stepIssues(issues, 1)).toEqual({ test: 'must be < 1' });
    expect(stepIssues(issues, 2)).toEqual({ column: 'required', ngramRange: 'min must be ≤ max' });
  });

  it('each problem also says where as the step list numbers steps and the form labels fields', () => {
    let d = addStep(addStep(addStep(base(), 'dropColumns'), 'split'), 'countVectorizer');
    d = setStepField(d, 1, 'test', 1.5);
    expect(draftIssues(d).map((i) => `${i.where}: ${i.message}`)).toEqual([
      'step 1 (drop columns) · columns: choose at least one column',
      'step 2 (split) · test share: must be < 1',
      'step 3 (n-gram counts) · text column: required',
    ]);
  });

  it('the field names in messages are the form’s labels', () => {
    for (const t of STEP_TYPES) {
      const labels = Object.fromEntries(t.fields.map((f) => [f.key, f.label.toLowerCase()]));
      expect(STEP_FIELD_LABELS[t.op], t.op).toEqual(labels);
    }
  });

  it('a recipe without a split is not an error while editing; two splits are', () => {
    expect(draftIssues(base())).toEqual([]);
    const two = addStep(addStep(base(), 'split'), 'split');
    expect(issueAt(draftIssues(two), 'steps')).toMatch(/exactly one split step \(found 2\)/);
  });

  it('an empty dataset, target and positive class are required', () => {
    const d = newDraft('r', null);
    const issues = draftIssues(d);
    expect(issueAt(issues, 'target', 'column')).toBe('required');
    expect(issueAt(issues, 'target', 'positive')).toBe('required');
    expect(issueAt(issues, 'dataset', 'name')).toBe('required');
  });
});
