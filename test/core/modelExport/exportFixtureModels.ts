/**
 * The fitted models the export tests score, built the same way by the tests
 * and by scripts/fixtures/model_export_fixtures.ts (which writes the XGBoost
 * fixtures): a synthetic set made to catch the exporters' pitfalls, and the
 * bundled sample prepared by the shipped recipes.
 *
 * The synthetic set holds missing values (10 % of some columns, and one
 * column whose missingness is what predicts, so Assay splits "present left,
 * missing right" at t = +∞), values on a quarter grid and small integers
 * (thresholds at their exact midpoints), doubles float32 cannot represent,
 * integers in the millions and a 0/1 column. Its scoring rows are the
 * training rows followed by rows whose grid values sit exactly on the
 * midpoints a tree splits at, so ties at thresholds are scored too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureMatrix } from '../../../src-main/core/ml/types';
import { prepare } from '../../../src-main/core/recipe/pipeline';
import type { PreparedData } from '../../../src-main/core/recipe/pipeline';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { sampleFrame } from '../recipe/sampleFrame';
import { mulberry32 } from '../seededRandom';

const ROOT = join(import.meta.dirname, '..', '..', '..');
export const FIXTURE_DIR = join(ROOT, 'test', 'fixtures', 'modelExport');

export interface LabelledData {
  X: FeatureMatrix;
  y: Int32Array;
  classes: string[];
  /** Rows to score: the training rows, then rows with values on the split midpoints. */
  scoring: FeatureMatrix;
}

export const SYNTHETIC_FEATURES = ['grid', 'count', 'noise', 'views', 'flag', 'reported'];

/** Binary (classes no / yes), or three classes (low / mid / high) for the multiclass forest. */
export function syntheticData(nClasses: 2 | 3 = 2, n = 600): LabelledData {
  const r = mulberry32(20240611 + nClasses);
  const cols = SYNTHETIC_FEATURES.map(() => new Float64Array(n));
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const grid = Math.round((r() * 10 - 5) * 4) / 4 + 0; // + 0: no −0, which JSON cannot keep
    const count = Math.floor(r() * 31);
    const noise = r() * 2 - 1;
    const views = 1_000_000 + Math.floor(r() * 9_000_000);
    const flag = r() < 0.3 ? 1 : 0;
    const z = 0.6 * grid - 0.08 * (count - 15) + 1.5 * noise + (views - 5e6) / 3e6 + flag + (r() - 0.5) * 2;
    const cls = nClasses === 2 ? (z > 0 ? 1 : 0) : z < -1 ? 0 : z < 1 ? 1 : 2;
    y[i] = cls;
    cols[0][i] = r() < 0.1 ? NaN : grid;
    cols[1][i] = r() < 0.1 ? NaN : count;
    cols[2][i] = noise;
    cols[3][i] = views;
    cols[4][i] = flag;
    // Present mostly for the last class: missingness alone is predictive.
    cols[5][i] = r() < (cls === nClasses - 1 ? 0.8 : 0.2) ? Math.floor(r() * 5) : NaN;
  }
  const X: FeatureMatrix = { rows: n, columns: cols, names: SYNTHETIC_FEATURES };
  // Ties: grid values on eighths (midpoints of the quarter grid), counts on halves.
  const extra = 200;
  const tieCols = SYNTHETIC_FEATURES.map((_, f) => {
    const out = new Float64Array(n + extra);
    out.set(cols[f]);
    return out;
  });
  for (let i = n; i < n + extra; i++) {
    tieCols[0][i] = Math.round((r() * 10 - 5) * 8) / 8 + (r() < 0.5 ? 0 : 1 / 8) + 0;
    tieCols[1][i] = Math.floor(r() * 31) + 0.5;
    tieCols[2][i] = r() * 2 - 1;
    tieCols[3][i] = 1_000_000 + Math.floor(r() * 9_000_000) + 0.5;
    tieCols[4][i] = r() < 0.5 ? 0.5 : 1;
    tieCols[5][i] = r() < 0.3 ? NaN : Math.floor(r() * 5) + 0.5;
  }
  const classes = nClasses === 2 ? ['no', 'yes'] : ['low', 'mid', 'high'];
  return { X, y, classes, scoring: { rows: n + extra, columns: tieCols, names: SYNTHETIC_FEATURES } };
}

let prepared: Record<string, PreparedData> = {};

/** The bundled sample prepared by a shipped recipe (memoised per recipe). */
export function preparedSample(recipe: 'claims-course6' | 'verified-course5-no-leak'): PreparedData {
  if (!prepared[recipe]) {
    const text = readFileSync(join(ROOT, 'resources', 'recipes', `${recipe}.json`), 'utf8');
    prepared = { ...prepared, [recipe]: prepare(parseRecipe(JSON.parse(text)), sampleFrame()) };
  }
  return prepared[recipe];
}

/** The first `n` rows of a matrix. */
export function headRows(X: FeatureMatrix, n: number): FeatureMatrix {
  const m = Math.min(n, X.rows);
  return { rows: m, columns: X.columns.map((c) => c.slice(0, m)), names: X.names };
}

/** A matrix as JSON rows (null = missing), the form the Python fixture script reads. */
export function rowsJson(X: FeatureMatrix): (number | null)[][] {
  return Array.from({ length: X.rows }, (_, i) => X.columns.map((c) => (Number.isNaN(c[i]) ? null : c[i])));
}
