import { toCsv } from '../core/data/spreadsheetSafe';
import { cvResultsTable } from '../core/evaluation/tsv';
import type { ModelResult, RunRecord } from '../core/search/runRecord';
import { stepName } from '../core/recipe/recipePaths';

const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : 'nan');

/**
 * The model's results table as CSV, the same table the app's copy button
 * takes (like scikit-learn's cv_results_: candidate, param_… columns,
 * mean/std/rank per metric, fit time); parameters as Python writes them,
 * numbers with every digit, text cells spreadsheet-safe.
 */
export function cvResultsCsv(m: ModelResult): string {
  const t = cvResultsTable(m, Object.keys(m.cv.rows[0]?.mean ?? {}));
  return toCsv(t.header, t.rows);
}

/** The run in a few lines for a terminal. */
export function summaryText(r: RunRecord): string {
  const out: string[] = [];
  out.push(`${r.recipeName}: ${r.rows.train} training, ${r.rows.validation} validation, ${r.rows.test} test rows; ${r.features.length} features`);
  for (const l of r.leakage) out.push(`  LEAK (${stepName(l.step, l.op)}): ${l.message}`);
  for (const m of r.models) {
    out.push(`\n${m.modelId} (${m.type}): ${m.candidates} candidates, ${m.fits} fits, ${m.seconds.search.toFixed(1)} s`);
    out.push(`  best: ${JSON.stringify(m.bestParams)}`);
    out.push(`  cv:   ${Object.entries(m.bestCv).map(([k, v]) => `${k} ${f4(v)}`).join('  ')}`);
    if (m.validation) {
      out.push(`  val:  ${Object.entries(m.validation.metrics).map(([k, v]) => `${k} ${f4(v)}`).join('  ')}`);
      out.push(`        confusion ${JSON.stringify(m.validation.confusion)}`);
    }
  }
  if (r.champion) {
    out.push(`\nchampion: ${r.champion.modelId} (${r.champion.rule})`);
    out.push(`  test: ${Object.entries(r.champion.test.metrics).map(([k, v]) => `${k} ${f4(v)}`).join('  ')}`);
    out.push(`        confusion ${JSON.stringify(r.champion.test.confusion)}`);
  }
  out.push(`\n${r.seconds.total.toFixed(1)} s in all`);
  return out.join('\n') + '\n';
}
