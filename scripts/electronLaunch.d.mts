/** Types of electronLaunch.mjs. */
import type { ElectronExit } from './startPlan.mjs';

export function launchElectron(binary: string, appDir: string, args: string[]): Promise<ElectronExit>;
