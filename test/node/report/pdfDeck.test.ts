import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfFromPptx, secondsText } from '../../../src-main/node/report/pdfDeck';
import { rejection } from './rejection';

/**
 * LibreOffice's `soffice` is a shell script that starts `soffice.bin` (about
 * 500 MB) and waits for it: stopping the export must stop the grandchild
 * too, or every timed-out export leaves one behind. The fakes here do the
 * same with `sleep`, and write the grandchild's pid where the test finds it.
 */

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'assay-fake-soffice-'));
  dirs.push(dir);
  return dir;
}

/** A stand-in for soffice: a shell script with the given body. */
function fakeSoffice(body: string): string {
  const path = join(tempDir(), 'soffice');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** A soffice that starts a long-lived grandchild, writes its pid to `pidFile`, then (optionally) waits for it. */
function withGrandchild(pidFile: string, then: string): string {
  return fakeSoffice(`sleep 1000 &\necho $! > "${pidFile}"\n${then}`);
}

/** Whether a process is still there: a zombie (killed, not yet reaped by init) counts as gone. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw e;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return existsSync(`/proc/${pid}`) || process.platform !== 'linux';
  }
}

/** The grandchild's pid, once the fake has written it. */
async function grandchildPid(pidFile: string): Promise<number> {
  await expect.poll(() => existsSync(pidFile) && /^\d+\s*$/.test(readFileSync(pidFile, 'utf8')), { timeout: 10_000 }).toBe(true);
  return Number(readFileSync(pidFile, 'utf8'));
}

async function expectGone(pid: number): Promise<void> {
  await expect.poll(() => alive(pid), { timeout: 10_000 }).toBe(false);
}

describe.skipIf(process.platform === 'win32')('pdfFromPptx stops LibreOffice and everything it started', () => {
  it('on a timeout: the grandchild is killed too, and the message says what happened', async () => {
    const pidFile = join(tempDir(), 'grandchild.pid');
    const hanging = withGrandchild(pidFile, 'wait');
    const slow = pdfFromPptx(new Uint8Array([1]), { soffice: hanging, timeoutMs: 300 });
    const pid = await grandchildPid(pidFile);
    const e = await rejection(slow);
    expect(e.code).toBe('internal');
    expect(e.message).toBe('LibreOffice took longer than 0.3 s to convert the deck to PDF; export PPTX instead.');
    await expectGone(pid);
  });

  it('when cancelled: the grandchild is killed too', async () => {
    const pidFile = join(tempDir(), 'grandchild.pid');
    const controller = new AbortController();
    const cancelled = pdfFromPptx(new Uint8Array([1]), { soffice: withGrandchild(pidFile, 'wait'), signal: controller.signal });
    const pid = await grandchildPid(pidFile);
    controller.abort();
    expect((await rejection(cancelled)).code).toBe('cancelled');
    await expectGone(pid);
  });

  it('when soffice gives up and leaves its grandchild behind: it is killed, and what soffice said is reported', async () => {
    const pidFile = join(tempDir(), 'grandchild.pid');
    const failing = withGrandchild(pidFile, 'echo "Error: source file could not be loaded" >&2\nexit 1');
    const e = await rejection(pdfFromPptx(new Uint8Array([1]), { soffice: failing, timeoutMs: 60_000 }));
    expect(e.message).toBe('LibreOffice did not convert the deck to PDF (exit code 1): Error: source file could not be loaded.');
    await expectGone(await grandchildPid(pidFile));
  });

  it('returns the PDF the converter writes next to the deck, and leaves nothing running', async () => {
    const pidFile = join(tempDir(), 'grandchild.pid');
    // The fake converter copies its input's bytes to <outdir>/deck.pdf, as soffice names its output.
    const copying = withGrandchild(pidFile, 'for a; do last="$a"; done\nwhile [ "$1" != "--outdir" ]; do shift; done\ncp "$last" "$2/deck.pdf"');
    expect(await pdfFromPptx(new Uint8Array([37, 80, 68, 70]), { soffice: copying })).toEqual(new Uint8Array([37, 80, 68, 70]));
    await expectGone(await grandchildPid(pidFile));
  });
});

describe('secondsText, for the timeout message', () => {
  it('says how long was waited in words that mean something at any size: never "0 s"', () => {
    expect(secondsText(120_000)).toBe('120 s');
    expect(secondsText(10_000)).toBe('10 s');
    expect(secondsText(1_500)).toBe('1.5 s');
    expect(secondsText(1_000)).toBe('1 s');
    expect(secondsText(300)).toBe('0.3 s');
    expect(secondsText(100)).toBe('0.1 s');
    expect(secondsText(40)).toBe('40 ms');
  });
});
