/**
 * A recipe as the Python program a scikit-learn user would have written:
 * sections (setup, data, each step, features, each model, champion, results),
 * each with its code and an explanation. `sklearnScript` writes them as a
 * script, `notebookJson` as a Jupyter notebook; both run the same code.
 */
import { ApiError } from '../api/errors';
import { multiclassAlternatives, scorerNeedsTwoClasses } from '../metrics';
import { staticLeakNotes } from '../recipe/warnings';
import type { Recipe } from '../recipe/schema';
import { planModels } from '../search/plan';
import { ASSAY_VERSION } from '../version';
import { modelSection } from './modelCode';
import { code, plainText, prose, type Prose } from './prose';
import { pyIdentifier, pyStr, pyStrList } from './pythonLiteral';
import { shellWord } from './shellWord';
import { stepCode, type StepPlace } from './stepCode';

export interface ProgramSection {
  title: Prose;
  explain: Prose[];
  code: string[];
}

export interface RecipeProgram {
  /** The recipe's name (untrusted text). */
  name: string;
  /** The paragraphs that open the program: what it is and how to run it. */
  intro: Prose[];
  sections: ProgramSection[];
}

export type ProgramKind = 'script' | 'notebook';

export interface ProgramOptions {
  kind: ProgramKind;
  /** The data file as the program should find it: relative to the program's folder, or absolute; null when the recipe names none. */
  dataPath: string | null;
  /** Run the grid searches on a Dask cluster. */
  dask: boolean;
  /** The file name the program is written to, for the how-to-run lines. */
  fileName: string;
}

const HELPERS = [
  'def plain(value):',
  '    """Values as JSON holds them: numpy numbers as Python\'s, NaN and infinities as null (as assay run --json writes them)."""',
  '    if isinstance(value, dict):',
  '        return {str(k): plain(v) for k, v in value.items()}',
  '    if isinstance(value, (list, tuple, np.ndarray, pd.Series, pd.Index)):',
  '        return [plain(v) for v in value]',
  '    if isinstance(value, np.generic):',
  '        value = value.item()',
  '    if isinstance(value, float) and not np.isfinite(value):',
  '        return None',
  '    return value',
  '',
  '',
  'def evaluate(estimator, X, y):',
  '    """Every metric, the confusion matrix (rows: true class, columns: predicted, in CLASSES order) and the report."""',
  '    predicted = estimator.predict(X)',
  '    return {',
  '        "rows": len(y),',
  '        "metrics": {name: get_scorer(scorer)(estimator, X, y) for name, scorer in SCORING.items()},',
  '        "confusion": confusion_matrix(y, predicted, labels=LABELS).tolist(),',
  '        "report": classification_report(y, predicted, labels=LABELS, target_names=CLASSES, output_dict=True, zero_division=0),',
  '    }',
  '',
  '',
  'def search_summary(model_id, model_type, params, search, seconds):',
  '    """One model as assay run --json reports it: best parameters, best CV scores, the results table, validation."""',
  '    results = search.cv_results_',
  '    folds = FOLDS.get_n_splits()',
  '    rows = []',
  '    for i, candidate in enumerate(results["params"]):',
  '        rows.append({',
  '            "candidate": i,',
  '            "params": {**params, **candidate},',
  '            "mean": {m: results[f"mean_test_{m}"][i] for m in SCORING},',
  '            "std": {m: results[f"std_test_{m}"][i] for m in SCORING},',
  '            "rank": {m: results[f"rank_test_{m}"][i] for m in SCORING},',
  '            "split": {m: [results[f"split{k}_test_{m}"][i] for k in range(folds)] for m in SCORING},',
  '            "meanFitSeconds": results["mean_fit_time"][i],',
  '            "meanScoreSeconds": results["mean_score_time"][i],',
  '        })',
  '    best = rows[search.best_index_]',
  '    estimator = search.best_estimator_',
  '    importances = getattr(estimator, "feature_importances_", None)',
  '    return {',
  '        "id": model_id,',
  '        "type": model_type,',
  '        "candidates": len(rows),',
  '        "fits": len(rows) * folds + 1,',
  '        "bestParams": best["params"],',
  '        "bestCv": best["mean"],',
  '        "results": rows,',
  '        "validation": None if X_validation is None else evaluate(estimator, X_validation, y_validation),',
  '        "featureImportances": None if importances is None else [',
  '            {"feature": f, "importance": v} for f, v in zip(FEATURES, importances)',
  '        ],',
  '        "seconds": {"search": seconds},',
  '    }',
  '',
  '',
  'models = []',
  'searches = []',
  'search_seconds = 0.0',
];

