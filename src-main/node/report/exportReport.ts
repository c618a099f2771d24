import { ApiError } from '../../core/api/errors';
import type { DeckContext } from '../../core/report/deckContext';
import type { Report } from '../../core/report/schema';
import { slug } from '../charts/renderChart';
import { imageFiles } from './imageFiles';
import { findSoffice, NO_LIBREOFFICE, pdfFromPptx } from './pdfDeck';
import { pptxDeck } from './pptxDeck';
import { resolveDeck } from './resolveDeck';

export type DeckFormat = 'pptx' | 'pdf' | 'images';

export const PPTX_MIME = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

export interface DeckFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

/** "Claims review (Q3)" → "claims-review-q3"; "report" when nothing of the name survives. */
export function fileBase(name: string): string {
  const s = slug(name);
  // slug() falls back to "chart" for a name without letters or digits.
  return s === 'chart' && !/chart/i.test(name) ? 'report' : s;
}

/** The report as a file: PPTX, PDF (through LibreOffice), or a zip of one PNG and one SVG per slide. */
export async function deckBytes(ctx: DeckContext, report: Report, format: DeckFormat, signal?: AbortSignal): Promise<DeckFile> {
  const base = fileBase(report.name);
  // Said before the deck is built, not after.
  if (format === 'pdf' && !findSoffice()) throw new ApiError('not-found', NO_LIBREOFFICE);
  const deck = await resolveDeck(ctx, report, signal);
  switch (format) {
    case 'pptx':
      return { fileName: `${base}.pptx`, mime: PPTX_MIME, bytes: await pptxDeck(deck, signal) };
    case 'pdf':
      return { fileName: `${base}.pdf`, mime: 'application/pdf', bytes: await pdfFromPptx(await pptxDeck(deck, signal), { signal }) };
    case 'images':
      return { fileName: `${base}-slides.zip`, mime: 'application/zip', bytes: await imageFiles(deck, signal) };
  }
}

/** The same file for the API: its bytes as base64. */
export async function exportReport(ctx: DeckContext, report: Report, format: DeckFormat, signal?: AbortSignal): Promise<{ fileName: string; mime: string; data: string }> {
  const { fileName, mime, bytes } = await deckBytes(ctx, report, format, signal);
  return { fileName, mime, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
}
