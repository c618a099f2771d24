import { describe, expect, it } from 'vitest';
import { formatGoalTable, goalComparison, goalVerdict, latestPerMeasure, type GoalLine } from '../../bench/lib/goalTable';

const line = (over: Partial<GoalLine>): GoalLine => ({
  goal: 1,
  what: 'total / search',
  unit: 's',
  assay: 300,
  reference: 228,
  target: { kind: 'ratio', max: 1.5 },
  on: '1,000,000 generated rows',
  ...over,
});

describe('goalVerdict', () => {
  it('judges a ratio target on Assay / reference', () => {
    expect(goalVerdict(line({ assay: 300, reference: 228 }))).toBe('met');
    expect(goalVerdict(line({ assay: 342, reference: 228 }))).toBe('met');
    expect(goalVerdict(line({ assay: 760, reference: 228 }))).toBe('missed');
  });

  it('judges an upper bound on Assay alone, strict or not', () => {
    const peak = line({ unit: 'MB', reference: null, target: { kind: 'max', max: 1536 } });
    expect(goalVerdict({ ...peak, assay: 1536 })).toBe('met');
    expect(goalVerdict({ ...peak, assay: 2500 })).toBe('missed');
    const version = line({ unit: 's', reference: null, target: { kind: 'max', max: 0.3, strict: true } });
    expect(goalVerdict({ ...version, assay: 0.3 })).toBe('missed');
    expect(goalVerdict({ ...version, assay: 0.12 })).toBe('met');
  });

  it('judges "no more than the reference + k" and "within ± k"', () => {
    const errors = line({ unit: 'errors', assay: 12, reference: 10, target: { kind: 'plus', max: 2 } });
    expect(goalVerdict(errors)).toBe('met');
    expect(goalVerdict({ ...errors, assay: 15 })).toBe('missed');
    const recall = line({ unit: 'recall', assay: 0.9943, reference: 0.9948, target: { kind: 'within', max: 0.005 } });
    expect(goalVerdict(recall)).toBe('met');
    expect(goalVerdict({ ...recall, assay: 0.9848 })).toBe('missed');
  });

  it('cannot judge a comparison without its reference', () => {
    expect(goalVerdict(line({ reference: null }))).toBe('no reference');
  });
});

describe('goalComparison', () => {
  it('is the ratio for ratio targets and the signed difference for difference targets', () => {
    expect(goalComparison(line({ assay: 342, reference: 228 }))).toBe('1.50×');
    expect(goalComparison(line({ unit: 'errors', assay: 15, reference: 10, target: { kind: 'plus', max: 2 } }))).toBe('+5');
    expect(goalComparison(line({ unit: 'recall', assay: 0.9943, reference: 0.9948, target: { kind: 'within', max: 0.005 } }))).toBe('−0.0005');
    expect(goalComparison(line({ reference: null, target: { kind: 'max', max: 1536 } }))).toBe('—');
  });
});

describe('latestPerMeasure', () => {
  it('keeps the last line of each goal and measure, ordered by goal, a rerun last within its goal', () => {
    const lines = [
      line({ goal: 3, what: 'a', assay: 1 }),
      line({ goal: 1, what: 'b', assay: 2 }),
      line({ goal: 3, what: 'c', assay: 4 }),
      line({ goal: 3, what: 'a', assay: 3 }),
    ];
    expect(latestPerMeasure(lines).map((l) => [l.goal, l.what, l.assay])).toEqual([
      [1, 'b', 2],
      [3, 'c', 4],
      [3, 'a', 3],
    ]);
  });
});

describe('formatGoalTable', () => {
  it('prints one markdown row per line with figures, ratio, target and verdict', () => {
    const text = formatGoalTable([
      line({}),
      line({ what: 'peak MB of the process tree', unit: 'MB', assay: 2480.4, reference: null, target: { kind: 'max', max: 1536 } }),
    ]);
    const rows = text.trim().split('\n');
    expect(rows[0]).toBe('| goal | measure | Assay | reference | ratio | target | result | data |');
    expect(rows).toHaveLength(4);
    expect(rows[2]).toBe('| 1 | total / search | 300.00 s | 228.00 s | 1.32× | ≤ 1.5× | met | 1,000,000 generated rows |');
    expect(rows[3]).toBe('| 1 | peak MB of the process tree | 2,480 MB | — | — | ≤ 1,536 MB | missed | 1,000,000 generated rows |');
  });
});