const TARGET_LABELS = [
  'def target_labels(frame):',
  '    """The target as Assay reads a class: text, a whole number without ".0" (missing stays missing)."""',
  '    values = frame[TARGET]',
  '    if pd.api.types.is_numeric_dtype(values):',
  '        return values.map(lambda v: v if pd.isna(v) else str(int(v)) if float(v).is_integer() else repr(float(v)))',
  '    return values.map(lambda v: v if pd.isna(v) else str(v))',
  '',
  '',
  'def shown(name):',
  '    """A column name for a message: as it is when printable, else escaped (no terminal control characters)."""',
  '    name = str(name)',
  '    return name if name.isprintable() else repr(name)[1:-1]',
  '',
  '',
  'def check_columns(where, frame, columns, kind=None):',
  '    """Stops, naming the step and the column, where Assay would refuse the data: a column missing at this point, or of the wrong kind."""',
  '    for column in columns:',
  '        if column not in frame.columns:',
  '            names = [shown(c) for c in frame.columns]',
  '            listed = ", ".join(names[:40]) + (", …" if len(names) > 40 else "")',
  '            raise SystemExit(f"{where}: the column \\"{shown(column)}\\" does not exist in {DATA} at this point of the recipe; its columns: {listed}.")',
  '        numeric = pd.api.types.is_numeric_dtype(frame[column])',
  '        if kind == "text" and numeric:',
  '            raise SystemExit(f"{where}: it needs a text or categorical column, but \\"{shown(column)}\\" is numeric in {DATA}.")',
  '        if kind == "number" and not numeric:',
  '            raise SystemExit(f"{where}: it needs a numeric column, but \\"{shown(column)}\\" holds text in {DATA}.")',
];

