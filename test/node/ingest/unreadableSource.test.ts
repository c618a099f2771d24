/**
 * A source file the system will not open (mode 000 for a user who is not
 * root) is refused in the product's words, not Node's
 * `EACCES: permission denied, open '/…'`. Tests run as root, who may open
 * anything, so `openSync` is made to fail the way it fails for such a user.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { unreadableSourceError } from '../../../src-main/node/ingest/sourceFile';
import { tempWorkbench, type TempWorkbench } from '../helpers';

const LOCKED = 'locked.csv';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = ((path: unknown, ...rest: unknown[]) => {
    if (typeof path === 'string' && path.endsWith(LOCKED)) {
      throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES', errno: -13, syscall: 'open', path });
    }
    return (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, openSync }, openSync };
});

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

describe('a source file that cannot be read', () => {
  it('is refused as "cannot be read (permission denied)", and the project is left as it was', async () => {
    const path = t.file(LOCKED, 'a,b\n1,2\n');
    const before = t.state();
    const err = await t.wb.importFile({ path }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe('locked.csv cannot be read (permission denied).');
    expect((err as ApiError).location).toMatchObject({ file: LOCKED });
    expect(t.state()).toBe(before);
  });

  it('words the system\u2019s reasons, and leaves other errors to the caller', () => {
    const errno = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    expect(unreadableSourceError(errno('EACCES'), 'x.csv')?.message).toBe('x.csv cannot be read (permission denied).');
    expect(unreadableSourceError(errno('EPERM'), 'x.csv')?.message).toBe('x.csv cannot be read (permission denied).');
    expect(unreadableSourceError(errno('EISDIR'), 'x.csv')?.message).toBe('x.csv cannot be read (it is a folder).');
    expect(unreadableSourceError(errno('EIO'), 'x.csv')?.message).toBe('x.csv cannot be read (an input/output error).');
    expect(unreadableSourceError(errno('ENOENT'), 'x.csv')?.message).toBe('x.csv disappeared during the import; nothing was imported.');
    expect(unreadableSourceError(new Error('something else'), 'x.csv')).toBeNull();
  });
});
