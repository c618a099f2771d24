/**
 * Each recipe step as pandas / scikit-learn code, in the seed notebooks'
 * idiom. A step before the split works on `data`; after it, a step is fitted
 * on `train` and applied to every part (`train`, `validation`, `test`), and
 * `resample` touches `train` only — exactly what `core/recipe/pipeline` does.
 * A step with no scikit-learn counterpart is a plain pandas function, marked
 * as such.
 */
import { ApiError } from '../api/errors';
import { stepName, upperFirst } from '../recipe/recipePaths';
import type { Step } from '../recipe/schema';
import { code, prose, type Prose } from './prose';
import { pyComment, pyNumber, pyStr, pyStrList } from './pythonLiteral';

type Of<K extends Step['op']> = Extract<Step, { op: K }>;

/** Where a step stands and what it needs from the program around it. */
export interface StepPlace {
  /** 0-based, as the run record's `learned` and `leakage` number steps. */
  index: number;
  /** The DataFrames the step works on: `data` before the split, the parts after it. */
  parts: string[];
  afterSplit: boolean;
  /** Why this step leaks when it runs before the split (Assay's leakage note), or null. */
  leak: string | null;
  /** Modules to import, as whole import lines. */
  imports: Set<string>;
}

export interface StepCode {
  explain: Prose[];
  code: string[];
}

export const IMPORT = {
  countVectorizer: 'from sklearn.feature_extraction.text import CountVectorizer',
  oneHotEncoder: 'from sklearn.preprocessing import OneHotEncoder',
  resample: 'from sklearn.utils import resample',
} as const;

/** Steps scikit-learn has no counterpart for: their code is a plain pandas function, marked as such. */
export const PANDAS_ONLY_OPS: ReadonlySet<Step['op']> = new Set(['capOutliersIqr']);

/** The marker such a step's code starts with, word for word. */
export function noCounterpartComment(op: string): string {
  return `# Assay step ${pyStr(op)} has no scikit-learn counterpart: written in pandas.`;
}

/** `train, validation, test = f(train), f(validation), f(test)` */
function applyToParts(fn: string, parts: string[], extra = ''): string {
  return `${parts.join(', ')} = ${parts.map((p) => `${fn}(${p}${extra})`).join(', ')}`;
}

/** The rows a fitted step learns from: every row before the split, the training rows after it. */
function fittingRows(place: StepPlace): string {
  return place.afterSplit ? 'train' : 'data';
}

function fittedWhere(place: StepPlace): Prose {
  return place.afterSplit
    ? prose`Fitted on the training rows only, then applied to every part, as Assay does after the split.`
    : prose`It runs before the split, as the recipe says, so it is fitted on every row.`;
}

const stepNumber = (place: StepPlace) => place.index + 1;

type Emitter<S extends Step> = (step: S, place: StepPlace, target: string) => StepCode;

const dropMissing: Emitter<Of<'dropMissing'>> = (step, place) => {
  const args = step.columns ? `subset=${pyStrList(step.columns)}` : 'axis=0';
  return {
    explain: [
      step.columns
        ? prose`Drops the rows with a missing value in any of ${code(pyStrList(step.columns))} (pandas ${code('dropna')}).`
        : prose`Drops the rows with a missing value in any column (pandas ${code('dropna')}).`,
    ],
    code: place.parts.map((p) => `${p} = ${p}.dropna(${args})`),
  };
};

const dropColumns: Emitter<Of<'dropColumns'>> = (step, place, target) => {
  if (step.columns.includes(target)) {
    throw new ApiError('bad-input', `${upperFirst(stepName(place.index, step.op))}: dropColumns would drop the target "${target}".`);
  }
  return {
    explain: [prose`Drops the columns ${code(pyStrList(step.columns))}.`],
    code: place.parts.map((p) => `${p} = ${p}.drop(columns=${pyStrList(step.columns)})`),
  };
};

const selectColumns: Emitter<Of<'selectColumns'>> = (step, place, target) => {
  const keep = `[${[...step.columns.filter((c) => c !== target).map(pyStr), 'TARGET'].join(', ')}]`;
  return {
    explain: [prose`Keeps the columns ${code(pyStrList(step.columns.filter((c) => c !== target)))} and the target, in that order.`],
    code: place.parts.map((p) => `${p} = ${p}[${keep}].copy()`),
  };
};

