/**
 * "New report from run": a finished run as a deck in the order a results
 * talk follows: the title, the data, the preparation, the search, the
 * champion on the test set, its curves and importances, for a logistic
 * regression its coefficients and their reading, and the executive summary.
 * Tables are snapshots formatted as the Run view shows them; charts are
 * references drawn from the stored run at export. Every slide's notes hold
 * the exact figures behind it.
 */
import { ApiError } from '../api/errors';
import { recipeFacts } from '../compare/sameRows';
import { describeStep } from '../compare/stepWords';
import { formatCount, formatMetric, formatShare, listWords } from '../evaluation/format';
import { interpretModel } from '../evaluation/interpretation';
import { logisticTable } from '../evaluation/logisticTable';
import { quadrantSentences, summarySentence } from '../evaluation/quadrants';
import { decisionRuleText } from '../evaluation/thresholdView';
import { averagePrecision, rocAucScore } from '../metrics/curves';
import { DEFAULT_THRESHOLD } from '../metrics/thresholds';
import type { RunChartRequest } from '../charts/runCharts';
import { stepName, upperFirst } from '../recipe/recipePaths';
import type { HeldOutScores, ModelResult, RunRecord } from '../search/runRecord';
import { championModel, classBalance, classCounts, classShareWords, executiveSummary, ruleWords, type PartBalance } from './executiveSummary';
import { classReadings, weakestClass } from '../evaluation/interpretation';
import { classScores, hasClassProbabilities } from '../evaluation/multiclass';
import { classCurveSummary } from '../evaluation/classCurves';
import {
  bestCandidatesTable,
  championMetricsTable,
  classificationTable,
  coefficientsTable,
  confusionMatrixTable,
  modelWords,
  paramsText,
  scoredMetrics,
  searchedParams,
  searchTable,
} from './reportTables';
import { REPORT_VERSION, type Report, type ReportTable, type Slide, type SlideBody } from './schema';
import { newSlideId } from './slideId';
import { clip, exact, metricText, noteText, stepSettings } from './slideNotes';

/** What the host knows about the run's dataset beyond the record. */
export interface DeckSummary {
  /** Columns of the dataset as imported. */
  datasetColumns?: number;
  /** Missing values per column of the dataset as imported. */
  missing?: { column: string; count: number }[];
}

export interface DeckInput {
  runId: number;
  title: string;
  record: RunRecord;
  summary?: DeckSummary;
}

/** Rows of the best-candidates table. */
const TOP_CANDIDATES = 10;
/** Bars of the importance chart. */
const TOP_FEATURES = 15;
/** Missing-value columns named on the data slide. */
const MISSING_LISTED = 5;
const MAX_BULLETS = 20;

interface SlideTexts {
  title: string;
  caption: string;
  notes: string;
}

function slide(runId: number, texts: SlideTexts, body: SlideBody): Slide {
  return {
    id: newSlideId(),
    title: clip(texts.title, 300),
    caption: clip(texts.caption, 2000),
    notes: clip(texts.notes, 20_000),
    body,
    runIds: [runId],
  };
}

/** A slide showing a chart of one model of a stored run (drawn from the run at export). */
export function runChartSlide(runId: number, modelId: string, chart: RunChartRequest, texts: SlideTexts): Slide {
  return slide(runId, texts, { kind: 'chart', source: { type: 'run', id: runId, modelId, chart } });
}

/** A slide showing a table snapshot of a stored run. */
export function runTableSlide(runId: number, table: ReportTable, texts: SlideTexts): Slide {
  return slide(runId, texts, { kind: 'table', table });
}

function bulletsSlide(runId: number, texts: SlideTexts, bullets: string[]): Slide {
  let list = bullets;
  // The schema holds 20 bullets: the rest go into the last one rather than being lost.
  if (list.length > MAX_BULLETS) list = [...list.slice(0, MAX_BULLETS - 1), list.slice(MAX_BULLETS - 1).join(' ')];
  return slide(runId, texts, { kind: 'bullets', bullets: list.map((b) => clip(b, 1000)) });
}

