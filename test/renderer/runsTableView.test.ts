import { describe, expect, it } from 'vitest';
import { toTsv } from '../../src-main/core/evaluation/tsv';
import type { RunsTableRow } from '../../src-main/core/search/runsTable';
import {
  columnGroups,
  compareRule,
  exportFormat,
  exportTable,
  filterRows,
  formatDate,
  keepExisting,
  metricOrder,
  nextSort,
  paramsText,
  parseFilter,
  runKeys,
  runsColumns,
  selectedModels,
  sortRows,
  statusText,
  toggleKey,
  visibleColumns,
} from '../../src-renderer/src/lib/runs/runsTableView';

function row(o: Partial<RunsTableRow>): RunsTableRow {
  return {
    runId: 1,
    runTitle: 'Course 6',
    recipeName: 'Course 6',
    datasetName: 'claims',
    datasetHash: '0123456789abcdef'.repeat(4),
    status: 'complete',
    modelId: 'rf',
    type: 'randomForest',
    champion: false,
    partial: false,
    bestParams: { n_estimators: 300, max_depth: 5 },
    cv: { recall: { mean: 0.9, std: 0.01 } },
    validation: { recall: 0.91 },
    test: null,
    leakage: false,
    seconds: 75,
    date: '2024-05-01T10:00:00.000Z',
    tags: [],
    ...o,
  };
}

const rows = [
  row({ runId: 3, modelId: 'rf', cv: { recall: { mean: 0.95, std: 0.02 }, precision: { mean: 0.99, std: 0 } }, seconds: 12 }),
  row({ runId: 3, modelId: 'xgb', type: 'gradientBoosting', champion: true, test: { recall: 0.96 }, cv: { recall: { mean: 0.97, std: 0.01 } }, seconds: 12 }),
  row({ runId: 2, runTitle: 'Course 6 · seed 0 → 1', modelId: 'rf', partial: true, validation: null, cv: { recall: { mean: NaN, std: NaN } }, seconds: null, tags: ['draft'] }),
  row({ runId: 10, runTitle: 'Leaky', modelId: 'lr', type: 'logisticRegression', leakage: true, cv: { recall: { mean: 0.8, std: 0.05 } }, seconds: 600 }),
];
const columns = runsColumns(rows);
const col = (key: string) => columns.find((c) => c.key === key)!;
const ids = (rs: RunsTableRow[]) => rs.map((r) => `${r.runId}#${r.modelId}`);

describe('runs table columns', () => {
  it('has one CV, validation and test column per metric some row holds, scorers in Train order', () => {
    expect(columns.map((c) => c.key)).toEqual([
      'run',
      'recipe',
      'dataset',
      'hash',
      'model',
      'role',
      'type',
      'params',
      'cv:precision',
      'cv:recall',
      'validation:recall',
      'test:recall',
      'leakage',
      'seconds',
      'date',
      'tags',
    ]);
    expect(metricOrder(['zeta', 'roc_auc', 'accuracy', 'alpha'])).toEqual(['accuracy', 'roc_auc', 'alpha', 'zeta']);
  });

  it('writes the cells compactly: mean ± std, short hash with the full one in the tooltip, parameters by name', () => {
    expect(col('cv:recall').text(rows[0])).toBe('0.950 ± 0.020');
    expect(col('cv:precision').text(rows[1])).toBe('');
    expect(col('hash').text(rows[0])).toBe('01234567');
    expect(col('hash').title!(rows[0])).toBe(rows[0].datasetHash);
    expect(col('params').text(rows[0])).toBe('max_depth=5, n_estimators=300');
    expect(paramsText({ max_depth: null, bootstrap: true, criterion: 'gini' })).toBe('bootstrap=True, criterion=gini, max_depth=None');
    expect(col('run').text(rows[2])).toBe('Course 6 · seed 0 → 1 #2');
    expect(col('role').text(rows[1])).toBe('champion');
    expect(col('role').text(rows[2])).toBe('partial');
    expect(col('leakage').text(rows[3])).toBe('⚠ leaks');
    expect(col('seconds').text(rows[0])).toBe('12 s');
    expect(col('type').text(rows[3])).toBe('Logistic regression');
    const d = new Date(rows[0].date);
    const two = (n: number) => String(n).padStart(2, '0');
    expect(formatDate(rows[0].date)).toBe(`${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`);
  });

  it('never hides the run column, and groups the others for the chooser', () => {
    expect(visibleColumns(columns, ['run', 'hash', 'tags']).map((c) => c.key)).not.toContain('hash');
    expect(visibleColumns(columns, ['run']).map((c) => c.key)[0]).toBe('run');
    const groups = columnGroups(columns);
    expect(groups.map((g) => g.group)).toEqual(['run', 'model', 'cv', 'validation', 'test']);
    expect(groups[0].columns.map((c) => c.key)).toEqual(['recipe', 'dataset', 'hash', 'leakage', 'seconds', 'date', 'tags']);
  });
});