const textLength: Emitter<Of<'textLength'>> = (step, place) => ({
  explain: [prose`Adds ${code(pyStr(step.output))}, the length of ${code(pyStr(step.column))} in characters (pandas ${code('str.len()')}; a missing text stays missing).`],
  code: place.parts.map((p) => `${p}[${pyStr(step.output)}] = ${p}[${pyStr(step.column)}].str.len()`),
});

const capOutliersIqr: Emitter<Of<'capOutliersIqr'>> = (step, place) => {
  const n = stepNumber(place);
  const both = step.side === 'both';
  const k = pyNumber(step.k, { asFloat: true });
  return {
    explain: [
      prose`Caps ${code(pyStrList(step.columns))} at Q3 + ${k}·IQR${both ? ` and Q1 − ${k}·IQR` : ''}, with the quartiles (pandas ${code('quantile')}, linear interpolation) learned from the fitting rows; a missing value stays missing.`,
      prose`scikit-learn has no IQR capping transformer, so this is a pandas function.`,
      fittedWhere(place),
    ],
    code: [
      `def fit_caps_${n}(frame):`,
      `    caps = {}`,
      `    for column in ${pyStrList(step.columns)}:`,
      `        q1, q3 = frame[column].quantile(0.25), frame[column].quantile(0.75)`,
      `        caps[column] = (${both ? `q1 - ${k} * (q3 - q1)` : 'None'}, q3 + ${k} * (q3 - q1))`,
      `    return caps`,
      ``,
      ``,
      `def cap_outliers_${n}(frame, caps):`,
      `    frame = frame.copy()`,
      `    for column, (lower, upper) in caps.items():`,
      `        frame[column] = frame[column].clip(lower=lower, upper=upper)`,
      `    return frame`,
      ``,
      ``,
      `caps_${n} = fit_caps_${n}(${fittingRows(place)})`,
      `LEARNED[${place.index}] = caps_${n}`,
      applyToParts(`cap_outliers_${n}`, place.parts, `, caps_${n}`),
    ],
  };
};

const countVectorizer: Emitter<Of<'countVectorizer'>> = (step, place) => {
  place.imports.add(IMPORT.countVectorizer);
  const n = stepNumber(place);
  const column = pyStr(step.column);
  const args = [`ngram_range=(${step.ngramRange.map((v) => pyNumber(v)).join(', ')})`];
  if (step.maxFeatures !== undefined) args.push(`max_features=${pyNumber(step.maxFeatures)}`);
  if (step.stopWords) args.push(`stop_words=${pyStr(step.stopWords)}`);
  const rest = step.dropSource ? `frame.drop(columns=[${column}])` : 'frame';
  return {
    explain: [
      prose`Counts the ${`${step.ngramRange[0]}–${step.ngramRange[1]}`}-grams of ${code(column)} with ${code('CountVectorizer')}${step.maxFeatures !== undefined ? ` (the ${step.maxFeatures} most frequent` : ' (every one'}${step.stopWords ? `, ${step.stopWords} stop words removed)` : ')'}; a missing text counts as an empty one.${step.dropSource ? ' The text column is dropped once counted.' : ''}`,
      fittedWhere(place),
    ],
    code: [
      `vectorizer_${n} = CountVectorizer(${args.join(', ')})`,
      `vectorizer_${n}.fit(${fittingRows(place)}[${column}].fillna(""))`,
      `LEARNED[${place.index}] = {"vocabulary": vectorizer_${n}.get_feature_names_out().tolist()}`,
      ``,
      ``,
      `def count_ngrams_${n}(frame):`,
      `    counts = vectorizer_${n}.transform(frame[${column}].fillna(""))`,
      `    counts = pd.DataFrame(counts.toarray(), columns=vectorizer_${n}.get_feature_names_out(), index=frame.index)`,
      `    clash = [name for name in counts.columns if name != ${column} and name in frame.columns]`,
      `    if clash:`,
      `        raise SystemExit(f"countVectorizer would add a column {clash[0]!r}, but one already exists.")`,
      `    return pd.concat([${rest}, counts], axis=1)`,
      ``,
      ``,
      applyToParts(`count_ngrams_${n}`, place.parts),
    ],
  };
};

