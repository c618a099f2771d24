/**
 * `assay export MODEL --format xgboost|onnx --out FILE` on the model files
 * `assay run --out` writes: the files written are the exporters' output for
 * the model file's model, the ONNX files score the sample's prepared rows as
 * the model file does (onnxruntime-web), and bad input is refused clearly.
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, createReadStream, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { predictFromProba } from '../../src-main/core/metrics/thresholds';
import { exportInfoOf } from '../../src-main/core/modelExport/exportModel';
import { exportXgboostJson } from '../../src-main/core/modelExport/xgboostJson';
import { loadModelFile } from '../../src-main/node/modelFile/loadModelFile';
import { preparedSample } from '../core/modelExport/exportFixtureModels';
import { scoreOnnx } from '../core/modelExport/onnxRuntime';
import { ASSAY_BIN, assay, finished, isolatedEnv } from './cliProcess';

let root: string;
let env: NodeJS.ProcessEnv;
const inRoot = (args: string[]) => assay(args, { cwd: root, env });
const SAMPLE = resolve('resources/sample/tiktok_claims_sample.csv');
/** stderr without the progress bar's carriage-return lines. */
const errors = (s: string) => s.replace(/\r[^\n]*/g, '').trim();

/** A shipped recipe on the bundled sample, with small grids so the run takes seconds. */
function recipe(name: string, grids: Record<string, unknown>[] | null) {
  const r = JSON.parse(readFileSync(`resources/recipes/${name}.json`, 'utf8')) as { dataset: { file: string }; models: { grid?: unknown }[] };
  r.dataset.file = SAMPLE;
  if (grids) r.models.forEach((m, i) => (m.grid = grids[i]));
  return r;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'assay-cli-export-'));
  const home = join(root, 'home');
  mkdirSync(home);
  env = isolatedEnv(home);
  writeFileSync(
    join(root, 'claims.json'),
    JSON.stringify(
      recipe('claims-course6', [
        { max_depth: [4, null], max_features: [0.6], max_samples: [0.7], n_estimators: [10, 20] },
        { max_depth: [3], min_child_weight: [5], learning_rate: [0.1], n_estimators: [20, 40] },
      ]),
    ),
  );
  writeFileSync(join(root, 'verified.json'), JSON.stringify(recipe('verified-course5-no-leak', null)));
  const runs = await Promise.all([inRoot(['run', 'claims.json', '--out', 'claims']), inRoot(['run', 'verified.json', '--out', 'verified'])]);
  for (const r of runs) {
    expect(errors(r.stderr)).toBe('');
    expect(r.code).toBe(0);
  }
}, 240_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('assay export --format xgboost', () => {
  it("writes the XGBoost JSON export of the model file's gradient-boosting model", async () => {
    const r = await inRoot(['export', 'claims/xgb.assaymodel', '--format', 'xgboost', '--out', 'exported/xgb.json']);
    expect(errors(r.stderr)).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Wrote exported/xgb.json: gradient boosting "xgb" as XGBoost JSON, reading 25 prepared features and predicting opinion / claim.\n');
    const loaded = await loadModelFile(join(root, 'claims', 'xgb.assaymodel'));
    const written = readFileSync(join(root, 'exported', 'xgb.json'));
    expect(Buffer.from(exportXgboostJson(loaded.model, exportInfoOf(loaded)).bytes).equals(written)).toBe(true);
    const doc = JSON.parse(written.toString('utf8'));
    expect(doc.learner.feature_names).toEqual(loaded.features);
    expect(doc.learner.objective.name).toBe('binary:logistic');
  });

  it('refuses a model that is not gradient boosting, naming its type, and writes nothing', async () => {
    const r = await inRoot(['export', 'claims/rf.assaymodel', '--format', 'xgboost', '--out', 'exported/rf.json']);
    expect(r.code).toBe(1);
    expect(errors(r.stderr)).toBe(
      'assay: XGBoost JSON holds gradient-boosted trees only; this model is a random forest. Export it as ONNX instead, which takes every model type.',
    );
    expect(existsSync(join(root, 'exported', 'rf.json'))).toBe(false);
  });
});

