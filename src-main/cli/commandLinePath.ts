import { resolveUserPath } from '../node/app/paths';

/**
 * A path on the command line: relative to the current folder, as every
 * command-line tool takes it; `~` and `~/…` are the home folder even when
 * the shell left them unexpanded (quoted).
 *
 * A module of its own so that a command can resolve its arguments without
 * loading the workbench (and with it Arrow and SQLite) before it needs one.
 */
export function cliPath(p: string): string {
  return resolveUserPath(p, process.cwd());
}
