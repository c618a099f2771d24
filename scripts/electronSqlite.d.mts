/** Types of electronSqlite.mjs. */
import type { Availability, ElectronPackage } from './startPlan.mjs';

export interface RunResult {
  ok: boolean;
  /** The command's output (stdout and stderr), or its last part. */
  output: string;
}

export interface BuildEffects {
  /** Runs `node <script> ...args` in cwd, its output appended to logFile. */
  run(script: string, args: string[], options: { cwd: string; logFile: string }): Promise<RunResult>;
  log(line: string): void;
}

export interface BuildOptions {
  root: string;
  electron: ElectronPackage;
  arch: string;
  env: Record<string, string | undefined>;
}

export function sqliteCacheDir(root: string, abi: string): string;
export function sqliteCachePath(root: string, abi: string): string;
export function buildFailureReason(output: string): string;
export function nodeGypScript(env: Record<string, string | undefined>, exists?: (path: string) => boolean): string | null;
export function ensureSqliteForElectron(options: BuildOptions, effects: BuildEffects): Promise<Availability>;
export function discardSqliteForElectron(root: string, abi: string): void;
export function runLogged(script: string, args: string[], options: { cwd: string; logFile: string }): Promise<RunResult>;
