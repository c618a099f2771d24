import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one interface the pool needs from a worker process, so Electron's
 * `utilityProcess` and Node's `child_process.fork` are interchangeable.
 */
export interface WorkerPort {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
  readonly pid: number | undefined;
}

export type WorkerFactory = () => WorkerPort;

/**
 * The training worker's entry: the bundled `out/main/worker.js` when running
 * built, the TypeScript source (through tsx) under tests and the CLI.
 */
export function workerEntry(): { file: string; execArgv: string[] } {
  const here = dirname(fileURLToPath(import.meta.url));
  // Built, this module may sit in out/main or in out/main/chunks.
  for (const dir of [here, dirname(here)]) {
    const bundled = join(dir, 'worker.js');
    if (existsSync(bundled)) return { file: bundled, execArgv: [] };
  }
  const source = join(here, 'trainingWorker.ts');
  if (existsSync(source)) return { file: source, execArgv: ['--import', import.meta.resolve('tsx')] };
  throw new Error(`Cannot find the training worker next to ${here}.`);
}

/** Workers as Node child processes (web host, CLI, tests). */
export const forkWorker: WorkerFactory = () => {
  const entry = workerEntry();
  const child = fork(entry.file, [], {
    execArgv: entry.execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    post: (m) => {
      if (child.connected) child.send(m as never);
    },
    onMessage: (l) => child.on('message', l),
    onExit: (l) => child.on('exit', (code, signal) => l(code, signal)),
    kill: () => child.kill('SIGKILL'),
    get pid() {
      return child.pid;
    },
  };
};
