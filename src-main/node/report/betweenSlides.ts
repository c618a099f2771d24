import { cancelledError } from '../../core/api/errors';

/**
 * The pause between two slides of an export. Drawing a slide is synchronous
 * work on the host's thread, so a cancel, another request or a SIGTERM can
 * only be heard between slides: this gives the event loop its turn, then
 * stops the export if it was cancelled meanwhile.
 */
export async function betweenSlides(signal?: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (signal?.aborted) throw cancelledError('The export');
}