function setupSection(recipe: Recipe, o: ProgramOptions, imports: Set<string>, modelImports: string[]): ProgramSection {
  const positive = recipe.target.positive;
  const folds = recipe.cv.stratified ? 'StratifiedKFold' : 'KFold';
  const metrics = [...recipe.scoring];
  if (!metrics.includes(recipe.champion.metric)) metrics.push(recipe.champion.metric);
  const leaks = staticLeakNotes(recipe);
  const python = [
    ...[...(o.kind === 'script' ? ['argparse'] : []), 'hashlib', 'json', 'os', 'sys', 'time'].sort().map((m) => `import ${m}`),
    '',
    'import numpy as np',
    'import pandas as pd',
    ...[
      ...imports,
      'from sklearn.metrics import classification_report, confusion_matrix, get_scorer',
      `from sklearn.model_selection import GridSearchCV, ${folds}, train_test_split`,
      ...new Set(modelImports),
    ].sort(),
    ...(o.dask ? ['from dask.distributed import Client, LocalCluster', 'from joblib import parallel_backend'] : []),
    '',
    `RECIPE = ${pyStr(recipe.name)}`,
    `DATASET = ${pyStr(recipe.dataset.name)}`,
    `EXPECTED_HASH = ${recipe.dataset.contentHash ? pyStr(recipe.dataset.contentHash) : 'None'}  # SHA-256 of the file the recipe was written against`,
    `TARGET = ${pyStr(recipe.target.column)}`,
    positive === undefined
      ? 'POSITIVE = None  # the recipe names no positive class: every class is predicted, numbered in sorted order'
      : `POSITIVE = ${pyStr(positive)}`,
    `SCORING = {${metrics.map((m) => `${pyStr(m)}: ${pyStr(m)}`).join(', ')}}`,
    `REFIT = ${pyStr(recipe.refit)}`,
    `CHAMPION_METRIC = ${pyStr(recipe.champion.metric)}`,
    `CHAMPION_ON = ${pyStr(recipe.champion.on)}`,
    recipe.cv.stratified
      ? `FOLDS = StratifiedKFold(n_splits=${recipe.cv.folds})  # not shuffled: Assay's folds exactly`
      : `FOLDS = KFold(n_splits=${recipe.cv.folds})  # not shuffled: Assay's folds exactly`,
    leaks.length === 0
      ? 'LEAKAGE = []'
      : `LEAKAGE = [\n${leaks.map((l) => `    {"step": ${l.step}, "op": ${pyStr(l.op)}, "message": ${pyStr(l.message)}},`).join('\n')}\n]`,
    'DEBUG = os.environ.get("ASSAY_EXPORT_DEBUG") == "1"',
    'LEARNED = {}  # what the fitted steps learned, by step index (in the "debug" object)',
    '',
    '',
    ...TARGET_LABELS,
  ];
  return {
    title: prose`Setup`,
    explain: [
      [
        ...prose`The libraries and the recipe's settings: target ${code(pyStr(recipe.target.column))} `,
        ...(positive === undefined ? prose`with no positive class (more than two classes)` : prose`with positive class ${code(pyStr(positive))}`),
        ...prose`, the metrics scored, the refit metric and the champion rule, and the folds: ${code(`${folds}(n_splits=${recipe.cv.folds})`)} without shuffling, which is how Assay assigns folds, so every fold holds the same rows as in Assay.`,
      ],
      prose`${code('check_columns')} stops the program, naming the step and the column, where the data lacks a column a step reads or holds text where it needs numbers (or the reverse), as Assay refuses such data.`,
    ],
    code: python.flatMap((l) => l.split('\n')),
  };
}

function dataFileSection(o: ProgramOptions): ProgramSection {
  const data = o.dataPath === null ? 'None' : pyStr(o.dataPath);
  if (o.kind === 'notebook') {
    return {
      title: prose`The data file`,
      explain: [
        prose`${code('DATA')} is the CSV file to read, relative to this notebook's folder (Jupyter's working folder) unless absolute; change it to run the recipe on other data.`,
        ...(o.dask
          ? [prose`${code('SCHEDULER')} is the address of a Dask scheduler (for example ${code('"tcp://10.0.0.5:8786"')}); ${code('None')} starts a ${code('LocalCluster')} on this machine with ${code('LOCAL_WORKERS')} workers (${code('None')}: Dask's choice).`]
          : []),
      ],
      code: [
        `DATA = ${data}`,
        ...(o.dask ? ['SCHEDULER = None', 'LOCAL_WORKERS = None', 'CONNECT_SECONDS = 10'] : []),
        'if DATA is None:',
        '    raise SystemExit("Set DATA to the CSV file to read.")',
      ],
    };
  }
  return {
    title: prose`The data file`,
    explain: [
      prose`The first argument names the CSV file to read; without one, the recipe's own file, found relative to this program's folder.`,
      ...(o.dask ? [prose`${code('--scheduler ADDRESS')} runs the searches on that Dask scheduler; without it, a ${code('LocalCluster')} on this machine (${code('--workers N')} workers).`] : []),
    ],
    code: [
      `DEFAULT_DATA = ${data}`,
      'parser = argparse.ArgumentParser(description="Runs the recipe and prints one JSON document, as assay run --json does.")',
      'parser.add_argument("data", nargs="?", help="the CSV file to read (default: the recipe\'s data file)")',
      ...(o.dask
        ? [
            'parser.add_argument("--scheduler", help="address of a Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a LocalCluster here)")',
            'parser.add_argument("--workers", type=int, help="workers of the LocalCluster (default: Dask\'s choice)")',
          ]
        : []),
      'args = parser.parse_args()',
      'if args.data:',
      '    DATA = args.data',
      'elif DEFAULT_DATA is not None:',
      // Read from standard input (python3 - < run.py) the program has no file, and its folder is taken to be the working one.
      '    here = os.path.dirname(os.path.abspath(__file__)) if "__file__" in globals() else os.getcwd()',
      '    DATA = os.path.join(here, DEFAULT_DATA)',
      'else:',
      '    parser.error("the recipe names no data file; give its path as the first argument")',
      ...(o.dask ? ['SCHEDULER = args.scheduler', 'LOCAL_WORKERS = args.workers', 'CONNECT_SECONDS = 10  # how long to wait for the scheduler'] : []),
    ],
  };
}

