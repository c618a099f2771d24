/**
 * The one-vs-rest curves of a k-class model as the Run view and the report
 * read them: each class against the rest on its own probability, with its
 * ROC AUC and average precision, and the macro averages. The curve maths is
 * scikit-learn's (core/metrics/multiclassCurves); this adds the class names
 * and what a view says when a class cannot have a curve.
 */
import { oneVsRestCurves, type OneVsRestCurves } from '../metrics/multiclassCurves';
import type { ClassScores } from './multiclass';

export function curvesOf(s: ClassScores): OneVsRestCurves {
  return oneVsRestCurves(s.y, { rows: s.y.length, classes: s.k, data: s.proba });
}

export interface ClassCurveRow {
  classIndex: number;
  name: string;
  /** Rows of the class among these. */
  support: number;
  /** Null when undefined: the class is absent, or is every row. */
  auc: number | null;
  ap: number | null;
}

export interface ClassCurveSummary {
  rows: ClassCurveRow[];
  /** `roc_auc_ovr` (macro): null unless every class has an AUC. */
  macroAuc: number | null;
  macroAp: number | null;
  /** Why a macro average is missing, in words; null when both are there. */
  note: string | null;
}

export function classCurveSummary(s: ClassScores, classes: readonly string[]): ClassCurveSummary {
  const c = curvesOf(s);
  const rows = c.perClass.map((p) => ({ classIndex: p.label, name: classes[p.label] ?? `class ${p.label + 1}`, support: p.support, auc: p.auc, ap: p.averagePrecision }));
  const absent = rows.filter((r) => r.support === 0).map((r) => `“${r.name}”`);
  const only = rows.filter((r) => r.support === s.y.length).map((r) => `“${r.name}”`);
  const note = absent.length
    ? `No macro average: ${absent.join(', ')} ${absent.length === 1 ? 'has' : 'have'} no rows here, so ${absent.length === 1 ? 'its' : 'their'} curves are not defined.`
    : only.length
      ? `No macro average: every row here is ${only[0]}, so no curve can separate it from the rest.`
      : null;
  return { rows, macroAuc: c.macroAuc, macroAp: c.macroAveragePrecision, note };
}
