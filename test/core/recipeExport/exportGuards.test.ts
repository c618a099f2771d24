import { describe, expect, it } from 'vitest';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { recipeExportFileName } from '../../../src-main/core/recipeExport/exportRecipe';
import { shadowsPythonModule } from '../../../src-main/core/recipeExport/pythonModules';
import { shellWord } from '../../../src-main/core/recipeExport/shellWord';
import { refusal } from '../../node/helpers';
import { shippedJson, sklearnScript as script } from './shippedRecipes';

/**
 * What the exported program does with data and values Assay takes but a
 * plain pandas / scikit-learn program would crash on: a missing column, a
 * column of the wrong kind, a huge float, a seed beyond numpy's, an
 * unreachable Dask scheduler — and names it must not be saved under.
 */

const lines = (text: string) => text.split('\n');

describe('the columns each step reads are checked before it runs', () => {
  it('Course 6: each step checks its columns (and their kind) on the frame it works on, naming itself; the target is checked on reading', () => {
    const text = script(parseRecipe(shippedJson('claims-course6')));
    const checks = lines(text).filter((l) => l.startsWith('check_columns('));
    expect(checks).toEqual([
      'check_columns("The target (target.column)", data, [TARGET])',
      'check_columns("Step 2 (textLength)", data, ["video_transcription_text"], "text")',
      'check_columns("Step 3 (dropColumns)", data, ["#", "video_id"])',
      'check_columns("Step 4 (oneHot)", data, ["verified_status", "author_ban_status"])',
      'check_columns("Step 5 (split)", data, [TARGET])',
      'check_columns("Step 6 (countVectorizer)", train, ["video_transcription_text"], "text")',
    ]);
    // Each check comes before the code that reads the column.
    expect(text.indexOf('check_columns("Step 2 (textLength)"')).toBeLessThan(text.indexOf('.str.len()'));
    expect(text.indexOf('check_columns("Step 6 (countVectorizer)"')).toBeLessThan(text.indexOf('vectorizer_6 = CountVectorizer('));
  });

  it('Course 5 without the leak: the caps need numbers, resample and selectColumns name the target, features are checked', () => {
    const input = shippedJson('verified-course5-no-leak');
    const text = script(parseRecipe({ ...input, features: ['video_view_count'], steps: [...input.steps, { op: 'selectColumns', columns: ['video_view_count'] }] }));
    const checks = lines(text).filter((l) => l.startsWith('check_columns('));
    expect(checks).toContain('check_columns("Step 4 (capOutliersIqr)", train, ["video_comment_count"], "number")');
    expect(checks).toContain('check_columns("Step 5 (resample)", train, [TARGET])');
    expect(checks).toContain('check_columns("Step 7 (selectColumns)", train, ["video_view_count", TARGET])');
    expect(checks).toContain('check_columns("The features (features)", train, FEATURES)');
    // The helper's message names the step, the column, the file and the columns there are.
    expect(text).toContain('raise SystemExit(f"{where}: the column \\"{shown(column)}\\" does not exist in {DATA} at this point of the recipe; its columns: {listed}.")');
    expect(text).toContain('raise SystemExit(f"{where}: it needs a text or categorical column, but \\"{shown(column)}\\" is numeric in {DATA}.")');
  });
});

