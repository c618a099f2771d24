/**
 * The app's own page: the one document the Assay window shows. Navigation,
 * IPC trust and permissions all ask the same question — is this URL that
 * page? — so it is answered once, here.
 *
 * Query and fragment are ignored (they do not change the document); a file
 * URL must name the same file, any other URL the same origin and path.
 * Paths are compared decoded, so two spellings of one file (`%20` or a
 * space, as Chromium and Node may each write it) are one page.
 */
export function isAppPage(url: string | null | undefined, appUrl: string): boolean {
  const page = parseUrl(url);
  const app = parseUrl(appUrl);
  if (!page || !app || page.protocol !== app.protocol) return false;
  if (page.protocol === 'file:') return page.host === app.host && samePath(page.pathname, app.pathname);
  if (page.protocol === 'http:' || page.protocol === 'https:') return page.origin === app.origin && page.pathname === app.pathname;
  return false;
}

function parseUrl(url: string | null | undefined): URL | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

// Windows paths (/C:/…) are case-insensitive; POSIX paths are not.
function samePath(a: string, b: string): boolean {
  const x = decodedPath(a);
  const y = decodedPath(b);
  if (x === null || y === null) return false;
  const windows = /^\/[A-Za-z]:\//;
  return windows.test(x) && windows.test(y) ? x.toLowerCase() === y.toLowerCase() : x === y;
}
