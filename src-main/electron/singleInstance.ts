/**
 * One Assay at a time. A second launch (a double-clicked `.assay` file, the
 * command line, a second start from the launcher) hands its arguments to the
 * running app and quits; a project file among them opens in the running
 * window. macOS sends files opened from the Finder as `open-file` events
 * instead, possibly before the window exists.
 */
import { resolve } from 'node:path';
import { PROJECT_EXTENSION } from '../node/store/projectFile';

/**
 * The project file named on a command line, resolved against the folder the
 * launch came from; the last one when several are named. Flags (Chromium's
 * `--…` switches, macOS's `-psn_…`) and other files are not projects.
 */
export function projectFileFromArgv(argv: readonly string[], workingDirectory: string): string | null {
  for (let i = argv.length - 1; i >= 0; i--) {
    const arg = argv[i];
    if (arg.startsWith('-') || !arg.toLowerCase().endsWith(PROJECT_EXTENSION) || arg.length === PROJECT_EXTENSION.length) continue;
    return resolve(workingDirectory, arg);
  }
  return null;
}

/**
 * Project files asked for from outside (argv, `open-file`, a second launch),
 * held until the page has loaded and can open them, then handed over as they
 * come. Only the latest waiting one is kept: opening several projects in a
 * row would leave just the last one open anyway.
 */
export class ProjectFileRequests {
  private waiting: string | null = null;
  private deliver: ((path: string) => void) | null = null;

  request(path: string): void {
    if (this.deliver) this.deliver(path);
    else this.waiting = path;
  }

  /** The page is ready: `deliver` now receives every request, the one waiting first. */
  connect(deliver: (path: string) => void): void {
    this.deliver = deliver;
    const path = this.waiting;
    this.waiting = null;
    if (path) deliver(path);
  }

  /** The page is gone (reloading, closed): hold requests again. */
  disconnect(): void {
    this.deliver = null;
  }
}
