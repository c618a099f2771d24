import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDialogOptions, importDataDialogOptions, openProjectDialogOptions, saveProjectDialogOptions } from '../../src-main/electron/dialogs';

describe('the native dialogs', () => {
  it('open and save project files only, starting in the last folder used', () => {
    expect(openProjectDialogOptions('/home/a/projects')).toEqual({
      title: 'Open project',
      properties: ['openFile'],
      filters: [{ name: 'Assay project', extensions: ['assay'] }],
      defaultPath: '/home/a/projects',
    });
    expect(openProjectDialogOptions(null).defaultPath).toBeUndefined();
    const save = saveProjectDialogOptions('/home/a/projects');
    expect(save.filters).toEqual([{ name: 'Assay project', extensions: ['assay'] }]);
    expect(save.properties).toContain('showOverwriteConfirmation');
    expect(save.defaultPath).toBe('/home/a/projects');
    expect(saveProjectDialogOptions(null).defaultPath).toBeUndefined();
  });

  it('import one data file of any kind the importer reads, starting in the last import folder', () => {
    const o = importDataDialogOptions('/home/a/data');
    expect(o.properties).toEqual(['openFile']);
    expect(o.filters).toEqual([
      { name: 'Data files', extensions: ['csv', 'tsv', 'txt', 'tab', 'arrow', 'feather', 'ipc'] },
      { name: 'All files', extensions: ['*'] },
    ]);
    expect(o.defaultPath).toBe('/home/a/data');
    expect(importDataDialogOptions(null).defaultPath).toBeUndefined();
  });

  it('save an export under its own name and type in the last export folder', () => {
    const o = exportDialogOptions('Confusion matrix.PNG', '/home/a/Desktop');
    expect(o.defaultPath).toBe(join('/home/a/Desktop', 'Confusion matrix.PNG'));
    expect(o.filters).toEqual([
      { name: 'PNG image', extensions: ['png'] },
      { name: 'All files', extensions: ['*'] },
    ]);
    expect(exportDialogOptions('deck.pptx', '/d').filters?.[0]).toEqual({ name: 'PowerPoint presentation', extensions: ['pptx'] });
    expect(exportDialogOptions('model.assaymodel', '/d').filters?.[0]).toEqual({ name: 'Assay model', extensions: ['assaymodel'] });
    expect(exportDialogOptions('notes', '/d').filters).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });
});
