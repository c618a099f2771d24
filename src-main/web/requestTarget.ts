/**
 * The target of a request line as a URL, or null when it cannot be one.
 * Only origin-form targets (`/path?query`, RFC 9112 §3.2.1) are served:
 * browsers send nothing else to a server they reach directly. The path is
 * appended to a fixed origin instead of being resolved against it, so `//x`
 * stays a path and never names another host, and a target the URL parser
 * refuses (`//[`, `//x:99999/`) becomes null instead of an exception.
 */
export function parseRequestTarget(target: string | undefined): URL | null {
  if (!target || !target.startsWith('/')) return null;
  try {
    const url = new URL(`http://127.0.0.1${target}`);
    // A target that rewrote the authority (it cannot after a fixed origin, but a parser change must not open that door).
    return url.host === '127.0.0.1' ? url : null;
  } catch {
    return null;
  }
}
