/** Types of electronInstall.mjs. */
import type { ElectronPackage } from './startPlan.mjs';

export function electronPackage(root: string): ElectronPackage | null;
export interface BinaryEffects {
  log?(line: string): void;
  /** Runs electron's install.js; whether it succeeded. */
  install?(script: string): boolean;
}

export function electronBinary(root: string, effects?: BinaryEffects): { path: string } | { path: null; why: string };
