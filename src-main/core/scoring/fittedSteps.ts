/**
 * The recipe's preparation as a model file keeps it: each step with what it
 * learned on the training rows, restricted to the raw columns the model's
 * features come from, so new raw rows can be prepared exactly as the run
 * prepared its held-out rows.
 *
 * Row-only steps have no meaning for rows to be scored and are left out
 * (listed in `skipped`): `split`, `resample`. `dropMissing` keeps every row:
 * a missing value in one of its columns gives the row a note instead of a
 * prediction, because the model never saw a missing value there.
 */
import { z } from 'zod';
import { COLUMN_KINDS } from '../data/columns';

const name = z.string().min(1);

export const fittedStepSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('dropMissing'), step: z.number().int().min(0), columns: z.array(name) }).strict(),
  z.object({ op: z.literal('dropColumns'), step: z.number().int().min(0), columns: z.array(name) }).strict(),
  z.object({ op: z.literal('selectColumns'), step: z.number().int().min(0), columns: z.array(name) }).strict(),
  z
    .object({
      op: z.literal('capOutliersIqr'),
      step: z.number().int().min(0),
      /** Values above `upper` become `upper`; below `lower` become `lower` when it is set (side 'both'). */
      caps: z.array(z.object({ column: name, upper: z.number(), lower: z.number().nullable() }).strict()),
    })
    .strict(),
  z.object({ op: z.literal('textLength'), step: z.number().int().min(0), column: name, output: name }).strict(),
  z
    .object({
      op: z.literal('countVectorizer'),
      step: z.number().int().min(0),
      column: name,
      ngramRange: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
      stopWords: z.enum(['english']).nullable(),
      dropSource: z.boolean(),
      /** The learned terms, in output column order. */
      vocabulary: z.array(z.string()),
    })
    .strict(),
  z
    .object({
      op: z.literal('oneHot'),
      step: z.number().int().min(0),
      style: z.literal('getDummies'),
      columns: z.array(name),
      /** The indicator columns made from the training rows; a value without one is all zeros, as pandas leaves it. */
      outputs: z.array(name),
      /**
       * Per column, every category seen in training (sorted, the dropped base
       * first): a value outside them is still all zeros, with a note. Files
       * written before this was kept have none, and note nothing.
       */
      categories: z.record(z.string(), z.array(z.string())).optional(),
    })
    .strict(),
  z
    .object({
      op: z.literal('oneHotEncoder'),
      step: z.number().int().min(0),
      dropFirst: z.boolean(),
      /** Per column, its training categories in sorted order (null = missing, last); an unseen value cannot be encoded. */
      columns: z.array(z.object({ column: name, categories: z.array(z.string().nullable()).min(1) }).strict()),
    })
    .strict(),
]);
export type FittedStepJson = z.infer<typeof fittedStepSchema>;

export const rawColumnSchema = z.object({ name, kind: z.enum(COLUMN_KINDS) }).strict();
export type RawColumn = z.infer<typeof rawColumnSchema>;

export const preparationSchema = z
  .object({
    /** The raw columns the preparation reads, with their kind in the training data, in the training file's order. */
    columns: z.array(rawColumnSchema),
    steps: z.array(fittedStepSchema),
    /** Recipe steps left out because they only choose or copy rows (by recipe step index). */
    skipped: z.array(z.object({ step: z.number().int().min(0), op: z.string(), why: z.string() }).strict()),
    /** The model's features in order, each with the raw columns it is computed from. */
    features: z.array(z.object({ name, from: z.array(name) }).strict()).min(1),
  })
  .strict();
export type Preparation = z.infer<typeof preparationSchema>;
