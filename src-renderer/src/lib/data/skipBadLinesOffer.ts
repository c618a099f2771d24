import { isTooManyFieldsError, type OnBadLines } from '../../../../src-main/core/ingest/rowShape';
import { importSourceName, type ImportSource } from './importSource';

/** After a failed import: the file to offer importing again without its long rows, or null when skipping would not help. */
export interface SkipBadLinesOffer {
  file: ImportSource;
  fileName: string;
}

/**
 * Only the long-row error is offered the retry, and only once: an import
 * that already skipped them failed for another reason, which skipping more
 * would not fix.
 */
export function skipBadLinesOffer(err: unknown, file: ImportSource, onBadLines: OnBadLines): SkipBadLinesOffer | null {
  if (onBadLines === 'skip' || !isTooManyFieldsError(err)) return null;
  return { file, fileName: importSourceName(file) };
}