describe('assay export --format onnx', () => {
  const cases = [
    { file: 'claims/rf.assaymodel', recipe: 'claims-course6', type: 'random forest' },
    { file: 'claims/xgb.assaymodel', recipe: 'claims-course6', type: 'gradient boosting' },
    { file: 'verified/logreg.assaymodel', recipe: 'verified-course5-no-leak', type: 'logistic regression' },
  ] as const;
  for (const c of cases) {
    it(`writes a ${c.type} that onnxruntime scores as the model file does`, async () => {
      const out = `exported/${c.file.replace(/\W/g, '_')}.onnx`;
      const r = await inRoot(['export', c.file, '--format', 'onnx', '--out', out]);
      expect(errors(r.stderr)).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Wrote ${out}: ${c.type} ".+" as ONNX, reading \\d+ prepared features`));
      const loaded = await loadModelFile(join(root, c.file));
      const prepared = preparedSample(c.recipe);
      expect(loaded.features).toEqual(prepared.features);
      const X = prepared.test.X;
      const onnx = await scoreOnnx(readFileSync(join(root, out)), X);
      const proba = loaded.model.predictProba(X);
      let worst = 0;
      for (let i = 0; i < proba.data.length; i++) worst = Math.max(worst, Math.abs(onnx.probabilities[i] - proba.data[i]));
      expect(worst).toBeLessThan(1e-6);
      expect(onnx.labels).toEqual(Array.from(predictFromProba(proba), (k) => loaded.classes[k]));
    });
  }

  it('notes a threshold the file records but the label output does not apply', async () => {
    const file = JSON.parse(readFileSync(join(root, 'claims', 'rf.assaymodel'), 'utf8'));
    writeFileSync(join(root, 'strict.assaymodel'), JSON.stringify({ ...file, threshold: 0.3 }));
    const r = await inRoot(['export', 'strict.assaymodel', '--format', 'onnx', '--out', 'exported/strict.onnx']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Note: The model\'s decision threshold is 0.3: predict claim when its probability is above it; the ONNX "label" output uses 0.5 instead.\n',
    );
    expect(readFileSync(join(root, 'exported', 'strict.onnx')).toString('latin1')).toContain("Assay's decision threshold on P(claim) is 0.3");
  });
});

describe('assay export refuses', () => {
  it('missing arguments, with the usage', async () => {
    for (const args of [['export'], ['export', 'claims/xgb.assaymodel', '--out', 'x.json'], ['export', 'claims/xgb.assaymodel', '--format', 'onnx']]) {
      const r = await inRoot(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('usage: assay export MODEL --format xgboost|onnx --out FILE');
    }
    const unknown = await inRoot(['export', 'claims/xgb.assaymodel', '--format', 'onnx', '--out', 'x.onnx', '--fast']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^assay export: Unknown option '--fast'/);
  });

  it('a format it does not write', async () => {
    const r = await inRoot(['export', 'claims/xgb.assaymodel', '--format', 'pmml', '--out', 'x.pmml']);
    expect(r.code).toBe(1);
    expect(errors(r.stderr)).toBe('assay: --format must be xgboost or onnx, not "pmml".');
  });

  it('a damaged, foreign or missing model file, naming it', async () => {
    writeFileSync(join(root, 'damaged.assaymodel'), '{"format": "assay-model",\n  "version": 1,\n');
    writeFileSync(join(root, 'foreign.json'), '{"learner": {}}');
    const damaged = await inRoot(['export', 'damaged.assaymodel', '--format', 'onnx', '--out', 'x.onnx']);
    expect(damaged.code).toBe(1);
    expect(errors(damaged.stderr)).toMatch(/^assay: damaged\.assaymodel, line \d+, column \d+: not valid JSON .*the model file is damaged\.$/);
    const foreign = await inRoot(['export', 'foreign.json', '--format', 'onnx', '--out', 'x.onnx']);
    expect(errors(foreign.stderr)).toBe('assay: foreign.json is not an Assay model file (it has no "format": "assay-model").');
    const missing = await inRoot(['export', 'nowhere.assaymodel', '--format', 'xgboost', '--out', 'x.json']);
    expect(errors(missing.stderr)).toBe('assay: nowhere.assaymodel does not exist or cannot be read.');
    expect(existsSync(join(root, 'x.onnx')) || existsSync(join(root, 'x.json'))).toBe(false);
  });

  it('an output it cannot write, saying in words what is wrong with the path given', async () => {
    writeFileSync(join(root, 'afile'), 'x');
    mkdirSync(join(root, 'afolder'));
    const cases: [string, string][] = [
      ['afile/xgb.json', `assay: Cannot write --out afile/xgb.json: ${join(root, 'afile')} is a file, not a folder.`],
      ['afolder', 'assay: Cannot write --out afolder: afolder is a folder; name the file to write.'],
      ['/proc/x.json', 'assay: Cannot write --out /proc/x.json: the folder /proc does not take new files.'],
      // Node's recursive mkdir spun forever here.
      ['/proc/nope/x.json', 'assay: Cannot write --out /proc/nope/x.json: could not make the folder /proc/nope (/proc does not take new folders).'],
    ];
    for (const [out, message] of cases) {
      const r = await inRoot(['export', 'claims/xgb.assaymodel', '--format', 'xgboost', '--out', out]);
      expect(r.code).toBe(1);
      expect(errors(r.stderr)).toBe(message);
    }
  });
});

describe('assay export --out a pipe or a symlink', () => {
  const expected = async () => {
    const loaded = await loadModelFile(join(root, 'claims', 'xgb.assaymodel'));
    return Buffer.from(exportXgboostJson(loaded.model, exportInfoOf(loaded)).bytes);
  };

  it('through a symlink: the target gets the file, the symlink stays', async () => {
    writeFileSync(join(root, 'xgb_target.json'), 'old');
    symlinkSync('xgb_target.json', join(root, 'xgb_link.json'));
    const r = await inRoot(['export', 'claims/xgb.assaymodel', '--format', 'xgboost', '--out', 'xgb_link.json']);
    expect(r.code).toBe(0);
    expect(lstatSync(join(root, 'xgb_link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'xgb_target.json')).equals(await expected())).toBe(true);
  });

  it('into a FIFO, never replacing it', async () => {
    const fifo = join(root, 'xgb.fifo');
    execFileSync('mkfifo', [fifo]);
    linkSync(fifo, `${fifo}.keep`);
    const done = finished(spawn(process.execPath, [ASSAY_BIN, 'export', 'claims/xgb.assaymodel', '--format', 'xgboost', '--out', 'xgb.fifo'], { cwd: root, env }));
    const reading = (async () => {
      const chunks: Buffer[] = [];
      for await (const c of createReadStream(fifo)) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    })();
    const r = await done;
    const stillFifo = lstatSync(fifo).isFIFO();
    // Should the FIFO have been replaced, its reader is let go through the hard link.
    if (!stillFifo) closeSync(openSync(`${fifo}.keep`, 'w'));
    const got = await reading;
    expect(stillFifo).toBe(true);
    expect(r.code).toBe(0);
    expect(got.equals(await expected())).toBe(true);
  });

  it('to its own standard output through a symlink: the file on stdout, the report on stderr', async () => {
    symlinkSync('/proc/self/fd/1', join(root, 'stdout.link'));
    const r = await inRoot(['export', 'claims/xgb.assaymodel', '--format', 'xgboost', '--out', 'stdout.link']);
    expect(r.code).toBe(0);
    expect(Buffer.from(r.stdout, 'utf8').equals(await expected())).toBe(true);
    expect(errors(r.stderr)).toMatch(/^Wrote stdout\.link: gradient boosting "xgb" as XGBoost JSON/);
  });
});
