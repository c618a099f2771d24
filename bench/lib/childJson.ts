import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The Python the reference sides run with (Debian's, with pandas / scikit-learn); absent = Assay alone. */
export const PYTHON = '/usr/bin/python3';

/** Runs a command to completion and parses the last line it printed as JSON. */
export function runJson<T>(cmd: string, argv: string[]): Promise<T> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', rej);
    child.on('close', (code) => {
      if (code !== 0) return rej(new Error(`${cmd} ${argv.join(' ')} exited with ${code}:\n${err.slice(-2000)}`));
      try {
        res(JSON.parse(out.trim().split('\n').pop()!) as T);
      } catch {
        rej(new Error(`${cmd} ${argv.join(' ')} did not end with a JSON line:\n${out.slice(-2000)}`));
      }
    });
  });
}

/** pandas' version under PYTHON, or null when Python or pandas is missing. */
export async function pandasVersion(): Promise<string | null> {
  if (!existsSync(PYTHON)) return null;
  try {
    return (await runJson<{ version: string }>(PYTHON, ['-c', 'import json, pandas; print(json.dumps({"version": pandas.__version__}))'])).version;
  } catch {
    return null;
  }
}
