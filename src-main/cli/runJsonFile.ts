import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../core/api/errors';
import type { RunRecord } from '../core/search/runRecord';
import { cliPath } from './cliWorkbench';
import { readJsonFile } from './jsonFile';

/**
 * The run.json files the command line reads (`assay compare`, `assay
 * report`): as `assay run --out DIR` writes them, given as the file or as
 * the folder, with errors that name what was given.
 */

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a JSON value is, in a sentence: "an array", "null", "a number". */
function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? 'a string' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * Whether a JSON document is a run record at all, before a command checks
 * every field it reads: the top-level fields every run.json has.
 */
function notRunRecord(data: unknown): string | null {
  if (!isObject(data)) return `it is ${jsonKind(data)}, not a JSON object`;
  const missing: string[] = [];
  if (!Array.isArray(data.models)) missing.push('"models" (a list)');
  if (!Array.isArray(data.classes)) missing.push('"classes" (two class names)');
  for (const key of ['rows', 'dataset', 'recipe']) if (!isObject(data[key])) missing.push(`"${key}"`);
  if (!('champion' in data)) missing.push('"champion"');
  return missing.length ? `it has no ${missing.join(', no ')}` : null;
}

/** Reads a run.json as `assay run --out DIR` writes it, with errors naming the file (and line and column for bad JSON). */
export function readRunRecord(given: string, path: string): RunRecord {
  const data = readJsonFile(path);
  const not = notRunRecord(data);
  if (not) throw new ApiError('bad-input', `${given} is not a run record (the run.json that assay run --out DIR writes): ${not}.`, { file: path });
  return data as RunRecord;
}

export function kindOf(path: string): 'file' | 'folder' | null {
  try {
    const s = statSync(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : null;
  } catch {
    return null;
  }
}

/** Where a run is read from: `run` as sentences name it (the path as given, DIR/run.json for a folder) and the file. */
export interface RunSource {
  run: string;
  file: string;
}

/** A run argument (a run.json, or the folder holding one) → where it is read from. */
export function sourceOf(given: string): RunSource {
  const path = cliPath(given);
  if (kindOf(path) !== 'folder') return { run: given, file: path };
  const file = join(path, 'run.json');
  if (kindOf(file) !== 'file') throw new ApiError('not-found', `${given} is a folder without a run.json (the folder assay run --out writes).`, { file: path });
  return { run: join(given, 'run.json'), file };
}
