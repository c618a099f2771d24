/** Types of electronInstall.mjs. */
import type { ElectronPackage } from './startPlan.mjs';

export function electronPackage(root: string): ElectronPackage | null;
export function electronBinary(root: string): { path: string } | { path: null; why: string };
