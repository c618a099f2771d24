import { describe, expect, it } from 'vitest';
import { modelFileName, modelFileText } from '../../../src-main/core/modelFile/buildModelFile';
import { parseModelFile, readModelFile } from '../../../src-main/core/modelFile/readModelFile';
import { modelFileOf } from './modelFileFixture';

const { file, model, prepared } = modelFileOf('verified-course5-no-leak.json');
const text = modelFileText(file);
const refused = (t: string) => {
  try {
    readModelFile(t, 'm.assaymodel');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('reading a model file', () => {
  it('reads back what was written, predicting exactly as the fitted model', () => {
    const loaded = readModelFile(text, 'm.assaymodel');
    expect(loaded.features).toEqual(prepared.features);
    expect(loaded.classes).toEqual(['not verified', 'verified']);
    expect(loaded.positiveClass).toBe('verified');
    expect(loaded.threshold).toBeNull();
    expect(Array.from(loaded.model.predictProba(prepared.test.X).data)).toEqual(Array.from(model.predictProba(prepared.test.X).data));
  });

  it('reads the files of every shipped recipe', () => {
    for (const recipe of ['claims-course6.json', 'verified-course5.json']) {
      const m = modelFileOf(recipe, 'decisionTree');
      expect(readModelFile(modelFileText(m.file), recipe).features).toEqual(m.prepared.features);
    }
  });

  it('refuses an empty file, bad JSON with line and column, a foreign file, and a newer version', () => {
    expect(refused('')).toBe('m.assaymodel is empty: it holds no model.');
    expect(refused('  \n ')).toBe('m.assaymodel is empty: it holds no model.');
    expect(refused('{\n  "format": "assay-model",\n  "version": 1,\n}')).toMatch(/^m\.assaymodel, line 4, column 1: not valid JSON \(.*\); the model file is damaged\.$/);
    expect(refused('[1, 2]')).toMatch(/m\.assaymodel is not an Assay model file/);
    expect(refused('{"format": "assay-recipe"}')).toMatch(/not an Assay model file/);
    expect(refused(JSON.stringify({ ...file, version: 3, assayVersion: '2.0.0' }))).toBe(
      'm.assaymodel was made by Assay 2.0.0 (model file version 3); this is Assay 0.1.0, which reads model files up to version 1. Open it with a newer Assay.',
    );
    expect(refused(JSON.stringify({ ...file, version: '1' }))).toMatch(/"version" is "1", not a model file version/);
  });

  it('names each damaged field by its JSON path', () => {
    const doc = JSON.parse(text);
    doc.target.classes = ['a'];
    delete doc.preparation.columns;
    const message = refused(JSON.stringify(doc));
    expect(message).toMatch(/^m\.assaymodel is damaged:/);
    expect(message).toMatch(/\$\.target\.classes/);
    expect(message).toMatch(/\$\.preparation\.columns/);
    const short = JSON.parse(text);
    short.preparation.features.pop();
    expect(refused(JSON.stringify(short))).toMatch(/the model takes \d+ features but the file lists \d+/);
    const unknownColumn = JSON.parse(text);
    unknownColumn.preparation.columns.shift();
    expect(refused(JSON.stringify(unknownColumn))).toMatch(/in its preparation, (step \d+ \(\w+\) reads "\w+"|the feature "\w+" is not made)/);
    const threshold = JSON.parse(text);
    threshold.threshold = 2;
    expect(refused(JSON.stringify(threshold))).toMatch(/\$\.threshold/);
  });

  it('keeps a byte-order mark out of the way, and names files safely', () => {
    expect(parseModelFile('\uFEFF' + text, 'x').format).toBe('assay-model');
    expect(modelFileName('rf')).toBe('rf.assaymodel');
    expect(modelFileName('a/b#c')).toBe('a_b#c.assaymodel');
    expect(modelFileName('..')).toBe('__.assaymodel');
  });
});
