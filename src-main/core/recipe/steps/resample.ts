import { ApiError } from '../../api/errors';
import { resample as resampleRows } from '../../modelSelection/resample';
import { column, concatFrames, takeFrameRows, type Frame } from '../frame';
import type { Step } from '../schema';
import type { StepImpl } from './stepTypes';

type ResampleStep = Extract<Step, { op: 'resample' }>;

function classRows(frame: Frame, name: string): Map<string, number[]> {
  const c = column(frame, name);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < frame.rows; i++) {
    const v = c.type === 'number' ? (Number.isNaN(c.values[i]) ? null : String(c.values[i])) : c.values[i];
    if (v === null) throw new ApiError('bad-input', `resample: "${name}" is missing in some rows; drop them first.`);
    let g = groups.get(v);
    if (!g) groups.set(v, (g = []));
    g.push(i);
  }
  return groups;
}

/**
 * Balances two classes as the seed notebook does with `sklearn.utils.resample`:
 * upsampling draws the minority with replacement up to the majority's size,
 * downsampling draws the majority without replacement down to the minority's;
 * the result is the majority part followed by the minority part. It changes
 * training rows only: validation and test rows keep their true balance.
 */
export const resample: StepImpl<ResampleStep> = {
  leakBeforeSplit:
    'Resampling before the split copies rows that then land in both training and test sets, so test scores are inflated.',
  fit(_frame, step, ctx) {
    const name = step.column ?? ctx.target;
    return {
      apply(frame, role) {
        if (role === 'validation' || role === 'test') return frame;
        const groups = [...classRows(frame, name).entries()];
        if (groups.length !== 2) {
          throw new ApiError('bad-input', `resample balances two classes, but "${name}" has ${groups.length} (${groups.map(([k]) => k).join(', ')}).`);
        }
        // The larger class is the majority; on a tie the first seen is.
        const [major, minor] = groups[0][1].length >= groups[1][1].length ? [groups[0][1], groups[1][1]] : [groups[1][1], groups[0][1]];
        if (step.strategy === 'upsample') {
          const picks = resampleRows(minor.length, { replace: true, nSamples: major.length, randomState: step.randomState });
          return concatFrames(takeFrameRows(frame, major), takeFrameRows(frame, Array.from(picks, (i) => minor[i])));
        }
        const picks = resampleRows(major.length, { replace: false, nSamples: minor.length, randomState: step.randomState });
        return concatFrames(takeFrameRows(frame, Array.from(picks, (i) => major[i])), takeFrameRows(frame, minor));
      },
    };
  },
};
