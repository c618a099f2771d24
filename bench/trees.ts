/**
 * Tree learner speed on Course 6-shaped data: one CV fold (≈ 9,160 rows ×
 * 25 features) of the TikTok sample, read crudely (dropna, counts, duration,
 * text length, verified/ban dummies, 15 most frequent word bigram counts).
 * Times the slowest RF grid configuration and the slowest XGB one and prints
 * ms per tree, with the projected grid times on 2 cores.
 *
 *   npx tsx bench/trees.ts [path.csv]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gradientBoosting } from '../src-main/core/ml/ensemble/gradientBoosting';
import { randomForest } from '../src-main/core/ml/ensemble/randomForest';
import { binTrainingData } from '../src-main/core/ml/tree/binning';
import type { FeatureMatrix } from '../src-main/core/ml/types';

function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      out.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    out.push(row);
  }
  return out;
}

function loadFold(path: string): { X: FeatureMatrix; y: Int32Array; Xv: FeatureMatrix; yv: Int32Array } {
  const [header, ...body] = parseCsv(readFileSync(path, 'utf8'));
  const col = (name: string) => header.indexOf(name);
  const rows = body.filter((r) => r.length === header.length && r.every((v) => v !== ''));
  // deterministic shuffle, then 60 % train, of which 80 % is one CV fold's training part
  let s = 12345;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  const train = rows.slice(0, Math.round(rows.length * 0.6));
  const nFit = Math.round(train.length * 0.8);
  const text = col('video_transcription_text');
  const bigrams = (t: string) => {
    const w = t.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    const out: string[] = [];
    for (let i = 0; i + 1 < w.length; i++) out.push(`${w[i]} ${w[i + 1]}`);
    return out;
  };
  const freq = new Map<string, number>();
  for (const r of train.slice(0, nFit)) for (const g of bigrams(r[text])) freq.set(g, (freq.get(g) ?? 0) + 1);
  const top = [...freq.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([g]) => g);
  const numeric = ['video_duration_sec', 'video_view_count', 'video_like_count', 'video_share_count', 'video_download_count', 'video_comment_count'];
  const names = [...numeric, 'text_length', 'verified', 'ban_banned', 'ban_under_review', ...top];
  const build = (part: string[][]): { X: FeatureMatrix; y: Int32Array } => {
    const columns = names.map(() => new Float64Array(part.length));
    const y = new Int32Array(part.length);
    part.forEach((r, i) => {
      numeric.forEach((name, f) => (columns[f][i] = Number(r[col(name)])));
      columns[6][i] = r[text].length;
      columns[7][i] = r[col('verified_status')] === 'verified' ? 1 : 0;
      columns[8][i] = r[col('author_ban_status')] === 'banned' ? 1 : 0;
      columns[9][i] = r[col('author_ban_status')] === 'under review' ? 1 : 0;
      const grams = bigrams(r[text]);
      top.forEach((g, k) => (columns[10 + k][i] = grams.filter((x) => x === g).length));
      y[i] = r[col('claim_status')] === 'claim' ? 1 : 0;
    });
    return { X: { rows: part.length, columns, names }, y };
  };
  const fit = build(train.slice(0, nFit));
  const val = build(train.slice(nFit));
  return { X: fit.X, y: fit.y, Xv: val.X, yv: val.y };
}

function accuracy(proba: Float64Array, y: Int32Array): number {
  let ok = 0;
  for (let i = 0; i < y.length; i++) if ((proba[2 * i + 1] > 0.5 ? 1 : 0) === y[i]) ok++;
  return ok / y.length;
}

const path = process.argv[2] ?? 'resources/sample/tiktok_claims_sample.csv';
const { X, y, Xv, yv } = loadFold(path);
console.log(`fold: ${X.rows} rows × ${X.columns.length} features; held out ${Xv.rows}`);

let t = performance.now();
const { binned } = binTrainingData(X);
console.log(`binning: ${(performance.now() - t).toFixed(1)} ms; bins per feature ${Array.from(binned.nBins).join(' ')}`);

// warm-up so the JIT has compiled the hot loops, as in a long-running worker
randomForest.fit(X, y, 2, { nEstimators: 10, maxDepth: null, maxFeatures: 0.6, maxSamples: 0.7 });
gradientBoosting.fit(X, y, 2, { nEstimators: 20, maxDepth: 12, minChildWeight: 3, learningRate: 0.1 });

const rfTrees = 200;
t = performance.now();
const rf = randomForest.fit(X, y, 2, { nEstimators: rfTrees, maxDepth: null, maxFeatures: 0.6, maxSamples: 0.7, minSamplesLeaf: 1, minSamplesSplit: 2, randomState: 0 });
const rfMs = performance.now() - t;
t = performance.now();
const rfProba = rf.predictProba(Xv);
const rfPredMs = performance.now() - t;
const nodes = rf.trees.reduce((a, tr) => a + tr.nNodes, 0) / rf.trees.length;
console.log(
  `RF  (max_depth None, max_features 0.6, max_samples 0.7, 200 trees): ${rfMs.toFixed(0)} ms, ${(rfMs / rfTrees).toFixed(2)} ms/tree, ` +
    `${nodes.toFixed(0)} nodes/tree; predict ${Xv.rows} rows ${rfPredMs.toFixed(0)} ms; val accuracy ${accuracy(rfProba.data, yv).toFixed(4)}`,
);

const xgbTrees = 500;
t = performance.now();
const xgb = gradientBoosting.fit(X, y, 2, { nEstimators: xgbTrees, maxDepth: 12, minChildWeight: 3, learningRate: 0.1, randomState: 0 });
const xgbMs = performance.now() - t;
t = performance.now();
const xgbProba = xgb.predictProba(Xv);
const xgbPredMs = performance.now() - t;
const xnodes = xgb.trees.reduce((a, tr) => a + tr.nNodes, 0) / xgb.trees.length;
console.log(
  `XGB (max_depth 12, min_child_weight 3, lr 0.1, 500 rounds): ${xgbMs.toFixed(0)} ms, ${(xgbMs / xgbTrees).toFixed(2)} ms/tree, ` +
    `${xnodes.toFixed(0)} nodes/tree; predict ${xgbPredMs.toFixed(0)} ms; val accuracy ${accuracy(xgbProba.data, yv).toFixed(4)}`,
);

t = performance.now();
gradientBoosting.fit(X, y, 2, { nEstimators: xgbTrees, maxDepth: 12, minChildWeight: 3, learningRate: 0.01, randomState: 0 });
const xgbSlowLrMs = performance.now() - t;
console.log(`XGB (max_depth 12, min_child_weight 3, lr 0.01, 500 rounds): ${xgbSlowLrMs.toFixed(0)} ms, ${(xgbSlowLrMs / xgbTrees).toFixed(2)} ms/tree`);

// Projection: RF grid = 24 configurations × 5 folds × 200 trees (n_estimators variants share a fit);
// XGB grid = 12 configurations × 5 folds × 500 rounds; 2 workers. The slowest configuration
// bounds the per-tree cost from above.
const rfGrid = (24 * 5 * rfTrees * (rfMs / rfTrees)) / 2 / 1000;
const xgbGrid = (12 * 5 * xgbTrees * (Math.max(xgbMs, xgbSlowLrMs) / xgbTrees)) / 2 / 1000;
console.log(`projected on 2 cores (upper bound, every config as slow as this one): RF grid ≤ ${rfGrid.toFixed(1)} s (target 47 s), XGB grid ≤ ${xgbGrid.toFixed(1)} s (target 61 s)`);
