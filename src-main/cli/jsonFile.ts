import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError } from '../core/api/errors';
import { jsonErrorLocation, jsonErrorReason, withoutBom } from '../core/data/jsonSyntax';

/** A JSON file the command line was given (a recipe, a run.json), with errors naming the file, and line and column for bad JSON. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = withoutBom(readFileSync(path, 'utf8'));
  } catch {
    throw new ApiError('not-found', `${path} does not exist or cannot be read.`, { file: path });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const at = jsonErrorLocation(text, e as Error);
    throw new ApiError(
      'bad-input',
      `${basename(path)}${at ? `, line ${at.line}, column ${at.column}` : ''}: not valid JSON (${jsonErrorReason(e as Error)}).`,
      { file: path, ...(at ?? {}) },
    );
  }
}