const quoted = (s: string) => `“${s}”`;
/** "0.99 ± 0.01" with every digit; just "not defined" for an undefined mean. */
const exactMeanStd = (mean: number, std: number | undefined) =>
  Number.isFinite(mean) && typeof std === 'number' && Number.isFinite(std) ? `${exact(mean)} ± ${exact(std)}` : exact(mean);
const isBinary = (c: number[][]) => c.length === 2 && c.every((r) => r.length === 2);
const dateOf = (iso: string) => (/^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? '');

function titleSlide(input: DeckInput, name: string): Slide {
  const { record, runId } = input;
  const c = record.champion!;
  const subtitle = [record.dataset.name, `${formatCount(record.dataset.rows)} rows`, dateOf(record.startedAt), `Assay ${record.assayVersion}`].filter(Boolean).join(' · ');
  return slide(
    runId,
    {
      title: name,
      caption: `Recipe ${quoted(record.recipeName)}; champion ${c.modelId}, chosen by ${ruleWords(c.rule)}.`,
      notes: noteText([
        `Run #${runId}: ${record.recipeName}.`,
        `Dataset: ${record.dataset.name}, ${record.dataset.rows} rows${record.dataset.contentHash ? `, content hash ${record.dataset.contentHash}` : ''}.`,
        record.startedAt && `Started: ${record.startedAt}.`,
        `Assay ${record.assayVersion}; status ${record.status}; ${exact(record.seconds.total)} s in all.`,
        ...record.notes.map((n) => `Note: ${n}`),
      ]),
    },
    { kind: 'title', subtitle: clip(subtitle, 500) },
  );
}

const partWords = (b: PartBalance) => `${formatCount(b.positives)} of ${formatCount(b.rows)} ${b.part} rows (${formatShare(b.positives, b.rows)})`;

function dataSlide(input: DeckInput): Slide {
  const { record, runId, summary } = input;
  const facts = recipeFacts(record);
  const positive = record.classes[1];
  const rows = record.rows;
  const used = rows.train + rows.validation + rows.test;
  const columns = summary?.datasetColumns;
  const bullets = [
    `${formatCount(record.dataset.rows)} rows${columns !== undefined ? ` and ${formatCount(columns)} columns` : ''} in ${record.dataset.name}; the models see ${formatCount(record.features.length)} ${record.features.length === 1 ? 'feature' : 'features'}.`,
    `After preparation, ${formatCount(used)} rows: ${listWords([`${formatCount(rows.train)} training`, ...(rows.validation ? [`${formatCount(rows.validation)} validation`] : []), `${formatCount(rows.test)} test`])}.`,
  ];
  const multiclass = record.classes.length > 2;
  const balance = multiclass ? [] : classBalance(record);
  const parts = multiclass ? classCounts(record) : [];
  const target = facts.target ? `Target ${facts.target}, positive class` : 'Positive class';
  if (balance.length) bullets.push(`${target} ${quoted(positive)}: ${listWords(balance.map(partWords))}.`);
  if (multiclass) {
    bullets.push(`${facts.target ? `Target ${facts.target}` : 'The target'}: ${formatCount(record.classes.length)} classes, ${listWords(record.classes.map(quoted))}.`);
    for (const p of parts) bullets.push(`${upperFirst(p.part)} rows (${formatCount(p.rows)}): ${classShareWords(record.classes, p)}.`);
  }
  if (summary?.missing) {
    const missing = summary.missing.filter((m) => m.count > 0).sort((a, b) => b.count - a.count);
    const cells = missing.reduce((a, m) => a + m.count, 0);
    if (!missing.length) bullets.push('No missing values in the dataset.');
    else {
      const named = missing.slice(0, MISSING_LISTED).map((m) => `${m.column} ${formatCount(m.count)}`);
      if (missing.length > MISSING_LISTED) named.push(`${formatCount(missing.length - MISSING_LISTED)} more columns`);
      bullets.push(`Missing values: ${listWords(named)} (${formatCount(cells)} ${cells === 1 ? 'cell' : 'cells'} in all).`);
    }
  }
  const test = balance.find((b) => b.part === 'test');
  const testParts = parts.find((p) => p.part === 'test');
  const rarest = testParts ? testParts.counts.indexOf(Math.min(...testParts.counts)) : -1;
  const caption = multiclass
    ? testParts
      ? `${formatCount(used)} rows after preparation in ${formatCount(record.classes.length)} classes; the rarest, ${quoted(record.classes[rarest])}, is ${formatShare(testParts.counts[rarest], testParts.rows)} of the test rows.`
      : `${formatCount(used)} rows after preparation in ${formatCount(record.classes.length)} classes.`
    : test
      ? `${formatCount(used)} rows after preparation; ${quoted(positive)} is ${formatShare(test.positives, test.rows)} of the test rows.`
      : `${formatCount(used)} rows after preparation, positive class ${quoted(positive)}.`;
  return bulletsSlide(
    runId,
    {
      title: 'The data',
      caption,
      notes: noteText([
        `Dataset ${record.dataset.name}: ${record.dataset.rows} rows${columns !== undefined ? `, ${columns} columns` : ''}.`,
        `Rows after preparation: train ${rows.train}, validation ${rows.validation}, test ${rows.test}.`,
        multiclass ? `Classes, in the models' order: ${record.classes.map(quoted).join(', ')}.` : `Classes: negative ${quoted(record.classes[0])}, positive ${quoted(positive)}.`,
        ...parts.map((p) => `${p.part}: ${record.classes.map((c, i) => `${c} ${p.counts[i]}`).join(', ')} of ${p.rows} rows.`),
        ...balance.map((b) => `${b.part}: ${b.positives} positive of ${b.rows} rows (share ${exact(b.rows ? b.positives / b.rows : NaN)}).`),
        ...(summary?.missing ?? []).map((m) => `Missing in ${m.column}: ${m.count}`),
        `Features (${record.features.length}): ${record.features.join(', ')}`,
      ]),
    },
    bullets,
  );
}

