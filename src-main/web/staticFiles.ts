import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export type StaticLookup =
  | { ok: true; file: string; /** The page itself (index.html at the root), however the path spelled it. */ page: boolean }
  | { ok: false; status: 400 | 404; message: string };

/** index.html, as a case-insensitive file system, or Windows (which drops trailing dots and spaces), would also find it. */
const PAGE_SEGMENT = /^index\.html[. ]*$/i;

/**
 * Maps a URL path to a file under `root` without ever leaving it. Each
 * segment is decoded on its own, so an escaped `/` or `\` cannot join
 * segments into a parent reference; malformed escapes and NUL bytes are a
 * 400, anything that would leave `root` a 404. `page` is decided on the
 * decoded segments, so `//`, `/index.html/` and `/%69ndex.html` are the page
 * as much as `/` is.
 */
export function staticFileFor(root: string, pathname: string): StaticLookup {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, message: `Bad request: the path ${pathname.slice(0, 200)} has a malformed % escape.` };
    }
    if (segment.includes('\0')) return { ok: false, status: 400, message: 'Bad request: a path cannot contain NUL.' };
    if (segment === '' || segment === '.') continue;
    if (segment === '..' || segment.includes('/') || segment.includes('\\')) return { ok: false, status: 404, message: 'Not found.' };
    segments.push(segment);
  }
  const page = segments.length === 0 || (segments.length === 1 && PAGE_SEGMENT.test(segments[0]));
  if (segments.length === 0) segments.push('index.html');
  const base = resolve(root);
  const file = join(base, ...segments);
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    return { ok: false, status: 404, message: 'Not found.' };
  }
  return { ok: true, file, page };
}