describe('numbers the libraries must read as Assay does', () => {
  const withModel = (model: object) => script(parseRecipe({ ...shippedJson('verified-course5-no-leak'), models: [{ id: 'm', ...model }] }));

  it('a real parameter beyond 2^53 is a float literal, never hundreds of digits; whole numbers below stay as written; counts stay ints', () => {
    const lr = withModel({ type: 'logisticRegression', params: { C: 1e308 }, grid: { C: [1, 2 ** 60, 0.5] } });
    expect(lr).toContain('"C": 1e+308,');
    expect(lr).toContain('"C": [1, 1152921504606847000.0, 0.5],');
    expect(lr).not.toMatch(/\d{30}/);
    const xgb = withModel({ type: 'gradientBoosting', params: { min_child_weight: 1e300, reg_lambda: 3 }, grid: { n_estimators: [2 ** 60] } });
    expect(xgb).toContain('"min_child_weight": 1e+300,');
    expect(xgb).toContain('"reg_lambda": 3,');
    expect(xgb).toContain('"n_estimators": [1152921504606846976],');
  });

  it('a random_state beyond 2^32 − 1 (numpy refuses it, and so does Assay) is refused, naming the field where the recipe holds it', () => {
    expect(refusal(() => withModel({ type: 'logisticRegression', params: { random_state: 2 ** 40 } })).message).toBe(
      'model 1 (logistic regression) · random_state: random_state = 1099511627776: expected an integer from 0 to 4294967295. ($.models[0].params.random_state)',
    );
    expect(refusal(() => withModel({ type: 'randomForest', grid: { random_state: [1, 2 ** 32] } })).message).toBe(
      'model 1 (random forest) · random_state, value 2: random_state = 4294967296: expected an integer from 0 to 4294967295. ($.models[0].grid.random_state[1])',
    );
    expect(withModel({ type: 'decisionTree', params: { random_state: 2 ** 32 - 1 } })).toContain('"random_state": 4294967295,');
  });

  it('a hostile parameter value never reaches the program: a string where a choice is expected is refused with its field', () => {
    const e = refusal(() => withModel({ type: 'logisticRegression', params: { penalty: 'l2"); __import__("os").system("touch PWNED"); ("' } }));
    expect(e.message).toContain('penalty');
    expect(e.message).toContain("expected one of");
    const grid = refusal(() => withModel({ type: 'randomForest', grid: { max_features: ['sqrt', 'sqrt") or __import__("os") #'] } }));
    expect(grid.message).toContain('max_features');
  });
});

describe('the Dask client', () => {
  it('connects with a timeout and turns a bad or unreachable address into one line naming it', () => {
    const text = script(parseRecipe(shippedJson('claims-course6')), true);
    expect(text).toContain('CONNECT_SECONDS = 10');
    expect(text).toContain('        client = Client(SCHEDULER, timeout=CONNECT_SECONDS)');
    expect(text).toContain('except (ValueError, OSError, TimeoutError) as error:');
    expect(text).toContain('    where = f"the Dask scheduler {SCHEDULER}" if SCHEDULER else "a LocalCluster on this machine"');
    expect(text).toContain('    raise SystemExit(f"Could not connect to {where}: {reason}.")');
  });
});

describe('names a script must not have', () => {
  it('every standard-library module and the top-level packages the imports load, in any case', () => {
    const named =
      'scipy random typing numbers copy json os sys re math abc collections functools itertools warnings io enum types dataclasses string datetime pickle threading logging inspect platform tempfile argparse hashlib time';
    for (const m of [...named.split(' '), 'pandas', 'numpy', 'sklearn', 'xgboost', 'joblib', 'dask', 'distributed', 'threadpoolctl', 'Random', 'cProfile', '_strptime']) {
      expect(shadowsPythonModule(m), m).toBe(true);
    }
    for (const m of ['run', 'claims_course6', 'my_random', 'random.py', '']) expect(shadowsPythonModule(m), m).toBe(false);
  });

  it('the app\'s file name for a recipe named like a module gets _recipe', () => {
    expect(recipeExportFileName('Random', 'sklearn')).toBe('random_recipe.py');
    expect(recipeExportFileName('JSON', 'sklearn')).toBe('json_recipe.py');
    expect(recipeExportFileName('Random', 'notebook')).toBe('random.ipynb');
    expect(recipeExportFileName('Random forest', 'sklearn')).toBe('random_forest.py');
  });
});

describe('shellWord', () => {
  it('quotes what a shell would read otherwise, with \'\\\'\' for a quote, and keeps an option-like name a file', () => {
    expect(shellWord('run.py')).toBe('run.py');
    expect(shellWord("it's $HOME.py")).toBe(`'it'\\''s $HOME.py'`);
    expect(shellWord('a b;rm -rf x.py')).toBe("'a b;rm -rf x.py'");
    expect(shellWord('-x.py')).toBe('./-x.py');
    expect(shellWord('evil\u001b]0;x\u0007.py')).toBe("'evil\\x1b]0;x\\x07.py'");
  });
});
