import { describe, expect, it } from 'vitest';
import { logisticRegression } from '../../../src-main/core/ml/linear/logisticRegression';
import { deckFromRun } from '../../../src-main/core/report/deckFromRun';
import { checkReportRecord } from '../../../src-main/core/report/reportRecordChecks';
import type { RunRecord } from '../../../src-main/core/search/runRecord';
import { executiveSummary } from '../../../src-main/core/report/executiveSummary';
import { reportSchema, type Report } from '../../../src-main/core/report/schema';
import { deckBytes } from '../../../src-main/node/report/exportReport';
import { openDeck, paragraphs, tableCells } from '../../node/report/pptxParts';
import { banStatusRun } from '../evaluation/multiclassRecord';

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

const record = banStatusRun();
const deck = (): Report => deckFromRun({ runId: 3, title: 'Author ban status', record });

describe('the deck of a three-class run', () => {
  it('is a valid deck with the k×k matrix, the per-class report and per-class curves', () => {
    const d = deck();
    expect(reportSchema.parse(d)).toEqual(d);
    expect(d.slides.map((s) => s.title)).toEqual([
      'Author ban status',
      'The data',
      'The preparation',
      'The search',
      'Best candidates: rf',
      'The champion on the test set',
      'Confusion matrix: rf, test set',
      'Classification report: rf, test set',
      'ROC curves per class: rf, test set',
      'Precision–recall curves per class: rf, test set',
      'Feature importance: rf',
      'Executive summary',
    ]);
    const matrix = d.slides[6].body;
    expect(matrix.kind === 'table' && matrix.table.header).toEqual(['actual \\ predicted', 'active', 'banned', 'under review']);
    expect(matrix.kind === 'table' && matrix.table.rows.map((r) => r[0])).toEqual(['active', 'banned', 'under review']);
    expect(d.slides[6].caption).toContain('Weakest: “under review”. It finds 50.0% of the “under review” rows (8 of 16)');
    expect(d.slides[8].body).toEqual({ kind: 'chart', source: { type: 'run', id: 3, modelId: 'rf', chart: { kind: 'roc', set: 'test', threshold: null } } });
    expect(d.slides[8].caption).toMatch(/^Macro-average AUC 0\.\d{3} on the 150 test rows, each class against the rest; the lowest is “under review”/);
  });

  it('has no binary-only wording and no undefined or NaN', () => {
    const text = strings(deck()).join('\n');
    expect(text).not.toMatch(/positive class|negative class|\bpositives?\b|undefined|NaN/i);
    expect(text).toContain('Target author_ban_status: 3 classes, “active”, “banned” and “under review”.');
    expect(text).toContain('Test rows (150): “active” 80.0%, “banned” 9.3% and “under review” 10.7%.');
  });

  it('summarises per class', () => {
    const s = executiveSummary(record);
    const results = s.sections.find((x) => x.heading === 'Results')!.bullets;
    expect(results).toContain('“banned”: It finds 57.1% of the “banned” rows (8 of 14); most of the rest it calls “active” (4 rows). Of the 15 rows it calls “banned”, 53.3% are.');
    const recommendations = s.sections.find((x) => x.heading === 'Recommendations')!.bullets.join(' ');
    expect(recommendations).toContain('Caution: the classes are imbalanced: “banned” is 9.3% of the test rows');
    expect(recommendations).toContain('Its weakest class is “under review” (recall 0.500)');
    expect(s.sections.find((x) => x.heading === 'Next steps')!.bullets).toContain('Review the 4 test rows of “under review” it calls “active” to see what they have in common.');
  });

  it('exports to PPTX with the 3×3 table and per-class curves, and no undefined or NaN in any slide', async () => {
    const ctx = { record: (id: number) => (id === 3 ? record : null), runTitle: () => 'Author ban status', datasetChart: async () => null };
    const file = await deckBytes(ctx, deck(), 'pptx');
    const pptx = await openDeck(file.bytes);
    const texts: string[] = [];
    for (const p of pptx.slides) texts.push(...paragraphs(await pptx.text(p)));
    for (const n of pptx.names.filter((x) => /^ppt\/charts\/chart\d+\.xml$/.test(x))) texts.push(...paragraphs(await pptx.text(n)));
    const all = texts.join('\n');
    expect(all).not.toMatch(/undefined|NaN/);
    expect(all).toContain('Confusion matrix: rf, test set');
    const cells = tableCells(await pptx.text(pptx.slides[6]));
    expect(cells.map((r) => r.map((c) => c.text))).toEqual([
      ['actual \\ predicted', 'active', 'banned', 'under review'],
      ['active', '114', '3', '3'],
      ['banned', '4', '8', '2'],
      ['under review', '4', '4', '8'],
    ]);
    const curveNames = (await Promise.all(pptx.names.filter((x) => /^ppt\/charts\/chart\d+\.xml$/.test(x)).map((n) => pptx.text(n)))).join('\n');
    expect(curveNames).toContain('banned vs rest');
  });
});

describe('a three-class run whose champion is a multinomial logistic regression', () => {
  // A real multinomial fit (penalty none: with its MNLogit inference), as runs store it.
  function lrRecord(): RunRecord {
    const base = banStatusRun();
    const n = 300;
    const x1 = new Float64Array(n);
    const x2 = new Float64Array(n);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = i % 3;
      x1[i] = y[i] + Math.sin(i * 1.7) * 1.5;
      x2[i] = (y[i] === 2 ? 1 : 0) + Math.cos(i * 0.9) * 1.2;
    }
    const names = ['video_view_count', 'text_length'];
    const model = logisticRegression.fit({ rows: n, columns: [x1, x2], names }, y, 3, { penalty: 'none', classNames: base.classes });
    const rf = base.models[0];
    const lr = { ...rf, modelId: 'lr', type: 'logisticRegression', model: JSON.parse(JSON.stringify(model.toJSON())) as unknown, importances: [], featureImportances: null };
    return { ...base, features: names, models: [lr, ...base.models.slice(1)], champion: base.champion && { ...base.champion, modelId: 'lr' } };
  }

  it('passes the report checks and makes a deck with no binary wording, undefined or NaN', () => {
    const record = lrRecord();
    expect(() => checkReportRecord(record, 'run.json')).not.toThrow();
    const d = deckFromRun({ runId: 4, title: 'Author ban status', record });
    expect(reportSchema.parse(d)).toEqual(d);
    const text = strings(d).join('\n');
    expect(text).not.toMatch(/positive class|negative class|undefined|NaN|\[object/i);
  });

  it('refuses a multinomial model whose class vectors do not fit its features, naming the field', () => {
    const record = lrRecord();
    const m = record.models[0].model as { coefficients: number[][] };
    m.coefficients[1] = m.coefficients[1].slice(1);
    expect(() => checkReportRecord(record, 'run.json')).toThrow(/models\[0\]\.model\.coefficients\[1\] has 1 values for 2 terms/);
  });
});
