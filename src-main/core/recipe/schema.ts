import { z } from 'zod';
import { ApiError } from '../api/errors';
import { SCORER_NAMES } from '../metrics/scorers';
import { describeIssue } from './issueMessages';

/**
 * The recipe: a versioned JSON document that says everything a run does, so
 * the same recipe gives the same numbers in the app, the CLI and elsewhere.
 * Steps run in order; the `split` step divides the rows, and every step after
 * it is fitted on training rows only and applied to validation and test rows.
 */
export const RECIPE_VERSION = 1;

const columnName = z.string().min(1);
const seed = z.number().int().min(0).max(2 ** 32 - 1);

export const stepSchema = z.discriminatedUnion('op', [
  z
    .object({
      op: z.literal('dropMissing'),
      /** Rows with a missing value in any of these columns are dropped; all columns when absent. */
      columns: z.array(columnName).min(1).optional(),
    })
    .strict(),
  z.object({ op: z.literal('dropColumns'), columns: z.array(columnName).min(1) }).strict(),
  z.object({ op: z.literal('selectColumns'), columns: z.array(columnName).min(1) }).strict(),
  z
    .object({
      op: z.literal('capOutliersIqr'),
      columns: z.array(columnName).min(1),
      k: z.number().positive().default(1.5),
      side: z.enum(['upper', 'both']).default('upper'),
    })
    .strict(),
  z
    .object({
      op: z.literal('textLength'),
      column: columnName,
      /** Name of the new column; defaults to `text_length`. */
      output: columnName.default('text_length'),
    })
    .strict(),
  z
    .object({
      op: z.literal('countVectorizer'),
      column: columnName,
      ngramRange: z.tuple([z.number().int().min(1), z.number().int().min(1)]).refine(([a, b]) => a <= b, 'min must be ≤ max'),
      maxFeatures: z.number().int().positive().optional(),
      stopWords: z.enum(['english']).nullable().default(null),
      /** Drop the text column once its counts are added (the seeds do). */
      dropSource: z.boolean().default(true),
    })
    .strict(),
  z
    .object({
      op: z.literal('oneHot'),
      columns: z.array(columnName).min(1),
      dropFirst: z.boolean().default(false),
      /** `getDummies` appends the new columns after the others, as pandas does; `encoder` places them as sklearn's OneHotEncoder output is usually concatenated (also at the end). */
      style: z.enum(['getDummies', 'encoder']).default('getDummies'),
    })
    .strict(),
  z
    .object({
      op: z.literal('resample'),
      /** Upsample the minority class with replacement, or downsample the majority without. */
      strategy: z.enum(['upsample', 'downsample']),
      /** The class column to balance; defaults to the target. */
      column: columnName.optional(),
      randomState: seed.default(0),
    })
    .strict(),
  z
    .object({
      op: z.literal('split'),
      /** Share of rows held out for the test set. */
      test: z.number().gt(0).lt(1),
      /** Share of the remaining rows held out for validation (0 = no validation set). */
      validation: z.number().min(0).lt(1).default(0),
      randomState: seed.default(0),
      stratify: z.boolean().default(false),
    })
    .strict(),
]);
export type Step = z.infer<typeof stepSchema>;
export type StepOp = Step['op'];

const paramValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);
export const modelTypes = ['logisticRegression', 'decisionTree', 'randomForest', 'gradientBoosting'] as const;
export type ModelType = (typeof modelTypes)[number];

export const modelSchema = z
  .object({
    /** A short name for the model in results, e.g. `rf`. */
    id: z.string().min(1).max(60),
    type: z.enum(modelTypes),
    /** Fixed parameters, in Assay's camelCase names (see src-main/core/ml/params.ts). */
    params: z.record(z.string(), paramValue).default({}),
    /** Parameters searched over: every combination is a candidate. */
    grid: z.record(z.string(), z.array(paramValue).min(1)).default({}),
  })
  .strict();
export type ModelConfig = z.infer<typeof modelSchema>;

/** The metrics a recipe can score and refit on: scikit-learn's scoring names. */
export const scoringNames = SCORER_NAMES;

export const recipeSchema = z
  .object({
    version: z.literal(RECIPE_VERSION),
    name: z.string().min(1).max(200),
    description: z.string().max(5000).optional(),
    dataset: z
      .object({
        /** Dataset name in the project. */
        name: z.string().min(1),
        /** A CSV to use when the recipe runs outside a project, relative to the recipe file. */
        file: z.string().min(1).optional(),
        /** SHA-256 of the source file the recipe was written against; a different file is noted in the run. */
        contentHash: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
      })
      .strict(),
    /**
     * `positive`: the class a binary target's metrics are about (y = 1); a
     * target with more classes has none. Checked against the data's classes
     * where the target is encoded (pipeline.ts).
     */
    target: z.object({ column: columnName, positive: z.string().min(1).optional() }).strict(),
    steps: z.array(stepSchema),
    /** The final feature columns, in order; every non-target column when absent. */
    features: z.array(columnName).min(1).optional(),
    models: z.array(modelSchema).min(1),
    cv: z
      .object({ folds: z.number().int().min(2).max(50).default(5), stratified: z.boolean().default(true) })
      .strict()
      .default({ folds: 5, stratified: true }),
    scoring: z.array(z.enum(scoringNames)).min(1).default(['accuracy', 'precision', 'recall', 'f1']),
    refit: z.enum(scoringNames).default('recall'),
    champion: z
      .object({ metric: z.enum(scoringNames).default('recall'), on: z.enum(['validation', 'cv']).default('validation') })
      .strict()
      .default({ metric: 'recall', on: 'validation' }),
  })
  .strict()
  .superRefine((r, ctx) => {
    const splits = r.steps.filter((s) => s.op === 'split').length;
    if (splits !== 1) {
      ctx.addIssue({ code: 'custom', path: ['steps'], message: `a recipe needs exactly one split step (found ${splits})` });
    }
    if (!r.scoring.includes(r.refit)) {
      ctx.addIssue({ code: 'custom', path: ['refit'], message: `the refit metric "${r.refit}" must be one of scoring (${r.scoring.join(', ')})` });
    }
    const ids = new Set<string>();
    r.models.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: 'custom', path: ['models', i, 'id'], message: `model id "${m.id}" is used twice` });
      ids.add(m.id);
    });
  });
export type Recipe = z.infer<typeof recipeSchema>;
export type RecipeInput = z.input<typeof recipeSchema>;

function jsonPath(path: readonly PropertyKey[]): string {
  let s = '$';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return s;
}

/** Parses a recipe; an invalid one gets a message naming each JSON path and what was expected. */
export function parseRecipe(data: unknown, source = 'recipe'): Recipe {
  const r = recipeSchema.safeParse(data);
  if (r.success) return r.data;
  // Named as the editors number steps and models, with the JSON path for the file's reader.
  const lines = r.error.issues.slice(0, 8).map((i) => `${describeIssue(i, data)} (${jsonPath(i.path)})`);
  throw new ApiError('bad-input', `${source} is not a valid recipe:\n  ${lines.join('\n  ')}`, { file: source });
}
