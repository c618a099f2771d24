import { Workbench } from '../node/app/workbench';
import { assayHome, resolveUserPath, resourcesDir } from '../node/app/paths';

/**
 * A path on the command line: relative to the current folder, as every
 * command-line tool takes it; `~` and `~/…` are the home folder even when
 * the shell left them unexpanded (quoted).
 */
export function cliPath(p: string): string {
  return resolveUserPath(p, process.cwd());
}

/**
 * The CLI's workbench: no project open, paths from the current folder, and
 * the app's recent-projects list (and its folder) left alone — a pipeline's
 * scratch projects do not belong there.
 */
export function cliWorkbench(): Promise<Workbench> {
  return Workbench.start({ home: assayHome(), resources: resourcesDir(), empty: true, pathBase: process.cwd(), remember: false });
}
