import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendCrashLog, CRASH_LOG_LIMIT, crashDialogText, crashLogEntry, crashLogPath, installCrashHandlers, type CrashHandlerDeps } from '../../src-main/electron/crashDialog';

const dir = mkdtempSync(join(tmpdir(), 'assay-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const when = new Date('2025-03-01T10:20:30.000Z');

describe('the crash log', () => {
  it('lives in logs/ under the user-data folder', () => {
    expect(crashLogPath('/home/a/.config/Assay')).toBe(join('/home/a/.config/Assay', 'logs', 'main.log'));
  });

  it('records when, what kind, the message and the stack', () => {
    const e = new TypeError('cannot read x');
    const entry = crashLogEntry('exception', e, when);
    expect(entry.startsWith('[2025-03-01T10:20:30.000Z] Uncaught exception in the main process\nTypeError: cannot read x\n')).toBe(true);
    expect(crashLogEntry('rejection', 'plain reason', when)).toBe('[2025-03-01T10:20:30.000Z] Unhandled promise rejection in the main process\nplain reason\n\n');
    expect(crashLogEntry('rejection', { code: 42 }, when)).toContain('{"code":42}');
  });

  it('is appended to, and a log that cannot be written is reported as null', () => {
    const file = join(dir, 'logs', 'main.log');
    expect(appendCrashLog(file, 'one\n')).toBe(file);
    expect(appendCrashLog(file, 'two\n')).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo\n');
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    expect(appendCrashLog(join(blocker, 'logs', 'main.log'), 'x')).toBeNull();
  });

  it('is rotated once it passes its limit: the previous part is kept as main.old.log, so the last megabyte or more survives', () => {
    const logs = join(dir, 'rotating');
    mkdirSync(logs);
    const file = join(logs, 'main.log');
    writeFileSync(file, 'x'.repeat(CRASH_LOG_LIMIT - 4));
    expect(appendCrashLog(file, 'fits')).toBe(file);
    expect(existsSync(join(logs, 'main.old.log'))).toBe(false);
    expect(appendCrashLog(file, 'next entry\n')).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe('next entry\n');
    expect(statSync(join(logs, 'main.old.log')).size).toBe(CRASH_LOG_LIMIT);
    expect(CRASH_LOG_LIMIT).toBe(1024 * 1024);
  });
});

describe('the crash dialog', () => {
  it('gives the message, what happened to the work, and where the log is', () => {
    const { title, message } = crashDialogText('exception', new Error('disk I/O error'), '/u/logs/main.log');
    expect(title).toBe('Assay hit an unexpected error');
    expect(message.startsWith('disk I/O error\n\n')).toBe(true);
    expect(message).toMatch(/every change Assay had finished saving/);
    expect(message).toMatch(/import or training run that was still going is not kept/);
    expect(message).toMatch(/will now close/);
    expect(message.endsWith('The details are in /u/logs/main.log.')).toBe(true);
  });

  it('counts the errors since the last dialog that only went to the log', () => {
    expect(crashDialogText('rejection', 'x', '/u/main.log', 3).message).toContain('3 more errors since the last message are only in the log.');
    expect(crashDialogText('rejection', 'x', '/u/main.log', 1).message).toContain('1 more error since the last message is only in the log.');
    expect(crashDialogText('rejection', 'x', '/u/main.log', 0).message).not.toContain('more error');
  });

  it('says when the app keeps running and when no log could be written', () => {
    const { message } = crashDialogText('rejection', 'worker pool stopped', null);
    expect(message).toMatch(/keeps running/);
    expect(message).toMatch(/could not be written to a log file/);
  });
});

describe('the crash handlers', () => {
  function setup(over: Partial<CrashHandlerDeps> = {}) {
    const proc = new EventEmitter();
    const shown: string[][] = [];
    let quits = 0;
    let clock = when.getTime();
    const logFile = join(dir, `handlers-${Math.random()}.log`);
    installCrashHandlers(proc, {
      logFile: () => logFile,
      showErrorBox: (t, m) => shown.push([t, m]),
      quit: () => quits++,
      now: () => new Date(clock),
      ...over,
    });
    return { proc, shown, quits: () => quits, logFile, later: (ms: number) => (clock += ms) };
  }

  it('log and show an unhandled rejection, and keep the app running', () => {
    const s = setup();
    s.proc.emit('unhandledRejection', new Error('late failure'));
    expect(s.shown).toHaveLength(1);
    expect(s.shown[0][1]).toContain('late failure');
    expect(s.quits()).toBe(0);
    expect(readFileSync(s.logFile, 'utf8')).toContain('Unhandled promise rejection');
  });

  it('log and show an uncaught exception, then quit once; later errors are only logged', () => {
    const s = setup();
    s.proc.emit('uncaughtException', new Error('boom'));
    s.proc.emit('uncaughtException', new Error('boom while closing'));
    s.proc.emit('unhandledRejection', new Error('and another'));
    expect(s.shown).toHaveLength(1);
    expect(s.shown[0][1]).toContain(`The details are in ${s.logFile}.`);
    expect(s.quits()).toBe(1);
    const log = readFileSync(s.logFile, 'utf8');
    expect(log).toContain('boom while closing');
    expect(log).toContain('and another');
  });

  it('show one dialog for a flood of rejections, logging every one and counting those not shown', () => {
    const s = setup();
    for (let i = 0; i < 50; i++) s.proc.emit('unhandledRejection', new Error(`r${i}`));
    expect(s.shown).toHaveLength(1);
    const log = readFileSync(s.logFile, 'utf8');
    expect(log).toContain('r49');
    expect(log).toContain('(not shown in a dialog: 49 errors since the last one shown)');
    s.later(61_000);
    s.proc.emit('unhandledRejection', new Error('a minute later'));
    expect(s.shown).toHaveLength(2);
    expect(s.shown[1][1]).toContain('a minute later');
    expect(s.shown[1][1]).toContain('49 more errors since the last message are only in the log.');
  });

  it('show no second dialog while one is open (an error raised while it is shown)', () => {
    const proc = new EventEmitter();
    const shown: string[] = [];
    installCrashHandlers(proc, {
      logFile: () => join(dir, `nested-${Math.random()}.log`),
      showErrorBox: (_t, m) => {
        shown.push(m);
        proc.emit('unhandledRejection', new Error('while the dialog is open'));
      },
      quit: () => {},
    });
    proc.emit('uncaughtException', new Error('first'));
    expect(shown).toHaveLength(1);
  });

  it('never throw: a dialog that fails is logged, and an exception still closes the workbench and quits', () => {
    const s = setup({
      showErrorBox: () => {
        throw new Error('dialog failed');
      },
    });
    expect(() => s.proc.emit('uncaughtException', new Error('boom'))).not.toThrow();
    expect(s.quits()).toBe(1);
    expect(readFileSync(s.logFile, 'utf8')).toContain('The error dialog could not be shown: dialog failed');
  });

  it('never throw when the log folder cannot be named or quitting fails, and exit instead', () => {
    const exits: number[] = [];
    const s = setup({
      logFile: () => {
        throw new Error("app.getPath('userData') failed");
      },
      quit: () => {
        throw new Error('quit failed');
      },
      exit: (code) => exits.push(code),
    });
    expect(() => s.proc.emit('uncaughtException', new Error('boom'))).not.toThrow();
    expect(s.shown[0][1]).toContain('could not be written to a log file');
    expect(exits).toEqual([1]);
  });

  it('fail the start instead, without a dialog of their own, when the error comes before the window has loaded', () => {
    const failed: unknown[] = [];
    let loaded = false;
    const s = setup({ startingUp: () => !loaded, failStartup: (e) => failed.push(e) });
    const early = new Error('before the window');
    s.proc.emit('uncaughtException', early);
    expect(failed).toEqual([early]);
    expect(s.shown).toEqual([]);
    expect(s.quits()).toBe(0);
    expect(readFileSync(s.logFile, 'utf8')).toContain('before the window');

    loaded = true;
    const t = setup({ startingUp: () => !loaded, failStartup: (e) => failed.push(e) });
    t.proc.emit('uncaughtException', new Error('after'));
    expect(failed).toHaveLength(1);
    expect(t.quits()).toBe(1);
  });
});
