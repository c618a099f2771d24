import { ApiError } from '../api/errors';
import { compareCodePoints } from './countVectorizer';

/** A categorical column: its name and its values (`null` = missing). */
export interface CategoricalColumn {
  name: string;
  values: readonly (string | null)[];
}

/** Indicator columns (0/1, column-major) and their names, in output order. */
export interface IndicatorMatrix {
  columns: Float64Array[];
  names: string[];
}

/** Sorted distinct non-missing values (code-point order, as numpy / pandas sort Python strings). */
function sortedLevels(values: readonly (string | null)[]): { levels: string[]; hasMissing: boolean } {
  const seen = new Set<string>();
  let hasMissing = false;
  for (const v of values) {
    if (v === null) hasMissing = true;
    else seen.add(v);
  }
  return { levels: [...seen].sort(compareCodePoints), hasMissing };
}

function listForMessage(values: readonly (string | null)[], max = 10): string {
  const shown = values.slice(0, max).map((v) => (v === null ? 'missing' : v));
  return shown.join(', ') + (values.length > max ? `, … (${values.length} in all)` : '');
}

export interface OneHotEncoderOptions {
  /** `'first'` drops each column's first category (sklearn's `drop='first'`); default: keep all. */
  drop?: 'first' | null;
  /** What `transform` does with a value not seen in fitting: throw (default) or encode it as all zeros. */
  handleUnknown?: 'error' | 'ignore';
}

/**
 * scikit-learn 1.2's `OneHotEncoder(drop=…, handle_unknown=…)` on text columns.
 * Categories are each column's distinct training values, sorted; a missing
 * value is a category of its own, sorted last and named `nan`, as sklearn does
 * with the NaN pandas reads for an empty cell. Output names are
 * `{column}_{category}` (`get_feature_names_out()`), columns in input order.
 */
export class OneHotEncoder {
  private readonly drop: 'first' | null;
  private readonly handleUnknown: 'error' | 'ignore';
  private fittedColumns: { name: string; categories: (string | null)[] }[] | null = null;

  constructor(options: OneHotEncoderOptions = {}) {
    this.drop = options.drop ?? null;
    this.handleUnknown = options.handleUnknown ?? 'error';
  }

  fit(columns: readonly CategoricalColumn[]): this {
    if (columns.length === 0) throw new ApiError('bad-input', 'One-hot encoding needs at least one column.');
    this.fittedColumns = columns.map((c) => {
      const { levels, hasMissing } = sortedLevels(c.values);
      const categories: (string | null)[] = hasMissing ? [...levels, null] : levels;
      if (categories.length === 0) throw new ApiError('bad-input', `Column "${c.name}" has no values to learn categories from.`);
      return { name: c.name, categories };
    });
    return this;
  }

  /** Each column's categories in sorted order (`null` = the missing-value category), sklearn's `categories_`. */
  get categories(): (string | null)[][] {
    return this.fitted().map((c) => c.categories.slice());
  }

  getFeatureNamesOut(): string[] {
    const names: string[] = [];
    for (const c of this.fitted()) {
      const start = this.drop === 'first' ? 1 : 0;
      for (let k = start; k < c.categories.length; k++) names.push(`${c.name}_${c.categories[k] ?? 'nan'}`);
    }
    return names;
  }

  transform(columns: readonly CategoricalColumn[]): IndicatorMatrix {
    const fitted = this.fitted();
    if (columns.length !== fitted.length || columns.some((c, i) => c.name !== fitted[i].name)) {
      throw new ApiError(
        'bad-input',
        `The encoder was fitted on columns ${fitted.map((c) => `"${c.name}"`).join(', ')} and must be applied to the same columns in the same order, not ${columns.map((c) => `"${c.name}"`).join(', ')}.`,
      );
    }
    const out: Float64Array[] = [];
    const skip = this.drop === 'first' ? 1 : 0;
    for (let ci = 0; ci < fitted.length; ci++) {
      const { name, categories } = fitted[ci];
      const values = columns[ci].values;
      const n = values.length;
      const index = new Map<string | null, number>(categories.map((c, k) => [c, k]));
      const block = Array.from({ length: categories.length - skip }, () => new Float64Array(n));
      for (let i = 0; i < n; i++) {
        const k = index.get(values[i]);
        if (k === undefined) {
          if (this.handleUnknown === 'ignore') continue;
          const v = values[i];
          throw new ApiError(
            'bad-input',
            `Column "${name}" has the value ${v === null ? 'missing' : `"${v}"`} (row ${i + 1}), which was not among the categories seen in training (${listForMessage(categories)}). ` +
              "To encode unseen values as all zeros instead, set handleUnknown to 'ignore'.",
          );
        }
        if (k >= skip) block[k - skip][i] = 1;
      }
      out.push(...block);
    }
    return { columns: out, names: this.getFeatureNamesOut() };
  }