describe('sorting', () => {
  it('sorts numbers as numbers, missing values (and NaN) last in both directions', () => {
    expect(ids(sortRows(rows, col('cv:recall'), false))).toEqual(['10#lr', '3#rf', '3#xgb', '2#rf']);
    expect(ids(sortRows(rows, col('cv:recall'), true))).toEqual(['3#xgb', '3#rf', '10#lr', '2#rf']);
    expect(ids(sortRows(rows, col('seconds'), true))).toEqual(['10#lr', '3#rf', '3#xgb', '2#rf']);
    expect(ids(sortRows(rows, col('test:recall'), false))).toEqual(['3#xgb', '3#rf', '2#rf', '10#lr']);
  });

  it('is stable: ties keep the order the host gave (newest run first)', () => {
    expect(ids(sortRows(rows, col('seconds'), false))).toEqual(['3#rf', '3#xgb', '10#lr', '2#rf']);
    expect(ids(sortRows(rows, col('dataset'), true))).toEqual(ids(rows));
  });

  it('sorts text in natural order, ignoring case', () => {
    const named = [row({ runId: 1, runTitle: 'run 10' }), row({ runId: 2, runTitle: 'Run 9' }), row({ runId: 3, runTitle: 'alpha' })];
    expect(sortRows(named, col('run'), false).map((r) => r.runTitle)).toEqual(['alpha', 'Run 9', 'run 10']);
  });

  it('a header click sorts ascending, a second click descending', () => {
    const first = nextSort(null, 'cv:recall');
    expect(first).toEqual({ key: 'cv:recall', descending: false });
    expect(nextSort(first, 'cv:recall')).toEqual({ key: 'cv:recall', descending: true });
    expect(nextSort({ key: 'cv:recall', descending: true }, 'date')).toEqual({ key: 'date', descending: false });
  });
});

describe('filters', () => {
  it('reads comparisons and ranges on numeric columns', () => {
    expect(parseFilter(' >0.9 ', true)).toEqual({ kind: 'compare', op: '>', value: 0.9 });
    expect(parseFilter('<=10', true)).toEqual({ kind: 'compare', op: '<=', value: 10 });
    expect(parseFilter('>= .5', true)).toEqual({ kind: 'compare', op: '>=', value: 0.5 });
    expect(parseFilter('=1e-3', true)).toEqual({ kind: 'compare', op: '=', value: 0.001 });
    expect(parseFilter('0.8..0.9', true)).toEqual({ kind: 'range', low: 0.8, high: 0.9 });
    expect(parseFilter('0.9 .. 0.8', true)).toEqual({ kind: 'range', low: 0.8, high: 0.9 });
    expect(parseFilter('   ', true)).toBeNull();
  });

  it('treats bad number syntax, and every text column, as a case-insensitive "contains"', () => {
    expect(parseFilter('>abc', true)).toEqual({ kind: 'contains', text: '>abc' });
    expect(parseFilter('0.8..', true)).toEqual({ kind: 'contains', text: '0.8..' });
    expect(parseFilter('>0.9', false)).toEqual({ kind: 'contains', text: '>0.9' });
    expect(parseFilter('XGB', false)).toEqual({ kind: 'contains', text: 'xgb' });
  });

  it('keeps the rows every box accepts; a missing value fails a number filter', () => {
    expect(ids(filterRows(rows, columns, { 'cv:recall': '>0.9' }))).toEqual(['3#rf', '3#xgb']);
    expect(ids(filterRows(rows, columns, { 'cv:recall': '0.8..0.95' }))).toEqual(['3#rf', '10#lr']);
    expect(ids(filterRows(rows, columns, { seconds: '<=12' }))).toEqual(['3#rf', '3#xgb']);
    expect(ids(filterRows(rows, columns, { 'cv:recall': '>0.9', model: 'XG' }))).toEqual(['3#xgb']);
    expect(ids(filterRows(rows, columns, { run: 'seed' }))).toEqual(['2#rf']);
    expect(ids(filterRows(rows, columns, { tags: 'DRAFT' }))).toEqual(['2#rf']);
    // A plain number on a numeric column looks in the text: "0.95" is in "0.950 ± 0.020".
    expect(ids(filterRows(rows, columns, { 'cv:recall': '0.95' }))).toEqual(['3#rf']);
    expect(ids(filterRows(rows, columns, { 'cv:recall': '>oops' }))).toEqual([]);
    expect(ids(filterRows(rows, columns, { model: '  ' }))).toEqual(ids(rows));
  });

  it('ignores the boxes of columns not shown', () => {
    const shown = visibleColumns(columns, ['model']);
    expect(ids(filterRows(rows, shown, { model: 'xgb' }))).toEqual(ids(rows));
  });

  it('says how many models the filters leave', () => {
    expect(statusText(12, 40)).toBe('12 of 40 models');
    expect(statusText(40, 40)).toBe('40 models');
    expect(statusText(1, 1)).toBe('1 model');
  });
});