function preparationSlide(input: DeckInput): Slide {
  const { record, runId } = input;
  const steps = recipeFacts(record).steps;
  const leaks = record.leakage;
  const stepBullets = steps.map((s, i) => `Step ${i + 1}: ${describeStep(s)}.`);
  const leakBullets = leaks.map((l) => `${upperFirst(stepName(l.step, l.op))} runs before the split: ${l.message}`);
  // Leakage flags must stay on the slide: steps give way to them past the schema's bullet limit.
  const room = Math.max(1, MAX_BULLETS - leakBullets.length);
  const shownSteps = stepBullets.length > room ? [...stepBullets.slice(0, room - 1), stepBullets.slice(room - 1).join(' ')] : stepBullets;
  const caption = leaks.length
    ? `${leaks.length === 1 ? '1 step runs' : `${leaks.length} steps run`} before the split and ${leaks.length === 1 ? 'learns' : 'learn'} from the test rows: held-out scores may be optimistic.`
    : `${formatCount(steps.length)} ${steps.length === 1 ? 'step' : 'steps'}; none is flagged for leakage.`;
  return bulletsSlide(
    runId,
    {
      title: 'The preparation',
      caption,
      notes: noteText([
        ...steps.map((s, i) => `Step ${i + 1}: ${stepSettings(s)}.`),
        ...leaks.map((l) => `Leakage at ${stepName(l.step, l.op)}: ${l.message}`),
        `Features (${record.features.length}): ${record.features.join(', ')}`,
      ]),
    },
    [...shownSteps, ...leakBullets],
  );
}

function searchSlide(input: DeckInput): Slide {
  const { record, runId } = input;
  const facts = recipeFacts(record);
  const refit = facts.refit ?? record.models[0]?.cv.refit ?? 'recall';
  const c = record.champion!;
  return runTableSlide(runId, searchTable(record), {
    title: 'The search',
    caption: `${formatCount(facts.cv.folds)}-fold cross-validation${facts.cv.stratified ? ' (stratified)' : ''}, each model refit on ${refit}; the champion (★) has the ${ruleWords(c.rule)}.`,
    notes: noteText(
      record.models.flatMap((m) => {
        const best = m.cv.rows.find((r) => r.candidate === m.cv.best);
        return [
          `${m.modelId} (${m.type}): ${m.candidates} ${m.candidates === 1 ? 'candidate' : 'candidates'}, ${m.fits} ${m.fits === 1 ? 'fit' : 'fits'}${m.failedFits.length ? `, ${m.failedFits.length} failed` : ''}${m.partial ? ', partial' : ''}.`,
          `  best parameters: ${paramsText(m.bestParams)}`,
          ...Object.entries(m.bestCv).map(([k, v]) => `  mean CV ${k}: ${exactMeanStd(v, best?.std[k])}`),
        ];
      }),
    ),
  });
}

