import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { parseRecipe, type Recipe, type RecipeInput } from '../../../src-main/core/recipe/schema';
import { staticLeakNotes } from '../../../src-main/core/recipe/warnings';
import { exportRecipe, recipeExportFileName, type RecipeExportOptions } from '../../../src-main/core/recipeExport/exportRecipe';
import { NBFORMAT, NBFORMAT_MINOR, type Notebook } from '../../../src-main/core/recipeExport/notebookJson';
import { pyStr } from '../../../src-main/core/recipeExport/pythonLiteral';
import { HOSTILE_NAMES } from './pythonText';

const shippedJson = (name: string) => JSON.parse(readFileSync(`resources/recipes/${name}.json`, 'utf8')) as RecipeInput;
const shipped = (name: string) => parseRecipe(shippedJson(name));
const SHIPPED = ['claims-course6', 'verified-course5', 'verified-course5-no-leak'];

const script = (r: Recipe, o: Partial<RecipeExportOptions> = {}) => exportRecipe(r, { format: 'sklearn', dataPath: 'data.csv', ...o }).text;
const notebookOf = (r: Recipe, o: Partial<RecipeExportOptions> = {}) =>
  JSON.parse(exportRecipe(r, { format: 'notebook', dataPath: 'data.csv', ...o }).text) as Notebook;

interface Section {
  title: string;
  comments: string[];
  code: string[];
}

/** The script cut at its `# %%` lines: each section's title, leading comments and code. */
function sections(text: string): Section[] {
  return text
    .split('\n# %% ')
    .slice(1)
    .map((chunk) => {
      const [title, ...lines] = chunk.replace(/\n+$/, '').split('\n');
      // The explanation is the comment lines before the code; the code may itself open with the LEAKAGE and pandas-only markers.
      const firstCode = lines.findIndex((l) => !l.startsWith('#') || l.startsWith('# LEAKAGE: ') || l.startsWith('# Assay step '));
      return { title, comments: lines.slice(0, firstCode), code: lines.slice(firstCode) };
    });
}

const section = (text: string, title: string) => {
  const found = sections(text).find((s) => s.title === title);
  if (!found) throw new Error(`no section "${title}" in:\n${sections(text).map((s) => s.title).join('\n')}`);
  return found;
};
const codeOf = (text: string, title: string) => section(text, title).code.join('\n');

const PYTHON_MODULES = new Set(['argparse', 'hashlib', 'json', 'os', 'sys', 'time', 'numpy', 'pandas', 'sklearn', 'xgboost', 'dask', 'joblib']);

