/** Types of electronPack.mjs. */
import type { BuildOptions } from './electronSqlite.mjs';
import type { Availability, ElectronPackage } from './startPlan.mjs';

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  /** electron-builder's Arch enum: 0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal. */
  arch: number;
  packager?: { appInfo?: { productFilename?: string }; info?: { framework?: { version?: string } } };
}

export interface PackEffects {
  root: string;
  electron: ElectronPackage | null;
  ensure(options: Omit<BuildOptions, 'env'>): Promise<Availability>;
  log(line: string): void;
}

export function packedResourcesDir(appOutDir: string, platformName: string, productFilename: string): string;
export function packedSqliteAddon(resourcesDir: string): string;
export function putSqliteIntoPackage(context: PackContext, effects: PackEffects): Promise<string>;
export default function afterPack(context: PackContext): Promise<void>;
