/**
 * The native dialogs' options for paths the analyst picks on the desktop:
 * project files (open, new, save as) and exported files. The browser keeps
 * its own ways (the in-app path dialog, downloads); these are only built
 * where the app runs in Electron. Each dialog starts in the folder last used
 * for the same kind of file in this session.
 */
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { extname, join } from 'node:path';
import { PROJECT_EXTENSION } from '../node/store/projectFile';

const PROJECT_FILTER = { name: 'Assay project', extensions: [PROJECT_EXTENSION.slice(1)] };

export function openProjectDialogOptions(folder: string | null): OpenDialogOptions {
  return { title: 'Open project', properties: ['openFile'], filters: [PROJECT_FILTER], ...(folder ? { defaultPath: folder } : {}) };
}

export function saveProjectDialogOptions(folder: string | null): SaveDialogOptions {
  return {
    title: 'Save project',
    buttonLabel: 'Save',
    filters: [PROJECT_FILTER],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
    ...(folder ? { defaultPath: folder } : {}),
  };
}

/**
 * Data files, as the Data view's own picker lists them; the format is read
 * from the file's content, so "All files" is offered too.
 */
const DATA_FILTER = { name: 'Data files', extensions: ['csv', 'tsv', 'txt', 'tab', 'arrow', 'feather', 'ipc'] };

export function importDataDialogOptions(folder: string | null): OpenDialogOptions {
  return {
    title: 'Import data',
    buttonLabel: 'Import',
    properties: ['openFile'],
    filters: [DATA_FILTER, { name: 'All files', extensions: ['*'] }],
    ...(folder ? { defaultPath: folder } : {}),
  };
}

/** What Assay exports, by extension, named as a save dialog's file-type list shows them. */
const EXPORT_TYPES: Record<string, string> = {
  png: 'PNG image',
  svg: 'SVG image',
  pptx: 'PowerPoint presentation',
  pdf: 'PDF document',
  csv: 'CSV table',
  tsv: 'Tab-separated table',
  json: 'JSON',
  py: 'Python script',
  ipynb: 'Jupyter notebook',
  onnx: 'ONNX model',
  assaymodel: 'Assay model',
  zip: 'ZIP archive',
};

/**
 * The save dialog for a file the page exports (Electron's `will-download`):
 * the suggested name in the last export folder, its own type first.
 */
export function exportDialogOptions(fileName: string, folder: string): SaveDialogOptions {
  const ext = extname(fileName).slice(1).toLowerCase();
  const type = EXPORT_TYPES[ext];
  return {
    title: 'Export',
    defaultPath: join(folder, fileName),
    filters: [...(type ? [{ name: type, extensions: [ext] }] : []), { name: 'All files', extensions: ['*'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}
