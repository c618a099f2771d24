// Runs Electron and reports how the run ended: whether its window loaded
// (the main process signals it, src-main/electron/startupSignal.ts), and
// what it said on stderr, so `npm start` can fall back when it could not start.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStartupSignals } from './startPlan.mjs';

const STARTUP_FILE_ENV = 'ASSAY_STARTUP_FILE';
const STDERR_TAIL = 16 * 1024;

export function launchElectron(binary, appDir, args) {
  const signalDir = mkdtempSync(join(tmpdir(), 'assay-start-'));
  const signalFile = join(signalDir, 'startup.jsonl');
  return new Promise((resolve) => {
    const child = spawn(binary, [appDir, ...args], {
      // stderr is passed through as it comes, and its tail kept for the reason of a failed start.
      stdio: ['inherit', 'inherit', 'pipe'],
      env: { ...process.env, [STARTUP_FILE_ENV]: signalFile },
    });
    let stderrTail = '';
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk.toString()).slice(-STDERR_TAIL);
    });
    // Ctrl+C reaches Electron too; this process waits for it to close rather than dying first.
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    let settled = false;
    const settle = (exit) => {
      if (settled) return;
      settled = true;
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      const signals = existsSync(signalFile) ? readStartupSignals(readFileSync(signalFile, 'utf8')) : { loaded: false };
      rmSync(signalDir, { recursive: true, force: true });
      resolve({ ...exit, ...signals, stderrTail });
    };
    child.on('error', (e) => settle({ code: null, signal: null, spawnError: e.message }));
    child.on('close', (code, signal) => settle({ code, signal }));
  });
}