describe('selection', () => {
  it('allows Compare for 2 to 4 models, with a hint otherwise', () => {
    expect(compareRule(0)).toEqual({ enabled: false, label: 'Compare (0)', hint: 'Select 2–4 models to compare' });
    expect(compareRule(1).enabled).toBe(false);
    expect(compareRule(2)).toEqual({ enabled: true, label: 'Compare (2)', hint: null });
    expect(compareRule(4).enabled).toBe(true);
    expect(compareRule(5)).toEqual({ enabled: false, label: 'Compare (5)', hint: 'At most 4 models can be compared; 5 are selected' });
  });

  it('keeps the order models were ticked in, and gives them as run.compare takes them', () => {
    let s = toggleKey([], '3#xgb');
    s = toggleKey(s, '10#lr');
    s = toggleKey(s, '3#rf');
    s = toggleKey(s, '10#lr');
    expect(s).toEqual(['3#xgb', '3#rf']);
    expect(selectedModels([...s, '7#model#2'])).toEqual([
      { runId: 3, modelId: 'xgb' },
      { runId: 3, modelId: 'rf' },
      { runId: 7, modelId: 'model#2' },
    ]);
  });

  it('drops models no longer in the table, and selects a whole run', () => {
    expect(keepExisting(['3#rf', '99#rf', '10#lr'], rows)).toEqual(['3#rf', '10#lr']);
    expect(runKeys(rows, 3)).toEqual(['3#rf', '3#xgb']);
  });
});

describe('export', () => {
  it('copies what is shown: visible columns, CV as mean and std, numbers at full precision', () => {
    const shown = visibleColumns(columns, ['recipe', 'dataset', 'hash', 'type', 'params', 'role', 'date', 'cv:precision', 'validation:recall']);
    const t = exportTable([rows[1], rows[2]], shown);
    expect(t.header).toEqual(['run id', 'run', 'model', 'CV recall mean', 'CV recall std', 'test recall', 'leakage', 'duration (s)', 'tags']);
    expect(toTsv(t.header, t.rows)).toBe(
      'run id\trun\tmodel\tCV recall mean\tCV recall std\ttest recall\tleakage\tduration (s)\ttags\n' +
        '3\tCourse 6\txgb\t0.97\t0.01\t0.96\t\t12\t\n' +
        '2\tCourse 6 · seed 0 → 1\trf\tNaN\tNaN\t\t\t\tdraft\n',
    );
    const format = exportFormat(t.kinds);
    expect(format(0.97, 3)).toBe('0.970');
    expect(format(75, 7)).toBe('1 min 15 s');
    expect(format(3, 0)).toBe('3');
  });

  it('copies titles, model ids and tags a spreadsheet would run as text, and numbers (negative too) as numbers', () => {
    const hostile = row({
      runId: 4,
      runTitle: '=HYPERLINK("http://example.com","x")',
      modelId: '-m',
      cv: { recall: { mean: -0.25, std: 0.01 } },
      tags: ['@admin', '+1'],
    });
    const shown = visibleColumns(runsColumns([hostile]), ['recipe', 'dataset', 'hash', 'type', 'params', 'role', 'date', 'validation:recall', 'leakage', 'seconds']);
    const t = exportTable([hostile], shown);
    expect(t.header).toEqual(['run id', 'run', 'model', 'CV recall mean', 'CV recall std', 'tags']);
    expect(toTsv(t.header, t.rows).split('\n')[1]).toBe(`4\t'=HYPERLINK("http://example.com","x")\t'-m\t-0.25\t0.01\t'@admin, +1`);
  });
});