function bestCandidatesSlide(input: DeckInput, m: ModelResult): Slide | null {
  if (m.cv.rows.length < 2) return null;
  const metrics = scoredMetrics(input.record);
  const shown = Math.min(TOP_CANDIDATES, m.cv.rows.length);
  const top = [...m.cv.rows].sort((a, b) => (a.rank[m.cv.refit] ?? Infinity) - (b.rank[m.cv.refit] ?? Infinity) || a.candidate - b.candidate).slice(0, shown);
  return runTableSlide(input.runId, bestCandidatesTable(m, metrics, TOP_CANDIDATES), {
    title: `Best candidates: ${m.modelId}`,
    caption: `The ${shown === m.cv.rows.length ? formatCount(shown) : `${formatCount(shown)} best of ${formatCount(m.cv.rows.length)}`} candidates of ${m.modelId} by mean cross-validation ${m.cv.refit} (mean ± std over the folds); the best: ${paramsText(searchedParams(m))}.`,
    notes: noteText(
      top.map((r) => `Candidate ${r.candidate} (rank ${r.rank[m.cv.refit] ?? 'none'}): ${paramsText(r.params)}; ${Object.entries(r.mean).map(([k, v]) => `${k} ${exactMeanStd(v, r.std[k])}`).join(', ')}`),
    ),
  });
}

function championSlides(input: DeckInput, m: ModelResult): Slide[] {
  const { record, runId } = input;
  const c = record.champion!;
  const [negative, positive] = record.classes;
  const out: Slide[] = [];
  const metrics = championMetricsTable(record);
  const names = scoredMetrics(record).filter((k) => c.test.metrics[k] !== undefined);
  const testList = listWords(names.map((k) => `${k} ${metricText(c.test.metrics[k])}`));
  if (metrics) {
    out.push(
      runTableSlide(runId, metrics, {
        title: 'The champion on the test set',
        caption: `${m.modelId} (${modelWords(m.type)}) on the ${formatCount(c.test.rows)} test rows, scored once: ${testList || 'no recorded metric'}.`,
        notes: noteText([
          `Test rows: ${c.test.rows}.`,
          ...Object.entries(c.test.metrics).map(([k, v]) => `Test ${k}: ${exact(v)}`),
          ...Object.entries(m.validation?.metrics ?? {}).map(([k, v]) => `Validation ${k}: ${exact(v)}`),
          ...Object.entries(m.bestCv).map(([k, v]) => `Mean CV ${k}: ${exact(v)}`),
        ]),
      }),
    );
  }
  const matrix = c.test.confusion;
  if (matrix.length === record.classes.length && matrix.every((r) => r.length === matrix.length)) {
    const counts = isBinary(matrix) ? { tn: matrix[0][0], fp: matrix[0][1], fn: matrix[1][0], tp: matrix[1][1] } : null;
    const readings = counts ? [] : classReadings(matrix, record.classes);
    const weakest = counts ? null : weakestClass(matrix);
    const caption = counts
      ? summarySentence(counts, record.classes)
      : `Rows are the actual classes, columns the predicted ones (the most probable class).${weakest !== null ? ` Weakest: ${quoted(record.classes[weakest])}. ${readings[weakest].sentence}` : ''}`;
    out.push(
      runTableSlide(runId, confusionMatrixTable(matrix, record.classes), {
        title: `Confusion matrix: ${m.modelId}, test set`,
        caption,
        notes: noteText(
          counts
            ? [
                `Rows actual, columns predicted, classes ${quoted(negative)} then ${quoted(positive)}: ${JSON.stringify(matrix)}.`,
                decisionRuleText(record.classes, DEFAULT_THRESHOLD),
                ...quadrantSentences(counts, record.classes).map((q) => q.sentence),
              ]
            : [
                `Rows actual, columns predicted, classes in the order ${record.classes.map(quoted).join(', ')}: ${JSON.stringify(matrix)}.`,
                'Each row is predicted as its most probable class (ties to the first class in this order).',
                ...readings.map((r) => `${record.classes[r.classIndex]}: ${r.sentence}`),
              ],
        ),
      }),
    );
  }
  const report = classificationTable(c.test.report, record.classes);
  if (report) {
    out.push(
      runTableSlide(runId, report, {
        title: `Classification report: ${m.modelId}, test set`,
        caption: `Precision, recall and F1 of each class on the ${formatCount(c.test.rows)} test rows, as scikit-learn's classification_report prints them.`,
        notes: noteText(['Every score, as stored:', ...reportLines(c.test.report, record.classes)]),
      }),
    );
  }
  return out;
}

