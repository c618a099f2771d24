/**
 * Identifiers that are integers (the sample's `#` and `video_id`) get pandas'
 * dtype and numeric describe() (fixture from scripts/fixtures/profile_fixtures.py,
 * pandas 1.5) while their kind stays identifier.
 */
import { describe, expect, it } from 'vitest';
import { factorizeStrings } from '../../../src-main/core/profile/factorize';
import { integerIdentifierValues } from '../../../src-main/core/profile/integerIdentifier';
import { profileFrame, type CategoricalColumnProfile } from '../../../src-main/core/profile/profile';
import { profileView } from '../../../src-main/core/profile/profileView';
import { makeFrame, type Frame, type FrameColumn } from '../../../src-main/core/recipe/frame';
import sample from '../../fixtures/profile/sample.json';
import { sampleFrame } from '../recipe/sampleFrame';

/** The sample as the app loads it: `#` and `video_id` are identifiers, so they arrive as text (loadFrame.ts). */
function sampleWithIdentifiers(): Frame {
  const s = sampleFrame();
  const entries: [string, FrameColumn][] = s.names.map((name) => {
    const c = s.columns.get(name)!;
    if ((name === '#' || name === 'video_id') && c.type === 'number') {
      return [name, { type: 'string', values: Array.from(c.values, (v) => (Number.isNaN(v) ? null : String(v))), kind: 'identifier' }];
    }
    return [name, c];
  });
  return makeFrame(s.rows, entries);
}

const PANDAS_KEYS = [
  ['count', 'count'],
  ['mean', 'mean'],
  ['std', 'std'],
  ['min', 'min'],
  ['q25', '25%'],
  ['q50', '50%'],
  ['q75', '75%'],
  ['max', 'max'],
] as const;

describe('integer identifiers in the profile', () => {
  const profile = profileFrame(sampleWithIdentifiers());

  for (const name of ['#', 'video_id']) {
    it(`gives ${name} dtype int64 and pandas' describe(), keeping kind identifier`, () => {
      const c = profile.columns.find((x) => x.name === name) as CategoricalColumnProfile;
      expect(c.kind).toBe('identifier');
      expect(c.type).toBe('string');
      expect(c.dtype).toBe('int64');
      const expected = (sample.describeNumeric as Record<string, Record<string, number>>)[name];
      const d = c.describeNumeric!;
      expect(d).toBeDefined();
      for (const [k, pk] of PANDAS_KEYS) {
        const e = expected[pk];
        expect(Math.abs(d[k] - e) <= 1e-9 * Math.abs(e), `${name} ${pk}: ${d[k]} vs ${e}`).toBe(true);
      }
      // The identifier's own figures stay: every value distinct.
      expect(c.describe.unique).toBe(19382);
    });
  }

  it('carries the numeric describe() through the API view', () => {
    const v = profileView(profile, null).columns.find((x) => x.name === 'video_id');
    expect(v?.type === 'string' && v.describeNumeric?.max).toBe(sample.describeNumeric.video_id.max);
  });

  it('leaves text identifiers as object', () => {
    const frame = makeFrame(3, [['id', { type: 'string', values: ['A-1', 'A-2', null], kind: 'identifier' }]]);
    const c = profileFrame(frame).columns[0] as CategoricalColumnProfile;
    expect(c.dtype).toBe('object');
    expect(c.describeNumeric).toBeUndefined();
  });

  it('reads integers with a missing value as float64, as pandas does', () => {
    const frame = makeFrame(3, [['id', { type: 'string', values: ['3', null, '10'], kind: 'identifier' }]]);
    const c = profileFrame(frame).columns[0] as CategoricalColumnProfile;
    expect(c.dtype).toBe('float64');
    expect(c.describeNumeric).toMatchObject({ count: 2, mean: 6.5, min: 3, max: 10 });
  });
});

describe('integerIdentifierValues', () => {
  it('refuses leading zeros, signs, decimals and integers beyond 2^53', () => {
    for (const bad of ['007', '+5', '1.0', '1e3', ' 4', '9007199254740993', '']) {
      expect(integerIdentifierValues(factorizeStrings(['1', bad])), bad).toBeNull();
    }
  });

  it('keeps row order with NaN for missing values', () => {
    expect(Array.from(integerIdentifierValues(factorizeStrings(['-4', null, '0', '-4']))!)).toEqual([-4, NaN, 0, -4]);
  });
});
