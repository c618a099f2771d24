import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** The `assay` wrapper of a clone, as a user runs it. */
export const ASSAY_BIN = resolve('bin/assay.mjs');

/** An environment with HOME moved and Assay's own folders unset, so a test sees every file the CLI writes. */
export function isolatedEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
  delete env.ASSAY_HOME;
  delete env.XDG_CONFIG_HOME;
  return env;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/** Runs `assay ARGS…` in `cwd` and waits for it. */
export function assay(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Finished> {
  return finished(spawn(process.execPath, [ASSAY_BIN, ...args], { cwd: options.cwd, env: options.env }));
}
