import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ApiError } from '../../core/api/errors';
import { readModelFile, type LoadedModel } from '../../core/modelFile/readModelFile';

export type { LoadedModel };

/** The longest text V8 holds is just under 512 MiB; a model file (JSON) larger than this cannot be read as one. */
const MAX_MODEL_FILE_BYTES = 500 * 2 ** 20;

/** Reads a `.assaymodel` file from disk; every refusal names the file (see readModelFile). */
export async function loadModelFile(path: string, displayName = basename(path)): Promise<LoadedModel> {
  let text: string;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new ApiError('bad-input', `${displayName} is not a file.`, { file: displayName });
    if (st.size > MAX_MODEL_FILE_BYTES) {
      throw new ApiError('bad-input', `${displayName} is ${(st.size / 2 ** 20).toFixed(0)} MB, too large to be an Assay model file.`, { file: displayName });
    }
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('not-found', `${displayName} does not exist or cannot be read.`, { file: displayName });
  }
  return readModelFile(text, displayName);
}