const DASK_SECTION: ProgramSection = {
  title: prose`The Dask cluster`,
  explain: [
    prose`A ${code('dask.distributed.Client')} on the scheduler named, or on a ${code('LocalCluster')}. The grid searches below run under ${code('joblib.parallel_backend("dask")')}: scikit-learn's own estimators, fitted on the workers, so the results are those of the plain program. The training rows are sent to every worker, so they must fit in each worker's memory.`,
    prose`An address Dask cannot read, or a scheduler that does not answer within ${code('CONNECT_SECONDS')} seconds, stops the program with one line naming the address and what is wrong.`,
    prose`The ${code('LocalCluster')}'s workers are threads of this process (${code('processes=False')}): worker processes would be started by re-running this file, which a script without a main guard cannot survive, and the fits release the GIL.`,
  ],
  code: [
    'try:',
    '    if SCHEDULER:',
    '        client = Client(SCHEDULER, timeout=CONNECT_SECONDS)',
    '    else:',
    '        client = Client(LocalCluster(n_workers=LOCAL_WORKERS, processes=False))',
    'except (ValueError, OSError, TimeoutError) as error:',
    '    where = f"the Dask scheduler {SCHEDULER}" if SCHEDULER else "a LocalCluster on this machine"',
    '    reason = " ".join(str(error).split()) or type(error).__name__',
    '    raise SystemExit(f"Could not connect to {where}: {reason}.")',
  ],
};

const READ_SECTION: ProgramSection = {
  title: prose`Read the data`,
  explain: [
    prose`${code('pd.read_csv')}, which reads the missing-value markers and numbers as Assay's import does. The file's SHA-256 is checked against the recipe's, as Assay notes a different file in its runs.`,
  ],
  code: [
    't0 = time.perf_counter()',
    'digest = hashlib.sha256()',
    'with open(DATA, "rb") as f:',
    '    for block in iter(lambda: f.read(1 << 20), b""):',
    '        digest.update(block)',
    'content_hash = digest.hexdigest()',
    'if EXPECTED_HASH is not None and content_hash != EXPECTED_HASH:',
    '    print(f"Note: {DATA} is not the file the recipe was written against (its SHA-256 differs).", file=sys.stderr)',
    'data = pd.read_csv(DATA)',
    'rows_read = len(data)',
    'check_columns("The target (target.column)", data, [TARGET])',
  ],
};

/**
 * The classes as Assay encodes them (see core/recipe/targetClasses): with a
 * positive class, two, [negative, positive]; without one, more than two,
 * sorted by code point as scikit-learn's LabelEncoder sorts them. The
 * messages are Assay's refusals of a target that does not fit the recipe.
 */
