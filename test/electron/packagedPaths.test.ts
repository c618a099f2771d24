import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmePath, unpackedAppDir, unpackedResourcesDir } from '../../src-main/electron/packagedPaths';

describe('paths outside the asar archive', () => {
  it('point into app.asar.unpacked in a packaged app', () => {
    const app = join('/opt/Assay/resources', 'app.asar');
    expect(unpackedAppDir(app)).toBe(join('/opt/Assay/resources', 'app.asar.unpacked'));
    expect(unpackedResourcesDir(app)).toBe(join('/opt/Assay/resources', 'app.asar.unpacked', 'resources'));
    expect(readmePath(app)).toBe(join('/opt/Assay/resources', 'app.asar.unpacked', 'README.md'));
  });

  it('are the project’s own files in development', () => {
    expect(unpackedAppDir('/home/a/assay')).toBe('/home/a/assay');
    expect(unpackedResourcesDir('/home/a/assay')).toBe(join('/home/a/assay', 'resources'));
    expect(readmePath('/home/a/assay')).toBe(join('/home/a/assay', 'README.md'));
  });
});
