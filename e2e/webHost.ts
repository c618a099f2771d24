import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  home: string;
  stop(): Promise<void>;
}

/** Starts the built web host with a fresh ASSAY_HOME and waits for its URL line. */
export async function startHost(extraEnv: Record<string, string> = {}): Promise<RunningHost> {
  const home = mkdtempSync(join(tmpdir(), 'assay-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['out/main/web.js'], {
    env: { ...process.env, ASSAY_HOME: home, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${log}`)), 60_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = /Assay is serving at (http:\/\/127\.0\.0\.1:\d+\/\?token=([0-9a-f]+))/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${log}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    home,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(home, { recursive: true, force: true });
    },
  };
}
