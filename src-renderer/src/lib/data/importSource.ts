/**
 * A file to import: one the page holds (picked in its file input or dropped),
 * or the path of one the desktop app's native dialog picked (Project ▸
 * Import data… from the menu, where the page cannot open its own picker: a
 * browser shows a file chooser only in answer to a click or key in the page).
 */
export type ImportSource = File | { path: string };

/** The file's name without its folders, as the dataset is first called. */
export function importSourceName(source: ImportSource): string {
  return 'path' in source ? (source.path.split(/[\\/]/).pop() ?? source.path) : source.name;
}
