import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ApiError } from '../core/api/errors';

/**
 * The files a command writes, checked before the slow work starts and
 * written so that a failure leaves nothing half-written: each file goes to a
 * temporary file beside it, renamed into place once complete. A place that
 * cannot take the file (a folder given as the file, a read-only disk, a
 * path under /proc) is refused at once, naming the path as given.
 *
 * Only a regular file is ever replaced. An existing character device or pipe
 * (`/dev/null`, `/dev/stdout`, a FIFO, a symlink that leads to one) and an
 * open descriptor (`/dev/stdout` or `/proc/self/fd/1` redirected to a file)
 * are written straight through, as a shell's `>` would; a symlink to a
 * regular file stays a symlink and its target is replaced. A reader that
 * closes the pipe early ends the writing with {@link ReaderClosedError}.
 *
 * Folders are made one level at a time rather than with `mkdir -p`: Node's
 * recursive mkdir spins forever under /proc, where mkdir fails with ENOENT
 * for a parent that exists.
 */

/** How many symlinks are followed before a path is taken for a loop (Linux's own limit). */
const MAX_LINKS = 40;

function statOf(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function lstatOf(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** Why a file system call failed, in words. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'ENOENT':
      return 'a folder on the way is missing';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ELOOP':
      return 'its symlinks go round in a loop';
    case 'EPIPE':
      return 'its reader closed it';
    case 'ENXIO':
      return 'nothing is reading from it';
    default:
      return code ?? (e as Error).message;
  }
}

/** The reader of a pipe written straight through went away before everything was written (`--out /dev/stdout | head -1`). */
export class ReaderClosedError extends ApiError {
  constructor(readonly given: string) {
    super('bad-input', `${given} was closed by its reader before everything was written.`, { file: given });
  }
}

/** Where a symlink chain leads; the path itself when it is not a symlink. */
function linkTarget(path: string, given: string): string {
  let at = path;
  for (let hop = 0; hop <= MAX_LINKS; hop++) {
    const l = lstatOf(at);
    if (!l?.isSymbolicLink()) return at;
    at = resolve(dirname(at), readlinkSync(at));
  }
  throw new ApiError('bad-input', `Cannot write ${given}: its symlinks go round in a loop.`, { file: path });
}

/**
 * The open file descriptor the path is, or leads to through symlinks
 * (`/dev/stdout` → `/proc/self/fd/1`): the descriptor's file is written in
 * place, never swapped for a new one the shell's redirection does not see.
 * `own` is the descriptor's number when it is one of this process's.
 */
