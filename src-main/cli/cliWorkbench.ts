import { Workbench } from '../node/app/workbench';
import { assayHome, resourcesDir } from '../node/app/paths';

export { cliPath } from './commandLinePath';

/**
 * The CLI's workbench: no project open, paths from the current folder, and
 * the app's recent-projects list (and its folder) left alone — a pipeline's
 * scratch projects do not belong there.
 */
export function cliWorkbench(): Promise<Workbench> {
  return Workbench.start({ home: assayHome(), resources: resourcesDir(), empty: true, pathBase: process.cwd(), remember: false });
}