/** The stored classification report's numbers in full, for the notes (its shape was checked by classificationTable). */
function reportLines(report: unknown, classes: readonly string[]): string[] {
  const r = report as { perClass: { label?: unknown }[]; accuracy?: unknown; macro: unknown; weighted: unknown };
  const line = (name: string, v: unknown) => {
    const s = (v ?? {}) as Record<string, unknown>;
    return `${name}: precision ${exact(s.precision)}, recall ${exact(s.recall)}, f1 ${exact(s.f1)}, support ${exact(s.support)}`;
  };
  return [
    ...r.perClass.map((p, i) => {
      const label = typeof p?.label === 'number' ? p.label : i;
      return line(classes[label] ?? String(label), p);
    }),
    ...(typeof r.accuracy === 'number' ? [`accuracy: ${exact(r.accuracy)}`] : []),
    line('macro avg', r.macro),
    line('weighted avg', r.weighted),
  ];
}

/** Both classes among the rows: a curve needs them (the chart would fail otherwise). */
function curveScores(s: HeldOutScores | null | undefined): { y: Int32Array; score: number[] } | null {
  if (!s || !Array.isArray(s.y) || s.y.length === 0 || s.y.length !== s.score?.length) return null;
  const pos = s.y.filter((v) => v === 1).length;
  if (pos === 0 || pos === s.y.length) return null;
  return { y: Int32Array.from(s.y), score: s.score };
}

/** One-vs-rest curves of a k-class champion: each class against the rest, with the macro averages. */
function classCurveSlides(input: DeckInput, m: ModelResult): Slide[] {
  const { record, runId } = input;
  const held = m.heldOut?.test;
  if (!hasClassProbabilities(held)) return [];
  let summary;
  try {
    summary = classCurveSummary(classScores(held, record.classes.length, 'The test predictions'), record.classes);
  } catch {
    // Damaged stored scores: the deck goes without the curves rather than failing.
    return [];
  }
  const drawn = summary.rows.filter((r) => r.auc !== null);
  if (!drawn.length) return [];
  const n = formatCount(held.y.length);
  const lowest = [...drawn].sort((a, b) => a.auc! - b.auc!)[0];
  const lowestAp = [...drawn].filter((r) => r.ap !== null).sort((a, b) => a.ap! - b.ap!)[0];
  const notes = noteText([
    `${held.y.length} test rows; each class against the other ${record.classes.length - 1}, scored by its own probability.`,
    ...summary.rows.map((r) => `${r.name}: ${r.support} rows, ROC AUC ${r.auc === null ? 'not defined' : exact(r.auc)}, average precision ${r.ap === null ? 'not defined' : exact(r.ap)}.`),
    summary.macroAuc !== null ? `Macro-average ROC AUC (roc_auc_ovr): ${exact(summary.macroAuc)}.` : summary.note,
    summary.macroAp !== null && `Macro-average average precision: ${exact(summary.macroAp)}.`,
  ]);
  return [
    runChartSlide(runId, m.modelId, { kind: 'roc', set: 'test', threshold: null }, {
      title: `ROC curves per class: ${m.modelId}, test set`,
      caption:
        summary.macroAuc !== null
          ? `Macro-average AUC ${formatMetric(summary.macroAuc)} on the ${n} test rows, each class against the rest; the lowest is ${quoted(lowest.name)} (${formatMetric(lowest.auc!)}).`
          : `Each class against the rest on the ${n} test rows. ${summary.note ?? ''}`.trim(),
      notes,
    }),
    runChartSlide(runId, m.modelId, { kind: 'pr', set: 'test', threshold: null }, {
      title: `Precision–recall curves per class: ${m.modelId}, test set`,
      caption:
        summary.macroAp !== null && lowestAp
          ? `Macro-average AP (average precision) ${formatMetric(summary.macroAp)} on the ${n} test rows; the hardest class to pick out is ${quoted(lowestAp.name)} (average precision ${formatMetric(lowestAp.ap!)}, ${formatShare(lowestAp.support, held.y.length)} of the rows).`
          : `Each class against the rest on the ${n} test rows.`,
      notes,
    }),
  ];
}