  fitTransform(columns: readonly CategoricalColumn[]): IndicatorMatrix {
    return this.fit(columns).transform(columns);
  }

  private fitted(): { name: string; categories: (string | null)[] }[] {
    if (!this.fittedColumns) throw new ApiError('bad-request', 'The one-hot encoder must be fitted before it is used.');
    return this.fittedColumns;
  }
}

export interface GetDummiesOptions {
  /** Drop each column's first (sorted) level, pandas' `drop_first`. */
  dropFirst?: boolean;
  /** Add a `{column}_nan` indicator for missing values, pandas' `dummy_na`; otherwise missing rows are all zeros. */
  dummyNa?: boolean;
}

export interface DummiesResult extends IndicatorMatrix {
  /** The columns that were encoded (and that pandas drops), in the order given. */
  encoded: string[];
}

/**
 * pandas 1.5's `pd.get_dummies(df, columns=[…], drop_first=…, dummy_na=…)`
 * for text columns: per column, in the order given, one indicator per sorted
 * distinct value named `{column}_{value}`; a missing value is all zeros unless
 * `dummyNa` adds a last `{column}_nan` level. With `dropFirst` a column with
 * a single level yields no indicator at all. Unlike {@link OneHotEncoder},
 * this is not fitted: like pandas it looks only at the rows it is given (the
 * Course 6 notebook encodes before splitting).
 */
export function getDummies(columns: readonly CategoricalColumn[], options: GetDummiesOptions = {}): DummiesResult {
  const dropFirst = options.dropFirst ?? false;
  const dummyNa = options.dummyNa ?? false;
  const seen = new Set<string>();
  const out: Float64Array[] = [];
  const names: string[] = [];
  for (const c of columns) {
    if (seen.has(c.name)) throw new ApiError('bad-input', `Column "${c.name}" is listed twice for dummy encoding.`);
    seen.add(c.name);
    const { levels: found } = sortedLevels(c.values);
    const levels: (string | null)[] = dummyNa ? [...found, null] : found;
    if (levels.length === 0 || (dropFirst && levels.length === 1)) continue;
    const n = c.values.length;
    const index = new Map<string | null, number>(levels.map((l, k) => [l, k]));
    const block = levels.map(() => new Float64Array(n));
    for (let i = 0; i < n; i++) {
      const k = index.get(c.values[i]);
      if (k !== undefined) block[k][i] = 1;
    }
    const skip = dropFirst ? 1 : 0;
    for (let k = skip; k < levels.length; k++) {
      out.push(block[k]);
      names.push(`${c.name}_${levels[k] ?? 'nan'}`);
    }
  }
  return { columns: out, names, encoded: columns.map((c) => c.name) };
}

/**
 * The columns of `pd.get_dummies(df, columns=…)`: the columns not encoded,
 * in their original order, then the dummies in the order of `columns=`.
 */
export function dummyColumnOrder(inputColumns: readonly string[], dummies: Pick<DummiesResult, 'encoded' | 'names'>): string[] {
  const encoded = new Set(dummies.encoded);
  for (const name of encoded) {
    if (!inputColumns.includes(name)) {
      throw new ApiError('bad-input', `Column "${name}" cannot be dummy-encoded: it is not among the columns (${listForMessage(inputColumns)}).`);
    }
  }
  return [...inputColumns.filter((c) => !encoded.has(c)), ...dummies.names];
}
