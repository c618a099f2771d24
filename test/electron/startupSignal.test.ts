/**
 * The main process's start-up signal, as `npm start` reads it: the window
 * loaded, or start-up failed and why.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signalStartup, signalStartupFailed, signalWhenLoaded, STARTUP_FILE_ENV, takeStartupFile } from '../../src-main/electron/startupSignal';
import { readStartupSignals } from '../../scripts/startPlan.mjs';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-startup-signal-'));
  file = join(dir, 'startup.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = () => readStartupSignals(readFileSync(file, 'utf8'));

/** Node's `once`: the listener runs for the first event only. */
class FakeWebContents {
  listeners = new Map<string, () => void>();
  once(event: string, listener: () => void) {
    this.listeners.set(event, () => {
      this.listeners.delete(event);
      listener();
    });
    return this;
  }
  emit(event: string) {
    this.listeners.get(event)?.();
  }
}

describe('the start-up signal', () => {
  it('says the window loaded only once its page has finished loading', () => {
    const wc = new FakeWebContents();
    let loaded = 0;
    signalWhenLoaded(wc, file, () => loaded++);
    expect(() => readFileSync(file)).toThrow();
    wc.emit('did-finish-load');
    expect(read()).toEqual({ loaded: true });
    expect(loaded).toBe(1);
    // a reload of the page is not a second start
    wc.emit('did-finish-load');
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(loaded).toBe(1);
  });

  it('carries the start-up error’s message', () => {
    signalStartupFailed(new Error('The module was compiled against a different Node.js version'), file);
    expect(read()).toEqual({ loaded: false, failure: 'The module was compiled against a different Node.js version' });
  });

  it('keeps a window that loaded loaded, whatever is reported after it', () => {
    signalStartup({ state: 'loaded' }, file);
    signalStartupFailed('later', file);
    expect(read()).toMatchObject({ loaded: true });
  });

  it('writes nothing when no launcher asked for it (electron . run by hand, the packaged app)', () => {
    const writes: string[] = [];
    signalStartup({ state: 'loaded' }, null, (f) => writes.push(f));
    expect(writes).toEqual([]);
  });

  it('never fails the app when the file cannot be written', () => {
    const failing = () => {
      throw new Error('EACCES');
    };
    expect(() => signalStartupFailed(new Error('x'), file, failing)).not.toThrow();
  });

  it('is taken out of the environment as the main process starts, so no child process (soffice, the README’s viewer) inherits it', () => {
    const env: NodeJS.ProcessEnv = { [STARTUP_FILE_ENV]: file, PATH: '/usr/bin' };
    expect(takeStartupFile(env)).toBe(file);
    expect(env).toEqual({ PATH: '/usr/bin' });
    expect(takeStartupFile(env)).toBeNull();
    expect(takeStartupFile({ [STARTUP_FILE_ENV]: '' })).toBeNull();
  });

  it('ignores a line cut short by a crash', () => {
    expect(readStartupSignals('{"state":"loaded"}\n{"state":"fai')).toEqual({ loaded: true });
    expect(readStartupSignals('')).toEqual({ loaded: false });
  });
});
