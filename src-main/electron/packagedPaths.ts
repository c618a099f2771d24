/**
 * Paths of files the packaged app must hand to something outside Node's
 * asar-aware `fs`: the chart fonts, which resvg (native code) reads itself,
 * and the README, which the OS opens. electron-builder unpacks them next to
 * the archive (`asarUnpack` in electron-builder.yml); in development there
 * is no archive and the paths are the project's own.
 */
import { join } from 'node:path';

/** `…/resources/app.asar` → `…/resources/app.asar.unpacked`; any other app folder is already real files. */
export function unpackedAppDir(appPath: string): string {
  return appPath.endsWith('.asar') ? `${appPath}.unpacked` : appPath;
}

export function unpackedResourcesDir(appPath: string): string {
  return join(unpackedAppDir(appPath), 'resources');
}

export function readmePath(appPath: string): string {
  return join(unpackedAppDir(appPath), 'README.md');
}
