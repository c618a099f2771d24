import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describeBytes } from '../core/api/protocol';

/** Uploads larger than this are refused unless ASSAY_UPLOAD_LIMIT says otherwise. */
export const DEFAULT_UPLOAD_LIMIT = 4 * 2 ** 30;

const PREFIX = 'assay-uploads-';

/** ASSAY_UPLOAD_LIMIT in bytes (a positive whole number), or the default. */
export function uploadLimitFrom(env: Record<string, string | undefined>): number {
  const raw = env.ASSAY_UPLOAD_LIMIT;
  if (raw === undefined || raw === '') return DEFAULT_UPLOAD_LIMIT;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`ASSAY_UPLOAD_LIMIT must be a whole number of bytes above 0, not "${raw}".`);
  return n;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes upload folders left by hosts that were killed before they could
 * clean up: their names carry the host's pid, so a folder whose pid is not
 * running is nobody's. Returns the names removed.
 */
export function removeStaleUploadFolders(root: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = /^assay-uploads-(\d+)-/.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || pidAlive(pid)) continue;
    try {
      rmSync(join(root, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Another host may be removing it at the same moment; either way it goes.
    }
  }
  return removed;
}

export class UploadTooLarge extends Error {
  constructor(readonly fileName: string, readonly limit: number) {
    super(`${fileName} is larger than the upload limit of ${describeBytes(limit)}; nothing was saved. Import it from a path on this computer instead, or raise ASSAY_UPLOAD_LIMIT.`);
  }
}

/** Where this host keeps uploaded files until it exits: one folder per upload under a folder named for the host's pid. */
export class UploadArea {
  readonly dir: string;

  constructor(root: string, readonly limit: number) {
    mkdirSync(root, { recursive: true });
    removeStaleUploadFolders(root);
    this.dir = mkdtempSync(join(root, `${PREFIX}${process.pid}-`));
  }

  /**
   * Streams the request body into a new file, refusing it as soon as it is
   * known to be over the limit: from Content-Length before reading, or by
   * counting when the length is not declared (or is a lie).
   */
  async receive(req: IncomingMessage, name: string): Promise<string> {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.limit) throw new UploadTooLarge(name, this.limit);
    const folder = mkdtempSync(join(this.dir, 'f-'));
    const path = join(folder, name);
    let received = 0;
    const limit = this.limit;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        received += chunk.length;
        if (received > limit) done(new UploadTooLarge(name, limit));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(req, counter, createWriteStream(path));
      return path;
    } catch (e) {
      rmSync(folder, { recursive: true, force: true });
      throw e;
    }
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
