/**
 * Stratified splits and folds for three classes: the bundled sample's
 * author_ban_status (after dropping rows with a missing value, classes coded
 * in sorted order as decision 1 of issue 15 says) against scikit-learn 1.2's
 * train_test_split(stratify=y) and StratifiedKFold (test/fixtures/modelSelection/ban_status.json,
 * from scripts/fixtures/model_selection_fixtures.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stratifiedKFold } from '../../../src-main/core/modelSelection/kFold';
import { trainTestSplit } from '../../../src-main/core/modelSelection/trainTestSplit';
import fixture from '../../fixtures/modelSelection/ban_status.json';
import { SAMPLE, splitCsvLine } from '../../sampleCsv';
import { asStored } from './labels';
import type { Indices } from './labels';

/** author_ban_status of the rows with no empty field (pandas' dropna), as indices into the sorted classes. */
function sampleBanStatus(): { y: Int32Array; classes: string[] } {
  const lines = readFileSync(SAMPLE, 'utf8').split('\n').filter((l) => l !== '');
  const header = splitCsvLine(lines[0]);
  const col = header.indexOf('author_ban_status');
  const values = lines
    .slice(1)
    .map(splitCsvLine)
    .filter((cells) => cells.every((c) => c !== ''))
    .map((cells) => cells[col]);
  const classes = [...new Set(values)].sort();
  return { y: Int32Array.from(values, (v) => classes.indexOf(v)), classes };
}

const take = (a: Int32Array, idx: Int32Array): Int32Array => Int32Array.from(idx, (i) => a[i]);

const { y, classes } = sampleBanStatus();

describe('the sample author_ban_status (three classes)', () => {
  it('is the label vector the fixture was made from', () => {
    expect(classes).toEqual(fixture.classes);
    expect(classes).toEqual(['active', 'banned', 'under review']);
    expect(Array.from(y).join('')).toBe(fixture.y);
    expect(fixture.counts).toEqual([15400, 1582, 2102]);
  });
});

describe('train_test_split(stratify=y) on author_ban_status', () => {
  it.each(fixture.trainTestSplit.map((c) => [c.randomState, c] as const))('test 0.2, random_state=%i: the same rows in the same order', (seed, c) => {
    const split = trainTestSplit(y.length, { testSize: c.testSize, randomState: seed, stratify: y });
    expect(asStored(split.train, c.train as Indices)).toEqual(c.train);
    expect(asStored(split.test, c.test as Indices)).toEqual(c.test);
  });

  it.each(fixture.chains.map((c) => [c.randomState, c] as const))(
    'the recipe chain (test 0.2, then validation 0.25 of the rest, stratified), random_state=%i',
    (seed, c) => {
      const first = trainTestSplit(y.length, { testSize: 0.2, randomState: seed, stratify: y });
      const second = trainTestSplit(first.train.length, { testSize: 0.25, randomState: seed, stratify: take(y, first.train) });
      const train = take(first.train, second.train);
      expect(asStored(first.test, c.test as Indices)).toEqual(c.test);
      expect(asStored(train, c.train as Indices)).toEqual(c.train);
      expect(asStored(take(first.train, second.test), c.validation as Indices)).toEqual(c.validation);
      const counts = [0, 0, 0];
      for (const r of train) counts[y[r]]++;
      expect(counts).toEqual(c.trainCounts);
    },
  );
});

describe('StratifiedKFold(5) on author_ban_status', () => {
  const chainTrain = (() => {
    const first = trainTestSplit(y.length, { testSize: 0.2, randomState: 0, stratify: y });
    const second = trainTestSplit(first.train.length, { testSize: 0.25, randomState: 0, stratify: take(y, first.train) });
    return take(y, take(first.train, second.train));
  })();

  it.each(fixture.stratifiedKFold.map((c) => [c.on, c.shuffle, c.randomState, c] as const))(
    'on %s rows, shuffle=%s, random_state=%s: the same folds',
    (on, shuffle, randomState, c) => {
      const labels = on === 'all' ? y : chainTrain;
      const folds = stratifiedKFold(labels, c.nSplits, { shuffle, randomState: randomState ?? undefined, classNames: classes });
      expect(folds).toHaveLength(c.folds.length);
      folds.forEach((f, k) => {
        expect(asStored(f.train, c.folds[k].train as Indices), `fold ${k} train`).toEqual(c.folds[k].train);
        expect(asStored(f.test, c.folds[k].test as Indices), `fold ${k} test`).toEqual(c.folds[k].test);
      });
    },
  );
});
