import type { ParamValue } from '../ml/params';
import type { Candidate } from './plan';

/** Scores of one candidate on one fold. */
export interface FoldScore {
  candidate: number;
  fold: number;
  scores: Record<string, number>;
  fitSeconds: number;
  scoreSeconds: number;
}

/** One row of the results table, like a row of scikit-learn's `cv_results_`. */
export interface CvRow {
  candidate: number;
  params: Record<string, ParamValue>;
  mean: Record<string, number>;
  std: Record<string, number>;
  rank: Record<string, number>;
  split: Record<string, number[]>;
  meanFitSeconds: number;
  meanScoreSeconds: number;
}

export interface CvResults {
  rows: CvRow[];
  best: number;
  refit: string;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Population standard deviation, as scikit-learn's cv_results_ reports it (np.std). */
const std = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};

/**
 * Aggregates fold scores. Ranks follow scikit-learn: highest mean first, ties
 * sharing the lowest rank (`method='min'`); NaN means rank last. The best
 * candidate is the first with rank 1 on the refit metric.
 */
export function aggregateCv(candidates: Candidate[], scores: FoldScore[], metrics: string[], refit: string, folds: number): CvResults {
  const rows: CvRow[] = candidates.map((c) => {
    const mine = scores.filter((s) => s.candidate === c.index).sort((a, b) => a.fold - b.fold);
    if (mine.length !== folds) throw new Error(`candidate ${c.index} has ${mine.length} of ${folds} fold scores`);
    const split: Record<string, number[]> = {};
    const m: Record<string, number> = {};
    const sd: Record<string, number> = {};
    for (const k of metrics) {
      split[k] = mine.map((s) => s.scores[k]);
      m[k] = mean(split[k]);
      sd[k] = std(split[k]);
    }
    return {
      candidate: c.index,
      params: c.params,
      mean: m,
      std: sd,
      rank: {},
      split,
      meanFitSeconds: mean(mine.map((s) => s.fitSeconds)),
      meanScoreSeconds: mean(mine.map((s) => s.scoreSeconds)),
    };
  });
  for (const k of metrics) {
    const value = (r: CvRow) => (Number.isNaN(r.mean[k]) ? -Infinity : r.mean[k]);
    for (const r of rows) r.rank[k] = 1 + rows.filter((o) => value(o) > value(r)).length;
  }
  const best = rows.find((r) => r.rank[refit] === 1)!.candidate;
  return { rows, best, refit };
}
