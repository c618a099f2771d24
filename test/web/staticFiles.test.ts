import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticFileFor } from '../../src-main/web/staticFiles';

const root = resolve('renderer-root');

describe('staticFileFor', () => {
  it('knows the page by its decoded segments, however the path spells it', () => {
    for (const path of ['/', '//', '///', '/index.html', '//index.html', '/index.html/', '/%69ndex.html', '/./index.html', '/INDEX.HTML', '/index.html.', '/index.html%20']) {
      expect(staticFileFor(root, path), path).toMatchObject({ ok: true, page: true });
    }
  });

  it('does not take an asset, or index.html in a folder, for the page', () => {
    for (const path of ['/assets/app.js', '/assets/index.html', '/index.htm', '/index.html.js', '/xindex.html']) {
      expect(staticFileFor(root, path), path).toMatchObject({ ok: true, page: false });
    }
    expect(staticFileFor(root, '//assets//app.js')).toEqual({ ok: true, page: false, file: join(root, 'assets', 'app.js') });
  });
});