function classesCode(positive: string | undefined): string[] {
  const listed = '", ".join(shown(c) for c in classes[:12]) + (", …" if len(classes) > 12 else "")';
  const common = [
    'classes = sorted(target_labels(train).unique())',
    `listed = ${listed}`,
    'if len(classes) < 2:',
    '    raise SystemExit(f"The target \\"{shown(TARGET)}\\" has only one class ({listed or \'none\'}) in the training rows; a classifier needs two or more.")',
  ];
  if (positive === undefined) {
    return [
      ...common,
      'if len(classes) == 2:',
      '    raise SystemExit(f"The target \\"{shown(TARGET)}\\" has two classes ({listed}): the recipe must say which one is the positive class (target.positive); add it and export the recipe again.")',
      'CLASSES = classes  # sorted; a row\'s label is the index of its class',
    ];
  }
  return [
    ...common,
    'if len(classes) > 2:',
    '    raise SystemExit(f"The target \\"{shown(TARGET)}\\" has {len(classes)} classes ({listed}), so there is no positive class: remove target.positive ({POSITIVE!r}) from the recipe and export it again.")',
    'if POSITIVE not in classes:',
    '    raise SystemExit(f"The positive class {POSITIVE!r} (target.positive) does not occur in \\"{shown(TARGET)}\\"; its classes are {listed}.")',
    'CLASSES = [classes[0] if classes[1] == POSITIVE else classes[1], POSITIVE]  # [negative, positive], as Assay orders them',
  ];
}

function featuresSection(recipe: Recipe, hasValidation: boolean): ProgramSection {
  const part = (name: string, frame: string) => `X_${name}, y_${name} = features_and_target(${frame})`;
  const positive = recipe.target.positive;
  return {
    title: prose`Features and target`,
    explain: [
      recipe.features
        ? prose`The recipe's features, in its order: ${code(pyStrList(recipe.features))}.`
        : prose`Every column but the target is a feature, in the order the steps left them.`,
      positive === undefined
        ? prose`The recipe names no positive class, so the target has more than two classes: they are sorted (as scikit-learn's ${code('LabelEncoder')} and Assay sort them) and each row's label is the index of its class.`
        : prose`The target is 1 for the positive class ${code(pyStr(positive))} and 0 for the other; the recipe needs two classes.`,
    ],
    code: [
      recipe.features ? `FEATURES = ${pyStrList(recipe.features)}` : 'FEATURES = [c for c in train.columns if c != TARGET]',
      `for part in (${hasValidation ? 'train, validation, test' : 'train, test'}):`,
      '    if part[TARGET].isna().any():',
      '        raise SystemExit(f"The target {TARGET!r} is missing in {int(part[TARGET].isna().sum())} rows; add a dropMissing step for it before the split.")',
      ...(recipe.features ? ['check_columns("The features (features)", train, FEATURES)'] : []),
      ...classesCode(positive),
      'LABELS = list(range(len(CLASSES)))',
      '',
      '',
      'def features_and_target(frame):',
      '    labels = target_labels(frame)',
      '    unknown = sorted(set(labels) - set(CLASSES))',
      '    if unknown:',
      '        raise SystemExit(f"The target {TARGET!r} has the value {unknown[0]!r} outside the training classes.")',
      '    return frame[FEATURES], labels.map({c: i for i, c in enumerate(CLASSES)}).astype(int)',
      '',
      '',
      part('train', 'train'),
      hasValidation ? part('validation', 'validation') : 'X_validation, y_validation = None, None',
      part('test', 'test'),
      'prepare_seconds = time.perf_counter() - t0',
    ],
  };
}

const HELPERS_SECTION: ProgramSection = {
  title: prose`Scoring helpers`,
  explain: [
    prose`How each search and held-out set is reported, with the field names of ${code('assay run --json')}. A row is predicted as its most probable class (with two classes: positive when its probability is above 0.5), as scikit-learn's ${code('predict')} and Assay do.`,
  ],
  code: HELPERS,
};

