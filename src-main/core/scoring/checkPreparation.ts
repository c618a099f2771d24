/**
 * Whether a kept preparation can run at all: every step reads columns that
 * exist at that point (starting from the raw columns it lists) and the
 * features exist at the end. A model file that fails this is damaged, and is
 * refused when it is opened rather than when the first rows are scored.
 */
import type { Preparation } from './fittedSteps';

/** The first problem found, in words, or null. */
export function preparationProblem(prep: Preparation): string | null {
  const names = new Set(prep.columns.map((c) => c.name));
  if (names.size !== prep.columns.length) return 'a raw column is listed twice';
  for (const s of prep.steps) {
    const where = `step ${s.step + 1} (${s.op})`;
    const need = (cols: readonly string[]) => cols.find((c) => !names.has(c));
    let missing: string | undefined;
    switch (s.op) {
      case 'dropMissing':
      case 'dropColumns':
        // Columns that are not there are skipped, as the run's data may have lacked them too.
        if (s.op === 'dropColumns') for (const c of s.columns) names.delete(c);
        break;
      case 'selectColumns':
        for (const n of [...names]) if (!s.columns.includes(n)) names.delete(n);
        break;
      case 'capOutliersIqr':
        missing = need(s.caps.map((c) => c.column));
        break;
      case 'textLength':
        missing = need([s.column]);
        names.add(s.output);
        break;
      case 'countVectorizer':
        missing = need([s.column]);
        if (s.ngramRange[0] > s.ngramRange[1]) return `${where} has the n-gram range [${s.ngramRange.join(', ')}]`;
        if (s.dropSource) names.delete(s.column);
        for (const t of s.vocabulary) names.add(t);
        break;
      case 'oneHot':
        missing = need(s.columns);
        if (s.categories) {
          for (const c of s.columns) {
            const seen = s.categories[c];
            if (!seen) return `${where} keeps no categories for "${c}"`;
            const stray = s.outputs.find((o) => o.startsWith(`${c}_`) && !seen.includes(o.slice(c.length + 1)) && !s.columns.some((d) => d.length > c.length && o.startsWith(`${d}_`)));
            if (stray) return `${where} makes "${stray}", a category its categories of "${c}" do not list`;
          }
        }
        for (const c of s.columns) names.delete(c);
        for (const o of s.outputs) names.add(o);
        break;
      case 'oneHotEncoder': {
        missing = need(s.columns.map((c) => c.column));
        const dropped = s.dropFirst ? 1 : 0;
        for (const { column, categories } of s.columns) {
          names.delete(column);
          for (const c of categories.slice(dropped)) names.add(`${column}_${c ?? 'nan'}`);
        }
        break;
      }
    }
    if (missing !== undefined) return `${where} reads "${missing}", which does not exist at that point`;
  }
  const absent = prep.features.find((f) => !names.has(f.name));
  return absent ? `the feature "${absent.name}" is not made by the preparation` : null;
}
