import { describe, expect, it } from 'vitest';
import { parseMenuCommand } from '../../../src-main/core/api/menuCommand';
import { SECTIONS } from '../../../src-main/core/api/sections';

describe('menu commands sent to the page', () => {
  it('accept each command exactly as the main process sends it', () => {
    for (const command of ['newProject', 'openProject', 'saveProjectAs', 'importData', 'undo', 'redo']) {
      expect(parseMenuCommand({ command })).toEqual({ command });
    }
    for (const s of SECTIONS) expect(parseMenuCommand({ command: 'showSection', section: s.id })).toEqual({ command: 'showSection', section: s.id });
    expect(parseMenuCommand({ command: 'openProjectFile', path: 'C:\\Users\\a\\claims.assay' })).toEqual({ command: 'openProjectFile', path: 'C:\\Users\\a\\claims.assay' });
    expect(parseMenuCommand({ command: 'importDataFile', path: '/home/a/claims.csv' })).toEqual({ command: 'importDataFile', path: '/home/a/claims.csv' });
  });

  it('refuse anything else', () => {
    const bad: unknown[] = [
      null,
      undefined,
      'openProject',
      ['openProject'],
      {},
      { command: 'deleteEverything' },
      { command: 'openProject', path: '/x.assay' },
      { command: 'showSection' },
      { command: 'showSection', section: 'settings' },
      { command: 'showSection', section: 'data', extra: 1 },
      { command: 'openProjectFile' },
      { command: 'openProjectFile', path: '' },
      { command: 'openProjectFile', path: 42 },
      { command: 'openProjectFile', path: '/a\0b.assay' },
      { command: 'openProjectFile', path: 'x'.repeat(40_000) },
      { command: 'importDataFile' },
      { command: 'importDataFile', path: ['/a.csv'] },
      { command: 'importData', path: '/a.csv' },
      { command: 'toString' },
    ];
    for (const v of bad) expect(parseMenuCommand(v), JSON.stringify(v)).toBeNull();
  });
});
