import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { parseRecipe, type Recipe } from '../../../src-main/core/recipe/schema';
import { deckFromRun } from '../../../src-main/core/report/deckFromRun';
import { checkReportRecord } from '../../../src-main/core/report/reportRecordChecks';
import { reportSchema } from '../../../src-main/core/report/schema';
import type { RunRecord } from '../../../src-main/core/search/runRecord';
import { runFileContext } from '../../../src-main/cli/commands/reportCommand';
import { pptxDeck } from '../../../src-main/node/report/pptxDeck';
import { resolveDeck } from '../../../src-main/node/report/resolveDeck';
import { runRecipe } from '../../../src-main/node/search/runRecipe';
import { sampleFrame } from '../../core/recipe/sampleFrame';
import { deckJunk } from './pptxParts';

/**
 * Every field of a real run record damaged in turn (removed, null, of
 * another kind, out of range): the deck is either refused with a message
 * naming the file and the field, or built — never a JavaScript error, and
 * never a finished deck whose slides, speaker notes or charts say "null",
 * "undefined", "NaN" or "[object Object]". The records are the seed
 * workflows run for real (Course 6's forest and boosting grid with its
 * one-hot indicators and a None max_depth; Course 5's logistic regression
 * with its coefficients), so every field a run writes is there to damage.
 */

type Json = Record<string, unknown>;
type Path = (string | number)[];
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Course 6 recipe with a small grid (max_depth 4 or None), so the run takes seconds. */
function smallCourse6(): Recipe {
  const r = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
  r.models[0].grid = { max_depth: [4, null], max_features: [0.6], max_samples: [0.7], n_estimators: [10, 20] };
  r.models[1].grid = { max_depth: [3], min_child_weight: [5], learning_rate: [0.1], n_estimators: [20, 40] };
  return r;
}

const course5 = () => parseRecipe(JSON.parse(readFileSync('resources/recipes/verified-course5.json', 'utf8')));

/**
 * Paths to every field, the first item of each list only (the rest are
 * alike). A forest's or a boosted model's fitted trees are damaged as a
 * whole, not node by node: the deck never reads them.
 */
function paths(v: unknown, at: Path = []): Path[] {
  const out: Path[] = [];
  const trees = at.at(-1) === 'model' && isObject(v) && v.kind !== 'logisticRegression';
  if (trees) return out;
  if (Array.isArray(v)) v.slice(0, 1).forEach((x, i) => out.push([...at, i], ...paths(x, [...at, i])));
  else if (isObject(v)) for (const [k, x] of Object.entries(v)) out.push([...at, k], ...paths(x, [...at, k]));
  return out;
}

const DAMAGE: [string, unknown][] = [
  ['removed', undefined],
  ['null', null],
  ['a string', 'x\u0001<&'],
  ['-1', -1],
  ['1e308', 1e308],
  ['a list', []],
  ['an object', {}],
];

function damaged(record: Json, path: Path, value: unknown): unknown {
  let parent: Json | unknown[] = record;
  for (const k of path.slice(0, -1)) parent = (parent as Json)[k as string] as Json;
  const last = path.at(-1)!;
  const before = (parent as Json)[last as string];
  if (value === undefined && !Array.isArray(parent)) delete (parent as Json)[last as string];
  else (parent as Json)[last as string] = value;
  // As a run.json has it: a removed list item reads back as null.
  const copy = JSON.parse(JSON.stringify(record)) as unknown;
  (parent as Json)[last as string] = before;
  return copy;
}

/** Finished decks by what they hold: two damaged records that resolve to the same deck write the same file. */
const verdicts = new Map<string, string | null>();

/** What happened to one damaged record: null when it was refused properly or built properly, else the fault. */
async function fault(record: unknown): Promise<string | null> {
  try {
    checkReportRecord(record, 'out/run.json');
  } catch (e) {
    if (e instanceof ApiError && e.message.startsWith('out/run.json: ') && !/undefined|\[object|Cannot read|is not (a function|iterable)/.test(e.message)) return null;
    return `refused badly: ${(e as Error).message}`;
  }
  const r = record as RunRecord;
  if (r.champion === null) return null;
  try {
    const report = deckFromRun({ runId: 1, title: 'Claims', record: r });
    reportSchema.parse(report);
    const deck = await resolveDeck(runFileContext(r, 'Claims'), report);
    const key = JSON.stringify({ ...deck, slides: deck.slides.map((s) => ({ ...s, id: '' })) });
    if (!verdicts.has(key)) {
      const junk = await deckJunk(await pptxDeck(deck));
      verdicts.set(key, junk.length ? `the deck says ${junk[0]}` : null);
    }
    return verdicts.get(key)!;
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
}

const records: Partial<Record<'course6' | 'course5', RunRecord>> = {};

beforeAll(async () => {
  const frame = sampleFrame();
  const dataset = { name: 'tiktok_claims_sample', contentHash: null };
  records.course6 = await runRecipe(smallCourse6(), frame, { workers: 2, dataset });
  records.course5 = await runRecipe(course5(), frame, { workers: 2, dataset });
}, 240_000);

describe('a damaged run record', () => {
  it('the records are what the seeds write: indicators, None among the parameters, coefficients, a step without stop words', () => {
    const c6 = records.course6!;
    expect(c6.dummies?.length).toBeGreaterThan(0);
    expect(c6.models[0].cv.rows.some((row) => row.params.max_depth === null)).toBe(true);
    expect(c6.notes.length + c6.features.length).toBeGreaterThan(0);
    const c5 = records.course5!;
    expect(c5.dummies?.length).toBeGreaterThan(0);
    expect((c5.models[0].model as Json).kind).toBe('logisticRegression');
    expect(Object.keys(c5.models[0].bestParams).length).toBeGreaterThan(0);
  });

  for (const name of ['course6', 'course5'] as const) {
    it(`of ${name}: every field damaged in turn is refused naming the field, or still makes a deck with nothing junk in it`, async () => {
      const record = JSON.parse(JSON.stringify(records[name])) as Json;
      expect(await fault(record)).toBeNull();
      const faults: string[] = [];
      for (const path of paths(record)) {
        for (const [how, value] of DAMAGE) {
          const f = await fault(damaged(record, path, value));
          if (f) faults.push(`${path.join('.')} ${how}: ${f}`);
        }
      }
      expect(faults).toEqual([]);
    }, 600_000);
  }

  it('a step that keeps stop words (stopWords null, as the schema allows) is put in words, not JSON', async () => {
    const record = JSON.parse(JSON.stringify(records.course6)) as Json;
    const steps = (record.recipe as Json).steps as Json[];
    const vectorizer = steps.find((s) => s.op === 'countVectorizer')!;
    vectorizer.stopWords = null;
    expect(await fault(record)).toBeNull();
    const notes = deckFromRun({ runId: 1, title: 'Claims', record: record as unknown as RunRecord }).slides.find((s) => s.title === 'The preparation')!.notes;
    expect(notes).toContain(`Step ${steps.indexOf(vectorizer) + 1}: countVectorizer: column video_transcription_text, ngramRange [2, 3], maxFeatures 15, stopWords None, dropSource True.`);
  });
});
