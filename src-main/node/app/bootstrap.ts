import { ASSAY_VERSION } from '../../core/version';
import { createHandlers } from '../api/handlers';
import { Router } from '../api/router';
import { assayHome, resourcesDir } from './paths';
import { Workbench } from './workbench';

export interface HostCore {
  workbench: Workbench;
  router: Router;
}

/** What every host starts with: the workbench on its project and the API router over it. */
export async function startHostCore(host: 'electron' | 'web', project?: string): Promise<HostCore> {
  const workbench = await Workbench.start({ home: assayHome(), resources: resourcesDir(), project });
  const router = new Router(createHandlers(workbench, { host, version: ASSAY_VERSION }));
  return { workbench, router };
}
