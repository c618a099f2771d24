import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendCrashLog, crashDialogText, crashLogEntry, crashLogPath, installCrashHandlers } from '../../src-main/electron/crashDialog';

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

  it('says when the app keeps running and when no log could be written', () => {
    const { message } = crashDialogText('rejection', 'worker pool stopped', null);
    expect(message).toMatch(/keeps running/);
    expect(message).toMatch(/could not be written to a log file/);
  });
});

describe('the crash handlers', () => {
  function setup() {
    const proc = new EventEmitter();
    const shown: string[][] = [];
    let quits = 0;
    const logFile = join(dir, `handlers-${Math.random()}.log`);
    installCrashHandlers(proc, { logFile: () => logFile, showErrorBox: (t, m) => shown.push([t, m]), quit: () => quits++, now: () => when });
    return { proc, shown, quits: () => quits, logFile };
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
});
