import type { BinaryConfusion } from '../../../../src-main/core/metrics/thresholds';

export interface ConfusionCell {
  /** 'tn' | 'fp' | 'fn' | 'tp' */
  kind: 'tn' | 'fp' | 'fn' | 'tp';
  count: number;
  /** Share of all rows. */
  share: number;
  /** Share of the row's true class. */
  rowShare: number;
  /** Background shade 0–1 from the shown value. */
  shade: number;
}

/**
 * The 2×2 matrix in scikit-learn's layout (rows = actual [negative, positive], columns = predicted).
 * Shades run up to `scaleMax` when matrices side by side share one scale, else to this matrix's largest value.
 */
export function confusionCells(c: Pick<BinaryConfusion, 'tn' | 'fp' | 'fn' | 'tp'>, normalize: boolean, scaleMax?: number): ConfusionCell[][] {
  const n = c.tn + c.fp + c.fn + c.tp;
  const neg = c.tn + c.fp;
  const pos = c.fn + c.tp;
  const cell = (kind: ConfusionCell['kind'], count: number, rowTotal: number): Omit<ConfusionCell, 'shade'> => ({
    kind,
    count,
    share: n ? count / n : 0,
    rowShare: rowTotal ? count / rowTotal : 0,
  });
  const raw = [
    [cell('tn', c.tn, neg), cell('fp', c.fp, neg)],
    [cell('fn', c.fn, pos), cell('tp', c.tp, pos)],
  ];
  const shown = (x: Omit<ConfusionCell, 'shade'>) => (normalize ? x.rowShare : x.count);
  const max = scaleMax ?? Math.max(...raw.flat().map(shown), 1e-12);
  return raw.map((row) => row.map((x) => ({ ...x, shade: shown(x) / max })));
}

/** From the stored 2×2 evaluation matrix (rows actual, columns predicted). */
export function fromMatrix(m: number[][]): Pick<BinaryConfusion, 'tn' | 'fp' | 'fn' | 'tp'> {
  return { tn: m[0][0], fp: m[0][1], fn: m[1][0], tp: m[1][1] };
}

/** A blue from white (0) to the accent (1), as the chart's scale. */
export function shadeColor(shade: number): { background: string; color: string } {
  const t = Math.max(0, Math.min(1, shade));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return { background: `rgb(${mix(247, 8)}, ${mix(251, 69)}, ${mix(255, 148)})`, color: t > 0.55 ? '#ffffff' : '#1f1f1f' };
}