function championSection(recipe: Recipe): ProgramSection {
  return {
    title: prose`The champion`,
    explain: [
      prose`The model with the highest ${code(pyStr(recipe.champion.metric))} on the ${recipe.champion.on === 'validation' ? 'validation rows (in cross-validation when there is no validation set)' : 'cross-validation'} is the champion, the first on a tie; only then is it scored, once, on the test rows.`,
    ],
    code: [
      'rule = "validation" if CHAMPION_ON == "validation" and X_validation is not None else "cv"',
      '',
      '',
      'def champion_score(model):',
      '    value = model["validation"]["metrics"][CHAMPION_METRIC] if rule == "validation" else model["bestCv"][CHAMPION_METRIC]',
      '    return -np.inf if np.isnan(value) else value',
      '',
      '',
      'best = max(range(len(models)), key=lambda i: champion_score(models[i]))',
      'champion = {',
      '    "modelId": models[best]["id"],',
      '    "rule": f"highest {rule} {CHAMPION_METRIC}",',
      '    "test": evaluate(searches[best].best_estimator_, X_test, y_test),',
      '}',
    ],
  };
}

function resultsSection(o: ProgramOptions): ProgramSection {
  return {
    title: prose`The results`,
    explain: [
      prose`One JSON document on standard output, with the field names of ${code('assay run --json')} (${code('rows')}, ${code('models[].bestParams')}, ${code('models[].bestCv')}, ${code('models[].validation.confusion')}, ${code('champion.test.confusion')}, …). With ${code('ASSAY_EXPORT_DEBUG=1')} in the environment it adds ${code('debug')}: what each fitted step learned, every training row's fold, the training labels and each part's column sums, to check against Assay.`,
    ],
    code: [
      'result = {',
      '    "recipe": RECIPE,',
      '    "dataset": {"name": DATASET, "rows": rows_read, "contentHash": content_hash, "expectedHash": EXPECTED_HASH},',
      '    "classes": CLASSES,',
      '    "features": FEATURES,',
      '    "rows": {"train": len(y_train), "validation": 0 if y_validation is None else len(y_validation), "test": len(y_test)},',
      '    "leakage": LEAKAGE,',
      '    "models": models,',
      '    "champion": champion,',
      '    "seconds": {"prepare": prepare_seconds, "search": search_seconds, "total": time.perf_counter() - t0},',
      '}',
      'if DEBUG:',
      '    fold_of_row = np.zeros(len(y_train), dtype=int)',
      '    for k, (_, held_out) in enumerate(FOLDS.split(X_train, y_train)):',
      '        fold_of_row[held_out] = k',
      '    parts = {"train": X_train, "validation": X_validation, "test": X_test}',
      '    result["debug"] = {',
      '        "learned": LEARNED,',
      '        "folds": fold_of_row,',
      '        "trainTarget": y_train,',
      '        "featureSums": {name: X.astype(float).sum().to_dict() for name, X in parts.items() if X is not None},',
      '    }',
      'print(json.dumps(plain(result), indent=2))',
      ...(o.dask ? ['client.close()'] : []),
    ],
  };
}