describe('a recipe as a scikit-learn script', () => {
  it('Course 6: the steps in order in the seed idiom, the split seeds, CountVectorizer fitted on training rows, the grids', () => {
    const text = script(shipped('claims-course6'));
    expect(sections(text).map((s) => s.title)).toEqual([
      'Setup',
      'The data file',
      'Read the data',
      'Step 1: dropMissing',
      'Step 2: textLength',
      'Step 3: dropColumns',
      'Step 4: oneHot',
      'Step 5: split',
      'Step 6: countVectorizer',
      'Features and target',
      'Scoring helpers',
      'Model "rf": random forest',
      'Model "xgb": gradient boosting',
      'The champion',
      'The results',
    ]);
    expect(codeOf(text, 'Read the data')).toContain('data = pd.read_csv(DATA)');
    expect(codeOf(text, 'Step 1: dropMissing')).toBe('data = data.dropna(axis=0)');
    expect(codeOf(text, 'Step 2: textLength')).toBe(
      ['check_columns("Step 2 (textLength)", data, ["video_transcription_text"], "text")', 'data["text_length"] = data["video_transcription_text"].str.len()'].join('\n'),
    );
    expect(codeOf(text, 'Step 3: dropColumns')).toBe(['check_columns("Step 3 (dropColumns)", data, ["#", "video_id"])', 'data = data.drop(columns=["#", "video_id"])'].join('\n'));
    expect(codeOf(text, 'Step 4: oneHot')).toBe(
      [
        'check_columns("Step 4 (oneHot)", data, ["verified_status", "author_ban_status"])',
        'data = pd.get_dummies(data, columns=["verified_status", "author_ban_status"], drop_first=True)',
      ].join('\n'),
    );
    expect(codeOf(text, 'Step 5: split')).toBe(
      [
        'check_columns("Step 5 (split)", data, [TARGET])',
        'train, test = train_test_split(data, test_size=0.2, random_state=0)',
        'train, validation = train_test_split(train, test_size=0.25, random_state=0)',
      ].join('\n'),
    );
    const vectorizer = codeOf(text, 'Step 6: countVectorizer');
    expect(vectorizer).toContain('vectorizer_6 = CountVectorizer(ngram_range=(2, 3), max_features=15, stop_words="english")');
    expect(vectorizer).toContain('vectorizer_6.fit(train["video_transcription_text"].fillna(""))');
    expect(vectorizer).toContain('train, validation, test = count_ngrams_6(train), count_ngrams_6(validation), count_ngrams_6(test)');
    expect(vectorizer).not.toMatch(/fit\((data|validation|test)\b/);

    const setup = codeOf(text, 'Setup');
    expect(setup).toContain('FOLDS = StratifiedKFold(n_splits=5)');
    expect(setup).not.toContain('shuffle=True');
    expect(setup).toContain('SCORING = {"accuracy": "accuracy", "precision": "precision", "recall": "recall", "f1": "f1"}');
    expect(setup).toContain('REFIT = "recall"');
    expect(setup).toContain('LEAKAGE = []');
    expect(text).not.toContain('LEAKAGE:');

    const rf = codeOf(text, 'Model "rf": random forest');
    expect(rf).toContain('"max_depth": [5, 7, None],');
    expect(rf).toContain('"max_features": [0.3, 0.6],');
    expect(rf).toContain('"max_samples": [0.7],');
    expect(rf).toContain('"n_estimators": [75, 100, 200],');
    expect(rf).toContain('RandomForestClassifier(**rf_params)');
    for (const arg of ['scoring=SCORING,', 'refit=REFIT,', 'cv=FOLDS,', 'n_jobs=-1,']) expect(rf).toContain(arg);
    expect(section(text, 'Model "rf": random forest').comments.join(' ')).toContain('72 candidates');
    expect(codeOf(text, 'Model "xgb": gradient boosting')).toContain('XGBClassifier(objective="binary:logistic", **xgb_params)');
    expect(codeOf(text, 'The champion')).toContain('"test": evaluate(searches[best].best_estimator_, X_test, y_test)');
  });

  it('imports pandas, numpy, scikit-learn and XGBoost only, besides the standard library', () => {
    for (const name of SHIPPED) {
      for (const dask of [false, true]) {
        const imports = script(shipped(name), { dask }).split('\n').filter((l) => /^(import|from) /.test(l));
        const modules = imports.map((l) => l.split(' ')[1].split('.')[0]);
        for (const m of modules) expect(PYTHON_MODULES, `${name}: ${m}`).toContain(m);
        expect(modules.includes('dask'), name).toBe(dask);
      }
    }
  });

  it('prints the fields of assay run --json', () => {
    const results = codeOf(script(shipped('claims-course6')), 'The results');
    for (const field of ['"rows":', '"models": models', '"champion": champion', '"leakage": LEAKAGE', '"classes": CLASSES', '"features": FEATURES']) {
      expect(results).toContain(field);
    }
    const helpers = codeOf(script(shipped('claims-course6')), 'Scoring helpers');
    for (const field of ['"bestParams":', '"bestCv":', '"validation":', '"confusion":']) expect(helpers).toContain(field);
    expect(results.match(/print\(/g)).toHaveLength(1);
  });

  it('every variant reads as written: no value that failed to become text', () => {
    for (const name of SHIPPED) {
      for (const format of ['sklearn', 'notebook'] as const) {
        for (const dask of [false, true]) {
          for (const dataPath of [null, 'data.csv']) {
            const text = exportRecipe(shipped(name), { format, dask, dataPath, fileName: 'my run.py' }).text;
            expect(text, `${name} ${format} ${dask} ${dataPath}`).not.toMatch(/object Object|undefined/);
            if (format === 'sklearn') expect(text).toContain(`python3 'my run.py' ${dataPath ? '[DATA.csv]' : 'DATA.csv'}`);
          }
        }
      }
    }
  });

  it('never drops a step: every step of every shipped recipe has its section, in order', () => {
    for (const name of SHIPPED) {
      const r = shipped(name);
      const steps = sections(script(r)).filter((s) => s.title.startsWith('Step '));
      expect(steps.map((s) => s.title)).toEqual(r.steps.map((s, i) => `Step ${i + 1}: ${s.op}`));
      for (const s of steps) expect(s.code.join('').trim()).not.toBe('');
    }
  });

  it('Course 5 as the notebook does it: the leak kept before the split, with a LEAKAGE comment naming why', () => {
    const r = shipped('verified-course5');
    const text = script(r);
    const leaks = staticLeakNotes(r);
    expect(leaks.map((l) => l.step)).toEqual([1, 2]);
    for (const leak of leaks) {
      const s = section(text, `Step ${leak.step + 1}: ${r.steps[leak.step].op}`);
      const comment = s.code.filter((l) => l.startsWith('#')).join(' ').replace(/ # /g, ' ');
      expect(comment).toMatch(/^# LEAKAGE: /);
      expect(comment).toContain(leak.message);
    }
    expect(text.match(/# LEAKAGE:/g)).toHaveLength(2);
    // The leak is reproduced, not repaired: the caps are learned from every row, the resampling runs on every row.
    expect(codeOf(text, 'Step 2: capOutliersIqr')).toContain('caps_2 = fit_caps_2(data)');
    expect(codeOf(text, 'Step 3: resample')).toContain('data = balance_classes_3(data)');
    expect(text.indexOf('data = balance_classes_3(data)')).toBeLessThan(text.indexOf('train_test_split(data'));
    expect(codeOf(text, 'Setup')).toContain('{"step": 2, "op": "resample", "message": ');
  });

  it('Course 5 without the leak: caps and encoder fitted on training rows, resampling of training rows only', () => {
    const text = script(shipped('verified-course5-no-leak'));
    expect(text).not.toContain('LEAKAGE:');
    const caps = codeOf(text, 'Step 4: capOutliersIqr');
    expect(caps).toContain('caps_4 = fit_caps_4(train)');
    expect(caps).toContain('train, test = cap_outliers_4(train, caps_4), cap_outliers_4(test, caps_4)');
    expect(codeOf(text, 'Step 5: resample')).toContain('train = balance_classes_5(train)');
    expect(codeOf(text, 'Step 5: resample')).not.toMatch(/test = /);
    const encoder = codeOf(text, 'Step 6: oneHot');
    expect(encoder).toContain('encoder_6 = OneHotEncoder(drop="first", sparse_output=False)');
    expect(encoder).toContain('encoder_6.fit(train[["claim_status", "author_ban_status"]])');
    expect(codeOf(text, 'Step 3: split').split('\n')).toEqual([
      'check_columns("Step 3 (split)", data, [TARGET])',
      'train, test = train_test_split(data, test_size=0.25, random_state=42)',
    ]);
    expect(codeOf(text, 'Features and target')).toContain('X_validation, y_validation = None, None');
    expect(codeOf(text, 'Model "logreg": logistic regression')).toContain('LogisticRegression(solver="newton-cholesky", **logreg_params)');
  });

  it('a step with no scikit-learn counterpart is a clearly marked pandas function, never dropped', () => {
    const r = parseRecipe({
      ...shippedJson('verified-course5-no-leak'),
      steps: [
        { op: 'dropMissing' },
        { op: 'split', test: 0.25, randomState: 42 },
        { op: 'capOutliersIqr', columns: ['video_view_count', 'video_comment_count'], k: 3, side: 'both' },
        { op: 'selectColumns', columns: ['video_view_count', 'video_comment_count'] },
      ],
    });
    const out = exportRecipe(r, { format: 'sklearn', dataPath: null });
    const caps = section(out.text, 'Step 3: capOutliersIqr');
    expect(caps.code[0]).toBe('# Assay step "capOutliersIqr" has no scikit-learn counterpart: written in pandas.');
    expect(caps.code).toContain('def fit_caps_3(frame):');
    expect(caps.code).toContain('        caps[column] = (q1 - 3.0 * (q3 - q1), q3 + 3.0 * (q3 - q1))');
    expect(caps.code).toContain('        frame[column] = frame[column].clip(lower=lower, upper=upper)');
    expect(caps.comments.join(' ')).toContain('scikit-learn has no IQR capping transformer');
    expect(out.notes).toEqual(['Step 3 (cap outliers) has no scikit-learn counterpart: it is written as a plain pandas function.']);
    expect(codeOf(out.text, 'Step 4: selectColumns')).toBe(
      [
        'check_columns("Step 4 (selectColumns)", train, ["video_view_count", "video_comment_count", TARGET])',
        'train = train[["video_view_count", "video_comment_count", TARGET]].copy()', 'test = test[["video_view_count", "video_comment_count", TARGET]].copy()'].join('\n'),
    );
    expect(codeOf(out.text, 'The data file')).toContain('DEFAULT_DATA = None');
  });

  it('stratified splits stratify by the target as Assay reads it; unstratified folds are KFold, unshuffled', () => {
    const input = shippedJson('claims-course6');
    const r = parseRecipe({
      ...input,
      steps: input.steps.map((s) => (s.op === 'split' ? { ...s, stratify: true } : s)),
      cv: { folds: 3, stratified: false },
    });
    const text = script(r);
    expect(codeOf(text, 'Step 5: split')).toContain('train_test_split(data, test_size=0.2, random_state=0, stratify=target_labels(data))');
    expect(codeOf(text, 'Step 5: split')).toContain('train_test_split(train, test_size=0.25, random_state=0, stratify=target_labels(train))');
    expect(codeOf(text, 'Setup')).toContain('FOLDS = KFold(n_splits=3)');
    expect(codeOf(text, 'Setup')).toContain('from sklearn.model_selection import GridSearchCV, KFold, train_test_split');
  });

  it('writes parameters as the libraries read Assay\'s meaning, and Assay\'s default seed where the recipe names none', () => {
    const r = parseRecipe({
      ...shippedJson('claims-course6'),
      models: [
        { id: 'rf', type: 'randomForest', params: { max_samples: 1, max_features: 1, bootstrap: true }, grid: { max_features: [1, 3, 'sqrt'] } },
        { id: 'lr', type: 'logisticRegression', params: { penalty: 'none', C: 2 } },
      ],
    });
    const text = script(r);
    const rf = codeOf(text, 'Model "rf": random forest');
    expect(rf).toContain('"max_samples": 1.0,');
    expect(rf).toContain('"max_features": [1.0, 3, "sqrt"],');
    expect(rf).toContain('"bootstrap": True,');
    expect(rf).toContain('RandomForestClassifier(random_state=0, **rf_params)');
    expect(codeOf(text, 'Model "lr": logistic regression')).toContain('"penalty": None,');
  });

  it('with --dask, every grid search runs under joblib\'s dask backend on a Client', () => {
    const text = script(shipped('claims-course6'), { dask: true });
    expect(codeOf(text, 'The Dask cluster')).toContain('        client = Client(LocalCluster(n_workers=LOCAL_WORKERS, processes=False))');
    expect(codeOf(text, 'The data file')).toContain('parser.add_argument("--scheduler"');
    for (const id of ['rf', 'xgb']) {
      const model = section(text, `Model "${id}": ${id === 'rf' ? 'random forest' : 'gradient boosting'}`).code;
      const fit = model.indexOf(`    ${id}_search.fit(X_train, y_train)`);
      expect(model[fit - 1]).toBe('with parallel_backend("dask"):');
    }
    expect(codeOf(text, 'The results').split('\n').at(-1)).toBe('client.close()');
    expect(script(shipped('claims-course6'))).not.toContain('parallel_backend');
  });
});

describe('a recipe as a Jupyter notebook', () => {
  it('nbformat 4.5: a first markdown cell with the name and how to run, then a markdown cell before each code cell', () => {
    const r = shipped('claims-course6');
    const nb = notebookOf(r);
    expect(nb.nbformat).toBe(NBFORMAT);
    expect(nb.nbformat).toBe(4);
    expect(nb.nbformat_minor).toBe(NBFORMAT_MINOR);
    expect(nb.metadata).toMatchObject({ kernelspec: { name: 'python3', language: 'python' }, language_info: { name: 'python' } });
    const [first, ...rest] = nb.cells;
    expect(first.cell_type).toBe('markdown');
    expect(first.source[0]).toBe('# Claims vs opinions (Course 6: random forest and XGBoost)\n');
    expect(first.source.join('')).toContain('nbconvert --to notebook --execute');
    expect(rest.length % 2).toBe(0);
    rest.forEach((cell, i) => expect(cell.cell_type).toBe(i % 2 === 0 ? 'markdown' : 'code'));
    const ids = nb.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
    for (const cell of nb.cells) {
      expect(Object.keys(cell).sort()).toEqual(cell.cell_type === 'code' ? ['cell_type', 'execution_count', 'id', 'metadata', 'outputs', 'source'] : ['cell_type', 'id', 'metadata', 'source']);
      cell.source.forEach((line, i) => expect(line.endsWith('\n')).toBe(i < cell.source.length - 1));
    }
    const headings = rest.filter((c) => c.cell_type === 'markdown').map((c) => c.source[0]);
    expect(headings).toContain('## Step 6: `countVectorizer`\n');
    expect(headings.filter((h) => h.startsWith('## Step '))).toHaveLength(r.steps.length);
  });

  it('runs the script\'s code: each code cell is its section\'s code (the data file cell aside)', () => {
    for (const name of SHIPPED) {
      for (const dask of [false, true]) {
        const r = shipped(name);
        const text = script(r, { dask });
        const nb = notebookOf(r, { dask });
        const cells = nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
        const scriptSections = sections(text);
        expect(cells).toHaveLength(scriptSections.length);
        scriptSections.forEach((s, i) => {
          if (s.title === 'The data file') expect(cells[i]).toContain('DATA = "data.csv"');
          // The script alone reads its arguments.
          else if (s.title === 'Setup') expect(cells[i]).toBe(s.code.filter((l) => l !== 'import argparse').join('\n'));
          else expect(cells[i], `${name} · ${s.title}`).toBe(s.code.join('\n'));
        });
      }
    }
  });

  it('shows the leakage in the markdown of the leaking steps', () => {
    const nb = notebookOf(shipped('verified-course5'));
    const leaking = nb.cells.filter((c) => c.cell_type === 'markdown' && c.source.join('').includes('Leakage:'));
    expect(leaking.map((c) => c.source[0])).toEqual(['## Step 2: `capOutliersIqr`\n', '## Step 3: `resample`\n']);
  });
});

describe('hostile names', () => {
  /** The same recipe shape with other names in every place a name goes (the model id aside: it also names variables). */
  function recipeNamed(names: string[]): Recipe {
    const [target, positive, category2, text, category, id, count, output, datasetName, recipeName] = names;
    return parseRecipe({
      version: 1,
      name: recipeName,
      description: names.join(' | '),
      dataset: { name: datasetName, file: 'x.csv' },
      target: { column: target, positive },
      steps: [
        { op: 'dropMissing', columns: [target, text] },
        { op: 'textLength', column: text, output },
        { op: 'dropColumns', columns: [id] },
        { op: 'oneHot', columns: [category], dropFirst: true },
        { op: 'resample', strategy: 'downsample', column: target, randomState: 1 },
        { op: 'split', test: 0.25, validation: 0.2, stratify: true },
        { op: 'capOutliersIqr', columns: [count] },
        { op: 'countVectorizer', column: text, ngramRange: [1, 2], maxFeatures: 5 },
        { op: 'oneHot', columns: [category2], style: 'encoder' },
        { op: 'selectColumns', columns: [count, output] },
      ],
      models: [{ id: 'model', type: 'randomForest', grid: { n_estimators: [5] } }],
    });
  }

  /** Replaces whole double-quoted literals (scanned as Python reads them: up to the next unescaped quote) by others. */
  function swapLiterals(code: string, swap: Map<string, string>): string {
    let out = '';
    for (let i = 0; i < code.length; i++) {
      if (code[i] !== '"') {
        out += code[i];
        continue;
      }
      let j = i + 1;
      while (j < code.length && code[j] !== '"') j += code[j] === '\\' ? 2 : 1;
      const literal = code.slice(i, j + 1);
      // A line break inside a quoted literal is a syntax error in Python, or worse.
      if (/[\n\r]/.test(literal)) throw new Error(`a literal runs over a line end: ${literal}`);
      out += swap.get(literal) ?? literal;
      i = j;
    }
    return out;
  }

  const benign = ['target', 'positive', 'category2', 'text', 'category', 'id', 'count', 'output', 'dataset', 'recipe'];
  const hostileSets = [0, 10].map((start) => benign.map((_, i) => HOSTILE_NAMES[(start + i) % HOSTILE_NAMES.length]));
  // eslint-disable-next-line no-control-regex -- NUL is one of the characters that must never appear raw
  const DANGEROUS = /[\r\u0000\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b]/u;

  it.each(hostileSets.map((h, i) => [i, h]))('set %i: the code is the benign code with other literals, so nothing in a name became code', (_i, hostile) => {
    const names = hostile as string[];
    const swap = new Map(names.map((n, i) => [pyStr(n), pyStr(benign[i])]));
    for (const format of ['sklearn', 'notebook'] as const) {
      const base = exportRecipe(recipeNamed(benign), { format, dataPath: 'x.csv' }).text;
      const evil = exportRecipe(recipeNamed(names), { format, dataPath: 'x.csv' }).text;
      const codeLines = (t: string) =>
        (format === 'sklearn' ? t.split('\n') : (JSON.parse(t) as Notebook).cells.filter((c) => c.cell_type === 'code').flatMap((c) => c.source.join('').split('\n'))).filter(
          (l) => !l.trimStart().startsWith('#'),
        );
      expect(swapLiterals(codeLines(evil).join('\n'), swap)).toBe(codeLines(base).join('\n'));
      for (const n of names) expect(codeLines(evil).join('\n')).toContain(pyStr(n));
      if (format === 'sklearn') expect(evil).not.toMatch(DANGEROUS);
      else {
        const nb = JSON.parse(evil) as Notebook;
        for (const c of nb.cells) expect(c.source.join('')).not.toMatch(DANGEROUS);
        // Recipe text outside code spans (the name and description, in the first cell) is escaped character by character:
        // no bracket of a link and no tag survives unescaped.
        const [heading, description] = nb.cells[0].source.join('').split('\n\n');
        for (const text of [heading.slice(2), description]) expect(text).not.toMatch(/(^|[^\\])[[\]<>`*_]/);
      }
    }
  });

  it('model ids become ASCII variable names; the id itself stays a literal', () => {
    const input = shippedJson('verified-course5-no-leak');
    const r = parseRecipe({ ...input, models: [{ id: '"); import os #', type: 'logisticRegression' }, { id: 'Import OS', type: 'decisionTree' }] });
    const text = script(r);
    expect(text).toContain('import_os_search = GridSearchCV(');
    expect(text).toContain('import_os_2_search = GridSearchCV(');
    expect(text).toContain(`models.append(search_summary(${pyStr('"); import os #')}, "logisticRegression", import_os_params, import_os_search, seconds))`);
    expect(text).toContain(`# %% Model ${pyStr('"); import os #')}: logistic regression`);
  });
});

describe('what cannot be exported', () => {
  const refusal = (input: RecipeInput): ApiError => {
    try {
      script(parseRecipe(input));
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      return e as ApiError;
    }
    throw new Error('exported');
  };

  it('an unknown or invalid model parameter, named as the editors name it', () => {
    const input = shippedJson('claims-course6');
    const e = refusal({ ...input, models: [{ id: 'rf', type: 'randomForest', grid: { max_dept: [3] } }] });
    expect(e.message).toContain('model 1 (random forest) · max_dept');
    expect(e.message).toContain('did you mean "max_depth"');
    expect(refusal({ ...input, models: [{ id: 'rf', type: 'randomForest', params: { max_samples: 2 } }] }).message).toContain('max_samples');
  });

  it('a step that would drop or encode the target', () => {
    const input = shippedJson('claims-course6');
    expect(refusal({ ...input, steps: [{ op: 'dropColumns', columns: ['claim_status'] }, ...input.steps] }).message).toBe(
      'Step 1 (drop columns): dropColumns would drop the target "claim_status".',
    );
    expect(refusal({ ...input, steps: [{ op: 'oneHot', columns: ['claim_status'] }, ...input.steps] }).message).toContain('oneHot would encode the target');
  });
});

describe('file names', () => {
  it('from the recipe name, with the format\'s extension', () => {
    expect(recipeExportFileName('Claims vs opinions (Course 6: random forest and XGBoost)', 'sklearn')).toBe(
      'claims_vs_opinions_course_6_random_forest_and_xgboost.py',
    );
    expect(recipeExportFileName('Café / Ünïcode', 'notebook')).toBe('cafe_unicode.ipynb');
    expect(recipeExportFileName('😀', 'sklearn')).toBe('recipe.py');
    expect(recipeExportFileName('[link](javascript:alert(1))', 'sklearn')).toBe('link_javascript_alert_1.py');
    expect(exportRecipe(shipped('claims-course6'), { format: 'notebook', dataPath: null }).mime).toBe('application/x-ipynb+json');
  });
});