function curveSlides(input: DeckInput, m: ModelResult): Slide[] {
  const { record, runId } = input;
  if (record.classes.length > 2) return classCurveSlides(input, m);
  const scores = curveScores(m.heldOut?.test);
  if (!scores) return [];
  const auc = rocAucScore(scores.y, scores.score);
  const ap = averagePrecision(scores.y, scores.score);
  const n = formatCount(scores.y.length);
  const positives = scores.y.reduce((a, v) => a + v, 0);
  const positive = record.classes[1];
  const base = noteText([
    `${scores.y.length} test rows, ${positives} of them ${quoted(positive)} (share ${exact(positives / scores.y.length)}).`,
    `ROC AUC: ${exact(auc)}.`,
    `Average precision: ${exact(ap)}.`,
    `Decision rule of the stored matrices: ${decisionRuleText(record.classes, DEFAULT_THRESHOLD)}`,
  ]);
  return [
    runChartSlide(runId, m.modelId, { kind: 'roc', set: 'test', threshold: null }, {
      title: `ROC curve: ${m.modelId}, test set`,
      caption: `Area under the curve ${formatMetric(auc)} on the ${n} test rows: the chance that a random ${quoted(positive)} row scores above a random other row.`,
      notes: base,
    }),
    runChartSlide(runId, m.modelId, { kind: 'pr', set: 'test', threshold: null }, {
      title: `Precision–recall curve: ${m.modelId}, test set`,
      caption: `Average precision ${formatMetric(ap)} on the ${n} test rows; a model guessing at random would score ${formatShare(positives, scores.y.length)} precision everywhere.`,
      notes: base,
    }),
  ];
}

function importanceSlide(input: DeckInput, m: ModelResult): Slide | null {
  const sets = m.importances ?? [];
  if (!sets.length) return null;
  const perm = sets.findIndex((s) => s.kind === 'permutation');
  const index = perm >= 0 ? perm : 0;
  const set = sets[index];
  const size = set.kind === 'coefficient' ? Math.abs : set.kind === 'oddsRatio' ? (v: number) => Math.abs(Math.log(v)) : (v: number) => v;
  const sorted = set.features.filter((w) => Number.isFinite(w.value)).sort((a, b) => size(b.value) - size(a.value));
  const top = sorted.slice(0, TOP_FEATURES);
  const lead = sorted[0];
  const caption = lead
    ? `${set.title} for ${m.modelId}: ${lead.feature} leads (${formatMetric(lead.value)})${sorted.length > TOP_FEATURES ? `; the top ${TOP_FEATURES} of ${formatCount(sorted.length)} features` : ''}.`
    : `${set.title} for ${m.modelId}.`;
  return runChartSlide(input.runId, m.modelId, { kind: 'importance', importance: index, top: TOP_FEATURES }, {
    title: `Feature importance: ${m.modelId}`,
    caption: `${caption} ${set.description}`.trim(),
    notes: noteText([
      `${set.title} (${set.kind}): ${set.description}`,
      ...top.map((w) => `${w.feature}: ${exact(w.value)}${w.std !== undefined ? ` ± ${exact(w.std)}` : ''}${w.low !== undefined ? ` [${exact(w.low)}, ${exact(w.high)}]` : ''}`),
    ]),
  });
}

