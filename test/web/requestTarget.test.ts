import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from '../../src-main/web/requestTarget';

describe('parseRequestTarget', () => {
  it('refuses every target that is not origin-form', () => {
    for (const target of [undefined, '', '*', 'http://[/', 'http://127.0.0.1/', 'example.com:443', 'x/y']) {
      expect(parseRequestTarget(target), String(target)).toBeNull();
    }
  });

  it('keeps a target that looks like an authority as a path on our own host', () => {
    for (const [target, pathname] of [['//[', '//['], ['//x:99999/', '//x:99999/'], ['//evil.example/a', '//evil.example/a']]) {
      const url = parseRequestTarget(target);
      expect(url?.host, target).toBe('127.0.0.1');
      expect(url?.pathname, target).toBe(pathname);
    }
    expect(parseRequestTarget('/a?token=t')?.searchParams.get('token')).toBe('t');
  });
});
