/**
 * Feature binning for histogram tree learners, after scikit-learn's
 * `_hist_gradient_boosting/binning.py`.
 *
 * For each feature, fitted on training rows only, the non-missing values are
 * cut into at most `maxBins` bins by increasing thresholds t₀ < t₁ < …:
 * - with at most `maxBins` distinct values v₀ < v₁ < …, each value gets its own
 *   bin and tᵢ = (vᵢ + vᵢ₊₁) / 2 (the midpoints scikit-learn's exact trees split at);
 * - otherwise tᵢ are the `i / maxBins` percentiles of the values (numpy's
 *   'midpoint' method), de-duplicated, as `_find_binning_thresholds` does.
 *
 * A value x lands in bin b = #{i : tᵢ < x}, so bin b holds t_{b-1} < x ≤ t_b.
 * Missing values (NaN) land in the dedicated bin `nBins[f]` (one past the last
 * value bin), which every split routes to whichever side is better.
 *
 * Codes are uint8 for a feature with at most 255 value bins and uint16 only
 * for the features that need more, so raising `maxBins` costs memory and
 * histogram width only where a feature has that many distinct values.
 */
import type { FeatureMatrix } from '../types';

/** The binning default: scikit-learn's HistGradientBoosting and LightGBM's 255 (uint8 codes). */
export const MAX_BINS = 255;
/**
 * Forests' and boosting's default `max_bins`. Heavy-tailed counts (the seed
 * data's views run to 10⁶) lose the thresholds scikit-learn's and XGBoost's
 * exact splits find in 255 quantile bins: on the seed notebooks' data 511
 * brings validation errors from 15 to 10 (forest; scikit-learn 10) and 33 to
 * 26 (boosting; XGBoost 25). Features with ≤ 255 distinct values keep their
 * uint8 codes, so the cost falls only on the features that gain from it.
 */
export const ENSEMBLE_MAX_BINS = 511;
/** The most value bins a feature may have (its missing bin must fit in uint16). */
export const MAX_BINS_LIMIT = 65535;

/** Bin codes of one feature: uint8 when its value bins and missing bin fit, else uint16. */
export type BinCodes = Uint8Array | Uint16Array;

export interface BinnedMatrix {
  rows: number;
  /** One bin index per row and feature; `nBins[f]` means missing. */
  columns: BinCodes[];
  /** Number of value bins per feature (the missing bin is `nBins[f]`). */
  nBins: Uint16Array;
  /** `thresholds[f]` has `nBins[f] - 1` entries: bin b holds x ≤ thresholds[f][b]. */
  thresholds: Float64Array[];
}

export class BinMapper {
  private constructor(
    readonly nBins: Uint16Array,
    readonly thresholds: Float64Array[],
    /** For features binned exactly: the distinct training value of each bin; else null. */
    readonly binValues: (Float64Array | null)[],
  ) {}

  get nFeatures(): number {
    return this.nBins.length;
  }

  /** Fits thresholds on the rows of `X` (all of them, or `rows` if given). */
  static fit(X: FeatureMatrix, rows?: ArrayLike<number>, maxBins = MAX_BINS): BinMapper {
    if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > MAX_BINS_LIMIT) {
      throw new RangeError(`BinMapper.fit: maxBins must be an integer in [2, ${MAX_BINS_LIMIT}]; got ${maxBins}.`);
    }
    const p = X.columns.length;
    const nBins = new Uint16Array(p);
    const thresholds: Float64Array[] = [];
    const binValues: (Float64Array | null)[] = [];
    for (let f = 0; f < p; f++) {
      const col = X.columns[f];
      const n = rows ? rows.length : X.rows;
      const vals = new Float64Array(n);
      let m = 0;
      for (let i = 0; i < n; i++) {
        const v = col[rows ? rows[i] : i];
        if (v === v) vals[m++] = v;
      }
      const sorted = vals.subarray(0, m).sort();
      // distinct values
      const distinct: number[] = [];
      for (let i = 0; i < m; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
      if (distinct.length <= maxBins) {
        const t = new Float64Array(Math.max(0, distinct.length - 1));
        for (let i = 0; i < t.length; i++) t[i] = (distinct[i] + distinct[i + 1]) * 0.5;
        thresholds.push(t);
        binValues.push(Float64Array.from(distinct));
        nBins[f] = Math.max(1, distinct.length);
      } else {
        const t: number[] = [];
        for (let i = 1; i < maxBins; i++) {
          const pos = (i / maxBins) * (m - 1);
          const lo = Math.floor(pos);
          const hi = Math.ceil(pos);
          const q = (sorted[lo] + sorted[hi]) * 0.5;
          if (t.length === 0 || q !== t[t.length - 1]) t.push(q);
        }
        thresholds.push(Float64Array.from(t));
        binValues.push(null);
        nBins[f] = t.length + 1;
      }
    }
    return new BinMapper(nBins, thresholds, binValues);
  }

  /** Bins every row of `X` with the fitted thresholds (binary search per value). */
  transform(X: FeatureMatrix): BinnedMatrix {
    if (X.columns.length !== this.nFeatures) {
      throw new RangeError(`expected ${this.nFeatures} features, got ${X.columns.length}`);
    }
    const columns = X.columns.map((col, f) => {
      const t = this.thresholds[f];
      const missing = this.nBins[f];
      const out = missing <= 255 ? new Uint8Array(X.rows) : new Uint16Array(X.rows);
      for (let i = 0; i < X.rows; i++) {
        const v = col[i];
        if (v !== v) {
          out[i] = missing;
          continue;
        }
        let lo = 0;
        let hi = t.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (t[mid] < v) lo = mid + 1;
          else hi = mid;
        }
        out[i] = lo;
      }
      return out;
    });
    return { rows: X.rows, columns, nBins: this.nBins, thresholds: this.thresholds };
  }

  toJSON(): unknown {
    return { nBins: Array.from(this.nBins), thresholds: this.thresholds.map((t) => Array.from(t)) };
  }
}

interface Binning {
  mapper: BinMapper;
  binned: BinnedMatrix;
}

/**
 * Binned training data, memoized per FeatureMatrix object and `maxBins`: every
 * candidate of a grid fitted on the same fold's matrix with the same
 * `max_bins` shares one BinMapper and one binning.
 */
const cache = new WeakMap<FeatureMatrix, Map<number, Binning>>();

export function binTrainingData(X: FeatureMatrix, maxBins = MAX_BINS): Binning {
  let byBins = cache.get(X);
  if (!byBins) {
    byBins = new Map();
    cache.set(X, byBins);
  }
  let hit = byBins.get(maxBins);
  if (!hit || hit.binned.rows !== X.rows) {
    const mapper = BinMapper.fit(X, undefined, maxBins);
    hit = { mapper, binned: mapper.transform(X) };
    byBins.set(maxBins, hit);
  }
  return hit;
}