function intro(recipe: Recipe, o: ProgramOptions): Prose[] {
  const file = shellWord(o.fileName);
  const data = o.dataPath === null ? 'DATA.csv' : '[DATA.csv]';
  const run =
    o.kind === 'script'
      ? o.dask
        ? prose`Run it with ${code(`python3 ${file} ${data} [--scheduler tcp://HOST:8786] [--workers N]`)}: without a scheduler, a ${code('LocalCluster')} on this machine.`
        : o.dataPath === null
          ? prose`Run it with ${code(`python3 ${file} DATA.csv`)}: the recipe names no data file.`
          : prose`Run it with ${code(`python3 ${file} [DATA.csv]`)}; without an argument it reads the recipe's own data file.`
      : [
          ...prose`Run every cell in order (or ${code(`jupyter nbconvert --to notebook --execute ${file}`)}); ${code('DATA')} in the data-file cell names the CSV file`,
          ...(o.dask ? prose`, ${code('SCHEDULER')} the Dask scheduler.` : prose`.`),
        ];
  return [
    ...(recipe.description ? [plainText(recipe.description)] : []),
    prose`The Assay recipe as a Python program, written by Assay ${ASSAY_VERSION}: pandas, scikit-learn and XGBoost, the recipe's steps in order with its seeds, so the splits, the n-gram vocabulary and the cross-validation folds are Assay's, and the grid searches are scikit-learn's own.`,
    run,
    prose`It prints one JSON document with the field names of ${code('assay run --json')}; set ${code('ASSAY_EXPORT_DEBUG=1')} to add what the steps learned and each training row's fold.`,
  ];
}

/**
 * A recipe without a positive class is for a target of more than two classes
 * (a two-class one needs it, as Assay says when it runs); the scorings of one
 * positive class cannot score it, so such a recipe is refused here, as a run
 * refuses it before fitting anything.
 */
function refuseTwoClassScorings(recipe: Recipe): void {
  const uses: [string, string][] = [
    ...recipe.scoring.map((m, i): [string, string] => [m, `scoring[${i}]`]),
    [recipe.refit, 'refit'],
    [recipe.champion.metric, 'champion.metric'],
  ];
  for (const [metric, where] of uses) {
    if (!scorerNeedsTwoClasses(metric)) continue;
    throw new ApiError(
      'bad-input',
      `scoring '${metric}' (${where}) needs two classes, but the recipe names no positive class (target.positive), so its target has more than two; use ${orList(multiclassAlternatives(metric))}, or name the positive class of a two-class target.`,
    );
  }
}

const orList = (names: readonly string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`);

/** The program of a recipe (already validated by `parseRecipe`); refuses what `assay run` would refuse before reading data. */
export function recipeProgram(recipe: Recipe, o: ProgramOptions): RecipeProgram {
  // Unknown or invalid model parameters are refused with the editors' names, as a run refuses them.
  const plans = planModels(recipe);
  const splitAt = recipe.steps.findIndex((s) => s.op === 'split');
  if (splitAt < 0) throw new ApiError('bad-input', 'A recipe needs exactly one split step.');
  const split = recipe.steps[splitAt] as Extract<Recipe['steps'][number], { op: 'split' }>;
  const hasValidation = split.validation > 0;
  const leaks = new Map(staticLeakNotes(recipe).map((l) => [l.step, l.message]));
  const imports = new Set<string>();
  const stepSections: ProgramSection[] = recipe.steps.map((step, index) => {
    const afterSplit = index > splitAt;
    const place: StepPlace = {
      index,
      parts: afterSplit ? (hasValidation ? ['train', 'validation', 'test'] : ['train', 'test']) : ['data'],
      afterSplit,
      leak: leaks.get(index) ?? null,
      imports,
    };
    const out = stepCode(step, place, recipe.target.column);
    return { title: prose`Step ${index + 1}: ${code(step.op)}`, explain: out.explain, code: out.code };
  });
  const taken = new Set<string>();
  const multiclass = recipe.target.positive === undefined;
  if (multiclass) refuseTwoClassScorings(recipe);
  const models = recipe.models.map((m, i) =>
    modelSection(m, pyIdentifier('model', m.id, taken), {
      index: i,
      folds: recipe.cv.folds,
      refit: recipe.refit,
      dask: o.dask,
      candidates: plans[i].candidates.length,
      multiclass,
    }),
  );
  return {
    name: recipe.name,
    intro: intro(recipe, o),
    sections: [
      setupSection(
        recipe,
        o,
        imports,
        models.map((m) => m.import),
      ),
      dataFileSection(o),
      ...(o.dask ? [DASK_SECTION] : []),
      READ_SECTION,
      ...stepSections,
      featuresSection(recipe, hasValidation),
      HELPERS_SECTION,
      ...models.map((m) => ({ title: m.title, explain: m.explain, code: m.code })),
      championSection(recipe),
      resultsSection(o),
    ],
  };
}

