/**
 * The main process's start-up signal, as `npm start` reads it: the window
 * loaded, or start-up failed and why.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signalStartup, signalStartupFailed, signalWhenLoaded, STARTUP_FILE_ENV } from '../../src-main/electron/startupSignal';
import { readStartupSignals } from '../../scripts/startPlan.mjs';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-startup-signal-'));
  file = join(dir, 'startup.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = () => readStartupSignals(readFileSync(file, 'utf8'));

class FakeWebContents {
  listeners = new Map<string, () => void>();
  once(event: string, listener: () => void) {
    this.listeners.set(event, listener);
    return this;
  }
}

describe('the start-up signal', () => {
  it('says the window loaded only once its page has finished loading', () => {
    const wc = new FakeWebContents();
    signalWhenLoaded(wc, { [STARTUP_FILE_ENV]: file });
    expect(() => readFileSync(file)).toThrow();
    wc.listeners.get('did-finish-load')!();
    expect(read()).toEqual({ loaded: true });
  });

  it('carries the start-up error’s message', () => {
    signalStartupFailed(new Error('The module was compiled against a different Node.js version'), { [STARTUP_FILE_ENV]: file });
    expect(read()).toEqual({ loaded: false, failure: 'The module was compiled against a different Node.js version' });
  });

  it('keeps a window that loaded loaded, whatever is reported after it', () => {
    const env = { [STARTUP_FILE_ENV]: file };
    signalStartup({ state: 'loaded' }, env);
    signalStartupFailed('later', env);
    expect(read()).toMatchObject({ loaded: true });
  });

  it('writes nothing when no launcher asked for it (electron . run by hand, the packaged app)', () => {
    const writes: string[] = [];
    signalStartup({ state: 'loaded' }, {}, (f) => writes.push(f));
    expect(writes).toEqual([]);
  });

  it('never fails the app when the file cannot be written', () => {
    const failing = () => {
      throw new Error('EACCES');
    };
    expect(() => signalStartupFailed(new Error('x'), { [STARTUP_FILE_ENV]: file }, failing)).not.toThrow();
  });

  it('ignores a line cut short by a crash', () => {
    expect(readStartupSignals('{"state":"loaded"}\n{"state":"fai')).toEqual({ loaded: true });
    expect(readStartupSignals('')).toEqual({ loaded: false });
  });
});
