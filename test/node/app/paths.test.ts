import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { resolveUserPath } from '../../../src-main/node/app/paths';

describe('resolveUserPath: the one rule for typed paths', () => {
  const base = '/work/here';
  const home = '/home/ana';

  it('takes a relative path from the base (the CLI passes its current folder)', () => {
    expect(resolveUserPath('rel.assay', base, home)).toBe('/work/here/rel.assay');
    expect(resolveUserPath('sub/../data/x.csv', base, home)).toBe('/work/here/data/x.csv');
    expect(resolveUserPath('./x.assay', base, home)).toBe('/work/here/x.assay');
  });

  it('expands ~ and ~/… to the home folder, whatever the base', () => {
    expect(resolveUserPath('~', base, home)).toBe('/home/ana');
    expect(resolveUserPath('~/claims/p.assay', base, home)).toBe('/home/ana/claims/p.assay');
  });

  it('keeps an absolute path, and leaves ~name as an ordinary name', () => {
    expect(resolveUserPath('/data/p.assay', base, home)).toBe('/data/p.assay');
    expect(resolveUserPath('~bob/p.assay', base, home)).toBe('/work/here/~bob/p.assay');
  });

  it("defaults the home folder to the user's", () => {
    expect(resolveUserPath('~/x', base)).toBe(`${homedir()}/x`);
  });
});