function descriptorOf(path: string): { own: number | null } | null {
  let at = path;
  for (let hop = 0; hop <= MAX_LINKS; hop++) {
    const proc = /^\/proc\/([^/]+)\/fd\/(\d+)$/.exec(at);
    if (proc) return { own: proc[1] === 'self' || proc[1] === 'thread-self' || proc[1] === String(process.pid) ? Number(proc[2]) : null };
    const dev = /^\/dev\/fd\/(\d+)$/.exec(at);
    if (dev) return { own: Number(dev[1]) };
    if (/^\/proc\/[^/]+\/fd\//.test(at)) return { own: null };
    const l = lstatOf(at);
    if (!l?.isSymbolicLink()) return null;
    at = resolve(dirname(at), readlinkSync(at));
  }
  return null;
}

/** Writes all of `bytes` to a descriptor that may be non-blocking (a pipe or socket the process was started with). */
function writeAllSync(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      // The reader has not caught up: wait a moment, then go on.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

export interface PendingFile {
  /** The path as the user gave it, for messages. */
  given: string;
  /** The file that receives the bytes (a symlink's target, for a symlink to a file). */
  path: string;
  /** The temporary file renamed onto `path` once complete; null when `path` is written straight through (a device, a pipe, a descriptor). */
  temp: string | null;
  /** This process's standard output (1) or error (2), when the path is one of them (`/dev/stdout`): written through the process's own stream. */
  stdio?: 1 | 2;
}

export class OutputFiles {
  private readonly temps = new Set<string>();
  /** Folders this command made, outermost first: removed again if the command fails. */
  private readonly made: string[] = [];

  /**
   * A folder to write into, made (with its missing parents) when it is not
   * there; refused when it cannot be. `what` names it in messages ("--images slides").
   */
  folder(path: string, what: string): void {
    const missing: string[] = [];
    let at = path;
    let stats = statOf(at);
    while (!stats) {
      missing.unshift(at);
      const up = dirname(at);
      if (up === at) break;
      at = up;
      stats = statOf(at);
    }
    if (stats && !stats.isDirectory()) throw new ApiError('bad-input', `Cannot write ${what}: ${at} is a file, not a folder.`, { file: path });
    for (const dir of missing) {
      try {
        mkdirSync(dir);
      } catch (e) {
        // ENOENT with the parent there: a file system that makes no folders (/proc, /sys).
        const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? `${dirname(dir)} does not take new folders` : reason(e);
        throw new ApiError('bad-input', `Cannot write ${what}: could not make the folder ${dir} (${why}).`, { file: path });
      }
      this.made.push(dir);
    }
    // Whether files can be made there: a folder can exist and take none (read-only, /proc).
    this.probe(path, what);
  }

  /**
   * A file to write, checked now: a regular file gets its folder made and a
   * temporary file beside it; a device, pipe or descriptor is checked for
   * writing and written straight through. `what` names it ("--out deck.pptx").
   */
  file(path: string, what: string, given: string): PendingFile {
    const stats = statOf(path);
    if (stats?.isDirectory()) throw new ApiError('bad-input', `Cannot write ${what}: ${given} is a folder; name the file to write.`, { file: path });
    if (stats && (stats.isBlockDevice() || (stats.isSocket() && !descriptorOf(path)))) {
      throw new ApiError('bad-input', `Cannot write ${what}: ${given} is a ${stats.isSocket() ? 'socket' : 'disk device'}, not a file.`, { file: path });
    }
    const descriptor = stats ? descriptorOf(path) : null;
    if (descriptor?.own === 1 || descriptor?.own === 2) return { given, path, temp: null, stdio: descriptor.own };
    if (stats && (!stats.isFile() || descriptor)) {
      this.writable(path, what, given);
      return { given, path, temp: null };
    }
    // A symlink stays a symlink: the file it leads to (made if missing) is the one replaced.
    const target = stats ? realpathSync(path) : linkTarget(path, what);
    if (stats) this.writable(target, what, given);
    this.folder(dirname(target), what);
    const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    this.create(temp, what);
    return { given, path: target, temp };
  }

  /** Writes the file's bytes and puts it in place. */
  commit(file: PendingFile, bytes: Uint8Array): void {
    try {
      if (file.stdio !== undefined) return writeAllSync(file.stdio, bytes);
      if (file.temp === null) {
        writeFileSync(file.path, bytes);
        return;
      }
      writeFileSync(file.temp, bytes);
      renameSync(file.temp, file.path);
      this.temps.delete(file.temp);
    } catch (e) {
      throw this.writeError(file, e);
    }
  }

  /** The file written a piece at a time (see {@link OutputStream}). */
  stream(file: PendingFile): OutputStream {
    return new OutputStream(file, (e) => this.writeError(file, e), () => file.temp !== null && this.temps.delete(file.temp));
  }

  /** After a failure: the temporary files and the folders made for them go. */
  discard(): void {
    for (const t of this.temps) {
      try {
        unlinkSync(t);
      } catch {
        // Already gone.
      }
    }
    this.temps.clear();
    for (const dir of this.made.reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty (something else wrote there meanwhile): it stays.
      }
    }
    this.made.length = 0;
  }

  private writeError(file: PendingFile, e: unknown): ApiError {
    if (e instanceof ApiError) return e;
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return new ReaderClosedError(file.given);
    return new ApiError('bad-input', `Could not write ${file.given} (${reason(e)}).`, { file: file.path });
  }

  private writable(path: string, what: string, given: string): void {
    try {
      accessSync(path, constants.W_OK);
    } catch (e) {
      throw new ApiError('bad-input', `Cannot write ${what}: ${given} cannot be written (${reason(e)}).`, { file: path });
    }
  }

  private create(temp: string, what: string): void {
    try {
      closeSync(openSync(temp, 'wx'));
    } catch (e) {
      // ENOENT in a folder that is there: a file system that makes no files (/proc, /sys).
      const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? '' : ` (${reason(e)})`;
      throw new ApiError('bad-input', `Cannot write ${what}: the folder ${dirname(temp)} does not take new files${why}.`, { file: temp });
    }
    this.temps.add(temp);
  }

  private probe(dir: string, what: string): void {
    const probe = join(dir, `.assay-probe.${process.pid}.tmp`);
    this.create(probe, what);
    unlinkSync(probe);
    this.temps.delete(probe);
  }
}

/**
 * A file written a piece at a time, for output that streams (`assay score`).
 * Nothing is opened before the first write, so a command that refuses its
 * input first leaves a pipe's reader without a byte. Writes are asynchronous:
 * a pipe whose reader is slow holds up the command, not its signal handling.
 */
export class OutputStream {
  private handle: FileHandle | null = null;
  private opening: Promise<FileHandle> | null = null;

  constructor(
    readonly file: PendingFile,
    private readonly failure: (e: unknown) => ApiError,
    private readonly placed: () => void,
  ) {}

  /** Whether this is the process's own standard output (`--out /dev/stdout`): then the command's report belongs on stderr. */
  get isStdout(): boolean {
    if (this.file.stdio !== undefined) return this.file.stdio === 1;
    try {
      const out = fstatSync(1);
      const here = statSync(this.file.path);
      return out.dev === here.dev && out.ino === here.ino;
    } catch {
      return false;
    }
  }

  async write(data: string | Uint8Array): Promise<void> {
    if (this.file.stdio !== undefined) return this.writeStdio(this.file.stdio === 1 ? process.stdout : process.stderr, data);
    try {
      const h = this.handle ?? (await (this.opening ??= open(this.file.temp ?? this.file.path, 'w')));
      this.handle = h;
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      // A pipe may take part of a large write; the rest follows.
      for (let at = 0; at < bytes.length; ) at += (await h.write(bytes, at, bytes.length - at)).bytesWritten;
    } catch (e) {
      throw this.failure(e);
    }
  }

  /**
   * Through the process's own stream, which knows its pipe or terminal; a
   * reader that goes away ends the process quietly (cli/main's EPIPE rule).
   */
  private async writeStdio(stream: NodeJS.WriteStream, data: string | Uint8Array): Promise<void> {
    if (!stream.write(data)) await new Promise<void>((done) => stream.once('drain', done));
  }

  /** Closes the file and, for a regular file, renames it into place. */
  async finish(): Promise<void> {
    if (this.file.stdio !== undefined) return;
    try {
      if (!this.handle) await this.write('');
      await this.handle!.close();
      this.handle = null;
      if (this.file.temp !== null) {
        renameSync(this.file.temp, this.file.path);
        this.placed();
      }
    } catch (e) {
      throw this.failure(e);
    }
  }

  /** Closes without putting anything in place (the caller discards the temporary file). */
  async abandon(): Promise<void> {
    const h = this.handle ?? (this.opening ? await this.opening.catch(() => null) : null);
    this.handle = null;
    await h?.close().catch(() => undefined);
  }
}

/**
 * Whether two paths name the same file: the same device and inode once
 * symlinks are followed (so a symlink or a hard link to the file counts), or,
 * when neither is there yet, the same path once its folder's symlinks are
 * resolved. A command checks its output against its inputs with it before
 * writing anything.
 */
export function isSameFile(a: string, b: string): boolean {
  const sa = statOf(a);
  const sb = statOf(b);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  if (sa || sb) return false;
  const real = (p: string) => {
    try {
      return join(realpathSync(dirname(resolve(p))), basename(p));
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}
