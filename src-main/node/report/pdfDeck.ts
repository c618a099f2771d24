import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiError, cancelledError } from '../../core/api/errors';

/**
 * The deck as PDF: LibreOffice converts the very PPTX the user would get
 * (`soffice --headless --convert-to pdf`), so the two agree slide for slide.
 * LibreOffice is not bundled; without it the PDF export says so.
 */

export const NO_LIBREOFFICE = 'PDF export needs LibreOffice (soffice); install it or export PPTX.';

/** Where LibreOffice installs itself when it is not on PATH. */
const INSTALL_PLACES = [
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

/** The first `name` on PATH (with Windows' extensions), or null. */
export function findOnPath(name: string, path = process.env.PATH ?? ''): string | null {
  const exts = process.platform === 'win32' ? ['.exe', '.com', '.bat', ''] : [''];
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const p = join(dir, name + ext);
      if (existsSync(p)) return p;
    }
  }
  return null;
}

/** LibreOffice's command-line program, or null when it is not installed. */
export function findSoffice(): string | null {
  return findOnPath('soffice') ?? findOnPath('libreoffice') ?? INSTALL_PLACES.find((p) => existsSync(p)) ?? null;
}

export interface PdfOptions {
  /** The soffice program; null means none is installed. Default: found on PATH. */
  soffice?: string | null;
  /** Default two minutes: a long deck with many pictures takes a while on a slow machine. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Kills the child and everything it started (its process group). `soffice`
 * is a launcher that starts `soffice.bin` (half a gigabyte) and waits for it:
 * killing the launcher alone would leave the converter running with nobody
 * to stop it. A group already gone is nothing to do.
 */
function killGroup(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    // Windows has no process groups: taskkill /T ends the tree.
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is gone already. Nothing else can be done from a timer either.
  }
}

/** "120 s", "1.5 s", "0.3 s": whole seconds once there are ten, else to a tenth (never "0 s"), and below a tenth in milliseconds. */
export function secondsText(ms: number): string {
  if (ms >= 10_000) return `${Math.round(ms / 1000)} s`;
  if (ms >= 100) return `${Number((ms / 1000).toFixed(1))} s`;
  return `${Math.round(ms)} ms`;
}

function run(program: string, args: string[], timeoutMs: number, signal?: AbortSignal): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // An abort before the listener is added would never be heard.
    if (signal?.aborted) return reject(cancelledError('The PDF export'));
    // Its own process group (POSIX), so everything it starts can be killed with it.
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32', windowsHide: true });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    let why: 'timeout' | 'cancelled' | null = null;
    const stop = (reason: 'timeout' | 'cancelled') => {
      why = reason;
      killGroup(child);
    };
    const timer = setTimeout(() => stop('timeout'), timeoutMs);
    const onAbort = () => stop('cancelled');
    signal?.addEventListener('abort', onAbort, { once: true });
    // Its own group does not hear the terminal's Ctrl+C: if this process ends first, it ends the converter.
    const onExit = () => killGroup(child);
    process.once('exit', onExit);
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      process.removeListener('exit', onExit);
    };
    child.on('error', (e) => {
      done();
      killGroup(child);
      reject(e);
    });
    // Whatever the launcher left running (a converter it gave up on) goes with it; until then
    // such a straggler would hold the output pipes open and 'close' would never come.
    child.on('exit', () => killGroup(child));
    child.on('close', (code) => {
      done();
      if (why === 'cancelled') reject(cancelledError('The PDF export'));
      else if (why === 'timeout') reject(new ApiError('internal', `LibreOffice took longer than ${secondsText(timeoutMs)} to convert the deck to PDF; export PPTX instead.`));
      else resolve({ code, output });
    });
  });
}

/** The PPTX converted to PDF by LibreOffice, in a private profile so a LibreOffice the user has open does not interfere. */
export async function pdfFromPptx(pptx: Uint8Array, options: PdfOptions = {}): Promise<Uint8Array> {
  const soffice = options.soffice === undefined ? findSoffice() : options.soffice;
  if (!soffice) throw new ApiError('not-found', NO_LIBREOFFICE);
  if (options.signal?.aborted) throw cancelledError('The PDF export');
  const dir = await mkdtemp(join(tmpdir(), 'assay-pdf-'));
  try {
    const input = join(dir, 'deck.pptx');
    await writeFile(input, pptx);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const args = ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, input];
    let result: { code: number | null; output: string };
    try {
      result = await run(soffice, args, options.timeoutMs ?? 120_000, options.signal);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('not-found', NO_LIBREOFFICE);
      throw e;
    }
    const pdf = join(dir, 'deck.pdf');
    if (!existsSync(pdf)) {
      const said = result.output.trim().split('\n').slice(-3).join(' ').slice(0, 400);
      throw new ApiError('internal', `LibreOffice did not convert the deck to PDF (exit code ${result.code ?? 'none'})${said ? `: ${said}` : ''}.`);
    }
    return new Uint8Array(await readFile(pdf));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