function logisticSlides(input: DeckInput, m: ModelResult): Slide[] {
  const { record, runId } = input;
  const table = logisticTable(m.model);
  if (!table) return [];
  const { table: cells, shown, of } = coefficientsTable(table);
  const subset = shown < of ? ` The intercept and the ${formatCount(shown - 1)} largest of ${formatCount(of - 1)} coefficients by size.` : '';
  const out = [
    runTableSlide(runId, cells, {
      title: `Coefficients: ${m.modelId}`,
      caption: clip(`Coefficients are in log-odds of ${quoted(record.classes[1])} per unit of each feature; odds ratios are their exponentials.${subset}${table.note ? ` ${table.note}` : ''}`, 2000),
      notes: noteText([
        `Penalty: ${table.penalty}.`,
        table.warning && `Warning: ${table.warning}`,
        ...table.rows.map(
          (t) =>
            `${t.term}: coefficient ${exact(t.coefficient)}, odds ratio ${exact(t.oddsRatio)}${t.stdError !== null ? `, std err ${exact(t.stdError)}, z ${exact(t.z)}, p ${exact(t.pValue)}, 95% [${exact(t.low)}, ${exact(t.high)}]` : ''}`,
        ),
      ]),
    }),
  ];
  const reading = interpretModel(record, m.modelId);
  out.push(
    bulletsSlide(
      runId,
      {
        title: `Reading the logistic regression: ${m.modelId}`,
        caption: `What the coefficients say, the other features held fixed.`,
        notes: noteText([`Generated from the run's numbers; the coefficients' exact values are in the notes of the previous slide.`]),
      },
      reading,
    ),
  );
  return out;
}

function summarySlide(input: DeckInput): Slide {
  const s = executiveSummary(input.record);
  return slide(input.runId, { title: 'Executive summary', caption: s.caption, notes: s.notes }, { kind: 'sections', sections: s.sections });
}

/** The run's model ids for a message: "rf, xgb". */
const idList = (record: RunRecord) => record.models.map((m) => m.modelId).join(', ');

/** Why a run has no deck: no champion (and why not), or a champion that is not among its models. */
function noDeck(record: RunRecord, runId: number): string | null {
  if (record.champion && !championModel(record)) {
    return `Run ${runId}'s champion "${record.champion.modelId}" is not one of its models (${idList(record) || 'none'}): the record is damaged.`;
  }
  if (record.champion) return null;
  const how = record.status === 'failed' ? 'it failed before one was chosen' : record.status === 'cancelled' ? 'it was cancelled before one was chosen' : 'no model was chosen';
  return `Run ${runId} has no champion (${how}): a report needs a finished run.`;
}

/**
 * The deck of a finished run. Throws for a run without a champion
 * (cancelled or failed) or whose champion is not among its models.
 */
export function deckFromRun(input: DeckInput): Report {
  const refused = noDeck(input.record, input.runId);
  if (refused) throw new ApiError('bad-input', refused);
  // Records from before importances were kept have none.
  const record: RunRecord = { ...input.record, models: input.record.models.map((x) => ({ ...x, importances: x.importances ?? [] })) };
  const deck: DeckInput = { ...input, record };
  const m = championModel(record)!;
  const name = clip(input.title.trim() || record.recipeName.trim() || `Run ${input.runId}`, 200);
  const slides: (Slide | null)[] = [
    titleSlide(deck, name),
    dataSlide(deck),
    preparationSlide(deck),
    searchSlide(deck),
    bestCandidatesSlide(deck, m),
    ...championSlides(deck, m),
    ...curveSlides(deck, m),
    importanceSlide(deck, m),
    ...logisticSlides(deck, m),
    summarySlide(deck),
  ];
  return { version: REPORT_VERSION, name, slides: slides.filter((s): s is Slide => s !== null) };
}