const oneHot: Emitter<Of<'oneHot'>> = (step, place, target) => {
  if (step.columns.includes(target)) {
    throw new ApiError(
      'bad-input',
      `${upperFirst(stepName(place.index, step.op))}: oneHot would encode the target "${target}"; the target is encoded by the recipe's positive class.`,
    );
  }
  const n = stepNumber(place);
  const columns = pyStrList(step.columns);
  const drop = step.dropFirst ? 'True' : 'False';
  const named = prose`${code(columns)}`;
  if (step.style === 'encoder') {
    place.imports.add(IMPORT.oneHotEncoder);
    return {
      explain: [
        [...prose`One indicator column per category of `, ...named, ...prose` with scikit-learn's ${code('OneHotEncoder')}${step.dropFirst ? ' (drop="first")' : ''}, placed after the other columns; a category the encoder did not see in fitting is an error.`],
        fittedWhere(place),
      ],
      code: [
        `encoder_${n} = OneHotEncoder(${step.dropFirst ? 'drop="first", ' : ''}sparse_output=False)`,
        `encoder_${n}.fit(${fittingRows(place)}[${columns}])`,
        ``,
        ``,
        `def one_hot_${n}(frame):`,
        `    encoded = pd.DataFrame(encoder_${n}.transform(frame[${columns}]), columns=encoder_${n}.get_feature_names_out(), index=frame.index)`,
        `    return pd.concat([frame.drop(columns=${columns}), encoded], axis=1)`,
        ``,
        ``,
        applyToParts(`one_hot_${n}`, place.parts),
      ],
    };
  }
  if (!place.afterSplit) {
    return {
      explain: [[...prose`One indicator column per category of `, ...named, ...prose` (pandas ${code('get_dummies')}${step.dropFirst ? ', drop_first=True' : ''}), placed after the other columns.`]],
      code: [`data = pd.get_dummies(data, columns=${columns}, drop_first=${drop})`],
    };
  }
  const [train, ...others] = place.parts;
  return {
    explain: [
      [...prose`One indicator column per category of `, ...named, ...prose` (pandas ${code('get_dummies')}${step.dropFirst ? ', drop_first=True' : ''}), placed after the other columns.`],
      prose`The categories are those of the training rows: the other parts get the training rows' columns, a category unseen in training being all zeros.`,
    ],
    code: [
      `${train} = pd.get_dummies(${train}, columns=${columns}, drop_first=${drop})`,
      ...others.map((p) => `${p} = pd.get_dummies(${p}, columns=${columns}).reindex(columns=${train}.columns, fill_value=0)`),
    ],
  };
};

const resampleStep: Emitter<Of<'resample'>> = (step, place, target) => {
  place.imports.add(IMPORT.resample);
  const n = stepNumber(place);
  const name = step.column ?? target;
  const column = name === target ? 'TARGET' : pyStr(name);
  const seed = pyNumber(step.randomState);
  const up = step.strategy === 'upsample';
  const rows = fittingRows(place);
  return {
    explain: [
      up
        ? prose`Balances the two classes of ${code(pyStr(name))}: the minority class is drawn with replacement (${code('sklearn.utils.resample')}, seed ${seed}) up to the size of the majority; the rows become the majority followed by the draws.`
        : prose`Balances the two classes of ${code(pyStr(name))}: the majority class is drawn without replacement (${code('sklearn.utils.resample')}, seed ${seed}) down to the size of the minority; the rows become the draws followed by the minority.`,
      place.afterSplit
        ? prose`Only the training rows are resampled: validation and test rows keep their true balance.`
        : prose`It runs before the split, as the recipe says, so copies of the same row can land in both training and test rows.`,
    ],
    code: [
      `def balance_classes_${n}(frame, column=${column}):`,
      `    if frame[column].isna().any():`,
      `        raise SystemExit(f"resample: {column!r} is missing in some rows; drop them first.")`,
      `    classes = frame[column].unique()  # in order of first appearance; the larger class is the majority`,
      `    if len(classes) != 2:`,
      `        raise SystemExit(f"resample balances two classes, but {column!r} has {len(classes)}.")`,
      `    first, second = (frame[frame[column] == c] for c in classes)`,
      `    major, minor = (first, second) if len(first) >= len(second) else (second, first)`,
      up
        ? `    return pd.concat([major, resample(minor, replace=True, n_samples=len(major), random_state=${seed})]).reset_index(drop=True)`
        : `    return pd.concat([resample(major, replace=False, n_samples=len(minor), random_state=${seed}), minor]).reset_index(drop=True)`,
      ``,
      ``,
      `${rows} = balance_classes_${n}(${rows})`,
    ],
  };
};

