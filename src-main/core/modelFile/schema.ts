/**
 * The `.assaymodel` file: one JSON document with everything needed to score
 * raw rows in the training file's format — the recipe, its preparation fitted
 * on the training rows, the fitted model, its classes and decision threshold —
 * and where it came from (run, data, Assay version). The README's "Model
 * files and scoring" section documents it field by field.
 */
import { z } from 'zod';
import { fittedModelSchema } from '../ml/restore';
import { preparationSchema } from '../scoring/fittedSteps';

export const MODEL_FILE_FORMAT = 'assay-model';
/** Raised when a change means an older Assay would misread the file. */
export const MODEL_FILE_VERSION = 1;
export const MODEL_FILE_EXTENSION = '.assaymodel';

const paramValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);

export const modelFileSchema = z
  .object({
    format: z.literal(MODEL_FILE_FORMAT),
    version: z.literal(MODEL_FILE_VERSION),
    /** The Assay that wrote the file. */
    assayVersion: z.string().min(1),
    createdAt: z.string().min(1),
    run: z
      .object({
        /** The run's id in its project; null for a run made outside a project (`assay run`). */
        id: z.number().int().nullable(),
        title: z.string().nullable(),
        startedAt: z.string(),
        /** The Assay that ran it. */
        assayVersion: z.string(),
      })
      .strict(),
    model: z
      .object({
        id: z.string().min(1),
        type: z.enum(['logisticRegression', 'decisionTree', 'randomForest', 'gradientBoosting']),
        /** The refitted best candidate's parameters. */
        params: z.record(z.string(), paramValue),
        fitted: fittedModelSchema,
      })
      .strict(),
    /** The recipe as it ran (see the recipe format). */
    recipe: z.record(z.string(), z.unknown()),
    target: z
      .object({
        column: z.string().min(1),
        /** Two classes: [negative, positive]. More: the sorted classes. p_<class> columns come in this order. */
        classes: z.array(z.string()).min(2),
        /** The second of two classes; null for a target with more classes, which has none. */
        positiveClass: z.string().nullable(),
      })
      .strict()
      .refine((t) => new Set(t.classes).size === t.classes.length, { message: 'the classes must differ (a class is listed twice)', path: ['classes'] })
      .refine((t) => (t.classes.length === 2 ? t.classes[1] === t.positiveClass : t.positiveClass === null), {
        message: 'the positive class must be the second of two classes, and null for more classes',
        path: ['positiveClass'],
      }),
    /** A row is predicted positive iff p(positive) > threshold; null is the argmax rule (0.5, ties to the negative class), the only rule for more than two classes. */
    threshold: z.number().min(0).max(1).nullable(),
    training: z
      .object({
        dataset: z.string(),
        /** SHA-256 of the training file; null when the run did not know it. */
        contentHash: z.string().nullable(),
        rows: z.object({ train: z.number().int().min(0), validation: z.number().int().min(0), test: z.number().int().min(0) }).strict(),
      })
      .strict(),
    preparation: preparationSchema,
  })
  .strict()
  .refine((f) => f.threshold === null || f.target.classes.length === 2, {
    message: 'a threshold needs two classes; a model of more classes predicts the most probable one',
    path: ['threshold'],
  });

export type AssayModelFile = z.infer<typeof modelFileSchema>;
