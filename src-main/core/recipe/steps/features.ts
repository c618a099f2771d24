import { ApiError } from '../../api/errors';
import { CountVectorizer } from '../../features/countVectorizer';
import { getDummies, OneHotEncoder, type CategoricalColumn } from '../../features/oneHot';
import { capOutliersIqr as fitCaps } from '../../features/outliers';
import { textLength as lengths } from '../../features/textLength';
import { column, numberColumn, stringColumn, withColumns, type Frame, type FrameColumn } from '../frame';
import type { Step } from '../schema';
import { stateless, type StepImpl } from './stepTypes';

type Of<K extends Step['op']> = Extract<Step, { op: K }>;

const num = (values: Float64Array): FrameColumn => ({ type: 'number', values, kind: 'float' });

/** pandas `str.len()`: length in code points; missing text stays missing. */
export const textLength: StepImpl<Of<'textLength'>> = {
  fit: (_frame, step) =>
    stateless((frame) => withColumns(frame, { set: [[step.output, num(lengths(stringColumn(frame, step.column, 'textLength')))]] })),
};

/** Caps values beyond Q1/Q3 ± k·IQR at those bounds, with quartiles learned from the fitting rows. */
export const capOutliersIqr: StepImpl<Of<'capOutliersIqr'>> = {
  leakBeforeSplit: 'Outlier caps fitted before the split use the quartiles of validation and test rows too.',
  fit(frame, step) {
    const caps = step.columns.map((name) => ({ name, caps: fitCaps(numberColumn(frame, name, 'capOutliersIqr'), { k: step.k, side: step.side }) }));
    return {
      apply: (f) => withColumns(f, { set: caps.map(({ name, caps: c }) => [name, num(c.apply(numberColumn(f, name, 'capOutliersIqr')))]) }),
      describe: () => caps.map(({ name, caps: c }) => ({ column: name, q1: c.q1, q3: c.q3, upper: c.upper, lower: step.side === 'both' ? c.lower : null })),
    };
  },
};

/** `CountVectorizer` n-gram counts of a text column, vocabulary learned from the fitting rows. */
export const countVectorizer: StepImpl<Of<'countVectorizer'>> = {
  leakBeforeSplit: 'A vocabulary fitted before the split is chosen with the words of validation and test rows.',
  fit(frame, step) {
    const vectorizer = new CountVectorizer({ ngramRange: step.ngramRange, maxFeatures: step.maxFeatures ?? null, stopWords: step.stopWords });
    vectorizer.fit(stringColumn(frame, step.column, 'countVectorizer'));
    return {
      apply(f) {
        const counts = vectorizer.transform(stringColumn(f, step.column, 'countVectorizer'));
        const clash = counts.names.find((n) => n !== step.column && f.columns.has(n));
        if (clash) throw new ApiError('bad-input', `countVectorizer would add a column "${clash}", but one already exists.`);
        return withColumns(f, {
          drop: step.dropSource ? [step.column] : [],
          set: counts.names.map((n, j) => [n, num(counts.columns[j])]),
        });
      },
      describe: () => ({ vocabulary: vectorizer.getFeatureNamesOut() }),
    };
  },
};

function categorical(frame: Frame, names: readonly string[]): CategoricalColumn[] {
  return names.map((name) => {
    const c = column(frame, name);
    // Numbers are encoded by their text, as pandas does for an int column given to get_dummies.
    const values = c.type === 'string' ? c.values : Array.from(c.values, (v) => (Number.isNaN(v) ? null : String(v)));
    return { name, values };
  });
}

/**
 * One indicator column per category (without the first with drop-first),
 * appended after the other columns; the encoded columns are dropped.
 * Categories are learned from the fitting rows: a category unseen there
 * is an error (`encoder`) or all zeros (`getDummies`, as pandas would not
 * have made its column).
 */
export const oneHot: StepImpl<Of<'oneHot'>> = {
  fit(frame, step, ctx) {
    if (step.columns.includes(ctx.target)) {
      throw new ApiError('bad-input', `oneHot would encode the target "${ctx.target}"; the target is encoded by the recipe's positive class.`);
    }
    if (step.style === 'encoder') {
      const encoder = new OneHotEncoder({ drop: step.dropFirst ? 'first' : null, handleUnknown: 'error' });
      encoder.fit(categorical(frame, step.columns));
      return {
        apply(f) {
          const m = encoder.transform(categorical(f, step.columns));
          return withColumns(f, { drop: step.columns, set: m.names.map((n, j) => [n, num(m.columns[j])]) });
        },
        // The dropped first category is each indicator's base, for reading a coefficient ("being X rather than base").
        describe: () => ({ columns: encoder.getFeatureNamesOut(), base: step.dropFirst ? Object.fromEntries(step.columns.map((c, j) => [c, encoder.categories[j][0] ?? 'nan'])) : {} }),
      };
    }
    const fitted = getDummies(categorical(frame, step.columns), { dropFirst: step.dropFirst }).names;
    // Every category seen, the dropped base included, so a model file can tell an unseen value (all zeros) from the base.
    const seen = (c: string) => getDummies(categorical(frame, [c]), { dropFirst: false }).names.map((n) => n.slice(c.length + 1));
    const categories = Object.fromEntries(step.columns.map((c) => [c, seen(c)]));
    const base = step.dropFirst ? Object.fromEntries(step.columns.map((c) => [c, categories[c][0] ?? null])) : {};
    return {
      apply(f) {
        const d = getDummies(categorical(f, step.columns), { dropFirst: false });
        const byName = new Map(d.names.map((n, j) => [n, d.columns[j]]));
        return withColumns(f, {
          drop: step.columns,
          set: fitted.map((n) => [n, num(byName.get(n) ?? new Float64Array(f.rows))]),
        });
      },
      describe: () => ({ columns: fitted, base, categories }),
    };
  },
};