// train_test_split is imported by the setup with the rest of sklearn.model_selection.
const split: Emitter<Of<'split'>> = (step) => {
  const seed = pyNumber(step.randomState);
  const stratify = (frame: string) => (step.stratify ? `, stratify=target_labels(${frame})` : '');
  const lines = [`train, test = train_test_split(data, test_size=${pyNumber(step.test, { asFloat: true })}, random_state=${seed}${stratify('data')})`];
  if (step.validation) {
    lines.push(`train, validation = train_test_split(train, test_size=${pyNumber(step.validation, { asFloat: true })}, random_state=${seed}${stratify('train')})`);
  }
  const pct = (share: number) => `${+(100 * share).toFixed(6)} %`;
  const by = step.stratify ? ', stratified by the target' : '';
  return {
    explain: [
      step.validation
        ? prose`Holds out ${pct(step.test)} of the rows for the test set, then ${pct(step.validation)} of the rest for the validation set (${code('train_test_split')}, seed ${seed}${by}), as the Course 6 notebook's two splits do.`
        : prose`Holds out ${pct(step.test)} of the rows for the test set (${code('train_test_split')}, seed ${seed}${by}).`,
      prose`From here on, steps are fitted on the training rows only.`,
    ],
    code: lines,
  };
};

const EMITTERS: { [K in Step['op']]: Emitter<Of<K>> } = {
  dropMissing,
  dropColumns,
  selectColumns,
  capOutliersIqr,
  textLength,
  countVectorizer,
  oneHot,
  resample: resampleStep,
  split,
};

/** The columns a step reads, as Python expressions (`TARGET` for the target), and the kind it needs them to be. */
function columnsRead(step: Step, target: string): { columns: string[]; kind: 'text' | 'number' | null } {
  const named = (columns: readonly string[]) => columns.map((c) => (c === target ? 'TARGET' : pyStr(c)));
  switch (step.op) {
    case 'dropMissing':
      return { columns: named(step.columns ?? []), kind: null };
    case 'dropColumns':
    case 'oneHot':
      return { columns: named(step.columns), kind: null };
    case 'selectColumns':
      return { columns: [...named(step.columns.filter((c) => c !== target)), 'TARGET'], kind: null };
    case 'textLength':
    case 'countVectorizer':
      return { columns: named([step.column]), kind: 'text' };
    case 'capOutliersIqr':
      return { columns: named(step.columns), kind: 'number' };
    case 'resample':
      return { columns: named([step.column ?? target]), kind: null };
    case 'split':
      return { columns: ['TARGET'], kind: null };
  }
}

/**
 * The line that stops the program, naming the step and the column, when the
 * data lacks a column the step reads or holds the wrong kind in it — as
 * Assay refuses such a file — instead of a pandas KeyError deep inside.
 * Every part has the same columns, so the first one is checked.
 */
function columnCheck(step: Step, place: StepPlace, target: string): string[] {
  const { columns, kind } = columnsRead(step, target);
  if (columns.length === 0) return [];
  const where = pyStr(`Step ${place.index + 1} (${step.op})`);
  return [`check_columns(${where}, ${place.parts[0]}, [${columns.join(', ')}]${kind ? `, ${pyStr(kind)}` : ''})`];
}

/** The code of one step, with the leakage comment where the recipe leaks. */
export function stepCode(step: Step, place: StepPlace, target: string): StepCode {
  const emit = EMITTERS[step.op] as Emitter<Step> | undefined;
  // The schema admits only the ops above; this guards a recipe object that skipped it.
  if (!emit) throw new ApiError('bad-input', `${upperFirst(stepName(place.index, step.op))}: Assay has no step "${String(step.op)}" to export.`);
  const out = emit(step, place, target);
  const marker = PANDAS_ONLY_OPS.has(step.op) ? [noCounterpartComment(step.op)] : [];
  const code = [...columnCheck(step, place, target), ...out.code];
  if (!place.leak) return { explain: out.explain, code: [...marker, ...code] };
  return {
    explain: [prose`Leakage: ${place.leak} Assay flags this step; the program keeps it where the recipe puts it, to reproduce the recipe.`, ...out.explain],
    code: [...pyComment(`LEAKAGE: ${place.leak} The recipe runs this step before the split, so this program does too.`), ...marker, ...code],
  };
}
