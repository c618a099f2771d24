/** Types of startPlan.mjs, so the tests and TypeScript callers check against them. */

export interface ElectronPackage {
  version: string;
  /** Electron's NODE_MODULE_VERSION, the ABI its native modules must be built for. */
  abi: string;
}

export type Availability = { ok: true } | { ok: false; why: string };

/** How an Electron run ended, as the launcher observed it. */
export interface ElectronExit {
  code: number | null;
  signal: string | null;
  /** The main process signalled that its window had loaded. */
  loaded: boolean;
  /** The main process's own account of a start-up failure, when it could give one. */
  failure?: string;
  /** The last few kilobytes Electron wrote to stderr. */
  stderrTail?: string;
  /** The binary could not be spawned at all. */
  spawnError?: string;
}

export interface StartupFailure {
  reason: string;
  /** npm start's better-sqlite3 build could not be loaded (another NODE_MODULE_VERSION, damaged, another architecture): build it again. */
  cachedBuildUnusable: boolean;
}

export interface StartInput {
  args: string[];
  platform: string;
  env: Record<string, string | undefined>;
  /** The launcher's working directory: relative project files are resolved against INIT_CWD, else this. */
  cwd?: string;
}

export interface StartEffects {
  electronPackage(): ElectronPackage | null;
  /** Finds Electron's binary, downloading it once where it is missing. */
  electronBinary(): Promise<{ path: string } | { path: null; why: string }>;
  /** Makes sure better-sqlite3 built for this Electron is cached. */
  ensureSqliteForElectron(electron: ElectronPackage): Promise<Availability>;
  discardSqliteForElectron(electron: ElectronPackage): void;
  launchElectron(binary: string, args: string[]): Promise<ElectronExit>;
}

export type StartOutcome =
  | { host: 'web'; args: string[]; line: string }
  | { host: 'electron'; exitCode: number };

export function wantsWeb(args: string[], env: Record<string, string | undefined>): boolean;
export function passThroughArgs(args: string[], from?: string | null): string[];
export function missingBuild(root: string, exists?: (path: string) => boolean): string | null;
export function displayMissing(platform: string, env: Record<string, string | undefined>): boolean;
export function startupFailure(exit: ElectronExit): StartupFailure | null;
export function readStartupSignals(text: string): { loaded: boolean; failure?: string };
export function electronExitCode(exit: ElectronExit): number;
export function unavailableLine(reason: string): string;
export function startFailedLine(failure: StartupFailure, discardError?: string | null): string;
export function planStart(input: StartInput, effects: StartEffects): Promise<StartOutcome>;
