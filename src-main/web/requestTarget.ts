/**
 * The target of a request line as a URL, or null when it cannot be one.
 * Only origin-form targets (`/path?query`, RFC 9112 §3.2.1) are served:
 * browsers send nothing else to a server they reach directly, so `*`,
 * absolute-form (`http://host/…`, also a malformed one like `http://[/`) and
 * anything else that does not start with `/` is null (a 400). The path is
 * appended to a fixed origin instead of being resolved against it, so a
 * target like `//x:99999/` or `//[` stays a path (pathname `//x:99999/`,
 * `//[`) that names no file, and never names another host. Should the URL
 * parser still refuse a target, that is null too, never an exception.
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
